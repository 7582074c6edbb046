// The .vsix as users get it: packaged like `npm run package` (a production build, then vsce with the
// arguments of the package script), installed with `code-server --install-extension` into a clean
// profile (its own extensions and user-data folders), as a user installs a downloaded .vsix.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_ID, log, pkg, ROOT } from './paths.mjs';
import { codeServerCli } from './server.mjs';

/**
 * Packages the extension into `outDir` with the vsce arguments of package.json's `package` script.
 * @returns {{ file: string, bytes: number, warnings: string[], output: string }}
 */
export function packageVsix(outDir) {
  const t0 = Date.now();
  const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production', '--no-typecheck'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (b.status !== 0) throw new Error(`production build failed:\n${b.stdout}${b.stderr}`);
  const m = /\bvsce (package\b[^&|;]*?)--out \S+\s*$/.exec(pkg.scripts.package ?? '');
  if (!m) throw new Error(`package.json's package script does not end in "vsce package … --out DIR": ${pkg.scripts.package}`);
  const args = m[1].trim().split(/\s+/);
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  fs.mkdirSync(outDir, { recursive: true });
  const r = spawnSync(process.execPath, [vsce, ...args, '--out', outDir + path.sep], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const output = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`vsce package failed (exit ${r.status}):\n${output}`);
  const file = path.join(outDir, `${pkg.name}-${pkg.version}.vsix`);
  if (!fs.existsSync(file)) throw new Error(`vsce did not write ${file}:\n${output}`);
  const warnings = output.split('\n').filter((l) => /\b(WARNING|ERROR)\b/.test(l));
  log(`packaged ${path.basename(file)} (${(fs.statSync(file).size / 1024).toFixed(0)} kB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { file, bytes: fs.statSync(file).size, warnings, output };
}

/**
 * Installs a .vsix into a fresh profile in `dir`/vsix-profile. `folder` is the installed extension's
 * folder name (`publisher.name-version`) when it is there with our package.json.
 * @returns {{ ok: boolean, output: string, folder: string | null, extensionsDir: string, userDataDir: string }}
 */
export function installVsix(file, dir) {
  const base = path.join(dir, 'vsix-profile');
  fs.rmSync(base, { recursive: true, force: true });
  const extensionsDir = path.join(base, 'extensions');
  const userDataDir = path.join(base, 'user-data');
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(userDataDir, { recursive: true });
  const t0 = Date.now();
  const r = codeServerCli(
    ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', file],
    path.join(base, 'cli'),
  );
  const folder = fs.readdirSync(extensionsDir).find((f) => f.toLowerCase().startsWith(`${EXTENSION_ID}-`.toLowerCase())) ?? null;
  let ok = r.status === 0 && !!folder;
  if (folder) {
    const installed = JSON.parse(fs.readFileSync(path.join(extensionsDir, folder, 'package.json'), 'utf8'));
    ok &&= installed.version === pkg.version && fs.existsSync(path.join(extensionsDir, folder, installed.main));
  }
  log(`installed ${path.basename(file)} into a clean profile in ${((Date.now() - t0) / 1000).toFixed(1)} s (${folder ?? 'no folder'})`);
  return { ok, output: r.output.trim(), folder, extensionsDir, userDataDir };
}
