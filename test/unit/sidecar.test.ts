import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { normalizeText } from '../../src/core/text';
import { contractJsonChunks, toContractRecord } from '../../src/core/contract';
import { annotationsFromAnalysis, mergeAnnotations, type Annotation } from '../../src/core/sidecar/model';
import { annotateWith, buildSidecar, checkSidecar, lexiconEntriesFrom, loadSidecar } from '../../src/core/sidecar/session';
import { conflictMarkerLines, parseSidecar, serializeSidecar, sidecarPathFor, textHash } from '../../src/core/sidecar/yaml';

const ARTICLE = `Mayor backs £40m tram plan

Glenmouth mayor Fiona McLeod said on Tuesday the city would spend £40m on a tram line. "It is the right thing to do," McLeod said.

Opposition leader Tom Hargreaves called it "reckless".
`;

function sidecarFor(text: string, existing: Annotation[] = []): string {
  const a = analyze(text, { fileDate: '2026-05-21' });
  return serializeSidecar(buildSidecar('tram.txt', a, annotateWith(a, existing)));
}

test('sidecar path replaces the extension', () => {
  assert.equal(sidecarPathFor('/a/b/article.txt'), '/a/b/article.annotations.yaml');
  assert.equal(sidecarPathFor('notes'), 'notes.annotations.yaml');
  assert.equal(sidecarPathFor('/a.b/notes'), '/a.b/notes.annotations.yaml');
  assert.equal(sidecarPathFor('C:\\x\\story.news'), 'C:\\x\\story.news.annotations.yaml');
});

test('writing is deterministic and load + save is byte-identical', () => {
  const first = sidecarFor(ARTICLE);
  const loaded = loadSidecar(first, ARTICLE);
  assert.equal(loaded.problem, null);
  assert.equal(loaded.stale, false);
  assert.equal(sidecarFor(ARTICLE, loaded.annotations), first);
  const parsed = parseSidecar(first);
  assert.ok(parsed.ok);
  assert.equal(serializeSidecar(parsed.doc), first);
});

test('LF, CRLF and BOM versions of an article give the same sidecar', () => {
  const crlf = normalizeText('\ufeff' + ARTICLE.replace(/\n/g, '\r\n'));
  assert.equal(crlf.text, ARTICLE);
  assert.equal(sidecarFor(crlf.text), sidecarFor(ARTICLE));
});

test('every annotation has a unique content-derived id and exact text', () => {
  const parsed = parseSidecar(sidecarFor(ARTICLE));
  assert.ok(parsed.ok);
  const ids = parsed.doc.annotations.map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const a of parsed.doc.annotations) {
    assert.match(a.id, /^[efq][0-9a-f]{10}(-\d+)?$/);
    assert.equal(ARTICLE.slice(a.start, a.end), a.text);
  }
});

test('a rejection and a retype survive re-analysis; an added annotation stays', () => {
  const a = analyze(ARTICLE, {});
  const anns = annotationsFromAnalysis(a);
  const money = anns.find((x) => x.kind === 'figure' && x.text === '£40m');
  assert.ok(money, 'the model finds £40m');
  money.status = 'rejected';
  const person = anns.find((x) => x.kind === 'entity' && x.text === 'Tom Hargreaves');
  assert.ok(person);
  person.type = 'ORG';
  person.status = 'accepted';
  const start = ARTICLE.indexOf('tram line');
  const added: Annotation = {
    id: '',
    kind: 'entity',
    type: 'MISC',
    start,
    end: start + 9,
    text: 'tram line',
    prefix: '',
    suffix: '',
    status: 'accepted',
    origin: 'user',
    anchor: 'ok',
  };
  const merged = mergeAnnotations([...anns, added], annotationsFromAnalysis(analyze(ARTICLE, {})));
  const again = mergeAnnotations(merged, annotationsFromAnalysis(analyze(ARTICLE, {})));
  for (const list of [merged, again]) {
    const m: Annotation[] = list.filter((x) => x.start === money.start && x.kind === 'figure');
    assert.equal(m.length, 1, 'no second suggestion over a rejected one');
    assert.equal(m[0]!.status, 'rejected');
    const p: Annotation[] = list.filter((x) => x.start === person.start && x.kind === 'entity');
    assert.deepEqual(
      p.map((x) => [x.type, x.status]),
      [['ORG', 'accepted']],
    );
    assert.ok(list.some((x) => x.origin === 'user' && x.text === 'tram line'));
  }
});

test('check: ok, stale, missing, conflicted, invalid', () => {
  const side = sidecarFor(ARTICLE);
  assert.deepEqual(checkSidecar(side, ARTICLE), []);
  assert.deepEqual(
    checkSidecar(null, ARTICLE).map((f) => f.code),
    ['missing'],
  );
  assert.deepEqual(
    checkSidecar(side, ARTICLE + '\nMore text.\n').map((f) => f.code),
    ['stale'],
  );
  const shifted = 'A new first line.\n' + ARTICLE;
  assert.deepEqual(
    checkSidecar(side, shifted).map((f) => f.code),
    ['stale'],
    'shifted annotations re-anchor exactly',
  );
  assert.deepEqual(
    checkSidecar('<<<<<<< HEAD\nversion: 1\n=======\nversion: 2\n>>>>>>> x\n', ARTICLE).map((f) => f.code),
    ['conflict'],
  );
  assert.deepEqual(
    checkSidecar('version: [1\n', ARTICLE).map((f) => f.code),
    ['invalid'],
  );
});

test('conflict markers are found, including diff3 and inside block scalars', () => {
  const src = 'a: |\n  text\n<<<<<<< ours\nb: 1\n||||||| base\nb: 0\n=======\nb: 2\n>>>>>>> theirs\n';
  assert.deepEqual(conflictMarkerLines(src), [3, 5, 7, 9]);
  assert.deepEqual(conflictMarkerLines('a: "======="\n'), []);
});

function problemOf(src: string): string {
  const r = parseSidecar(src);
  assert.equal(r.ok, false, `expected a problem for ${JSON.stringify(src.slice(0, 60))}`);
  return r.ok ? '' : r.problem.message;
}

const VALID_HEAD = `version: 1\narticle: a.txt\ntextHash: sha256:${'0'.repeat(64)}\noffsets: utf16-lf\n`;
const ann = (fields: string) => `${VALID_HEAD}annotations:\n  - ${fields.split('\n').join('\n    ')}\n`;
const GOOD = 'id: e0123456789\nkind: entity\ntype: PER\nstart: 0\nend: 5\ntext: Fiona\nstatus: accepted\norigin: user';

test('hostile and malformed YAML gives a clear error with a line, never a throw', () => {
  assert.ok(parseSidecar(ann(GOOD)).ok, 'the baseline is valid');
  assert.match(problemOf(`${VALID_HEAD}annotations: &a [1]\nx: *a\n`), /alias|anchor|unknown key/);
  assert.match(problemOf('%YAML 1.1\n---\nversion: 1\n'), /directive/);
  assert.match(problemOf(`${VALID_HEAD}article: b.txt\n`), /line 5/);
  assert.match(problemOf(ann(GOOD.replace('kind: entity', 'kind: !!js/function x'))), /tag|kind/);
  assert.match(problemOf(ann(GOOD.replace('start: 0', 'start: -1'))), /start must be a whole number/);
  assert.match(problemOf(ann(GOOD.replace('start: 0', 'start: 0.5'))), /start must be a whole number/);
  assert.match(problemOf(ann(GOOD.replace('end: 5', 'end: 0'))), /end must be greater/);
  assert.match(problemOf(ann(GOOD.replace('text: Fiona', 'text: Fion'))), /text length/);
  assert.match(problemOf(ann(GOOD.replace('status: accepted', 'status: maybe'))), /status must be one of/);
  assert.match(problemOf(ann(GOOD + '\n__proto__: {polluted: 1}')), /unknown key '__proto__'/);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.match(problemOf(ann(GOOD) + '  - ' + GOOD.split('\n').join('\n    ') + '\n'), /duplicate id/);
  assert.match(problemOf('version: 3\n'), /newer/);
  assert.match(problemOf('just a string\n'), /mapping/);
  assert.match(problemOf('a: 1\n---\nb: 2\n'), /YAML|unknown key/);
  const deep = 'x: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
  assert.match(problemOf(deep), /nested|unknown key|YAML/);
});

test('a billion-laughs file is refused quickly', () => {
  const bomb =
    'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c ' +
    '[*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
  assert.match(problemOf(bomb), /alias|anchor/);
});

test('the text hash is of the normalized text', () => {
  assert.equal(textHash('abc'), 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('a suggestion keeps its id when an edit nearby changes its context', () => {
  const before = annotationsFromAnalysis(analyze(ARTICLE, {}));
  const edited = ARTICLE.replace('said on Tuesday', 'said late on Tuesday');
  const shift = 'late '.length;
  const cut = ARTICLE.indexOf('on Tuesday');
  // Shift the old suggestions as the editor would, then merge a fresh analysis.
  const moved = before.map((a) => (a.start >= cut ? { ...a, start: a.start + shift, end: a.end + shift } : a));
  const merged = mergeAnnotations(moved, annotationsFromAnalysis(analyze(edited, {})));
  const tuesday = merged.find((a) => a.text === 'Tuesday');
  const old = before.find((a) => a.text === 'Tuesday');
  assert.ok(tuesday && old);
  assert.equal(tuesday.id, old.id, 'same id after the context changed');
  assert.notEqual(
    annotationsFromAnalysis(analyze(edited, {})).find((a) => a.text === 'Tuesday')!.id,
    old.id,
    'a fresh analysis alone would give another id',
  );
});

test('the lexicon learns accepted and added names, not rejections', () => {
  const mk = (text: string, status: Annotation['status'], origin: Annotation['origin'], entity?: string): Annotation => {
    const start = ARTICLE.indexOf(text);
    const a: Annotation = {
      id: '',
      kind: 'entity',
      type: 'PER',
      start,
      end: start + text.length,
      text,
      prefix: '',
      suffix: '',
      status,
      origin,
      anchor: 'ok',
    };
    if (entity) a.entity = entity;
    return a;
  };
  const entries = lexiconEntriesFrom([
    mk('Fiona McLeod', 'accepted', 'model'),
    mk('McLeod', 'accepted', 'user', 'Fiona McLeod'),
    mk('Tom Hargreaves', 'rejected', 'model'),
    mk('Glenmouth', 'suggested', 'model'),
  ]);
  assert.deepEqual(entries, [
    { name: 'Fiona McLeod', type: 'PER' },
    { name: 'McLeod', type: 'PER', canonical: 'Fiona McLeod' },
  ]);
});

test('the chunked JSON record is byte-identical to the whole one', () => {
  const norm = normalizeText('\ufeff' + ARTICLE.replace(/\n/g, '\r\n'));
  const a = analyze(norm.text, {});
  assert.equal([...contractJsonChunks('x/tram.txt', a, norm, 2)].join(''), JSON.stringify(toContractRecord('x/tram.txt', a, norm)));
});
