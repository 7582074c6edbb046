// The built CLI's export and import: every format on a folder of articles (CRLF and BOM among
// them), outputs checked by the owners' validators, import merged into annotation files without
// losing a decision, clear per-file errors, and a PolNeAR document imported from the shared corpus.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar/yaml';
import { sharedDir } from '../../scripts/shared';
import { bratSkip, bratValidate, w3cSkip, w3cValidateFiles, w3cValidator } from '../unit/formats-validators';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const samples = path.join(root, 'samples');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd, timeout: 120000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A project: the samples (one of them saved with CRLF and a BOM, one in a subfolder), annotated, with decisions. */
function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-exchange-'));
  for (const f of fs.readdirSync(samples).filter((x) => x.endsWith('.txt'))) {
    let text = fs.readFileSync(path.join(samples, f), 'utf8');
    let dest = path.join(dir, f);
    if (f === 'port-strike.txt') text = '\ufeff' + text.replace(/\n/g, '\r\n');
    if (f === 'cup-final.txt') {
      fs.mkdirSync(path.join(dir, 'sport'));
      dest = path.join(dir, 'sport', f);
    }
    fs.writeFileSync(dest, text);
  }
  const r = run(['annotate', '-q', '.'], dir);
  assert.equal(r.code, 0, r.err);
  // A reviewer's decisions in one file: the second annotation accepted with a note, the third rejected.
  const side = path.join(dir, 'port-strike.annotations.yaml');
  const parsed = parseSidecar(fs.readFileSync(side, 'utf8'));
  assert.ok(parsed.ok);
  const [, second, third] = parsed.doc.annotations;
  Object.assign(second!, { status: 'accepted', by: 'ann@example.org', note: 'checked' });
  third!.status = 'rejected';
  fs.writeFileSync(side, serializeSidecar(parsed.doc));
  // As the tool writes them (with the context of each decision).
  assert.equal(run(['annotate', '-q', '.'], dir).code, 0);
  return dir;
}

function sidecars(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.annotations.yaml')) out.set(path.relative(dir, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

test('export: every format, one file per article, paths kept below --out, reports of what is not held', () => {
  const dir = project();
  const expected: Record<string, string[]> = {
    w3c: ['port-strike.w3c.json', 'sport/cup-final.w3c.json'],
    brat: ['port-strike.ann', 'port-strike.txt', 'annotation.conf', 'sport/cup-final.ann', 'sport/cup-final.txt', 'sport/annotation.conf'],
    spacy: ['port-strike.spacy.jsonl'],
    conll: ['port-strike.conll'],
    'label-studio': ['port-strike.label-studio.json', 'label-studio-config.xml'],
    doccano: ['port-strike.doccano.jsonl'],
  };
  const outs = fs.mkdtempSync(path.join(os.tmpdir(), 'na-exchange-out-'));
  for (const [format, files] of Object.entries(expected)) {
    const out = path.join(outs, format);
    const r = run(['export', '--format', format, '--out', out, '.'], dir);
    assert.equal(r.code, 0, `${format}: ${r.err}`);
    for (const f of files) assert.ok(fs.existsSync(path.join(out, f)), `${format}: ${f}`);
    assert.match(r.out, /exported 5 of 5 articles/);
    if (format !== 'w3c') assert.match(r.out, /not held: /, format);
  }
  // brat's copy of the text is the article byte for byte (BOM and CRLF kept: brat's offsets count them).
  assert.deepEqual(fs.readFileSync(path.join(outs, 'brat/port-strike.txt')), fs.readFileSync(path.join(dir, 'port-strike.txt')));
  // --json: one report per article.
  const j = run(['export', '--format', 'conll', '--json', '--out', path.join(outs, 'j'), 'port-strike.txt'], dir);
  const rep = JSON.parse(j.out);
  assert.equal(rep.format, 'conll');
  assert.ok(rep.left.some((l: { what: string }) => l.what.startsWith('figures')));
});

test(
  'exports of a project pass brat’s own parser and the W3C test-suite validator (its command line)',
  { skip: bratSkip() || w3cSkip() },
  async () => {
    const dir = project();
    assert.equal(run(['export', '--format', 'brat', '--out', 'b', '.'], dir).code, 0);
    assert.equal(run(['export', '--format', 'w3c', '--out', 'w', '.'], dir).code, 0);
    const anns: { txt: string; ann: string }[] = [];
    const jsons: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ann')) anns.push({ txt: p.replace(/\.ann$/, '.txt'), ann: p });
        else if (e.name.endsWith('.w3c.json')) jsons.push(p);
      }
    };
    walk(path.join(dir, 'b'));
    walk(path.join(dir, 'w'));
    assert.equal(anns.length, 5);
    assert.deepEqual(
      bratValidate(anns).filter((e) => e.length),
      [],
    );
    await w3cValidator();
    const v = w3cValidateFiles(jsons);
    assert.equal(v.status, 0, v.output);
    assert.match(v.output, /^(\d+)\/\1 objects valid/m);
  },
);

test('import: W3C back into the project changes nothing; into a copy without annotation files gives the same annotations', () => {
  const dir = project();
  const before = sidecars(dir);
  assert.equal(run(['export', '--format', 'w3c', '--out', 'w', '.'], dir).code, 0);
  const back = run(['import', '--format', 'w3c', 'w'], dir);
  assert.equal(back.code, 0, back.err);
  assert.match(back.out, /imported \d+ annotations into 5 articles from 5 files/);
  assert.deepEqual(sidecars(dir), before);
  // A copy of the articles without annotation files, elsewhere: --articles says where they are.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'na-exchange-copy-'));
  fs.cpSync(dir, copy, {
    recursive: true,
    filter: (p) => !p.endsWith('.annotations.yaml') && !p.includes(`${path.sep}w${path.sep}`) && path.basename(p) !== 'w',
  });
  const exp = run(['export', '--format', 'w3c', '--base', 'https://news.example.org/a/', '--out', path.join(copy, 'w'), '.'], dir);
  assert.equal(exp.code, 0, exp.err);
  const imp = run(
    ['import', '--format', 'w3c', '--base', 'https://news.example.org/a/', '--articles', copy, path.join(copy, 'w')],
    os.tmpdir(),
  );
  assert.equal(imp.code, 0, imp.err);
  for (const [rel, src] of before) {
    const a = parseSidecar(src);
    const b = parseSidecar(fs.readFileSync(path.join(copy, rel), 'utf8'));
    assert.ok(a.ok && b.ok);
    assert.deepEqual(b.doc.annotations, a.doc.annotations, rel);
  }
});

test('import merges by position: decisions there are kept, a different one is a reported conflict (exit 1)', () => {
  const dir = project();
  const side = path.join(dir, 'port-strike.annotations.yaml');
  const mine = parseSidecar(fs.readFileSync(side, 'utf8'));
  assert.ok(mine.ok);
  const accepted = mine.doc.annotations.find((a) => a.status === 'accepted')!;
  const rejected = mine.doc.annotations.find((a) => a.status === 'rejected')!;
  // A doccano file (as if from another team) that labels the accepted span otherwise, the rejected one too, and adds one.
  const raw = fs.readFileSync(path.join(dir, 'port-strike.txt'), 'utf8').replace(/^\ufeff/, '');
  const cp = (utf16InLf: number) =>
    Array.from(raw.replace(/\r\n/g, '\n').slice(0, utf16InLf)).length +
    (raw.replace(/\r\n/g, '\n').slice(0, utf16InLf).match(/\n/g)?.length ?? 0);
  const other =
    accepted.kind === 'entity'
      ? accepted.type === 'ORG'
        ? 'PER'
        : 'ORG'
      : accepted.kind === 'figure'
        ? accepted.type === 'count'
          ? 'number'
          : 'count'
        : accepted.type === 'partial'
          ? 'direct'
          : 'partial';
  const rec = {
    text: raw,
    article: 'port-strike.txt',
    label: [
      [cp(accepted.start), cp(accepted.end), other],
      [cp(rejected.start), cp(rejected.end), rejected.type],
    ],
  };
  fs.writeFileSync(path.join(dir, 'other.jsonl'), JSON.stringify(rec) + '\n');
  const r = run(['import', '--format', 'doccano', 'other.jsonl'], dir);
  assert.equal(r.code, 1, r.out + r.err);
  assert.match(r.err, /conflict/);
  const after = parseSidecar(fs.readFileSync(side, 'utf8'));
  assert.ok(after.ok);
  const a2 = after.doc.annotations.find((a) => a.id === accepted.id)!;
  assert.equal(a2.status, 'accepted');
  assert.equal(a2.type, accepted.type);
  assert.equal(a2.note, 'checked');
  assert.equal(a2.conflict?.type, other);
  const r2 = after.doc.annotations.find((a) => a.id === rejected.id)!;
  assert.equal(r2.status, 'rejected');
  assert.equal(r2.conflict?.status, 'accepted');
  // Nothing that was there is gone.
  for (const a of mine.doc.annotations)
    assert.ok(
      after.doc.annotations.some((b) => b.id === a.id),
      a.id,
    );
});

test('clear per-file errors: a broken file, a missing article, an unknown format; the others still go through', () => {
  const dir = project();
  assert.equal(run(['export', '--format', 'label-studio', '--out', 'ls', '.'], dir).code, 0);
  fs.writeFileSync(path.join(dir, 'ls', 'broken.json'), '{"data": ');
  fs.writeFileSync(path.join(dir, 'ls', 'orphan.json'), JSON.stringify([{ data: { text: 'Hello', article: 'gone.txt' } }]));
  const r = run(['import', '--format', 'label-studio', 'ls'], dir);
  assert.equal(r.code, 1);
  assert.match(r.err, /broken\.json: not JSON/);
  assert.match(r.err, /orphan\.json: task 1 \(gone\.txt\): names no article found on this machine \(gone\.txt\); give --article PATH/);
  assert.match(r.out, /imported \d+ annotations into 5 articles from 7 files/);
  const u = run(['export', '--format', 'xml', '.'], dir);
  assert.equal(u.code, 2);
  assert.match(u.err, /unknown format xml: w3c, brat, spacy, conll, label-studio, doccano/);
  assert.equal(run(['import', '--format', 'conll', 'x'], dir).code, 2);
  assert.match(run(['import', '--format', 'conll', 'x'], dir).err, /conll is export only/);
  // An invalid annotation file is named and left alone; the other articles are exported.
  fs.writeFileSync(path.join(dir, 'library-closures.annotations.yaml'), 'version: 2\nannotations: 7\n');
  const e = run(['export', '--format', 'brat', '--out', 'bb', '.'], dir);
  assert.equal(e.code, 1);
  assert.match(e.err, /library-closures\.annotations\.yaml: .*not exported/);
  assert.match(e.out, /exported 4 of 5 articles/);
});

const polnear = path.join(sharedDir(), 'corpus/quotes/polnear/dev');
test(
  'PolNeAR: a document of the shared corpus imported with --article (brat in two folders)',
  { skip: !fs.existsSync(polnear) && `${polnear} not found` },
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-polnear-'));
    const ann = fs.readdirSync(path.join(polnear, 'attributions')).sort()[0]!;
    const txt = ann.replace(/_[0-9a-f]{4}\.ann$/, '.txt');
    fs.copyFileSync(path.join(polnear, 'text', txt), path.join(dir, txt));
    const r = run(['import', '--format', 'brat', '--article', path.join(dir, txt), path.join(polnear, 'attributions', ann)], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /added.*not held: \d+ spans of brat type Cue/);
    const side = parseSidecar(fs.readFileSync(path.join(dir, txt.replace(/\.txt$/, '.annotations.yaml')), 'utf8'));
    assert.ok(side.ok);
    const contents = fs
      .readFileSync(path.join(polnear, 'attributions', ann), 'utf8')
      .split('\n')
      .filter((l) => /^T\d+\tContent /.test(l)).length;
    assert.ok(side.doc.annotations.filter((a) => a.kind === 'quote').length >= contents);
  },
);
