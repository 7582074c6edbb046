// What a user installs: the .vsix whitelist, the marketplace metadata, the npm tarball of the CLI,
// the README's first lines and the container/cluster recipes — checked statically. The installed
// .vsix itself is exercised by the editor tests, the installed tarball by the CLI tests.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const REPO = 'https://github.com/news-annotator/news-annotator';

/** The .vscodeignore whitelist: `**` first, then one `!pattern` per kept path. */
function vsixWhitelist(): string[] {
  const lines = fs
    .readFileSync(path.join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  assert.equal(lines[0], '**', '.vscodeignore starts by ignoring everything');
  return lines.slice(1).map((l) => (assert.ok(l.startsWith('!'), l), l.slice(1)));
}
const kept = (file: string) => vsixWhitelist().some((p) => p === file || (p.endsWith('/**') && file.startsWith(p.slice(0, -2))));

test('repository, homepage and bugs name the same GitHub repository', () => {
  assert.equal(pkg.repository.type, 'git');
  assert.equal(pkg.repository.url, `${REPO}.git`);
  assert.equal(pkg.homepage, `${REPO}#readme`);
  assert.equal(pkg.bugs.url, `${REPO}/issues`);
  assert.ok(
    !readme.includes('github.com/') || [...readme.matchAll(/https:\/\/github\.com\/[\w.-]+\/[\w.-]+/g)].every((m) => m[0] === REPO),
    'README links name the same repository',
  );
});

test('the icon is a real 128×128 PNG, whitelisted; gallery banner and categories are set', () => {
  const png = fs.readFileSync(path.join(root, pkg.icon));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  // Not a blank square: the image data decodes and holds several colours.
  const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
  const raw = zlib.inflateSync(idat);
  const colours = new Set<number>();
  for (let i = 0; i < raw.length; i += 4) colours.add(raw.readUInt32BE(i));
  assert.ok(colours.size > 20, `${colours.size} distinct values`);
  assert.ok(kept(pkg.icon), 'icon in .vscodeignore whitelist');
  assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
  const known = [
    'Azure',
    'Data Science',
    'Debuggers',
    'Education',
    'Extension Packs',
    'Formatters',
    'Keymaps',
    'Language Packs',
    'Linters',
    'Machine Learning',
    'Notebooks',
    'Programming Languages',
    'SCM Providers',
    'Snippets',
    'Testing',
    'Themes',
    'Visualization',
    'Other',
    'AI',
    'Chat',
  ];
  for (const c of pkg.categories) assert.ok(known.includes(c), c);
  assert.ok(pkg.categories.includes('Visualization'));
});

test('every file the manifest and the extension load is in the .vsix whitelist', () => {
  const c = pkg.contributes;
  const needed = [
    pkg.main,
    'dist/analysis.js', // loaded with the first article
    'dist/analysis-worker.js', // large articles
    'dist/cli.js', // the CLI ships in the .vsix too
    'dist/ner-model.js', // the entity model, loaded by dist/analysis.js and dist/cli.js
    c.languages[0].configuration,
    ...c.grammars.map((g: { path: string }) => g.path),
    ...c.yamlValidation.map((y: { url: string }) => y.url),
    c.viewsContainers.activitybar[0].icon,
    pkg.icon,
    'README.md',
    'LICENSE',
  ].map((f: string) => f.replace(/^\.\//, ''));
  for (const f of needed) assert.ok(kept(f), `${f} is packaged`);
  assert.match(
    pkg.scripts.package,
    /vsce package --no-dependencies --out dist\/$/,
    'a versioned file name: dist/news-annotator-VERSION.vsix',
  );
});

test('news articles wrap by default; the CLI package has no runtime dependencies and ships dist/cli.js and its model alone', () => {
  assert.deepEqual(pkg.contributes.configurationDefaults, { '[news-article]': { 'editor.wordWrap': 'on' } });
  assert.equal(pkg.dependencies, undefined, 'dist/cli.js bundles everything it uses (yaml included)');
  assert.equal(pkg.files, undefined, 'vsce refuses "files" beside .vscodeignore: the tarball is limited by .npmignore');
  const npmignore = fs.readFileSync(path.join(root, '.npmignore'), 'utf8');
  assert.match(npmignore, /^\/\*$/m);
  assert.match(npmignore, /^!\/dist\/cli\.js$/m);
  assert.match(npmignore, /^!\/dist\/ner-model\.js$/m);
  assert.match(pkg.scripts.prepack, /build\.mjs --production/, 'npm pack builds the CLI first');
  const cli = fs.readFileSync(path.join(root, 'src/cli/main.ts'), 'utf8');
  assert.match(
    cli,
    new RegExp(`const VERSION = '${pkg.version.replace(/\./g, '\\.')}'`),
    'news-annotator --version is the package version',
  );
});

test('README: the two newcomer commands first, the installed binary (never npx of an unowned name), a Reliability heading', () => {
  const lines = readme.split('\n');
  const fence = lines.indexOf('```sh');
  assert.ok(fence > 0 && fence < 4, 'a command block at the top');
  assert.match(lines[fence + 1]!, /^npm install && npm start\b/);
  assert.match(lines[fence + 2]!, /^npm test\b/);
  assert.doesNotMatch(readme, /npx news-annotator/);
  assert.match(readme, /^## Reliability$/m);
  for (const f of fs.readdirSync(path.join(root, 'media', 'screenshots')))
    if (readme.includes(f)) assert.ok(fs.existsSync(path.join(root, 'media', 'screenshots', f)), f);
  assert.ok(fs.existsSync(path.join(root, 'CONTRIBUTING.md')), 'developer set-up lives in CONTRIBUTING.md');
});
