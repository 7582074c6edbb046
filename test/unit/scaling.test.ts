// The scaling suite (issue 12): every scanner and parser linear in its input. Each stage that once
// read its input again and again has a case here on the input that showed it; then the whole
// analysis runs over every pathological input of `pathological.ts` at n and 4n. Times are CPU time,
// best of three; the limit is ×6 where linear is ×4 and quadratic ×16 (see scaling-harness.ts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { toContractRecord } from '../../src/core/contract';
import { linkEntities } from '../../src/core/entities/link';
import { findFigures } from '../../src/core/figures';
import { recognizeEntities } from '../../src/core/ner';
import { tokenize as nerTokenize } from '../../src/core/ner/tokenize';
import { findQuotes } from '../../src/core/quotes';
import { normalizeText } from '../../src/core/text';
import { PATHOLOGIES, pathology } from './pathological';
import { MAX_RATIO, describe as describeScaling, measureScalingSteady, peakMemoryOf } from './scaling-harness';

function assertLinear<T extends { length: number }>(label: string, make: (n: number) => T, run: (x: T) => unknown, n: number): void {
  const s = measureScalingSteady(make(n), make(4 * n), (x) => x.length, run, { minMs: 15 });
  if (process.env.SCALING_VERBOSE) console.log(`${label}: ${describeScaling(s)}`);
  assert.ok(s.ratio <= MAX_RATIO, `${label} grows faster than its input: ${describeScaling(s)}`);
}

/** Text and the entity recogniser's mentions of it, for timing the stages after recognition. */
function withMentions(
  make: (n: number) => string,
): (n: number) => { text: string; found: ReturnType<typeof recognizeEntities>; length: number } {
  return (n) => {
    const text = make(n);
    return { text, found: recognizeEntities(text), length: text.length };
  };
}

describe('stages stay linear on the inputs that once made them quadratic', () => {
  test('entity tokenizer: a number of many digit groups is read once (1,000,000,… and 1,000.000:000/…)', () => {
    // Each separator used to send the tokenizer back to the number's first digit.
    assertLinear('tokenize (digit groups)', pathology('digit groups').make, nerTokenize, 8000);
    assertLinear('tokenize (mixed separators)', pathology('mixed digit separators').make, nerTokenize, 8000);
  });

  test('figures: whether the text names a country with its own dollar is asked once, not for every amount ($1 $2 $3 …)', () => {
    // Every `$` amount ran a regular expression of place names over the whole text.
    assertLinear('findFigures', pathology('dollar amounts').make, (t) => findFigures(t, {}), 8000);
  });

  test('name linking: the role before a name is looked for near it, not back to the line start (one sentence repeated on a line)', () => {
    assertLinear('linkEntities', withMentions(pathology('repeated sentence').make), (x) => linkEntities(x.text, x.found), 30_000);
  });

  test('name linking: a long name that many mentions link to is read once (Xi Xi … Xi said. Xi said. …)', () => {
    // Each mention built (and kept) its own copy of the entity id and split the name into words again.
    assertLinear('linkEntities', withMentions(pathology('long name, many mentions').make), (x) => linkEntities(x.text, x.found), 8000);
  });

  test('name linking: names sharing a last word are looked up, not compared with each other', () => {
    // Every `… Smith` was compared with every other, and each `Smith` with all of them.
    assertLinear('linkEntities (people)', withMentions(pathology('shared surname').make), (x) => linkEntities(x.text, x.found), 8000);
    assertLinear(
      'linkEntities (organisations)',
      withMentions(pathology('shared organisation word').make),
      (x) => linkEntities(x.text, x.found),
      8000,
    );
  });
});

describe('memory stays proportional to the text, with a small factor', () => {
  test('quotes: thousands of quotes close together keep no sentence context after use ("Hello "Hello …)', () => {
    // Every quote's sentence tokens were kept until the end: 1.1 GB for 2.8 MB of `"Hello `.
    const text = pathology('open quotes').make(240_000);
    findQuotes(text, [], []);
    const { peak } = peakMemoryOf(() => findQuotes(text, [], []));
    if (process.env.SCALING_VERBOSE)
      console.log(`findQuotes: peak ${(peak / 1e6).toFixed(1)} MB, ${(peak / text.length).toFixed(0)} B/char`);
    assert.ok(
      peak <= 200 * text.length,
      `findQuotes peaked at ${(peak / 1e6).toFixed(1)} MB for ${text.length} characters ` +
        `(${(peak / text.length).toFixed(0)} bytes a character; at most 200)`,
    );
  });
});

/**
 * Peak memory of one analysis above what was in use before it: a fixed allowance, then bytes per
 * character of text. Ordinary news text peaks near 95 bytes a character; the worst pathology here
 * near 160 (thousands of quotes, each with its own result object).
 */
const MEMORY_FIXED = 16 * 1024 * 1024;
const MEMORY_PER_CHAR = 300;
/**
 * Bytes of the CLI's JSON record per character of text: a dense list of figures (`5% 6% …`) writes
 * about 25; output that grows faster than the text (a long name repeated for every mention linked to
 * it) is far over.
 */
const RECORD_PER_CHAR = 64;

describe('the whole analysis is linear in time and memory on every pathological input', () => {
  // Compiled once on ordinary text, so the first pathology is not billed for it.
  analyze(normalizeText(fs.readFileSync(path.join(__dirname, '../../../samples/port-strike.txt'), 'utf8')).text);
  for (const p of PATHOLOGIES) {
    test(`${p.name}: ${p.shape}`, () => {
      const small = p.make(p.n);
      const large = p.make(4 * p.n);
      const run = (raw: string) => analyze(normalizeText(raw).text);
      let peak = 0;
      let analysis: ReturnType<typeof analyze> | undefined;
      const onFirstLarge = (call: () => unknown) => {
        const m = peakMemoryOf(call);
        peak = m.peak;
        analysis = m.result as ReturnType<typeof analyze>;
      };
      const s = measureScalingSteady(small, large, (x) => x.length, run, { warmups: 1, minMs: 15, onFirstLarge });
      const perChar = peak / large.length;
      const record = JSON.stringify(toContractRecord('article.txt', analysis!, normalizeText(large))).length;
      if (process.env.SCALING_VERBOSE)
        console.log(
          `${p.name}: ${describeScaling(s)}; peak ${(peak / 1e6).toFixed(1)} MB at 4n (${perChar.toFixed(0)} ` +
            `B/char); record ${(record / large.length).toFixed(1)} B/char`,
        );
      assert.ok(s.ratio <= MAX_RATIO, `analyze() grows faster than its input on ${p.shape}: ${describeScaling(s)}`);
      assert.ok(
        peak <= MEMORY_FIXED + MEMORY_PER_CHAR * large.length,
        `analyze() of ${large.length} characters of ${p.shape} peaked at ${(peak / 1e6).toFixed(1)} MB ` +
          `(${perChar.toFixed(0)} bytes a character; at most ${MEMORY_PER_CHAR} + ${MEMORY_FIXED / 1048576} MB)`,
      );
      assert.ok(
        record <= 1024 + RECORD_PER_CHAR * large.length,
        `the JSON record of ${large.length} characters of ${p.shape} takes ${record} bytes ` +
          `(${(record / large.length).toFixed(1)} a character; at most ${RECORD_PER_CHAR})`,
      );
    });
  }
});
