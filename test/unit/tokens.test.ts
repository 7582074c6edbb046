// The one tokenization (src/core/tokens.ts): runs cover every non-space code unit exactly once, word
// runs are maximal, surrogate pairs are never split; the tagger's tokens, the topic words and the
// quote tokens are views over the runs (their edges are run edges, apart from the tagger's `n't`
// split), and the pipeline's stages read the analysis's one scan.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { recognizeEntities } from '../../src/core/ner';
import { tokenize as nerTokens } from '../../src/core/ner/tokenize';
import { tokenize as quoteTokens, TokType } from '../../src/core/quotes/tokens';
import { TextIndex } from '../../src/core/textIndex';
import { isSpaceCode, isWordAt, RunCursor, scanRuns, type Runs } from '../../src/core/tokens';
import { tokenize as topicWords } from '../../src/core/topics/tokens';

const PIECES = [
  ' ',
  '\n',
  '\n\n',
  '\u00a0',
  '\u2003',
  '\ufeff',
  'Trump’s',
  "don't",
  "O'Neill",
  'U.S.',
  'Mr.',
  'AT&T',
  'Holtz-Eakin',
  '1,234.5',
  'US$',
  '3½',
  'café',
  'cafe\u0301',
  '北京。',
  '𝐀',
  '😀',
  '\ud800',
  '\udc00',
  '--',
  '“',
  '”',
  '"',
  '.',
  ',',
  'said',
  'Ann Lee',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join('')),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

function edges(runs: Runs): { starts: Set<number>; ends: Set<number> } {
  return { starts: new Set(runs.start), ends: new Set(runs.end) };
}

test('runs: every non-space code unit in exactly one run, word runs maximal, no surrogate pair split', () => {
  fc.assert(
    fc.property(text, (t) => {
      const runs = scanRuns(t);
      const owner = new Int32Array(t.length).fill(-1);
      for (let k = 0; k < runs.count; k++) {
        const s = runs.start[k]!;
        const e = runs.end[k]!;
        assert.ok(s < e, 'a run is not empty');
        if (k > 0) assert.ok(runs.end[k - 1]! <= s, 'runs are ordered');
        for (let p = s; p < e; p++) owner[p] = k;
        if (runs.word[k] === 1) {
          assert.ok(isWordAt(t, s));
          // Maximal: no word character right before or after.
          assert.ok(!(k > 0 && runs.end[k - 1] === s && runs.word[k - 1] === 1));
          assert.ok(e >= t.length || !isWordAt(t, e), `word run ends at a non-word character in ${JSON.stringify(t)}`);
        } else {
          assert.ok(!isWordAt(t, s));
          assert.ok(e - s <= 2);
        }
        const hi = t.charCodeAt(e - 1);
        assert.ok(!(hi >= 0xd800 && hi <= 0xdbff && e < t.length && (t.charCodeAt(e) & 0xfc00) === 0xdc00), 'surrogate pair split');
      }
      for (let p = 0; p < t.length; p++) {
        const lowHalf = p > 0 && owner[p - 1]! >= 0 && (t.charCodeAt(p) & 0xfc00) === 0xdc00 && owner[p] === owner[p - 1];
        assert.equal(owner[p]! < 0, isSpaceCode(t.charCodeAt(p)) && !lowHalf, `code unit ${p} of ${JSON.stringify(t)}`);
      }
    }),
    { numRuns: 400 },
  );
});

test('the tagger, topic and quote tokens start and end on run edges', () => {
  fc.assert(
    fc.property(text, (t) => {
      const runs = scanRuns(t);
      const { starts, ends } = edges(runs);
      const ner = nerTokens(t, runs);
      // `don't` → `do` + `n't`: the one cut the tagger makes inside a run.
      const cuts = new Set<number>();
      for (let k = 0; k < ner.count; k++) if (/^n['’ʼ]t$/i.test(t.slice(ner.start[k], ner.end[k]))) cuts.add(ner.start[k]!);
      for (let k = 0; k < ner.count; k++) {
        const s = ner.start[k]!;
        const e = ner.end[k]!;
        assert.ok(starts.has(s) || cuts.has(s), `tagger token ${JSON.stringify(t.slice(s, e))} starts on a run edge`);
        assert.ok(ends.has(e) || cuts.has(e), `tagger token ${JSON.stringify(t.slice(s, e))} ends on a run edge`);
      }
      const words = topicWords(t, runs);
      for (let k = 0; k < words.count; k++) {
        assert.ok(starts.has(words.start[k]!) && ends.has(words.end[k]!));
      }
      for (const tok of quoteTokens(t, 0, t.length, [], runs)) {
        assert.ok(starts.has(tok.s), `quote-context token starts on a run edge`);
        // An abbreviation keeps its period: the period is a run of its own.
        assert.ok(ends.has(tok.e), `quote-context token ${JSON.stringify(t.slice(tok.s, tok.e))} ends on a run edge`);
      }
    }),
    { numRuns: 400 },
  );
});

test('each view joins runs by its own conventions', () => {
  const t = "Trump’s aide said U.S. firm AT&T paid 1,234.5 to Holtz-Eakin, don't ask Mr. Lee.";
  const runs = scanRuns(t);
  const ner = nerTokens(t, runs);
  const nerText = Array.from({ length: ner.count }, (_, k) => t.slice(ner.start[k], ner.end[k]));
  assert.deepEqual(nerText.slice(0, 2), ['Trump', '’s']);
  for (const w of ['U.S.', 'AT&T', '1,234.5', 'Holtz-Eakin', 'do', "n't", 'Mr.']) assert.ok(nerText.includes(w), w);
  const words = topicWords(t, runs);
  const wordText = Array.from({ length: words.count }, (_, k) => t.slice(words.start[k], words.end[k]));
  for (const w of ['Trump’s', 'U.S', 'AT&T', '1', '234.5', 'Holtz-Eakin', "don't", 'Mr']) assert.ok(wordText.includes(w), w);
  const quote = quoteTokens(t, 0, t.length, [], runs).map((tok) => t.slice(tok.s, tok.e));
  for (const w of ['Trump’s', 'U.S.', 'AT&T', 'Holtz-Eakin', "don't", 'Mr.', ',']) assert.ok(quote.includes(w), w);
});

test('one definition of a word character: combining accents and supplementary letters stay inside words', () => {
  const t = 'cafe\u0301 𝐀𝐁 北京。上海 3½';
  const words = topicWords(t);
  assert.deepEqual(
    Array.from({ length: words.count }, (_, k) => t.slice(words.start[k], words.end[k])),
    ['cafe\u0301', '𝐀𝐁', '北京', '上海', '3½'],
  );
  const ner = nerTokens(t);
  assert.deepEqual(
    Array.from({ length: ner.count }, (_, k) => t.slice(ner.start[k], ner.end[k])),
    ['cafe\u0301', '𝐀𝐁', '北京', '。', '上海', '3½'],
  );
});

test('a quote is one opaque token and no word crosses into it', () => {
  const t = 'Lee said “We will win.” and left';
  const q = { start: t.indexOf('“'), end: t.indexOf('”') + 1 };
  const toks = quoteTokens(t, 0, t.length, [q], scanRuns(t));
  assert.deepEqual(
    toks.map((x) => (x.type === TokType.Quote ? 'Q' : t.slice(x.s, x.e))),
    ['Lee', 'said', 'Q', 'and', 'left'],
  );
  // A window that starts inside a word reads from the window's start.
  const part = quoteTokens(t, 1, 8, [q], scanRuns(t)).map((x) => t.slice(x.s, x.e));
  assert.deepEqual(part, ['ee', 'said']);
});

test('the run cursor answers forward and backward lookups', () => {
  const t = 'ab, cd-ef  gh';
  const cursor = new RunCursor(scanRuns(t));
  assert.equal(cursor.wordEnd(0), 2);
  assert.equal(cursor.wordEnd(4), 6);
  assert.equal(cursor.wordEnd(6), 6, 'a hyphen is not a word run');
  assert.equal(cursor.wordEnd(12), 13);
  assert.equal(cursor.wordEnd(1), 2, 'back into the first run');
  assert.equal(cursor.at(100), scanRuns(t).count);
});

test('the pipeline scans the text once: the index keeps its runs and the tagger reads them', () => {
  fc.assert(
    fc.property(text, (t) => {
      const index = new TextIndex(t);
      assert.equal(index.runs, index.runs, 'scanned once, then kept');
      // Given the index's runs, the tagger finds what it finds scanning the text itself.
      assert.deepEqual(recognizeEntities(t, { runs: index.runs }), recognizeEntities(t));
    }),
    { numRuns: 150 },
  );
  const t = 'Ann Lee, the minister, said: “Prices rose 5% in March.” Trump’s aide disagreed.';
  assert.ok(analyze(t).entities.some((e) => t.slice(e.start, e.end) === 'Ann Lee'));
});

test('one definition of a space: a stray byte-order mark before a speaker stays out of the speaker span', () => {
  const t =
    'The council met.\n\n“We will rebuild the bridge,” said \ufeffMaria Lopez, the mayor.\n\n' +
    '\ufeffJohn Smith said: “It will cost too much.”';
  const speakers = analyze(t).quotes.map((q) => (q.speaker ? t.slice(q.speaker.start, q.speaker.end) : null));
  assert.deepEqual(speakers, ['Maria Lopez', 'John Smith']);
});
