#!/usr/bin/env node
// Regenerates the README's screenshots from a real run: the extension installed in code-server,
// a sample article opened in Chromium, a hover card, the Topics sidebar.
//   npm run screenshots                       → media/screenshots/*.png
//   npm run screenshots -- --article cup-final.txt --hover "Emeka Okafor"
// Uses the editor tests' cached install (.editor-test/cache/) and only the repository's own samples.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './editor/browser.mjs';
import { ensureInstalled } from './editor/install.mjs';
import { EXTENSION_ID, findChromium, freshDir, log, pkg, ROOT, RUNS_DIR } from './editor/paths.mjs';
import { startCodeServer } from './editor/server.mjs';
import { dismissHover, hoverWord, openViewContainer, quickOpen, shot, viewRows, waitForWorkbench } from '../test/editor/ui/workbench.mjs';

const args = process.argv.slice(2);
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const article = option('--article', 'port-strike.txt');
const hoverName = option('--hover', 'Giulia Ferraro');
const outDir = path.resolve(ROOT, option('--out', 'media/screenshots'));

await ensureInstalled();
if (!findChromium()) {
  console.error(
    'screenshots need Chromium: the npm package @sparticuz/chromium did not install (see ' +
      '.editor-test/cache/chromium-install.log); or set CHROMIUM',
  );
  process.exit(1);
}
const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--no-typecheck'], { cwd: ROOT, stdio: 'inherit' });
if (b.status !== 0) process.exit(1);

const runDir = freshDir(RUNS_DIR, 'screenshots');
// The folder is named like the repository's, so the window title reads "samples".
const workspace = path.join(runDir, 'samples');
fs.mkdirSync(workspace);
for (const f of fs.readdirSync(path.join(ROOT, 'samples'))) fs.copyFileSync(path.join(ROOT, 'samples', f), path.join(workspace, f));
const exts = path.join(runDir, 'extensions');
fs.mkdirSync(exts);
fs.symlinkSync(ROOT, path.join(exts, `${EXTENSION_ID}-${pkg.version}`), 'dir');

const server = await startCodeServer({
  dir: path.join(runDir, 'server'),
  workspace,
  extensionsDir: exts,
  settings: {
    'workbench.colorTheme': 'Default Dark Modern',
    'editor.wordWrap': 'on',
    'editor.fontSize': 14,
    'editor.lineHeight': 22,
    'editor.renderLineHighlight': 'none',
    'editor.cursorBlinking': 'solid',
    'breadcrumbs.enabled': false,
    'workbench.layoutControl.enabled': false,
    'window.commandCenter': false,
  },
});
const { ctx, page } = await launchBrowser({ profileDir: path.join(runDir, 'chromium'), viewport: { width: 1280, height: 760 } });
const written = [];
try {
  await page.goto(server.workbenchUrl(workspace));
  await waitForWorkbench(page);
  await quickOpen(page, article, fs.readFileSync(path.join(workspace, article), 'utf8').split('\n')[0].slice(0, 30));
  await page.waitForFunction(
    () => document.querySelectorAll('.part.editor .view-overlays [class*="TextEditorDecorationType"]').length >= 10,
    null,
    { timeout: 30000 },
  );
  fs.mkdirSync(outDir, { recursive: true });

  // 1. The article with its highlights and a hover card, the side bar closed for room.
  await page.keyboard.press('Control+B');
  await page.waitForTimeout(300);
  await hoverWord(page, hoverName, hoverName);
  written.push(await shot(page, outDir, 'article-hover.png', { settleMs: 600 }));
  await dismissHover(page);

  // 2. The Topics sidebar beside the article.
  await openViewContainer(page, 'News Annotator', 'newsAnnotator');
  await viewRows(page, 'newsAnnotator', 5);
  await page.mouse.move(900, 700);
  written.push(await shot(page, outDir, 'topics-sidebar.png', { settleMs: 600 }));
} finally {
  await ctx.close().catch(() => {});
  await server.stop();
}
for (const f of written) log(`wrote ${path.relative(ROOT, f)} (${Math.round(fs.statSync(f).size / 1024)} kB)`);
