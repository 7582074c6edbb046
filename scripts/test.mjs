#!/usr/bin/env node
// Runs the test tiers: lint (ESLint and Prettier's check), unit (plain Node, core with in-memory
// fakes), cli (the built CLI on files), editor (real VS Code via code-server + Chromium; see
// scripts/editor/). Compiles each
// test/<tier>/*.test.ts with esbuild into out/test/<tier>/ and runs them with node --test.
// Ends with one line per tier and a total, `N passed, N failed, N skipped`; a tier that could not
// run on this machine says `SKIPPED (reason)`, never "passed".
//   node scripts/test.mjs [lint|unit|cli|editor ...]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requested = process.argv.slice(2);
const tiers = requested.length ? requested : ['lint', 'unit', 'cli', 'editor'];
const summary = [];
/** The files Prettier keeps formatted (also `npm run format`); generated data and fixtures are in .prettierignore. */
const FORMATTED = ['src/**/*.ts', 'test/**/*.{ts,mjs}', 'scripts/**/*.{ts,mjs}', 'bench/**/*.ts', '*.{json,mjs}', 'schemas/*.json'];
let failed = false;
const total = { passed: 0, failed: 0, skipped: 0 };
const counts = (c) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;

/** Counts from a TAP report of node --test ("# pass N", "# fail N", …). */
function tapCounts(file) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const n = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { passed: n('pass'), failed: n('fail') + n('cancelled'), skipped: n('skipped') + n('todo') };
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

async function compileTier(tier) {
  const dir = path.join(root, 'test', tier);
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
    : [];
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
  const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  let status;
  let c;
  if (tier === 'lint') {
    // ESLint (typescript-eslint, the limits in eslint.config.mjs) and Prettier's check: two checks, not tests.
    const eslint = run(process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.']);
    const prettier = run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level=warn', ...FORMATTED]);
    status = eslint || prettier;
    const what = [eslint ? 'eslint FAILED' : 'eslint clean', prettier ? 'prettier FAILED' : 'prettier clean'].join(', ');
    summary.push(`${tier}: ${status === 0 ? 'passed' : 'FAILED'} (${what}) (${secs()})`);
    if (status !== 0) failed = true;
    continue;
  }
  if (tier === 'editor') {
    status = run(process.execPath, ['scripts/editor/run.mjs']);
    const file = path.join(root, 'out', 'test', 'editor-summary.json');
    const s = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
    c = s ? { passed: s.passed, failed: s.failed, skipped: s.skipped } : { passed: 0, failed: 1, skipped: 0 };
    if (status === 77) {
      // The tier could not run here (scripts/editor/run.mjs printed why and how to enable it).
      summary.push(`${tier}: SKIPPED (${s?.reason ?? 'see above'}) (${secs()})`);
      total.skipped += c.skipped;
      continue;
    }
  } else {
    const files = await compileTier(tier);
    if (!files.length) {
      console.log(`no ${tier} tests`);
      continue;
    }
    const tap = path.join(root, 'out', 'test', `${tier}.tap`);
    // CLI test files one at a time: one of them rebuilds dist/ (npm pack's prepack) that the others run.
    const serial = tier === 'cli' ? ['--test-concurrency=1'] : [];
    status = run(process.execPath, [
      '--enable-source-maps',
      '--test',
      ...serial,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ]);
    c = tapCounts(tap);
  }
  if (status !== 0 && c.failed === 0) c.failed = 1; // a crash that no test reported
  summary.push(`${tier}: ${status === 0 ? 'passed' : 'FAILED'}, ${counts(c)} (${secs()})`);
  for (const k of Object.keys(total)) total[k] += c[k];
  if (status !== 0) failed = true;
}
console.log('\n' + summary.join('\n'));
console.log(`total: ${counts(total)}`);
process.exit(failed ? 1 : 0);
