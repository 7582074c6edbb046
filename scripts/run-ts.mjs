#!/usr/bin/env node
// Runs a TypeScript script of this repository: bundles it with esbuild into .cache/run/ and runs it
// with the same Node, passing the remaining arguments. Used by the train/eval/bench scripts.
//   node scripts/run-ts.mjs scripts/eval-ner.ts [args...]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args...]');
  process.exit(2);
}
const outfile = path.join(root, '.cache', 'run', path.basename(entry).replace(/\.ts$/, '.cjs'));
await build({
  entryPoints: [path.resolve(entry)],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  sourcemap: 'inline',
  external: ['vscode', 'playwright-core', 'fast-check', 'mocha'],
  logLevel: 'warning',
  loader: { '.txt': 'text' },
});
const r = spawnSync(
  process.execPath,
  ['--enable-source-maps', ...(process.env.NODE_ARGS ? process.env.NODE_ARGS.split(' ') : []), outfile, ...args],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
