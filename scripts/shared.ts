/**
 * Where the research data lives: `$NEWS_ANNOTATOR_SHARED`, else `../shared` beside the repository.
 * Scripts and tests read corpora from there at run time; none of it is copied into the repository.
 */
import fs from 'node:fs';
import path from 'node:path';

export function sharedDir(): string {
  return path.resolve(process.env.NEWS_ANNOTATOR_SHARED || path.join(repoRoot(), '..', 'shared'));
}

/** The repository root (the folder holding package.json), found from the working directory. */
export function repoRoot(): string {
  let dir = process.cwd();
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'src', 'core'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** A path inside the shared folder, or null (with the reason printed) when it is missing. */
export function sharedPath(...parts: string[]): string | null {
  const p = path.join(sharedDir(), ...parts);
  if (!fs.existsSync(p)) {
    console.error(`skipped: ${p} not found (set NEWS_ANNOTATOR_SHARED to the shared data folder)`);
    return null;
  }
  return p;
}
