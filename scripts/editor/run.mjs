#!/usr/bin/env node
// The editor tier: the extension in a real VS Code (code-server 4.139.1 = VS Code 1.139.1 on Node 24,
// driven through Debian's Chromium with playwright-core).
//   1. host suites: mocha inside the real extension host (test/editor/host/*.test.ts)
//   2. ui scenario: a browser looks at the workbench (test/editor/ui/scenario.mjs), PNGs in .editor-test/shots/ui/
// Prints pass/fail counts per suite and a closing "N passed, N failed" line; exits 0 only if all passed.
//   node scripts/editor/run.mjs [host] [ui]      (default: both)
// Environment: CHROMIUM (browser path), CI=true (a missing browser fails instead of skipping),
// EDITOR_TEST_GREP (only host tests whose title matches), NEWS_ANNOTATOR_SHARED (shared data folder).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runUiScenario } from '../../test/editor/ui/scenario.mjs';
import { bundleHostTests, runHostTests } from './host-tests.mjs';
import { ensureInstalled } from './install.mjs';
import { EXTENSION_ID, findChromium, freshDir, log, pkg, referenceArticle, ROOT, RUNS_DIR, SHOTS_DIR, sharedDir } from './paths.mjs';
import { startCodeServer } from './server.mjs';
import { createWorkspace } from './workspace.mjs';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const parts = wanted.length ? wanted : ['host', 'ui'];
const ci = process.env.CI === 'true';
const T0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

function banner(lines) {
  const w = Math.max(...lines.map((l) => l.length)) + 4;
  console.log('\n' + '#'.repeat(w));
  for (const l of lines) console.log(`# ${l.padEnd(w - 4)} #`);
  console.log('#'.repeat(w) + '\n');
}

// ---------------------------------------------------------------- preconditions
if (!findChromium()) {
  const how = [
    'The editor tests need a Chromium to drive VS Code (code-server):',
    '  apt-get update && apt-get install -y chromium libkrb5-dev pkg-config',
    'or set CHROMIUM=/path/to/chromium. (.ci/run installs them.)',
  ];
  if (ci) {
    banner(['EDITOR TESTS FAILED: no Chromium found (CI=true: a missing browser is a failure)', ...how]);
    console.log('editor: 0 passed, 1 failed');
    process.exit(1);
  }
  banner(['EDITOR TESTS SKIPPED: no Chromium found (/usr/bin/chromium or $CHROMIUM).', ...how, 'Then run: npm run test:editor']);
  process.exit(0);
}

const summary = [];
let failed = 0;
let passed = 0;
function suiteLine(name, p, f, s, ms) {
  summary.push(`  ${name.padEnd(44)} ${String(p).padStart(3)} passed, ${f} failed${s ? `, ${s} skipped` : ''}  (${secs(ms)})`);
  passed += p;
  failed += f;
}

try {
  // ---------------------------------------------------------------- install (cached) and build
  let t = Date.now();
  const inst = await ensureInstalled();
  log(`Node 24 + code-server ready (${secs(Date.now() - t)})`);
  t = Date.now();
  const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--no-typecheck'], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`build failed:\n${b.stdout}${b.stderr}`);
  const testsEntry = await bundleHostTests();
  log(`extension and tests bundled (${secs(Date.now() - t)})`);
  const ref = referenceArticle();
  if (!ref) {
    banner([
      `The reference article is absent (${path.join(sharedDir(), 'corpus', 'seed', 'trump-xi-call.txt')}):`,
      'its tests are skipped and the checks use samples/ instead. Set NEWS_ANNOTATOR_SHARED to run them.',
    ]);
  }
  void inst;

  // ---------------------------------------------------------------- 1. mocha in the extension host
  if (parts.includes('host')) {
    const runDir = freshDir(RUNS_DIR, 'host');
    const ws = createWorkspace(path.join(runDir, 'workspace'));
    log('extension host suites: starting code-server (smoke-test driver) and a browser client …');
    const r = await runHostTests({ runDir, workspace: ws.dir, testsEntry, timeoutSec: Number(process.env.EDITOR_TEST_TIMEOUT ?? 300), echo: (l) => console.log('  ' + l) });
    if (r.results) {
      log(`extension host run: exit code ${r.exitCode}, ${secs(r.ms)} (VS Code ${r.results.vscode}, Node ${r.results.node}, ${r.results.remoteName ? `remote ${r.results.remoteName}` : 'local'} extension host)`);
      const bySuite = new Map();
      for (const x of r.results.results) {
        const s = bySuite.get(x.suite) ?? { p: 0, f: 0, s: 0, ms: 0 };
        s[x.state === 'passed' ? 'p' : x.state === 'failed' ? 'f' : 's']++;
        s.ms += x.durationMs;
        bySuite.set(x.suite, s);
      }
      for (const [name, s] of bySuite) suiteLine(`host: ${name}`, s.p, s.f, s.s, s.ms);
      if (r.exitCode !== 0 && r.results.failed === 0) suiteLine('host: test run exit code', 0, 1, 0, 0);
    } else {
      log(`extension host run: no results (exit code ${r.exitCode}); see ${path.relative(ROOT, runDir)}/ (code-server.log, host-browser-console.log)`);
      suiteLine('host: test run', 0, 1, 0, r.ms);
    }
  }

  // ---------------------------------------------------------------- 2. the browser looks at the UI
  if (parts.includes('ui')) {
    const runDir = freshDir(RUNS_DIR, 'ui');
    const ws = createWorkspace(path.join(runDir, 'workspace'));
    const exts = path.join(runDir, 'extensions');
    fs.mkdirSync(exts, { recursive: true });
    // Installed like a user's extension: a folder <publisher>.<name>-<version> in --extensions-dir (a symlink to the repository).
    fs.symlinkSync(ROOT, path.join(exts, `${EXTENSION_ID}-${pkg.version}`), 'dir');
    const shotsDir = freshDir(SHOTS_DIR, 'ui');
    t = Date.now();
    // Word wrap: every word of the article is on screen to point at.
    const server = await startCodeServer({ dir: path.join(runDir, 'server-ui'), workspace: ws.dir, extensionsDir: exts, settings: { 'editor.wordWrap': 'on' } });
    let p = 0;
    let f = 0;
    try {
      await runUiScenario({
        server,
        workspace: ws.dir,
        useReference: !!ws.reference,
        shotsDir,
        profileDir: path.join(runDir, 'chromium-ui'),
        check(name, ok, detail) {
          ok ? p++ : f++;
          console.log(`  ${ok ? '✔' : '✘ FAIL:'} ${name} [${secs(Date.now() - t)}]${detail && (!ok || process.env.EDITOR_TEST_VERBOSE) ? `\n      ${detail.slice(0, 1500)}` : ''}`);
        },
      });
    } finally {
      await server.stop();
    }
    log(`browser scenario: ${secs(Date.now() - t)}; screenshots in ${path.relative(ROOT, shotsDir)}/`);
    suiteLine(`ui: browser scenario (${ws.reference ? 'reference article' : 'sample article'})`, p, f, 0, Date.now() - t);
  }
} catch (e) {
  console.error(e?.stack ?? String(e));
  suiteLine('editor harness', 0, 1, 0, 0);
}

console.log(`\neditor tests (${secs(Date.now() - T0)}):\n${summary.join('\n')}`);
console.log(`editor: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
