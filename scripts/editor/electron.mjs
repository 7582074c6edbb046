#!/usr/bin/env node
// The same extension-host suites (test/editor/host) in desktop VS Code through @vscode/test-electron,
// for machines that have VS Code. It never downloads VS Code: point VSCODE_EXECUTABLE at one.
//   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:electron
// (On Linux without a display, run it under xvfb-run.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleHostTests } from './host-tests.mjs';
import { freshDir, ROOT, RUNS_DIR } from './paths.mjs';
import { createWorkspace } from './workspace.mjs';

const exe = process.env.VSCODE_EXECUTABLE;
if (!exe) {
  console.error(
    'test:electron needs desktop VS Code: set VSCODE_EXECUTABLE to its executable, e.g.\n' +
      '  VSCODE_EXECUTABLE=/usr/share/code/code npm run test:electron            (Linux)\n' +
      '  VSCODE_EXECUTABLE="/Applications/Visual Studio Code.app/Contents/MacOS/Electron" npm run test:electron\n' +
      'It is never downloaded. Without desktop VS Code, `npm run test:editor` runs the same suites in code-server.',
  );
  process.exit(1);
}
if (!fs.existsSync(exe)) {
  console.error(`VSCODE_EXECUTABLE=${exe} does not exist`);
  process.exit(1);
}

const { runTests } = await import('@vscode/test-electron');
const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--no-typecheck'], { cwd: ROOT, stdio: 'inherit' });
if (b.status !== 0) process.exit(1);
const testsEntry = await bundleHostTests();
const runDir = freshDir(RUNS_DIR, 'electron');
const ws = createWorkspace(path.join(runDir, 'workspace'));
const resultsFile = path.join(runDir, 'host-results.json');
let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath: exe,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: testsEntry,
    launchArgs: [
      ws.dir,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      path.join(runDir, 'user-data'),
      '--extensions-dir',
      path.join(runDir, 'extensions'),
    ],
    extensionTestsEnv: {
      NEWS_ANNOTATOR_TEST_RESULTS: resultsFile,
      ...(process.env.EDITOR_TEST_GREP ? { NEWS_ANNOTATOR_TEST_GREP: process.env.EDITOR_TEST_GREP } : {}),
    },
  });
} catch (e) {
  console.error(`test run failed: ${e?.message ?? e}`);
}
if (fs.existsSync(resultsFile)) {
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  console.log(`VS Code ${r.vscode} (${r.appHost}), Node ${r.node}`);
  console.log(`electron: ${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} skipped` : ''}`);
  if (r.failed) code = 1;
} else {
  console.log('electron: 0 passed, 1 failed (no results written)');
  code = 1;
}
process.exit(code);
