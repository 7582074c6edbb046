// The team commands of the built CLI (issue 15): `agree` on files, folders and git revisions (a
// real repository with two reviewers' branches), and `sources` as text, JSON and CSV.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import YAML from 'yaml';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const samples = path.join(root, 'samples');

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd, timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

type Doc = { annotations: { id: string; type: string; status: string; by?: string }[] };

/** A folder with two annotated articles; `decide` changes a copy of each annotation file. */
function reviewed(dir: string, decide: (d: Doc, article: string) => void): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['port-strike.txt', 'library-closures.txt']) fs.copyFileSync(path.join(samples, f), path.join(dir, f));
  assert.equal(run(['annotate', dir]).code, 0);
  for (const f of ['port-strike', 'library-closures']) {
    const file = path.join(dir, `${f}.annotations.yaml`);
    const d = YAML.parse(fs.readFileSync(file, 'utf8')) as Doc;
    decide(d, f);
    fs.writeFileSync(file, YAML.stringify(d));
  }
}

test('agree: two folders, paired by name; identical sides agree fully; --json for machines', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-agree-'));
  const accept = (d: Doc) => d.annotations.forEach((a) => (a.status = 'accepted'));
  reviewed(path.join(dir, 'ana'), accept);
  reviewed(path.join(dir, 'ben'), (d, f) => {
    accept(d);
    // Ben rejects every place in one article.
    if (f === 'port-strike') for (const a of d.annotations) if (a.type === 'LOC') a.status = 'rejected';
  });
  const same = run(['agree', path.join(dir, 'ana'), path.join(dir, 'ana'), '--json']);
  assert.equal(same.code, 0, same.err);
  const s = JSON.parse(same.out);
  assert.deepEqual(s.articles, { both: 2, onlyA: 0, onlyB: 0 });
  const all = s.rows.find((r: { key: string }) => r.key === 'all');
  assert.equal(all.psaExact, 1);
  assert.equal(all.kappa, null, 'every shared item accepted on both sides: kappa is undefined, not 1');
  assert.equal(all.observed, 1);
  const diff = JSON.parse(run(['agree', path.join(dir, 'ana'), path.join(dir, 'ben'), '--json']).out);
  const loc = diff.rows.find((r: { key: string }) => r.key === 'entity LOC');
  const locs = (YAML.parse(fs.readFileSync(path.join(dir, 'ana', 'port-strike.annotations.yaml'), 'utf8')) as Doc).annotations.filter(
    (a) => a.type === 'LOC',
  ).length;
  assert.equal(loc.itemsA - loc.itemsB, locs, 'the rejected places are not items of B');
  assert.equal(loc.psaExact, (2 * loc.itemsB) / (loc.itemsA + loc.itemsB));
  const per = diff.perArticle.find((p: { name: string }) => p.name === 'port-strike.annotations.yaml');
  assert.ok(per.psaExact < 1);
  // The text report.
  const text = run(['agree', path.join(dir, 'ana'), path.join(dir, 'ben')]);
  assert.equal(text.code, 0);
  assert.match(text.out, /articles: 2 in both, 0 only in A, 0 only in B/);
  assert.match(text.out, /^entity\s+\d+/m);
  assert.match(text.out, /^\s+LOC\s+\d+/m);
  assert.match(text.out, /kappa/);
});

test('agree: git revisions (branch:path, HEAD~1:path) of two reviewers, read without a shell; options refused as sides', (t) => {
  try {
    execFileSync('git', ['--version']);
  } catch {
    t.skip('git is not installed');
    return;
  }
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'na-agree-git-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.org');
  const desk = path.join(repo, 'desk');
  reviewed(desk, () => {});
  git('add', '.');
  git('commit', '-q', '-m', 'suggestions');
  git('checkout', '-q', '-b', 'ben');
  const file = path.join(desk, 'port-strike.annotations.yaml');
  const d = YAML.parse(fs.readFileSync(file, 'utf8')) as Doc;
  for (const a of d.annotations) if (a.type === 'PER') Object.assign(a, { status: 'rejected', by: 'Ben' });
  fs.writeFileSync(file, YAML.stringify(d));
  git('commit', '-q', '-am', 'Ben rejects the people');
  const folders = run(['agree', 'main:desk', 'ben:desk', '--json'], repo);
  assert.equal(folders.code, 0, folders.err);
  const r = JSON.parse(folders.out);
  assert.deepEqual(r.articles, { both: 2, onlyA: 0, onlyB: 0 });
  const per = r.rows.find((x: { key: string }) => x.key === 'entity PER');
  assert.ok(per.itemsA > per.itemsB, 'B rejected some people');
  assert.equal(per.shared, per.itemsA, 'every person is shared (same id on both branches)');
  // One file against its previous version, and a branch file against a folder on disk.
  const one = run(['agree', 'HEAD~1:desk/port-strike.annotations.yaml', 'HEAD:desk/port-strike.annotations.yaml', '--json'], repo);
  assert.equal(one.code, 0, one.err);
  assert.deepEqual(JSON.parse(one.out).articles, { both: 1, onlyA: 0, onlyB: 0 });
  const mixed = run(['agree', 'main:desk/port-strike.annotations.yaml', 'desk', '--json'], repo);
  assert.equal(JSON.parse(mixed.out).articles.both, 1);
  // Never an option, never a shell.
  const opt = run(['agree', '--output=/tmp/x', 'desk'], repo);
  assert.equal(opt.code, 2);
  const shelly = run(['agree', 'main:desk;touch pwned', 'desk'], repo);
  assert.equal(shelly.code, 2);
  assert.ok(!fs.existsSync(path.join(repo, 'pwned')));
  assert.match(run(['agree', 'no-such-branch:desk', 'desk'], repo).err, /git cat-file failed/);
});

test('sources: every speaker with quotes, articles, roles and organisations, as text, JSON and CSV', () => {
  const text = run(['sources', samples]);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /^\d+ sources quoted \d+ times in 5 articles/);
  assert.match(text.out, /Giulia Ferraro\s+2\s+1\s+1\/2\s+union\s+union secretary/);
  const json = JSON.parse(run(['sources', '--json', samples]).out);
  assert.equal(json.articles, 5);
  const ricci = json.sources.find((s: { name: string }) => s.name === 'Marta Ricci');
  assert.deepEqual(ricci.organisations, ['University of Bologna']);
  assert.equal(ricci.organisationType, 'academia');
  const item = ricci.items[0];
  const article = fs.readFileSync(path.join(samples, 'port-strike.txt'), 'utf8');
  assert.equal(article.slice(item.start, item.end), item.text, 'offsets into the file as read');
  assert.equal(article.split('\n')[item.line - 1]!.includes(item.text.slice(0, 20)), true);
  assert.ok(json.byWeek.length >= 1 && json.byOrganisationType.length >= 3);
  const csv = run(['sources', '--csv', samples]);
  assert.match(csv.out, /^source,kind,quotes,articles,roles,organisations,organisation_type,certain,uncertain,first_article\r\n/);
  assert.equal(run(['sources', '--json', '--csv', samples]).code, 2);
  assert.equal(run(['sources']).code, 2);
});

test('sources: a decision in an annotation file counts (a rejected quote is gone, an accepted one certain)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-sources-'));
  reviewed(dir, (d, f) => {
    if (f !== 'port-strike') return;
    for (const a of d.annotations) if (a.type === 'direct' || a.type === 'partial') Object.assign(a, { status: 'rejected', by: 'Ana' });
  });
  const json = JSON.parse(run(['sources', '--json', dir]).out);
  assert.ok(!json.sources.some((s: { name: string }) => s.name === 'Giulia Ferraro'), 'her quotes were rejected');
  assert.ok(json.sources.some((s: { name: string }) => s.name === 'Dave Kerr'));
});
