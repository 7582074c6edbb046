// The CLI as a user installs it: `npm pack` → a tarball with the CLI alone → `npm install -g` into a
// temporary prefix puts `news-annotator` on PATH. And the `npm start` workspace's settings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** The environment without the npm_* settings of an outer `npm test`. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

function sh(cmd: string, args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const r = spawnSync(cmd, args, { cwd: o.cwd ?? root, env: o.env ?? cleanEnv(), input: o.input ?? '', encoding: 'utf8', timeout: 180000 });
  return { code: r.status, out: r.stdout ?? '', err: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

test('npm pack makes a tarball of the CLI alone; installed into a prefix, news-annotator is on PATH and works', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-pack-'));
  const packed = sh('npm', ['pack', '--json', '--pack-destination', dir]);
  assert.equal(packed.code, 0, packed.err);
  const [info] = JSON.parse(packed.out.slice(packed.out.indexOf('[')));
  assert.equal(info.filename, `${pkg.name}-${pkg.version}.tgz`);
  assert.deepEqual(
    info.files.map((f: { path: string }) => f.path).sort(),
    ['LICENSE', 'README.md', 'dist/cli.js', 'dist/ner-model.js', 'package.json'],
    'only what the CLI needs',
  );
  assert.ok(info.size < 1024 * 1024, `${info.size} bytes`);

  const prefix = path.join(dir, 'prefix');
  const inst = sh('npm', ['install', '-g', '--prefix', prefix, path.join(dir, info.filename)], {
    env: cleanEnv({ npm_config_cache: path.join(dir, 'npm-cache') }),
  });
  assert.equal(inst.code, 0, inst.err);
  const installed = path.join(prefix, 'lib', 'node_modules', pkg.name);
  assert.ok(!fs.existsSync(path.join(installed, 'node_modules')), 'no dependencies were installed: the bundle is self-contained');

  // A shell that finds `news-annotator` on PATH, as a user's would.
  const env = cleanEnv({ PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` });
  const where = sh('sh', ['-c', 'command -v news-annotator'], { env });
  assert.equal(where.out.trim(), path.join(prefix, 'bin', 'news-annotator'));
  const version = sh('news-annotator', ['--version'], { env, cwd: dir });
  assert.equal(version.code, 0, version.err);
  assert.equal(version.out.trim(), pkg.version);
  const help = sh('news-annotator', ['--help'], { env, cwd: dir });
  assert.equal(help.code, 0);
  assert.match(help.out, /Usage:\n {2}news-annotator analyze/);
  assert.match(help.out, /merge-driver/);
  // It runs outside the checkout, on text from stdin and on a file.
  const article = fs.readFileSync(path.join(root, 'samples', 'port-strike.txt'), 'utf8');
  const analyzed = sh('news-annotator', ['analyze', '--json', '-'], { env, cwd: dir, input: article });
  assert.equal(analyzed.code, 0, analyzed.err);
  assert.ok(JSON.parse(analyzed.out).entities.some((e: { text: string }) => e.text === 'Giulia Ferraro'));
  fs.writeFileSync(path.join(dir, 'port-strike.txt'), article);
  assert.equal(sh('news-annotator', ['annotate', 'port-strike.txt'], { env, cwd: dir }).code, 0);
  const check = sh('news-annotator', ['check', 'port-strike.txt'], { env, cwd: dir });
  assert.equal(check.code, 0, check.out + check.err);
});

test('the npm start workspace turns word wrap on and auto-save off', () => {
  const r = sh(process.execPath, ['scripts/start.mjs', '--prepare']);
  assert.equal(r.code, 0, r.err);
  const ws = r.out.trim().split('\n').at(-1)!;
  assert.ok(ws.startsWith(path.join(root, '.editor-test')), ws);
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(ws, '.vscode', 'settings.json'), 'utf8')), {
    'editor.wordWrap': 'on',
    'files.autoSave': 'off',
  });
  assert.ok(fs.existsSync(path.join(ws, 'port-strike.txt')));
});
