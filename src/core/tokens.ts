/**
 * The one tokenization of a text: what a word character is, what a space is, and one scan that
 * splits the text into runs. Every stage's tokens are a view over these runs (see "Tokens and
 * sentences" in ARCHITECTURE.md):
 *
 * - the entity tagger (`ner/tokenize.ts`) joins runs by CoNLL-2003's conventions (`U.S.`,
 *   `self-governing`, `1,234.5`) and splits clitics (`Trump` `’s`);
 * - the topic words (`topics/tokens.ts`) join word runs across `' ’ . & -` (`U.S`, `AT&T`);
 * - the quote context (`quotes/tokens.ts`) reads the same joined words and the other runs as
 *   punctuation, with each quote as one opaque token.
 *
 * A run is either a maximal sequence of word characters (letters, digits and combining marks:
 * `\p{L}\p{N}\p{M}`, and supplementary letters and digits) or one other character that is not a
 * space (a surrogate pair is never split). Offsets are UTF-16 indices, half-open `[start, end)`.
 */

/** Runs as parallel arrays; `word[k]` is 1 for a run of word characters, 0 for another character. */
export interface Runs {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly word: Uint8Array;
}

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const SUPPLEMENTARY_WORD_RE = /[\p{L}\p{N}]/u;
/** Word-character answers for the BMP above ASCII: 0 unknown, 1 yes, 2 no (filled on first use). */
const wordTable = new Uint8Array(0x10000);

/** A letter, digit or combining mark (a BMP code unit; surrogates are never word characters alone). */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let v = wordTable[c]!;
  if (v === 0) {
    v = c >= 0xd800 && c <= 0xdfff ? 2 : WORD_RE.test(String.fromCharCode(c)) ? 1 : 2;
    wordTable[c] = v;
  }
  return v === 1;
}

/** A supplementary letter or digit starting at `i` (a surrogate pair). */
export function isSupplementaryWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  const cp = text.codePointAt(i)!;
  return cp > 0xffff && SUPPLEMENTARY_WORD_RE.test(String.fromCodePoint(cp));
}

/** A word character starts at `i` (a BMP word character or a supplementary letter or digit). */
export function isWordAt(text: string, i: number): boolean {
  return isWordCode(text.charCodeAt(i)) || isSupplementaryWordAt(text, i);
}

/** White space, line breaks, zero-width space and the byte-order mark. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x3000 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff ||
    c === 0x1680
  );
}

/** An upper-case letter (a letter whose lower case differs). */
export function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

/** `'`, `’` and the modifier letter apostrophe. */
export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2bc;
}

/** A typed array twice as long holding the same values (for growing columns). */
export function doubled<A extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: A): A {
  const b = new (a.constructor as new (n: number) => A)(a.length * 2);
  b.set(a);
  return b;
}

/** The runs of `text`: one scan, every non-space code unit in exactly one run. */
export function scanRuns(text: string): Runs {
  const to = text.length;
  let start = new Int32Array(Math.max(16, (to >> 2) + 8));
  let end = new Int32Array(start.length);
  let word = new Uint8Array(start.length);
  let n = 0;
  let i = 0;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    const s = i;
    let w = 1;
    if (isWordCode(c) || isSupplementaryWordAt(text, i)) {
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (isWordCode(d)) i++;
        else if (d >= 0xd800 && d <= 0xdbff && isSupplementaryWordAt(text, i)) i += 2;
        else break;
      }
    } else {
      w = 0;
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    if (n === start.length) {
      start = doubled(start);
      end = doubled(end);
      word = doubled(word);
    }
    start[n] = s;
    end[n] = i;
    word[n] = w;
    n++;
  }
  return { count: n, start: start.subarray(0, n), end: end.subarray(0, n), word: word.subarray(0, n) };
}

/** The joiners inside a word for topics and quotes: apostrophes, periods, hyphens, ampersands. */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 45 || c === 38;
}

/**
 * Whether word run `k` continues across one joiner into the next word run (`U.S`, `Trump’s`,
 * `Holtz-Eakin`, `AT&T`): runs `k + 1` (the joiner) and `k + 2` (a word run) follow without a gap.
 */
export function joinsNextWord(runs: Runs, text: string, k: number): boolean {
  const { start, end, word, count } = runs;
  const e = end[k]!;
  return k + 2 < count && start[k + 1] === e && isJoiner(text.charCodeAt(e)) && word[k + 2] === 1 && start[k + 2] === e + 1;
}

/**
 * Reads runs left to right: `at(i)` is the run holding offset `i` (or the first after it). Views
 * move forward through the text, so each lookup is amortised constant time.
 */
export class RunCursor {
  private k = 0;
  constructor(readonly runs: Runs) {}

  /** Index of the first run ending after `i` (`count` when none); moves backwards when asked to. */
  at(i: number): number {
    const { end, count } = this.runs;
    let k = this.k;
    if (k > 0 && end[k - 1]! > i) {
      // Behind: search from the start (rare: a view that looks back).
      k = 0;
      let hi = count;
      while (k < hi) {
        const mid = (k + hi) >> 1;
        if (end[mid]! <= i) k = mid + 1;
        else hi = mid;
      }
    }
    while (k < count && end[k]! <= i) k++;
    this.k = k;
    return k;
  }

  /** The end of the word run that starts or continues at `i`, or `i` when no word run holds it. */
  wordEnd(i: number): number {
    const k = this.at(i);
    const r = this.runs;
    return k < r.count && r.word[k] === 1 && r.start[k]! <= i ? r.end[k]! : i;
  }
}
