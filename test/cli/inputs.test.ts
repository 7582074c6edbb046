// Batch input of the built CLI: `-` (stdin text), --files-from, --jsonl-in and --shard.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const SAMPLES = fs
  .readdirSync(path.join(root, 'samples'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => path.join('samples', f));

function run(args: string[], o: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    cwd: root,
    input: o.input ?? '',
    env: { ...process.env, ...o.env },
    timeout: 60000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const records = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const without = (o: Record<string, unknown>, k: string) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k));

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'na-inputs-'));
}

test('analyze - reads one article from standard input: the same record as the file, named "-"', () => {
  const file = 'samples/port-strike.txt';
  const fromFile = records(run(['analyze', '--json', file]).out)[0]!;
  const r = run(['analyze', '--json', '-'], { input: fs.readFileSync(path.join(root, file), 'utf8') });
  assert.equal(r.code, 0, r.err);
  const [rec] = records(r.out);
  assert.equal(rec!.file, '-');
  assert.deepEqual(without(rec!, 'file'), without(fromFile, 'file'));
  const text = run(['analyze', '-'], { input: 'Ann Fisk, the mayor of Dunmore, said on Monday that the town would spend £2m on roads.\n' });
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /^-\n {2}entities: .*Ann Fisk/);
  const bin = run(['analyze', '-'], { input: 'abc\u0000def' });
  assert.equal(bin.code, 2);
  assert.match(bin.err, /standard input looks binary/);
});

test('--files-from LIST and --files-from - give the same records as the paths as arguments; missing paths are reported', () => {
  const direct = run(['analyze', '--json', ...SAMPLES]);
  assert.equal(direct.code, 0, direct.err);
  const dir = tmpdir();
  const list = path.join(dir, 'list.txt');
  fs.writeFileSync(list, SAMPLES.join('\r\n') + '\n\n');
  const fromList = run(['analyze', '--json', '--files-from', list]);
  assert.equal(fromList.code, 0, fromList.err);
  assert.equal(fromList.out, direct.out);
  const fromStdin = run(['analyze', '--json', `--files-from=-`], { input: SAMPLES.join('\n') });
  assert.equal(fromStdin.out, direct.out);
  // Arguments first, then the list; a directory in the list is walked.
  const mixed = run(['analyze', '--json', SAMPLES[0]!, '--files-from', '-'], { input: 'samples\n' });
  assert.deepEqual(
    records(mixed.out).map((r) => r.file),
    [SAMPLES[0], ...SAMPLES],
  );
  const missing = run(['analyze', '--json', '--files-from', '-'], { input: `${SAMPLES[0]}\nsamples/no-such-article.txt\n` });
  assert.equal(missing.code, 1);
  assert.match(missing.err, /samples\/no-such-article\.txt: no such file or directory/);
  assert.equal(records(missing.out).length, 1);
  const noList = run(['analyze', '--files-from', path.join(dir, 'absent.txt')]);
  assert.equal(noList.code, 2);
  assert.match(noList.err, /absent\.txt/);
});

test('--jsonl-in: one record per line out, ids (strings and numbers) kept in order, a record date used, bad lines reported', () => {
  const lines = SAMPLES.map((f, i) =>
    JSON.stringify({ id: i % 2 ? `article-${i}` : i, text: fs.readFileSync(path.join(root, f), 'utf8') }),
  );
  const dated = 'Flood defences approved\n\nThe council approved the flood defences on Monday, its leader Mary Cole said.\n';
  lines.push(JSON.stringify({ id: 'dated', text: dated, date: '2026-03-04' }));
  lines.push('', '{"id": "no-text"}', 'not json', JSON.stringify({ id: 'last', text: 'Short text.' }));
  const r = run(['analyze', '--jsonl-in'], { input: lines.join('\n') + '\n' });
  assert.equal(r.code, 1, 'bad lines make the run exit 1');
  assert.match(r.err, /standard input:8: want \{"id"/);
  assert.match(r.err, /standard input:9: not a JSON line/);
  const recs = records(r.out);
  assert.deepEqual(
    recs.map((x) => x.id),
    [...SAMPLES.map((_, i) => (i % 2 ? `article-${i}` : i)), 'dated', 'last'],
  );
  assert.ok(
    recs.every((x) => !('file' in x)),
    'keyed by id, not file',
  );
  const fromFiles = records(run(['analyze', '--json', ...SAMPLES]).out);
  for (let i = 0; i < SAMPLES.length; i++) assert.deepEqual(without(recs[i]!, 'id').entities, fromFiles[i]!.entities, SAMPLES[i]);
  const monday = (recs.find((x) => x.id === 'dated')!.figures as { text: string; value: unknown }[]).find((f) => f.text.includes('Monday'));
  assert.equal(monday?.value, '2026-03-02', 'Monday before the record date');
  assert.equal(recs.find((x) => x.id === 'dated')!.articleDate, '2026-03-04');
  // From files (several, in order), and - for stdin among them.
  const dir = tmpdir();
  fs.writeFileSync(path.join(dir, 'a.jsonl'), lines.slice(0, 2).join('\n'));
  const two = run(['analyze', '--jsonl-in', path.join(dir, 'a.jsonl'), '-'], { input: lines[2]! });
  assert.deepEqual(
    records(two.out).map((x) => x.id),
    [0, 'article-1', 2],
  );
});

test('--shard I/N: the shards are disjoint, cover every input, and are the same every run', () => {
  const top = tmpdir();
  const dir = path.join(top, 'articles');
  fs.mkdirSync(dir);
  // 40 small articles under distinct names.
  const body = fs.readFileSync(path.join(root, SAMPLES[0]!), 'utf8').split('\n\n').slice(0, 3).join('\n\n');
  const names: string[] = [];
  for (let i = 0; i < 40; i++) {
    const f = path.join(dir, `a${String(i).padStart(2, '0')}.txt`);
    fs.writeFileSync(f, body);
    names.push(f);
  }
  const list = path.join(top, 'list.txt');
  fs.writeFileSync(list, names.join('\n'));
  const all = run(['analyze', '--json', '--files-from', list]).out.split('\n').filter(Boolean);
  assert.equal(all.length, 40);
  const parts: string[][] = [];
  for (let i = 0; i < 3; i++) {
    const r = run(['analyze', '--json', '--files-from', list, '--shard', `${i}/3`]);
    assert.equal(r.code, 0, r.err);
    parts.push(r.out.split('\n').filter(Boolean));
  }
  assert.ok(
    parts.every((p) => p.length > 3),
    `every shard gets a share: ${parts.map((p) => p.length)}`,
  );
  assert.deepEqual([...parts.flat()].sort(), [...all].sort(), 'the union is the whole, nothing twice');
  assert.deepEqual(run(['analyze', '--json', '--files-from', list, '--shard=1/3']).out.split('\n').filter(Boolean), parts[1], 'stable');
  // A directory argument is sharded by the files inside it.
  const byDir = [0, 1, 2].flatMap((i) => records(run(['analyze', '--json', dir, '--shard', `${i}/3`]).out).map((r) => r.file));
  assert.deepEqual(byDir.sort(), names);
  // JSONL records are sharded by id.
  const jsonl = names.map((_, i) => JSON.stringify({ id: `doc-${i}`, text: body })).join('\n');
  const ids = [0, 1, 2, 3].flatMap((i) =>
    records(run(['analyze', '--jsonl-in', '--shard', `${i}/4`], { input: jsonl }).out).map((r) => r.id),
  );
  assert.deepEqual([...ids].sort(), names.map((_, i) => `doc-${i}`).sort());
});

test('--shard auto reads the index of Kubernetes, AWS Batch and Cloud Run jobs', () => {
  const jsonl = Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: i, text: 'The council met on Monday.' })).join('\n');
  const ids = (env: Record<string, string>) => {
    const r = run(['analyze', '--jsonl-in', '--shard', 'auto'], { input: jsonl, env });
    assert.equal(r.code, 0, r.err);
    return records(r.out).map((x) => x.id);
  };
  const explicit = records(run(['analyze', '--jsonl-in', '--shard', '1/3'], { input: jsonl }).out).map((x) => x.id);
  assert.deepEqual(ids({ JOB_COMPLETION_INDEX: '1', NEWS_ANNOTATOR_SHARDS: '3' }), explicit);
  assert.deepEqual(ids({ AWS_BATCH_JOB_ARRAY_INDEX: '1', NEWS_ANNOTATOR_SHARDS: '3' }), explicit);
  assert.deepEqual(ids({ CLOUD_RUN_TASK_INDEX: '1', CLOUD_RUN_TASK_COUNT: '3' }), explicit);
  const noIndex = run(['analyze', '--jsonl-in', '--shard', 'auto'], { input: jsonl, env: { NEWS_ANNOTATOR_SHARDS: '3' } });
  assert.equal(noIndex.code, 2);
  assert.match(noIndex.err, /JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX, CLOUD_RUN_TASK_INDEX/);
  const noCount = run(['analyze', '--jsonl-in', '--shard', 'auto'], { input: jsonl, env: { JOB_COMPLETION_INDEX: '0' } });
  assert.match(noCount.err, /NEWS_ANNOTATOR_SHARDS or CLOUD_RUN_TASK_COUNT/);
  assert.match(
    run(['analyze', '--jsonl-in', '--shard', 'auto'], { input: jsonl, env: { JOB_COMPLETION_INDEX: '3', NEWS_ANNOTATOR_SHARDS: '3' } }).err,
    /0 ≤ I < N \(got 3\/3\)/,
  );
});

test('input options that do not fit together are usage errors (exit 2)', () => {
  const cases: [string[], RegExp][] = [
    [['analyze', '-', '--files-from', '-'], /standard input can be read once/],
    [['analyze', '--jsonl-in', '--files-from', 'x'], /--jsonl-in reads records/],
    [['annotate', '-'], /annotate works on files/],
    [['check', '--jsonl-in', 'x.jsonl'], /check works on files/],
    [['analyze', '--shard', '2'], /--shard wants I\/N/],
    [['analyze', 'samples', '--shard'], /--shard needs a value/],
    [['analyze'], /needs at least one FILE or DIR/],
  ];
  for (const [args, message] of cases) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message, args.join(' '));
  }
});
