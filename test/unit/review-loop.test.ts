// The review loop's core (issue 15): what needs review and what comes next, progress, bulk
// decisions and their undo.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { applyBulk, bulkTargets, describeQuery } from '../../src/core/review/bulk';
import { applyChanges, changesSince, DecisionHistory, snapshot } from '../../src/core/review/history';
import { confidenceFrom, nextToReview, reviewProgress, reviewQueue } from '../../src/core/review/navigation';
import { awaitsDecision } from '../../src/core/sidecar/model';
import * as corrections from '../../src/core/sidecar/corrections';
import type { Annotation } from '../../src/core/sidecar/model';
import { ann, at, sample, TEXT } from './review-fixture';
import { annotateWith } from '../../src/core/sidecar/session';

const conf = (a: Annotation) => (a.kind === 'quote' ? a.confidence : a.kind === 'figure' ? 1 : a.id === 'e2' ? 0.55 : 0.95);

test('awaitsDecision: undecided model suggestions on their words, and disagreements', () => {
  const [a, b, c] = sample();
  assert.equal(awaitsDecision(a!), true);
  b!.status = 'accepted';
  assert.equal(awaitsDecision(b!), false);
  b!.conflict = { status: 'rejected', by: 'Ben' };
  assert.equal(awaitsDecision(b!), true, 'a disagreement waits for a person');
  c!.anchor = 'orphaned';
  assert.equal(awaitsDecision(c!), false, 'not on its words: Problems deals with it');
  assert.equal(awaitsDecision(ann({ id: 'u', start: 0, end: 3, origin: 'user', status: 'accepted' })), false);
});

test('next / previous from the cursor, in reading order, wrapping with a flag', () => {
  const list = sample();
  const ids = (o: number, d: 1 | -1, cur?: string) => {
    const r = nextToReview(list, o, d, { filter: {}, confidenceOf: conf, currentId: cur })!;
    return `${r.annotation.id}${r.wrapped ? ' wrapped' : ''} ${r.position}/${r.of}`;
  };
  assert.equal(ids(0, 1), 'e2 2/7', 'the cursor at the start of the first: the next starts after it');
  assert.equal(ids(0, 1, 'e1'), 'e2 2/7');
  assert.equal(ids(10, 1), 'e2 2/7');
  const last = at('Ortiz', 1).start;
  assert.equal(ids(last, 1, 'e5'), 'e1 wrapped 1/7', 'past the last: back to the first, said');
  assert.equal(ids(last, -1, 'e5'), 'q1 6/7');
  assert.equal(ids(0, -1, 'e1'), 'e5 wrapped 7/7');
  assert.equal(ids(at('€5 million').start + 2, -1), 'f1 5/7', 'previous: the last one starting before the cursor');
  // Decided ones are skipped.
  list[1]!.status = 'rejected';
  assert.equal(ids(0, 1, 'e1'), 'e3 2/6');
  // Nothing left: null.
  for (const a of list) a.status = 'accepted';
  assert.equal(nextToReview(list, 0, 1), null);
});

test('two annotations starting at the same place are both visited (the enclosing one first)', () => {
  const list = [
    ann({ id: 'q', start: 0, end: 22, kind: 'quote', type: 'direct' }),
    ann({ id: 'e', ...at('Ana Lopez') }),
    ann({ id: 'x', ...at('Paris') }),
  ];
  const first = nextToReview(list, 0, 1, { filter: {}, confidenceOf: undefined, currentId: undefined });
  assert.equal(first?.annotation.id, 'x', 'without a current annotation, next starts after the cursor');
  assert.equal(nextToReview(list, 0, 1, { filter: {}, currentId: 'q' })?.annotation.id, 'e');
  assert.equal(nextToReview(list, 0, -1, { filter: {}, currentId: 'e' })?.annotation.id, 'q');
});

test('filters: by kind, and by confidence below a threshold (a disagreement always passes)', () => {
  const list = sample();
  assert.deepEqual(
    reviewQueue(list, { kinds: ['quote', 'figure'] }, conf).map((a) => a.id),
    ['f1', 'q1'],
  );
  assert.deepEqual(
    reviewQueue(list, { below: 0.7 }, conf).map((a) => a.id),
    ['e2', 'q1'],
  );
  assert.deepEqual(
    reviewQueue(list, { below: 0.7, kinds: ['entity'] }, conf).map((a) => a.id),
    ['e2'],
  );
  list[0]!.status = 'accepted';
  list[0]!.conflict = { status: 'rejected' };
  assert.deepEqual(
    reviewQueue(list, { below: 0.7 }, conf).map((a) => a.id),
    ['e1', 'e2', 'q1'],
  );
  // Without a confidence (no analysis): no threshold is passed.
  assert.deepEqual(
    reviewQueue(list, { below: 0.7 }, () => undefined).map((a) => a.id),
    ['e1'],
  );
});

test('confidence from an analysis: entities from the recogniser, quotes from attribution, figures certain', () => {
  const text = 'Dockworkers walked out. "We want more," union secretary Giulia Ferraro said. The port made €310 million.';
  const a = analyze(text, { fileDate: '2026-10-03' });
  const anns = annotateWith(a, []);
  const of = confidenceFrom(a);
  const q = anns.find((x) => x.kind === 'quote')!;
  assert.equal(of(q), a.quotes[0]!.confidence);
  const e = anns.find((x) => x.kind === 'entity' && x.text === 'Giulia Ferraro')!;
  assert.equal(of(e), a.entities.find((m) => m.text === 'Giulia Ferraro')!.confidence);
  assert.equal(of(anns.find((x) => x.kind === 'figure')!), 1);
  assert.equal(confidenceFrom(null)(e), undefined);
});

test('progress: reviewed / total over annotations on their words', () => {
  const list = sample();
  assert.deepEqual(reviewProgress(list), { reviewed: 0, total: 7, disputed: 0 });
  list[0]!.status = 'accepted';
  list[1]!.status = 'rejected';
  list[2]!.status = 'accepted';
  list[2]!.conflict = { status: 'rejected' };
  list[3]!.anchor = 'orphaned';
  assert.deepEqual(reviewProgress(list), { reviewed: 2, total: 6, disputed: 1 });
});

test('bulk targets: above a confidence, a type, one entity — suggestions only, never a decision or a disagreement', () => {
  const list = sample();
  list[3]!.status = 'rejected';
  list[6]!.conflict = { status: 'accepted' };
  assert.deepEqual(
    bulkTargets(list, { decision: 'accept', type: 'PER' }, conf).map((a) => a.id),
    ['e1', 'e2'],
  );
  assert.deepEqual(
    bulkTargets(list, { decision: 'accept', minConfidence: 0.9 }, conf).map((a) => a.id),
    ['e1', 'e3', 'f1'],
  );
  assert.deepEqual(
    bulkTargets(list, { decision: 'accept', entity: 'Ana Lopez' }, conf).map((a) => a.id),
    ['e1'],
    'e4 was rejected: left alone',
  );
  assert.deepEqual(
    bulkTargets(list, { decision: 'reject', kind: 'quote', belowConfidence: 0.7 }, conf).map((a) => a.id),
    ['q1'],
  );
  assert.equal(
    describeQuery({ decision: 'accept', type: 'PER', entity: 'Ana Lopez', minConfidence: 0.8 }),
    'accept PER “Ana Lopez” at 80% or more',
  );
});

test('a bulk decision records who decided and is undone and redone exactly', () => {
  const list = sample();
  const before = JSON.stringify(list);
  const targets = bulkTargets(list, { decision: 'accept', type: 'PER' }, conf);
  const changes = applyBulk(list, targets, 'accept', TEXT, { by: 'Ana' });
  assert.deepEqual(
    changes.map((c) => c.id),
    ['e1', 'e2', 'e4', 'e5'],
  );
  assert.ok(list.filter((a) => a.type === 'PER').every((a) => a.status === 'accepted' && a.by === 'Ana'));
  const undone = applyChanges(list, changes, 'undo', TEXT);
  assert.equal(JSON.stringify(undone), before, 'undo restores the list as it was');
  const redone = applyChanges(undone, changes, 'redo', TEXT);
  assert.ok(redone.filter((a) => a.type === 'PER').every((a) => a.status === 'accepted' && a.by === 'Ana'));
});

test('undo of an added annotation removes it and brings back the suggestions it replaced', () => {
  const list = sample();
  const snap = snapshot(list, []);
  const r = corrections.add(list, { start: 0, end: 3, type: 'PER' }, TEXT, { by: 'Ana' });
  assert.ok(r.ok);
  const changes = changesSince(snap, r.annotations);
  assert.deepEqual(
    changes.map((c) => [c.id, !!c.before, !!c.after]).sort(),
    [
      ['e1', true, false],
      [r.added.id, false, true],
    ].sort(),
  );
  const undone = applyChanges(r.annotations, changes, 'undo', TEXT);
  assert.deepEqual(
    undone.map((a) => a.id),
    list.map((a) => a.id),
  );
});

test('undo after the text changed: the decision goes back on the words where they are now', () => {
  const list = sample();
  const target = list[1]!; // Ben Ortiz
  const snap = snapshot(list, [target]);
  corrections.reject(target, { by: 'Ana' });
  const changes = changesSince(snap, list);
  // Three characters typed before it: the live list shifted it.
  const text = 'Dr ' + TEXT;
  for (const a of list) {
    a.start += 3;
    a.end += 3;
  }
  const undone = applyChanges(list, changes, 'undo', text);
  const b = undone.find((a) => a.id === target.id)!;
  assert.equal(b.status, 'suggested');
  assert.equal(b.by, undefined);
  assert.equal(text.slice(b.start, b.end), 'Ben Ortiz');
});

test('undo of accepting an edited annotation makes it edited again', () => {
  const edited = 'Ana M. Lopez met Ben Ortiz in Paris.';
  const a = ann({ id: 'e1', start: 0, end: 12, text: 'Ana Lopez', status: 'accepted', anchor: 'modified' });
  const list = [a];
  const snap = snapshot(list, [a]);
  corrections.accept(a, edited, { by: 'Ben' });
  assert.equal(a.text, 'Ana M. Lopez');
  assert.equal(a.anchor, 'ok');
  const back = applyChanges(list, changesSince(snap, list), 'undo', edited)[0]!;
  assert.equal(back.anchor, 'modified');
  assert.equal(back.text, 'Ana Lopez');
  assert.equal(back.by, undefined);
});

test('the history: newest first per article, redo cleared by a new decision, bounded', () => {
  const h = new DecisionHistory(3);
  const step = (label: string, ...files: string[]) => ({
    label,
    files: new Map(files.map((f) => [f, [{ id: label, before: null, after: null }]])),
  });
  h.push(step('a', 'x.txt'));
  h.push(step('b', 'y.txt'));
  h.push(step('c', 'x.txt', 'y.txt'));
  h.push({ label: 'empty', files: new Map([['x.txt', []]]) });
  assert.equal(h.size, 3, 'a decision that changed nothing is not recorded');
  assert.equal(h.takeUndo('y.txt')?.label, 'c');
  assert.equal(h.takeUndo('x.txt')?.label, 'a', 'the newest that touched x.txt');
  assert.equal(h.canRedo('x.txt'), true);
  assert.equal(h.takeRedo('x.txt')?.label, 'a');
  h.push(step('d', 'z.txt'));
  assert.equal(h.canRedo(), false, 'a new decision clears redo');
  h.push(step('e', 'z.txt'));
  h.push(step('f', 'z.txt'));
  assert.equal(h.size, 3, 'bounded');
  h.forget('z.txt');
  assert.equal(h.size, 0);
});
