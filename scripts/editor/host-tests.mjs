// Runs the mocha suites of test/editor/host inside code-server's extension host.
// code-server's web client honours the extensionDevelopmentPath/extensionTestsPath payload only when
// the server runs with `--vscode-option enable-smoke-test-driver` (which also hides notification
// toasts: the UI scenario uses a plain server). The browser is only the client that makes the server
// start an extension host; the workbench calls window.codeAutomationExit(code) when run() settles.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { log, ROOT } from './paths.mjs';
import { startCodeServer } from './server.mjs';

export const TESTS_OUT = path.join(ROOT, 'out', 'test', 'editor');

/** Bundles test/editor/index.ts (suites, mocha, yaml, markdown-it; `vscode` stays external) into out/test/editor/index.cjs. */
export async function bundleHostTests() {
  const outfile = path.join(TESTS_OUT, 'index.cjs');
  fs.rmSync(TESTS_OUT, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(ROOT, 'test', 'editor', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'error',
    absWorkingDir: ROOT,
  });
  return outfile;
}

/**
 * @param {{ runDir: string, workspace: string, testsEntry: string, timeoutSec?: number, echo?: (line: string) => void }} o
 * @returns {Promise<{ exitCode: number | string, results: any | null, ms: number }>}
 */
export async function runHostTests(o) {
  const t0 = Date.now();
  const resultsFile = path.join(o.runDir, 'host-results.json');
  fs.rmSync(resultsFile, { force: true });
  const server = await startCodeServer({
    dir: path.join(o.runDir, 'server-host'),
    workspace: o.workspace,
    args: ['--vscode-option', 'enable-smoke-test-driver'],
    env: {
      NEWS_ANNOTATOR_TEST_RESULTS: resultsFile,
      ...(process.env.EDITOR_TEST_GREP ? { NEWS_ANNOTATOR_TEST_GREP: process.env.EDITOR_TEST_GREP } : {}),
    },
  });
  const consoleLog = [];
  let browser;
  try {
    browser = await launchBrowser({ profileDir: path.join(o.runDir, 'chromium-host') });
    const { page } = browser;
    let done;
    const exited = new Promise((r) => (done = r));
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    let first = 0;
    page.on('console', (m) => {
      const t = m.text();
      if (!first && t.includes('[editor-test] ')) {
        first = Date.now();
        log(`first test output ${((first - t0) / 1000).toFixed(1)} s after the start (server, browser, workbench, extension host)`);
      }
      consoleLog.push(`[${m.type()}] ${t}`);
      // Lines may arrive with a prefix of the workbench's console forwarding; keep what follows our tag.
      for (const line of t.split('\n')) {
        const i = line.indexOf('[editor-test] ');
        if (i >= 0) (o.echo ?? console.log)(line.slice(i + 14));
      }
    });
    page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));
    await page.goto(
      server.workbenchUrl(o.workspace, [
        ['extensionDevelopmentPath', server.remote(ROOT)],
        ['extensionTestsPath', server.remote(o.testsEntry)],
      ]),
    );
    const timeoutSec = o.timeoutSec ?? 300;
    const exitCode = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), timeoutSec * 1000))]);
    if (exitCode === 'timeout') log(`extension host tests did not finish within ${timeoutSec} s`);
    const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : null;
    return { exitCode, results, ms: Date.now() - t0 };
  } finally {
    fs.writeFileSync(path.join(o.runDir, 'host-browser-console.log'), consoleLog.join('\n'));
    await browser?.ctx.close().catch(() => {});
    await server.stop();
  }
}
