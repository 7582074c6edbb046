// Who decided (issue 15): `by:` through the corrections, the annotation file and the merge driver.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { hoverCards } from '../../src/core/hover';
import { cleanReviewer } from '../../src/core/review/reviewer';
import { buildTopicTree, flattenTree } from '../../src/core/topicTree';
import * as corrections from '../../src/core/sidecar/corrections';
import { mergeSidecars } from '../../src/core/sidecar/merge';
import type { Annotation } from '../../src/core/sidecar/model';
import { sample, TEXT } from './review-fixture';
import { annotateWith, buildSidecar } from '../../src/core/sidecar/session';
import { parseSidecar, serializeSidecar, textHash, type SidecarDoc } from '../../src/core/sidecar/yaml';

test('who decided: cleaned to one deterministic line', () => {
  assert.equal(cleanReviewer('  Ana   Lopez \n'), 'Ana Lopez');
  assert.equal(cleanReviewer('Ana\u202eLopez\u0007'), 'AnaLopez');
  assert.equal(cleanReviewer('\n'), null);
  assert.equal(cleanReviewer('x'.repeat(300))!.length, 100);
  assert.equal(cleanReviewer('a'.repeat(99) + '😀b')!.length, 99, 'never half a surrogate pair');
});

test('by: every correction records it, a decision without a reviewer records none, and it is written and read back', () => {
  const list = sample();
  corrections.accept(list[0]!, TEXT, { by: 'Ana' });
  corrections.reject(list[1]!, { by: 'Ben' });
  assert.ok(corrections.retype(list[2]!, 'ORG', TEXT, { by: 'Cleo' }));
  assert.ok(corrections.link(list[3]!, 'Ana María Lopez', TEXT, { by: 'Dan' }));
  corrections.accept(list[4]!, TEXT);
  assert.deepEqual(
    list.slice(0, 5).map((a) => a.by),
    ['Ana', 'Ben', 'Cleo', 'Dan', undefined],
  );
  const a = analyze(TEXT, {});
  const src = serializeSidecar(buildSidecar('a.txt', a, annotateWith(a, list)));
  assert.match(src, /by: Ana\b/);
  const back = parseSidecar(src);
  assert.ok(back.ok);
  assert.equal(back.doc.annotations.find((x) => x.text === 'Ben Ortiz')?.by, 'Ben');
});

test('merge driver: by flows into the conflict; the same decision by two people is no conflict', () => {
  const base = sample();
  const doc = (anns: Annotation[]): SidecarDoc => ({
    article: 'a.txt',
    textHash: textHash(TEXT),
    subjects: [],
    sections: [],
    annotations: anns,
  });
  const ours = sample();
  const theirs = sample();
  corrections.accept(ours[0]!, TEXT, { by: 'Ana' });
  corrections.reject(theirs[0]!, { by: 'Ben' });
  corrections.accept(ours[1]!, TEXT, { by: 'Ana' });
  corrections.accept(theirs[1]!, TEXT, { by: 'Ben' });
  const m = mergeSidecars(doc(base), doc(ours), doc(theirs));
  assert.deepEqual(m.conflicts, ['e1']);
  const e1 = m.doc.annotations.find((a) => a.id === 'e1')!;
  assert.equal(e1.by, 'Ana');
  assert.deepEqual(e1.conflict, { status: 'rejected', type: 'PER', by: 'Ben' });
  const e2 = m.doc.annotations.find((a) => a.id === 'e2')!;
  assert.equal(e2.status, 'accepted');
  assert.equal(e2.conflict, undefined);
  // Written and read back, both reviewers are there; taking theirs takes their name too.
  const back = parseSidecar(serializeSidecar(m.doc));
  assert.ok(back.ok);
  const x = back.doc.annotations.find((a) => a.id === 'e1')!;
  assert.equal(x.conflict?.by, 'Ben');
  assert.ok(corrections.resolveConflict(x, 'theirs'));
  assert.equal(x.status, 'rejected');
  assert.equal(x.by, 'Ben');
});

test('hover cards say who decided, and show both decisions of a disagreement, names escaped', () => {
  const a = analyze(TEXT, {});
  const list = annotateWith(a, []);
  const ana = list.find((x) => x.kind === 'entity' && x.text === 'Ana Lopez')!;
  corrections.accept(ana, TEXT, { by: 'Ana [x](command:evil) *' });
  const card = hoverCards(a, list, ana.start + 1).at(-1)!;
  const line = card.body.find((l) => l.startsWith('*Decided by*'));
  assert.ok(line, card.body.join('\n'));
  assert.ok(!line.includes('](command:'), 'the name cannot make a link');
  assert.match(line, /\(accepted\)$/);
  const ben = list.find((x) => x.kind === 'entity' && x.text === 'Ben Ortiz')!;
  corrections.accept(ben, TEXT, { by: 'Ana' });
  ben.conflict = { status: 'rejected', by: 'Ben' };
  const c2 = hoverCards(a, list, ben.start + 1).at(-1)!;
  assert.match(c2.badge, /disputed/);
  assert.ok(
    c2.body.some((l) => /^\*Disagreement:\* here accepted by \*\*Ana\*\*; on the other branch rejected by \*\*Ben\*\*/.test(l)),
    c2.body.join('\n'),
  );
});

test('the Topics tree marks who decided and can show only what is undecided', () => {
  const text =
    'Dockworkers walked out.\n\n"We want more," union secretary Giulia Ferraro said. The port made €310 ' +
    'million.\n\nCarlo Benedetti said no.';
  const a = analyze(text, { fileDate: '2026-10-03' });
  const list = annotateWith(a, []);
  const quote = list.find((x) => x.kind === 'quote')!;
  corrections.accept(quote, text, { by: 'Ana' });
  const leaves = (f = {}) =>
    flattenTree(buildTopicTree(a, list, f)).filter((n) => n.kind === 'quote' || n.kind === 'entity' || n.kind === 'figure');
  const q = leaves().find((n) => n.kind === 'quote')!;
  assert.match(q.description, /· ✓ Ana$/);
  assert.match(q.tooltip, /Accepted by Ana/);
  const undecided = leaves({ undecidedOnly: true });
  assert.ok(undecided.length > 0);
  assert.ok(!undecided.some((n) => n.kind === 'quote'), 'the accepted quote is not shown');
  assert.equal(undecided.length, leaves().length - 1);
});
