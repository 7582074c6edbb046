// The per-analysis text index (src/core/textIndex.ts): its stops are exactly the `\n . ! ?` of the
// text, and a stage given the analysis's index finds what it finds alone (the sentence rules of
// figures and quotes are views over the stops; topics reads the index's word tokens).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findFigures } from '../../src/core/figures';
import { findQuotes } from '../../src/core/quotes';
import { TextIndex } from '../../src/core/textIndex';
import { analyzeTopics } from '../../src/core/topics';

const PIECES = [
  ' ',
  ' ',
  '. ',
  '.',
  '!',
  '?',
  '\n',
  '\n\n',
  '\u00a0',
  '"',
  '“',
  '”',
  '’',
  'Mr.',
  'U.S.',
  'He said',
  ' will ',
  ' was ',
  'on Monday',
  'in March',
  'from 12 to 20 million tonnes',
  ', up from $5bn',
  '5%',
  'Ann Lee',
  'the minister',
  ':',
];
const article = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((p) => p.join(''));

test('the index records every \\n . ! ? and finds the nearest one on either side', () => {
  fc.assert(
    fc.property(fc.oneof(article, fc.string({ maxLength: 60 })), (text) => {
      const index = new TextIndex(text);
      const stops: number[] = [];
      for (let i = 0; i < text.length; i++) if ('\n.!?'.includes(text[i]!)) stops.push(i);
      assert.deepEqual([...index.stops], stops);
      for (let p = -1; p <= text.length; p++) {
        assert.equal(index.nextStop(p), stops.find((s) => s >= p) ?? Infinity);
        assert.equal(index.prevStop(p), [...stops].reverse().find((s) => s <= p) ?? -1);
      }
    }),
    { numRuns: 300 },
  );
});

test('figures, quotes and topics find the same with the analysis index as alone', () => {
  fc.assert(
    fc.property(article, (text) => {
      const index = new TextIndex(text);
      const opts = { articleDate: '2024-05-15' };
      assert.deepEqual(findFigures(text, { ...opts, index }), findFigures(text, opts));
      assert.deepEqual(findQuotes(text, [], [], index), findQuotes(text, [], []));
      const input = { entities: [], groups: [], figures: [], quotes: [] };
      assert.deepEqual(analyzeTopics(text, input, { index }), analyzeTopics(text, input));
    }),
    { numRuns: 300 },
  );
});
