// Guards on the editor sources that the fuzz test cannot reach (they need the `vscode` API): trust is
// set in one place; notifications (which render `[x](command:…)` as links) carry fixed text only.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../../..');
const dir = path.join(root, 'src/vscode');
const sources = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, src: fs.readFileSync(path.join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '') }));

test('MarkdownStrings are made and given trust only in the hover adapter', () => {
  const bad: string[] = [];
  for (const { file, src } of sources) {
    if (file === 'hover.ts') continue;
    if (/new vscode\.MarkdownString|\.isTrusted\s*=|supportHtml\s*=|supportThemeIcons\s*=/.test(src)) bad.push(file);
  }
  assert.deepEqual(bad, []);
  const hover = sources.find((s) => s.file === 'hover.ts')!.src;
  assert.doesNotMatch(hover, /isTrusted\s*=\s*true/, 'never blanket trust');
  assert.match(hover, /supportHtml = false/);
  assert.match(hover, /enabledCommands: \[\.\.\.p\.enabledCommands\]/);
});

test('notification messages are fixed text: no interpolated names, file names or error texts', () => {
  // The interpolations allowed: the save result, whose messages are fixed phrases (see articles.ts),
  // and counts through count() (digits only, see notices.ts).
  const allowed = new Set(['r.message']);
  const isCount = (expr: string) => /^count\([^()]*(?:\([^()]*\))?[^()]*\)$/.test(expr);
  const bad: string[] = [];
  for (const { file, src } of sources) {
    for (const m of src.matchAll(
      /show(?:Information|Warning|Error)Message\(\s*(`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^,)]+)/g,
    )) {
      const arg = m[1]!;
      if (arg.startsWith("'") || arg.startsWith('"')) continue;
      if (arg.startsWith('`')) {
        for (const i of arg.matchAll(/\$\{([^}]*)\}/g))
          if (!allowed.has(i[1]!.trim()) && !isCount(i[1]!.trim())) bad.push(`${file}: ${i[1]}`);
        continue;
      }
      bad.push(`${file}: ${arg.trim()}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('the save result messages that reach a notification are fixed phrases', () => {
  const articles = sources.find((s) => s.file === 'articles.ts')!.src;
  const body = articles.slice(articles.indexOf('async saveSidecar('), articles.indexOf('onSidecarChangedOnDisk'));
  for (const m of body.matchAll(/message: ([^}]+)\}/g)) {
    const v = m[1]!.trim();
    if (v === 'string') continue; // the signature
    assert.ok(
      /^'[^'$`]*'$/.test(v) || v === "out.reason === 'error' ? 'the file could not be written (details in the output)' : out.message",
      v,
    );
  }
  const store = sources.find((s) => s.file === 'sidecarStore.ts')!.src;
  for (const m of store.matchAll(/reason: '(dirty-tab|changed-on-disk)', message: ([^}]+)\}/g))
    assert.match(m[2]!.trim(), /^'[^'$`]*'$/, m[1]);
});
