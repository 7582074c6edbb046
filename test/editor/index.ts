/**
 * Entry point that VS Code's extension host loads as `extensionTestsPath`: runs the mocha suites
 * inside the host with the real `vscode` API (code-server's server-side Node host, or desktop VS Code
 * through @vscode/test-electron). The workbench ends the test run with the code of `run()`'s promise.
 *
 * Output: mocha's lines are tagged `[editor-test] ` (in code-server they reach the driver through
 * the browser console, unformatted, so they are formatted here); the results go to the JSON file
 * named by NEWS_ANNOTATOR_TEST_RESULTS. NEWS_ANNOTATOR_TEST_GREP runs only matching tests.
 */
import fs from 'node:fs';
import util from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { TAG } from './host/helpers';

interface TestResult {
  suite: string;
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

function topSuite(t: Mocha.Runnable): string {
  let s: Mocha.Suite | undefined = t.parent;
  while (s?.parent && !s.parent.root) s = s.parent;
  return s?.title || '(root)';
}

export async function run(): Promise<void> {
  const out = (...args: unknown[]) => console.log(TAG + util.format(...args).replace(/\n/g, '\n' + TAG));
  Mocha.reporters.Base.consoleLog = out;
  // Plain text: the lines travel through the browser console (colour detection would switch on under CI=true).
  (Mocha.reporters.Base as unknown as { useColors: boolean }).useColors = false;
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60000, slow: 5000 });
  if (process.env.NEWS_ANNOTATOR_TEST_GREP) mocha.grep(process.env.NEWS_ANNOTATOR_TEST_GREP);
  // Define describe/it on the global object, then load the suites (bundled; each file registers its suites when imported).
  mocha.suite.emit('pre-require', globalThis, 'editor-host-suites', mocha);
  await import('./host/all');

  const results: TestResult[] = [];
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.NEWS_ANNOTATOR_TEST_RESULTS;
      if (file) {
        const summary = {
          vscode: vscode.version,
          appHost: vscode.env.appHost,
          remoteName: vscode.env.remoteName ?? null,
          node: process.version,
          durationMs: Date.now() - t0,
          passed: results.filter((r) => r.state === 'passed').length,
          failed: results.filter((r) => r.state === 'failed').length,
          pending: results.filter((r) => r.state === 'pending').length,
          results,
        };
        fs.writeFileSync(file, JSON.stringify(summary, null, 2));
      }
      out(`editor-host: ${results.filter((r) => r.state === 'passed').length} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ suite: topSuite(t), title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('fail', (t, err: Error) =>
      results.push({
        suite: topSuite(t),
        title: t.fullTitle(),
        state: 'failed',
        durationMs: t.duration ?? 0,
        error: String(err?.stack ?? err).slice(0, 4000),
      }),
    );
    runner.on('pending', (t) => results.push({ suite: topSuite(t), title: t.fullTitle(), state: 'pending', durationMs: 0 }));
  });
}
