#!/usr/bin/env node
// npm start: the sample articles open in VS Code with the extension loaded.
//   - desktop VS Code when `code` is on PATH (--extensionDevelopmentPath=this repository);
//   - otherwise code-server (VS Code in the browser) at a printed http://127.0.0.1:PORT address, from
//     the same cached install as the editor tests (installed on first run), until Ctrl+C.
// The workspace is a fresh copy of samples/ in .editor-test/start/ (annotation files you save land there),
// with workspace settings for reading articles: word wrap on, auto-save off (annotation files are
// then written when you save, not a second after every pause).
//   npm start                       as above
//   npm start -- --prepare          only make the workspace and print its path
//   npm start -- --browser          code-server even when `code` is on PATH
//   npm start -- --port 8080        code-server on that port (default: 8080 when free, else any free port)
//   npm start -- --cli              (npm run demo) no editor: the CLI analyses and annotates a copy of samples/
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

function run(argv) {
  const r = spawnSync(process.execPath, argv, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function copySamples(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(root, 'samples'))) fs.copyFileSync(path.join(root, 'samples', f), path.join(dir, f));
  return dir;
}

/** Settings of the `npm start` workspace: every line of an article on screen, no save while you pause. */
export const START_SETTINGS = { 'editor.wordWrap': 'on', 'files.autoSave': 'off' };

if (flag('--prepare')) {
  console.log(prepareWorkspace());
  process.exit(0);
}

run(['scripts/build.mjs', '--no-typecheck']);

// ---------------------------------------------------------------- --cli: no editor
if (flag('--cli')) {
  const demo = copySamples(path.join(root, '.cache', 'demo'));
  run(['dist/cli.js', 'analyze', demo]);
  run(['dist/cli.js', 'annotate', demo]);
  console.log(`\nAnnotation files written beside the copies in ${path.relative(root, demo)}/ — open one to see the YAML format.`);
  process.exit(0);
}

function prepareWorkspace() {
  const dir = copySamples(path.join(root, '.editor-test', 'start', 'samples'));
  fs.mkdirSync(path.join(dir, '.vscode'));
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(START_SETTINGS, null, 2) + '\n');
  return dir;
}
const workspace = prepareWorkspace();

// ---------------------------------------------------------------- desktop VS Code
const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
if (!flag('--browser') && process.platform !== 'win32' && onPath('code')) {
  console.log(`Opening ${path.relative(root, workspace)}/ in VS Code with the extension from ${root} (a new window; close it to end).`);
  const r = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${root}`, '--wait', workspace], { stdio: 'inherit' });
  process.exit(r.status ?? 0);
}

// ---------------------------------------------------------------- code-server in a browser
const { ensureInstalled, isInstalled } = await import('./editor/install.mjs');
const { startCodeServer, freePort } = await import('./editor/server.mjs');
const { EXTENSION_ID, pkg } = await import('./editor/paths.mjs');

const portFree = (port) =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

try {
  console.log('No `code` on PATH: starting VS Code in the browser (code-server).');
  if (!isInstalled({ chromium: false }))
    console.log(
      'First start: installing Node 24 and code-server from the npm registry into .editor-test/cache/ (6–8 minutes on 2 cores, once) …',
    );
  await ensureInstalled({ chromium: false });
  const dir = path.join(root, '.editor-test', 'start');
  const exts = path.join(dir, 'extensions');
  fs.rmSync(exts, { recursive: true, force: true });
  fs.mkdirSync(exts, { recursive: true });
  fs.symlinkSync(root, path.join(exts, `${EXTENSION_ID}-${pkg.version}`), 'dir');
  const wanted = Number(option('--port') ?? process.env.PORT ?? 0);
  const port = wanted || ((await portFree(8080)) ? 8080 : await freePort());
  const server = await startCodeServer({
    dir: path.join(dir, 'server'),
    workspace,
    extensionsDir: exts,
    port,
    settings: { 'workbench.colorTheme': 'Default Dark Modern' },
  });
  console.log(`\n  News Annotator in VS Code:  ${server.origin}/\n`);
  console.log(`  Workspace: ${workspace} (a fresh copy of samples/). After a rebuild (npm run build), reload the page.`);
  console.log(`  Log: ${server.logFile}\n  Ctrl+C stops it.`);
  const stop = async () => {
    console.log('\nstopping code-server…');
    await server.stop();
    process.exit(0);
  };
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Keep running until Ctrl+C; end if code-server stops answering.
  let misses = 0;
  setInterval(async () => {
    const ok = await fetch(`${server.origin}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    misses = ok ? 0 : misses + 1;
    if (misses === 3) {
      console.error(`code-server stopped answering; see ${server.logFile}`);
      await server.stop();
      process.exit(1);
    }
  }, 5000);
} catch (e) {
  console.error(`\nCould not start code-server: ${e?.message ?? e}`);
  console.error('Alternatives: install desktop VS Code (`code` on PATH) and run npm start again, or `npm run demo` for the CLI only.');
  process.exit(1);
}
