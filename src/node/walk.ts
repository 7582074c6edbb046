/**
 * Expands CLI arguments into article files: files as given, directories walked for `*.txt`
 * (sorted, hidden folders and node_modules skipped).
 */
import fs from 'node:fs';
import path from 'node:path';

export function expandArticles(args: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const a of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(a);
    } catch {
      missing.push(a);
      continue;
    }
    if (st.isDirectory()) walk(a, files);
    else files.push(a);
  }
  return { files, missing };
}

function walk(dir: string, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && e.name.toLowerCase().endsWith('.txt')) out.push(p);
  }
}
