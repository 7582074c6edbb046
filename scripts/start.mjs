#!/usr/bin/env node
// npm start: build, then annotate a copy of the sample articles with the CLI and print what was found.
// (The real-editor launcher — VS Code or code-server in a browser — replaces this with the editor harness.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(['scripts/build.mjs', '--no-typecheck']);
const demo = path.join(root, '.cache', 'demo');
fs.rmSync(demo, { recursive: true, force: true });
fs.mkdirSync(demo, { recursive: true });
for (const f of fs.readdirSync(path.join(root, 'samples'))) fs.copyFileSync(path.join(root, 'samples', f), path.join(demo, f));
run(['dist/cli.js', 'analyze', demo]);
run(['dist/cli.js', 'annotate', demo]);
console.log(`\nAnnotation files written beside the copies in ${path.relative(root, demo)}/ — open one to see the YAML format.`);
