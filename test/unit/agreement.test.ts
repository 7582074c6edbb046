// Agreement between reviewers (issue 15): Cohen's kappa against textbook tables, positive specific
// agreement / F1 on exact and overlapping spans against hand-counted examples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agreementReport, cohensKappa, compareArticle, formatAgreement, psa } from '../../src/core/review/agreement';
import type { Annotation } from '../../src/core/sidecar/model';
import { ann } from './review-fixture';

const close = (x: number | null, y: number, what: string) => assert.ok(x !== null && Math.abs(x - y) < 5e-4, `${what}: ${x} ≠ ${y}`);

test("Cohen's kappa: the textbook tables", () => {
  // Yes/no by two raters over 50 items: 20 both yes, 15 both no (Wikipedia's worked example).
  let k = cohensKappa([
    [20, 5],
    [10, 15],
  ]);
  close(k.observed, 0.7, 'po');
  close(k.expected, 0.5, 'pe');
  close(k.kappa, 0.4, 'kappa');
  // Same observed agreement (0.6), different margins, different kappa: 0.1304 and 0.2593.
  close(
    cohensKappa([
      [45, 15],
      [25, 15],
    ]).kappa,
    0.1304,
    'balanced margins',
  );
  close(
    cohensKappa([
      [25, 35],
      [5, 35],
    ]).kappa,
    0.2593,
    'unbalanced margins',
  );
  // The paradox (Feinstein & Cicchetti): 85% agreement, kappa only 0.318.
  k = cohensKappa([
    [80, 10],
    [5, 5],
  ]);
  close(k.observed, 0.85, 'po');
  close(k.expected, 0.78, 'pe');
  close(k.kappa, 0.3182, 'paradox');
  // Perfect, chance, systematic disagreement.
  assert.equal(
    cohensKappa([
      [10, 0],
      [0, 5],
    ]).kappa,
    1,
  );
  assert.equal(
    cohensKappa([
      [25, 25],
      [25, 25],
    ]).kappa,
    0,
  );
  assert.equal(
    cohensKappa([
      [0, 5],
      [5, 0],
    ]).kappa,
    -1,
  );
  // Three categories: 23 of 30 on the diagonal, margins 12/10/8 and 11/13/6: (690 − 310) / (900 − 310) = 0.6441.
  close(
    cohensKappa([
      [10, 2, 0],
      [1, 8, 1],
      [0, 3, 5],
    ]).kappa,
    380 / 590,
    '3×3',
  );
  // Undefined: both gave everything one category (pe = 1), or no items at all.
  const same = cohensKappa([
    [10, 0],
    [0, 0],
  ]);
  assert.equal(same.kappa, null);
  assert.equal(same.observed, 1);
  assert.deepEqual(
    cohensKappa([
      [0, 0],
      [0, 0],
    ]),
    { n: 0, observed: null, expected: null, kappa: null },
  );
  assert.throws(() => cohensKappa([[1, 2]]), /square/);
});

test('positive specific agreement is 2m / (a + b), the F1 of one side against the other', () => {
  assert.equal(psa(3, 4, 4), 0.75);
  assert.equal(psa(0, 0, 0), null);
  // F1 = 2PR / (P + R): precision 3/5, recall 3/4 → 2·0.6·0.75 / 1.35 = 0.6667 = 6 / 9.
  close(psa(3, 4, 5), (2 * 0.6 * 0.75) / (0.6 + 0.75), 'F1');
});

/** Annotations over a text of spaces, by hand: kind/type/start/end/status. */
function a(id: string, type: string, start: number, end: number, status: Annotation['status'] = 'accepted'): Annotation {
  const kind = ['PER', 'ORG', 'LOC', 'MISC'].includes(type) ? 'entity' : ['money', 'percent', 'date'].includes(type) ? 'figure' : 'quote';
  return { ...ann({ id, start, end }), kind, type, text: 'x'.repeat(end - start), status } as Annotation;
}

test('spans: exact and overlapping matches per kind (type ignored) and per type (type required), counted by hand', () => {
  const A = [
    a('e1', 'PER', 0, 9),
    a('e2', 'PER', 14, 22),
    a('e3', 'LOC', 26, 31),
    a('f1', 'money', 48, 58),
    a('r1', 'PER', 60, 64, 'rejected'),
  ];
  const B = [
    a('e1', 'PER', 0, 9),
    a('e2', 'ORG', 14, 22),
    a('e4', 'LOC', 27, 31),
    a('q1', 'direct', 70, 80),
    a('r1', 'PER', 60, 64, 'rejected'),
  ];
  const rows = agreementReport([{ name: 'x', a: A, b: B }]).rows;
  const row = (k: string) => rows.find((r) => r.key === k)!;
  // Items: the rejected one is not an item. all: 4 and 4; exact e1, e2 (type ignored) = 2 → 0.5; overlap + LOC = 3 → 0.75.
  assert.deepEqual([row('all').itemsA, row('all').itemsB, row('all').exact, row('all').overlap], [4, 4, 2, 3]);
  assert.equal(row('all').psaExact, 0.5);
  assert.equal(row('all').psaOverlap, 0.75);
  // entity: 3 and 3; exact 2 → 4/6; overlap 3 → 1.
  close(row('entity').psaExact, 4 / 6, 'entity exact');
  assert.equal(row('entity').psaOverlap, 1);
  // entity PER: A has 2, B has 1 (e2 is ORG there): exact 1 → 2/3. ORG: 0 of 1. LOC: no exact, overlap 1 → 1.
  close(row('entity PER').psaExact, 2 / 3, 'PER');
  assert.equal(row('entity ORG').psaExact, 0);
  assert.equal(row('entity LOC').psaExact, 0);
  assert.equal(row('entity LOC').psaOverlap, 1);
  assert.equal(row('figure money').psaExact, 0);
  assert.equal(row('quote direct').itemsB, 1);
  // Order: all, then each kind followed by its types.
  assert.deepEqual(
    rows.map((r) => r.key),
    ['all', 'entity', 'entity LOC', 'entity ORG', 'entity PER', 'figure', 'figure money', 'quote', 'quote direct'],
  );
});

test('overlap matching is one to one, the largest overlap first', () => {
  const one = compareArticle([a('e1', 'PER', 0, 10)], [a('x', 'PER', 0, 4), a('y', 'PER', 3, 10)]).get('all')!;
  assert.equal(one.overlap, 1, 'one span of A matches one of B');
  const two = compareArticle([a('e1', 'PER', 0, 10), a('e2', 'PER', 8, 12)], [a('x', 'PER', 7, 12)]).get('all')!;
  assert.equal(two.overlap, 1);
  // Touching spans do not overlap (half-open).
  assert.equal(compareArticle([a('e1', 'PER', 0, 5)], [a('x', 'PER', 5, 9)]).get('all')!.overlap, 0);
});

test("kappa on the shared annotations' status: suggested / accepted / rejected, by id", () => {
  // 10 shared: 4 accepted by both, 2 rejected by both, 1 suggested by both, 2 A accepted / B rejected, 1 A suggested / B accepted.
  const statuses: [Annotation['status'], Annotation['status']][] = [
    ...Array(4).fill(['accepted', 'accepted']),
    ...Array(2).fill(['rejected', 'rejected']),
    ['suggested', 'suggested'],
    ...Array(2).fill(['accepted', 'rejected']),
    ['suggested', 'accepted'],
  ];
  const A = statuses.map(([s], i) => a(`e${i}`, 'PER', i * 10, i * 10 + 5, s));
  const B = statuses.map(([, s], i) => a(`e${i}`, 'PER', i * 10, i * 10 + 5, s));
  B.push(a('only-b', 'PER', 200, 205));
  const r = agreementReport([{ name: 'x', a: A, b: B }]).rows.find((x) => x.key === 'all')!;
  // Table (rows A, columns B; suggested, accepted, rejected): [[1,1,0],[0,4,2],[0,0,2]].
  assert.deepEqual(r.statuses, [
    [1, 1, 0],
    [0, 4, 2],
    [0, 0, 2],
  ]);
  // po = 7/10; margins A 2,6,2 and B 1,5,4: pe = (2·1 + 6·5 + 2·4)/100 = 0.4; kappa = 0.3/0.6 = 0.5.
  assert.equal(r.kappa.n, 10);
  close(r.kappa.observed, 0.7, 'po');
  close(r.kappa.expected, 0.4, 'pe');
  close(r.kappa.kappa, 0.5, 'kappa');
});

test('many articles are summed before dividing; an article on one side only counts for that side', () => {
  const report = agreementReport([
    { name: 'b.txt', a: [a('e1', 'PER', 0, 5)], b: [a('e1', 'PER', 0, 5)] },
    { name: 'a.txt', a: [a('e1', 'PER', 0, 5), a('e2', 'PER', 10, 15)], b: [a('e1', 'PER', 0, 5)] },
    { name: 'c.txt', a: [a('e1', 'PER', 0, 5)], b: null },
  ]);
  assert.deepEqual(report.articles, { both: 2, onlyA: 1, onlyB: 0 });
  const all = report.rows.find((r) => r.key === 'all')!;
  assert.deepEqual([all.itemsA, all.itemsB, all.exact], [4, 2, 2]);
  close(all.psaExact, 4 / 6, 'micro-average');
  assert.deepEqual(
    report.perArticle.map((p) => p.name),
    ['a.txt', 'b.txt', 'c.txt'],
  );
  const text = formatAgreement(report, { a: 'left', b: 'right' });
  assert.match(text, /articles: 2 in both, 1 only in A, 0 only in B/);
  assert.match(text, /^all\s+4\s+2\s+2\s+0\.667/m);
});
