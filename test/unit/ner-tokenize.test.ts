// The entity tagger's tokenizer: exact UTF-16 offsets, CoNLL-style splits (clitics off, hyphenated
// compounds kept, initialisms kept, a line-final period split off), context flags, and invariants
// on arbitrary input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TF_CAPS_LINE, TF_LINE_START, TF_SENT_START, TF_TITLE_LINE, tokenize } from '../../src/core/ner/tokenize';

function words(text: string): string[] {
  const t = tokenize(text);
  return [...t.start].map((s, i) => text.slice(s, t.end[i]));
}

describe('tokenize', () => {
  test('splits clitics but keeps names with apostrophes', () => {
    assert.deepEqual(words('Trump’s visit'), ['Trump', '’s', 'visit']);
    assert.deepEqual(words("Russia's war"), ['Russia', "'s", 'war']);
    assert.deepEqual(words("O'Neill and d'Alema"), ["O'Neill", 'and', "d'Alema"]);
    assert.deepEqual(words("don't"), ['do', "n't"]);
    assert.deepEqual(words('TRUMP’S CALL'), ['TRUMP', '’S', 'CALL']);
  });

  test('keeps initialisms, abbreviations and numbers whole', () => {
    assert.deepEqual(words('the U.S. and U.K. said'), ['the', 'U.S.', 'and', 'U.K.', 'said']);
    assert.deepEqual(words('J. Smith of Acme Inc. paid $1,234.50 on 1996-08-30 at 2:30'), [
      'J.',
      'Smith',
      'of',
      'Acme',
      'Inc.',
      'paid',
      '$',
      '1,234.50',
      'on',
      '1996-08-30',
      'at',
      '2:30',
    ]);
    assert.deepEqual(words('Mr. Xi'), ['Mr.', 'Xi']);
    assert.deepEqual(words('AT&T and S&P'), ['AT&T', 'and', 'S&P']);
  });

  test('a period that ends the line is its own token, as in CoNLL', () => {
    assert.deepEqual(words('talks with the U.S.\nNext'), ['talks', 'with', 'the', 'U.S', '.', 'Next']);
    assert.deepEqual(words('bought by Walt Disney Co.'), ['bought', 'by', 'Walt', 'Disney', 'Co', '.']);
    assert.deepEqual(words('He met Xi.'), ['He', 'met', 'Xi', '.']);
  });

  test('hyphenated compounds stay whole, dashes split', () => {
    assert.deepEqual(words('a U.S.-led, self-governing island'), ['a', 'U.S.-led', ',', 'self-governing', 'island']);
    assert.deepEqual(words('China–U.S. relations'), ['China', '–', 'U.S.', 'relations']);
    assert.deepEqual(words('wait -- now'), ['wait', '--', 'now']);
  });

  test('curly quotes and brackets are separate tokens', () => {
    assert.deepEqual(words('an “excellent” call (4 February)'), ['an', '“', 'excellent', '”', 'call', '(', '4', 'February', ')']);
    assert.deepEqual(words("'All very positive': Trump"), ["'", 'All', 'very', 'positive', "'", ':', 'Trump']);
  });

  test('never splits a surrogate pair; emoji are tokens of their own', () => {
    const text = 'Hi 👋🏽 there 𝒳yz';
    const t = tokenize(text);
    for (let i = 0; i < t.count; i++) {
      const s = t.start[i]!;
      const e = t.end[i]!;
      for (const o of [s, e]) {
        const hi = text.charCodeAt(o - 1);
        const lo = text.charCodeAt(o);
        assert.ok(!(hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff), `offset ${o} splits a pair`);
      }
    }
    assert.ok(words(text).includes('👋'));
  });

  test('marks line starts, sentence starts and headline lines', () => {
    const text =
      'CRICKET - LEICESTERSHIRE TAKE OVER AT TOP\nTrump Hails Call With China’s President Xi\nThe call came. “Analysts” said it. He left.';
    const t = tokenize(text);
    const flagOf = (w: string) => {
      const i = [...t.start].findIndex((s, k) => text.slice(s, t.end[k]) === w);
      assert.ok(i >= 0, w);
      return t.flags[i]!;
    };
    assert.ok(flagOf('CRICKET') & TF_LINE_START);
    assert.ok(flagOf('LEICESTERSHIRE') & TF_CAPS_LINE);
    assert.ok(flagOf('Hails') & TF_TITLE_LINE);
    assert.ok(!(flagOf('call') & TF_TITLE_LINE));
    assert.ok(flagOf('Analysts') & TF_SENT_START, 'after a period and an opening quote');
    assert.ok(flagOf('He') & TF_SENT_START);
    assert.ok(!(flagOf('said') & TF_SENT_START));
  });

  test('invariants on arbitrary text: sorted, non-overlapping, no whitespace, every non-space covered', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const t = tokenize(text);
        let last = 0;
        const covered = new Uint8Array(text.length);
        for (let i = 0; i < t.count; i++) {
          const s = t.start[i]!;
          const e = t.end[i]!;
          assert.ok(s >= last && e > s && e <= text.length);
          for (let k = s; k < e; k++) {
            assert.ok(!/\s/.test(text[k]!) || text[k] === '\u200b' || text[k] === '\ufeff', `whitespace inside a token at ${k}`);
            covered[k] = 1;
          }
          last = e;
        }
        for (let k = 0; k < text.length; k++)
          if (!/[\s\u200b\ufeff\u2000-\u200a\u3000\u202f\u205f\u1680]/.test(text[k]!)) assert.equal(covered[k], 1, `char ${k} not covered`);
      }),
      { numRuns: 300 },
    );
  });
});
