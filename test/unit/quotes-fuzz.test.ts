// Property tests for quotes: no input throws, and every result keeps the invariants the editor and
// the sidecar rely on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { linkEntities } from '../../src/core/entities/link';
import { recognizeEntities } from '../../src/core/ner';
import { findQuotes } from '../../src/core/quotes';
import type { Quote } from '../../src/core/types';

const PIECES = [
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  "'",
  '‘',
  '’',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  ',',
  '.',
  ':',
  '?',
  '!',
  '—',
  '(',
  ')',
  'said',
  'says',
  'told',
  'added',
  'according to',
  'he',
  'she',
  'they',
  'who',
  'the minister',
  'the two leaders',
  'the front-runner',
  'the vice-president',
  'the spokesman',
  'Ann Fisk',
  'Fisk',
  'Front-Runner',
  'O’Brien',
  'A.(b)*',
  'Tom Okafor',
  'Okafor',
  'The',
  'and',
  'that',
  'in',
  'on Monday',
  'Mr.',
  'U.S.',
  '’s',
  "n't",
  'word',
  'Big',
  'x',
  '9',
  'é',
  '😀',
  '\u00a0',
  '\t',
];

const article = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((xs) => xs.join(''));
/** Texts quoted in single marks only (British style, with apostrophes and possessives mixed in). */
const singleMarked = fc
  .array(
    fc.constantFrom(
      ...PIECES.filter((p) => !/["“”„«»]/.test(p)),
      "',",
      ",'",
      ".'",
      "s'",
      '‘We',
      'it’',
      "'We will win,' ",
      '‘It is over.’ ',
      "'Yes",
    ),
    { maxLength: 120 },
  )
  .map((xs) => xs.join(''));
const anyText = fc.oneof(article, fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 }));

function check(text: string, qs: Quote[]): void {
  let prevEnd = -1;
  for (const x of qs) {
    assert.ok(
      Number.isInteger(x.start) && Number.isInteger(x.end) && 0 <= x.start && x.start < x.end && x.end <= text.length,
      'span in text',
    );
    assert.equal(text.slice(x.start, x.end), x.text, 'text matches span');
    assert.ok(x.start >= prevEnd, 'sorted, non-overlapping');
    prevEnd = x.end;
    assert.ok(x.confidence >= 0 && x.confidence <= 1, 'confidence in [0, 1]');
    assert.equal(x.speaker === null, x.confidence === 0, 'no speaker ⇔ confidence 0');
    if (x.speaker) {
      const s = x.speaker;
      assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length, 'speaker span in text');
      assert.ok(s.end <= x.start || s.start >= x.end, 'speaker not inside the quote');
      assert.ok(s.name.length > 0, 'speaker has a name');
    }
    for (const n of x.nested ?? []) assert.ok(x.start <= n.start && n.end <= x.end, 'nested quote inside its quote');
    if (x.cue) assert.equal(text.slice(x.cue.start, x.cue.end), x.cue.text, 'cue text matches');
  }
  for (const x of qs) {
    if (!x.speaker) continue;
    for (const y of qs) assert.ok(x.speaker.end <= y.start || x.speaker.start >= y.end, 'speaker inside no quote');
  }
}

test('findQuotes never throws and keeps its invariants (no entities)', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      check(text, findQuotes(text, [], []));
    }),
    { numRuns: 3000 },
  );
});

test('findQuotes never throws and keeps its invariants (British style: single marks only)', () => {
  let singles = 0;
  fc.assert(
    fc.property(singleMarked, (text) => {
      const qs = findQuotes(text, [], []);
      check(text, qs);
      singles += qs.length;
    }),
    { numRuns: 3000 },
  );
  assert.ok(singles > 100, `single-quoted quotes found: ${singles}`);
});

test('findQuotes never throws and keeps its invariants (with recognised entities)', () => {
  fc.assert(
    fc.property(article, (text) => {
      const { mentions, groups } = linkEntities(text, recognizeEntities(text));
      check(text, findQuotes(text, mentions, groups));
    }),
    { numRuns: 2000 },
  );
});

/** Many short quotes in one sentence, then an attribution: `"a" "b" … "z," said Ann Fisk.` */
const dense = fc
  .tuple(fc.integer({ min: 40, max: 90 }), fc.constantFrom('Ann Fisk', 'he', 'the minister'), fc.boolean())
  .map(([n, who, curly]) => {
    const o = curly ? '“' : '"';
    const c = curly ? '”' : '"';
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(i === n - 2 ? `${o}Big Word${c} said Ann` : `${o}w${i}${c}`);
    return `Headline\n\nAnn Fisk spoke. ${parts.join(' ')} ${o}end,${c} said ${who}.`;
  });

test('dense runs of quotes keep the invariants', () => {
  fc.assert(
    fc.property(dense, (text) => {
      check(text, findQuotes(text, [], []));
    }),
    { numRuns: 200 },
  );
});

test('no quote crosses a paragraph break', () => {
  fc.assert(
    fc.property(article, (text) => {
      for (const x of findQuotes(text, [], [])) assert.ok(!x.text.includes('\n'), JSON.stringify(x.text));
    }),
    { numRuns: 2000 },
  );
});

test('the invariant checker itself catches a broken quote', () => {
  const text = '“Hello,” she said.';
  const good = findQuotes(text, [], []);
  assert.doesNotThrow(() => check(text, good));
  assert.throws(() => check(text, [{ ...good[0]!, text: 'Hello' }]));
  assert.throws(() => check(text, [{ ...good[0]!, speaker: { start: 1, end: 3, name: 'x', entityIds: [] } }]));
});
