// The architecture's one rule: src/core imports neither `vscode` nor any Node built-in, and only
// src/vscode imports `vscode`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.(ts|js|mjs|cjs)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Module specifiers of every import/export-from/require/dynamic import in a source file. */
export function importsOf(src: string): string[] {
  const out: string[] = [];
  const re =
    /(?:\bimport\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?|\bexport\s+[^'";]*?\sfrom\s+|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;
  for (let m = re.exec(src); m; m = re.exec(src)) out.push(m[1]!);
  return out;
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

test('the import scanner sees every import form', () => {
  const sample =
    `import a from 'fs';\nimport type { B } from "vscode";\nexport * from 'node:path';` +
    `\nconst c = require('os');\nconst d = await import('crypto');\nimport 'node:util';`;
  assert.deepEqual(importsOf(sample), ['fs', 'vscode', 'node:path', 'os', 'crypto', 'node:util']);
});

test('src/core imports neither vscode nor Node built-ins', () => {
  const files = sources(path.join(root, 'src/core'));
  assert.ok(files.length > 5, 'core sources found');
  const bad: string[] = [];
  for (const f of files) {
    for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
      if (spec === 'vscode' || builtins.has(spec)) bad.push(`${path.relative(root, f)} imports ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('only src/vscode imports vscode', () => {
  const bad: string[] = [];
  for (const dir of ['src/core', 'src/cli', 'src/node']) {
    for (const f of sources(path.join(root, dir))) {
      if (importsOf(fs.readFileSync(f, 'utf8')).includes('vscode')) bad.push(path.relative(root, f));
    }
  }
  assert.deepEqual(bad, []);
});

test('src/core uses no Node globals (process, Buffer, require, __dirname)', () => {
  const bad: string[] = [];
  for (const f of sources(path.join(root, 'src/core'))) {
    const src = fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
    for (const g of ['process.', 'Buffer.', 'require(', '__dirname', 'setImmediate('])
      if (src.includes(g)) bad.push(`${path.relative(root, f)} uses ${g}`);
  }
  assert.deepEqual(bad, []);
});
