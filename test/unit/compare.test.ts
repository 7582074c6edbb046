// Compare with Branch (issue 15): the differences with another branch's decisions, and taking theirs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { branchDifferences, describeDifference, takeTheirs } from '../../src/core/review/compare';
import * as corrections from '../../src/core/sidecar/corrections';
import { ann, at, sample, TEXT } from './review-fixture';

test('differences: decided differently, decided only there, added only there; not what only this side decided', () => {
  const ours = sample();
  const theirs = sample();
  corrections.accept(ours[0]!, TEXT, { by: 'Ana' });
  corrections.reject(theirs[0]!, { by: 'Ben' }); // decided differently
  corrections.reject(theirs[1]!, { by: 'Ben' }); // undecided here
  corrections.accept(ours[2]!, TEXT, { by: 'Ana' }); // only here: no difference
  corrections.accept(ours[3]!, TEXT, { by: 'Ana' });
  corrections.accept(theirs[3]!, TEXT, { by: 'Ben' }); // same decision, another person: no difference
  const added = corrections.add(theirs, { ...at('met'), type: 'MISC' }, TEXT, { by: 'Ben' });
  assert.ok(added.ok);
  const d = branchDifferences(ours, added.annotations);
  assert.deepEqual(
    d.map((x) => [x.kind, x.theirs.text]),
    [
      ['decided-differently', 'Ana Lopez'],
      ['only-theirs', 'met'],
      ['they-decided', 'Ben Ortiz'],
    ],
  );
  assert.equal(describeDifference(d[0]!, 'ben-review'), '“Ana Lopez”: here accepted by Ana; on ben-review rejected by Ben.');
  assert.equal(describeDifference(d[2]!, 'ben-review'), '“Ben Ortiz”: undecided here; on ben-review rejected by Ben.');
  assert.equal(describeDifference(d[1]!, 'ben-review'), 'On ben-review: “met” added by Ben; not annotated so here.');
});

test('taking theirs: their decision and their name on this annotation; their added annotation added', () => {
  const ours = sample();
  const theirs = sample();
  corrections.accept(ours[0]!, TEXT, { by: 'Ana' });
  corrections.retype(theirs[0]!, 'ORG', TEXT, { by: 'Ben' });
  const added = corrections.add(theirs, { ...at('Paris'), type: 'ORG' }, TEXT, { by: 'Ben' });
  assert.ok(added.ok);
  const d = branchDifferences(ours, added.annotations);
  let list = takeTheirs(
    ours,
    d.find((x) => x.theirs.text === 'Ana Lopez')!,
  );
  const a = list.find((x) => x.id === ours[0]!.id)!;
  assert.deepEqual([a.status, a.type, a.by, a.conflict], ['accepted', 'ORG', 'Ben', undefined]);
  // Paris: adding over the suggestion there accepted it as ORG (the same annotation, by id).
  const paris = d.find((x) => x.theirs.text === 'Paris')!;
  assert.equal(paris.kind, 'they-decided', 'the same words here (a suggestion) are the same annotation');
  list = takeTheirs(list, paris);
  assert.deepEqual(
    list.filter((x) => x.text === 'Paris').map((x) => [x.type, x.status, x.origin, x.by]),
    [['ORG', 'accepted', 'model', 'Ben']],
  );
  // Only theirs, nothing here on those words: added.
  const extra = ann({ id: 'u1', ...at('met'), type: 'MISC', origin: 'user', status: 'accepted', by: 'Ben' });
  const d2 = branchDifferences(list, [extra]);
  assert.equal(d2[0]!.kind, 'only-theirs');
  const withIt = takeTheirs(list, d2[0]!);
  assert.equal(withIt.length, list.length + 1);
  assert.equal(withIt.find((x) => x.text === 'met')?.by, 'Ben');
  assert.deepEqual(branchDifferences(withIt, [extra]), [], 'nothing left to take');
});
