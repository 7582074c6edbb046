// Starts and stops code-server for one run: a free loopback port, its own user data, extensions,
// XDG and TMPDIR folders, in its own process group (file watchers and the extension host outlive
// the main process, so stopping kills the whole group).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { installPaths } from './install.mjs';
import { codeServerConfig, freshDir, log } from './paths.mjs';

/** Settings seeded into the user data folder: quiet, deterministic, quick hovers. */
export const SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'git.enabled': false,
};

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const running = new Set();
let exitHooked = false;
function hookExit() {
  if (exitHooked) return;
  exitHooked = true;
  // Never leave a server behind: on exit, and on Ctrl+C / kill of the driver.
  process.on('exit', () => {
    for (const s of running) s.killGroup('SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      for (const s of running) s.killGroup('SIGKILL');
      process.exit(130);
    });
  }
}

/**
 * The environment code-server runs in: Node 24 first on PATH, XDG folders and TMPDIR inside `dir`,
 * no npm_* or VSCODE_* variables of an outer process (unless given in `extra`).
 */
function isolatedEnv(dir, extra = {}) {
  const p = installPaths();
  const xdg = {};
  for (const k of ['config', 'data', 'cache']) {
    xdg[k] = path.join(dir, 'xdg', k);
    fs.mkdirSync(xdg[k], { recursive: true });
  }
  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const env = {
    ...process.env,
    PATH: `${path.join(p.node24, 'bin')}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: xdg.config,
    XDG_DATA_HOME: xdg.data,
    XDG_CACHE_HOME: xdg.cache,
    // Sockets (vscode-ipc-*.sock), the TS server's folder, Node's compile cache: all inside this run.
    TMPDIR: tmp,
    ...extra,
  };
  for (const k of Object.keys(env)) if (/^(npm_|VSCODE_)/i.test(k) && !(k in extra)) delete env[k];
  return env;
}

/**
 * Runs a code-server command that does not serve (e.g. `--install-extension`), isolated in `dir`.
 * @returns {{ status: number | null, output: string }}
 */
export function codeServerCli(args, dir) {
  const p = installPaths();
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync(p.nodeBin, [p.codeServerBin, '--config', codeServerConfig(), ...args], {
    env: isolatedEnv(dir),
    encoding: 'utf8',
    timeout: 120000,
  });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/**
 * Starts code-server on `workspace`.
 * @param {{ dir: string, workspace: string, extensionsDir?: string, userDataDir?: string, args?: string[],
 *   env?: Record<string,string>, settings?: object, host?: string, port?: number }} o
 *   dir: a folder for this server (wiped); extensionsDir and userDataDir default to `dir/extensions` and `dir/user-data`.
 * @returns {Promise<{ port: number, origin: string, dir: string, logFile: string, userDataDir: string,
 *   workbenchUrl: (folder?: string, payload?: [string,string][]) => string, remote: (p: string) => string,
 *   stop: () => Promise<void> }>}
 */
export async function startCodeServer(o) {
  const p = installPaths();
  const dir = freshDir(o.dir);
  const ud = o.userDataDir ?? path.join(dir, 'user-data');
  const exts = o.extensionsDir ?? path.join(dir, 'extensions');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.mkdirSync(exts, { recursive: true });
  fs.writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...o.settings }, null, 2));
  const host = o.host ?? '127.0.0.1';
  const port = o.port ?? (await freePort());
  const logFile = path.join(dir, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const env = isolatedEnv(dir, o.env);
  const args = [
    p.codeServerBin,
    '--config',
    codeServerConfig(),
    '--bind-addr',
    `${host}:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    // Else a closed window's extension host lives on for hours and holds storage locks.
    '--reconnection-grace-time',
    '5',
    '--user-data-dir',
    ud,
    '--extensions-dir',
    exts,
    ...(o.args ?? []),
    o.workspace,
  ];
  const t0 = Date.now();
  // detached: its own process group, so stop() can kill the watchers and extension hosts too.
  const child = spawn(p.nodeBin, args, { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = null;
  const exitPromise = new Promise((r) => child.on('exit', (code, signal) => r((exited = signal ?? code))));
  const server = {
    port,
    origin: `http://${host}:${port}`,
    dir,
    logFile,
    userDataDir: ud,
    killGroup(sig) {
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* gone */
      }
    },
    /** The workbench URL for a folder, with an optional payload (extension development/tests, smoke-test server only). */
    workbenchUrl(folder = o.workspace, payload) {
      let url = `${server.origin}/?folder=${encodeURIComponent(folder)}`;
      if (payload?.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    /** A server-side path as the workbench names it in a payload. */
    remote: (abs) => `vscode-remote://${host}:${port}${abs}`,
    async stop() {
      running.delete(server);
      server.killGroup('SIGTERM');
      for (let i = 0; i < 40; i++) {
        try {
          process.kill(-child.pid, 0);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 125));
      }
      server.killGroup('SIGKILL');
      await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 2000))]);
    },
  };
  running.add(server);
  hookExit();
  for (let i = 0; ; i++) {
    if (exited !== null)
      throw new Error(`code-server exited (${exited}) before answering; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      const r = await fetch(`${server.origin}/healthz`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (i > 240) {
      await server.stop();
      throw new Error(`code-server did not answer on ${server.origin} within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`code-server ${path.basename(dir)} ready on ${server.origin} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return server;
}
