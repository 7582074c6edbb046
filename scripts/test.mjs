#!/usr/bin/env node
// Runs the test tiers: unit (plain Node, core with in-memory fakes), cli (the built CLI on files),
// editor (real VS Code via code-server + Chromium; see scripts/editor/). Compiles each
// test/<tier>/*.test.ts with esbuild into out/test/<tier>/ and runs them with node --test.
//   node scripts/test.mjs [unit|cli|editor ...]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requested = process.argv.slice(2);
const tiers = requested.length ? requested : ['unit', 'cli', 'editor'];
const summary = [];
let failed = false;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

async function compileTier(tier) {
  const dir = path.join(root, 'test', tier);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort() : [];
  const outdir = path.join(root, 'out', 'test', tier);
  fs.rmSync(outdir, { recursive: true, force: true });
  if (!files.length) return [];
  await build({
    entryPoints: files.map((f) => path.join(dir, f)),
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'fast-check', 'yaml', 'markdown-it', 'playwright-core', 'mocha'],
    logLevel: 'warning',
  });
  return files.map((f) => path.join(outdir, f.replace(/\.ts$/, '.cjs')));
}

// The CLI and editor tiers test the built artefacts.
if (tiers.some((t) => t === 'cli' || t === 'editor')) {
  if (run(process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);
}

for (const tier of tiers) {
  const t0 = Date.now();
  let status;
  if (tier === 'editor') {
    if (!fs.existsSync(path.join(root, 'scripts/editor/run.mjs'))) {
      console.log('editor tests: not set up in this checkout (scripts/editor/run.mjs missing)');
      summary.push('editor: MISSING');
      failed = true;
      continue;
    }
    status = run(process.execPath, ['scripts/editor/run.mjs']);
  } else {
    const files = await compileTier(tier);
    if (!files.length) {
      console.log(`no ${tier} tests`);
      continue;
    }
    status = run(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...files]);
  }
  summary.push(`${tier}: ${status === 0 ? 'passed' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (status !== 0) failed = true;
}
console.log('\n' + summary.join('\n'));
process.exit(failed ? 1 : 0);
