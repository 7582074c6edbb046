#!/usr/bin/env node
// The editor tier: the extension in a real VS Code (code-server 4.139.1 = VS Code 1.139.1 on Node 24,
// driven through a headless Chromium with playwright-core). Node 24, code-server and Chromium all
// come from the npm registry, installed once into .editor-test/cache/ (scripts/editor/install.mjs).
//   1. host suites: mocha inside the real extension host, the extension loaded from this checkout
//      (extensionDevelopmentPath; test/editor/host/*.test.ts)
//   2. ui scenario: the packaged .vsix (as `npm run package` makes it) installed into a clean
//      code-server profile with --install-extension; a browser looks at the workbench
//      (test/editor/ui/scenario.mjs), PNGs in .editor-test/shots/ui/
// Prints pass/fail counts per suite and a closing "editor: N passed, N failed, N skipped" line; exits 0
// when all passed, 77 when the tier could not run here (the reason is printed and written to
// out/test/editor-summary.json for scripts/test.mjs), 1 otherwise.
//   node scripts/editor/run.mjs [host] [ui]      (default: both)
// Environment: CHROMIUM (browser path), CI=true (a tier that cannot run is a failure, not a skip),
// EDITOR_TEST_GREP (only host tests whose title matches), NEWS_ANNOTATOR_SHARED (shared data folder).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REVIEWER, runReviewScenario } from '../../test/editor/ui/review.mjs';
import { runUiScenario } from '../../test/editor/ui/scenario.mjs';
import { runSourcesScenario } from '../../test/editor/ui/sources.mjs';
import { bundleHostTests, runHostTests } from './host-tests.mjs';
import { ensureInstalled, InstallUnavailable } from './install.mjs';
import { findChromium, freshDir, log, referenceArticle, ROOT, RUNS_DIR, SHOTS_DIR, sharedDir } from './paths.mjs';
import { installVsix, packageVsix } from './vsix.mjs';
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

const SUMMARY_FILE = path.join(ROOT, 'out', 'test', 'editor-summary.json');
function writeSummary(o) {
  fs.mkdirSync(path.dirname(SUMMARY_FILE), { recursive: true });
  fs.writeFileSync(SUMMARY_FILE, JSON.stringify(o) + '\n');
}
fs.rmSync(SUMMARY_FILE, { force: true });

/** The tier cannot run on this machine: say why, loudly; a skip (exit 77) outside CI, a failure in CI. */
function cannotRun(reason, how) {
  if (ci) {
    banner([`EDITOR TESTS FAILED: ${reason}`, '(CI=true: an editor tier that cannot run is a failure)', ...how]);
    writeSummary({ passed: 0, failed: 1, skipped: 0, reason });
    console.log('editor: 0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
  banner([`EDITOR TESTS SKIPPED: ${reason}`, ...how, 'Then run: npm run test:editor']);
  writeSummary({ passed: 0, failed: 0, skipped: 1, reason });
  console.log('editor: 0 passed, 0 failed, 1 skipped');
  process.exit(77);
}

// ---------------------------------------------------------------- preconditions: install (cached)
let t = Date.now();
try {
  await ensureInstalled();
  log(`Node 24, code-server and Chromium ready (${secs(Date.now() - t)})`);
} catch (e) {
  if (e instanceof InstallUnavailable)
    cannotRun(e.message, ['The editor tests run VS Code (code-server, from the npm registry) on this machine.']);
  // An install that should have worked and did not (registry unreachable, a compile error): a failure.
  console.error(e?.stack ?? String(e));
  writeSummary({ passed: 0, failed: 1, skipped: 0, reason: 'install failed' });
  console.log('editor: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
if (!findChromium()) {
  cannotRun('no Chromium (the npm package @sparticuz/chromium did not install, and there is no /usr/bin/chromium)', [
    `See ${path.relative(process.cwd(), path.join(ROOT, '.editor-test', 'cache', 'chromium-install.log'))}, ` +
      `or set CHROMIUM=/path/to/chromium.`,
  ]);
}

const summary = [];
let failed = 0;
let passed = 0;
let skipped = 0;
function suiteLine(name, p, f, s, ms) {
  summary.push(`  ${name.padEnd(44)} ${String(p).padStart(3)} passed, ${f} failed${s ? `, ${s} skipped` : ''}  (${secs(ms)})`);
  passed += p;
  failed += f;
  skipped += s;
}

try {
  // ---------------------------------------------------------------- build
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

  // ---------------------------------------------------------------- 1. mocha in the extension host
  if (parts.includes('host')) {
    const runDir = freshDir(RUNS_DIR, 'host');
    const ws = createWorkspace(path.join(runDir, 'workspace'));
    log('extension host suites: starting code-server (smoke-test driver) and a browser client …');
    const r = await runHostTests({
      runDir,
      workspace: ws.dir,
      testsEntry,
      timeoutSec: Number(process.env.EDITOR_TEST_TIMEOUT ?? 300),
      echo: (l) => console.log('  ' + l),
    });
    if (r.results) {
      log(
        `extension host run: exit code ${r.exitCode}, ${secs(r.ms)} (VS Code ${r.results.vscode}, ` +
          `Node ${r.results.node}, ${r.results.remoteName ? `remote ${r.results.remoteName}` : 'local'} ` +
          `extension host)`,
      );
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
      log(
        `extension host run: no results (exit code ${r.exitCode}); see ${path.relative(ROOT, runDir)}/ ` +
          `(code-server.log, host-browser-console.log)`,
      );
      suiteLine('host: test run', 0, 1, 0, r.ms);
    }
  }

  // ---------------------------------------------------------------- 2. the installed .vsix, seen in the browser
  if (parts.includes('ui')) {
    const runDir = freshDir(RUNS_DIR, 'ui');
    const ws = createWorkspace(path.join(runDir, 'workspace'));
    const shotsDir = freshDir(SHOTS_DIR, 'ui');
    let p = 0;
    let f = 0;
    const check = (name, ok, detail) => {
      if (ok) p++;
      else f++;
      console.log(
        `  ${ok ? '✔' : '✘ FAIL:'} ${name} ` +
          `[${secs(Date.now() - t)}]${detail && (!ok || process.env.EDITOR_TEST_VERBOSE) ? `\n      ${detail.slice(0, 1500)}` : ''}`,
      );
    };
    t = Date.now();
    // Packaged exactly as `npm run package` does, then installed into a clean profile like a user's .vsix.
    const vsix = packageVsix(runDir);
    check(
      `npm run package: ${path.basename(vsix.file)}, ${(vsix.bytes / 1024).toFixed(0)} kB (budget 1,536 kB), no warning`,
      vsix.bytes <= 1536 * 1024 && !vsix.warnings.length,
      vsix.warnings.join('\n') || vsix.output,
    );
    const inst = installVsix(vsix.file, runDir);
    check(`code-server --install-extension installs it (${inst.folder ?? 'no folder'})`, inst.ok, inst.output);
    // Word wrap: every word of the article is on screen to point at.
    suiteLine('ui: npm run package, code-server --install-extension', p, f, 0, Date.now() - t);
    const server = await startCodeServer({
      dir: path.join(runDir, 'server-ui'),
      workspace: ws.dir,
      extensionsDir: inst.extensionsDir,
      userDataDir: inst.userDataDir,
      settings: { 'editor.wordWrap': 'on', 'newsAnnotator.reviewer': REVIEWER },
    });
    // Each scenario its own browser on the same server; EDITOR_UI_GREP runs only those whose name matches.
    const scenarios = [
      [
        `ui: installed .vsix (${ws.reference ? 'reference article' : 'sample article'})`,
        () =>
          runUiScenario({
            server,
            workspace: ws.dir,
            useReference: !!ws.reference,
            shotsDir,
            profileDir: path.join(runDir, 'chromium-ui'),
            installedIn: inst.extensionsDir,
            check,
          }),
      ],
      [
        'ui: review at the keyboard',
        () => runReviewScenario({ server, workspace: ws.dir, shotsDir, profileDir: path.join(runDir, 'chromium-review'), check }),
      ],
      [
        'ui: sources view and chart',
        () => runSourcesScenario({ server, workspace: ws.dir, shotsDir, profileDir: path.join(runDir, 'chromium-sources'), check }),
      ],
    ].filter(([name]) => !process.env.EDITOR_UI_GREP || name.includes(process.env.EDITOR_UI_GREP));
    try {
      for (const [name, run] of scenarios) {
        const [p0, f0, t0] = [p, f, Date.now()];
        await run();
        suiteLine(name, p - p0, f - f0, 0, Date.now() - t0);
      }
    } finally {
      await server.stop();
    }
    log(`browser scenarios: ${secs(Date.now() - t)}; screenshots in ${path.relative(ROOT, shotsDir)}/`);
  }
} catch (e) {
  console.error(e?.stack ?? String(e));
  suiteLine('editor harness', 0, 1, 0, 0);
}

if (passed === 0 && failed === 0) suiteLine('editor harness: no test ran', 0, 1, 0, 0);
writeSummary({ passed, failed, skipped });
console.log(`\neditor tests (${secs(Date.now() - T0)}):\n${summary.join('\n')}`);
console.log(`editor: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
