/**
 * Word tokens for the topic analysis: one regex pass over the text, with the facts the subject
 * scorer and the keyphrase extractor need (lower-case form, capitalisation, whether punctuation or
 * a line break separates a token from the one before, sentence starts). Offsets are UTF-16 indices
 * into the analysed text, half-open.
 */

/** Flags of a token (bit set). */
export const TokenFlag = {
  /** First letter upper case. */
  Cap: 1,
  /** Every letter upper case and at least two letters (`NHS`, `BBC`). */
  AllCaps: 2,
  /** Punctuation, a quote mark or a line break lies between this token and the previous one. */
  Break: 4,
  /** The token starts a sentence (or a paragraph / the text). */
  SentenceStart: 8,
  /** The token starts a paragraph (follows a blank line) or the text. */
  ParagraphStart: 16,
  /** Made of digits (possibly with `,` / `.`). */
  Numeric: 32,
} as const;

/** Tokens as parallel arrays (cheap to build for a 1 MB article). */
export interface Tokens {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly flags: Uint8Array;
  /** Lower-case form, possessive `'s` removed, curly apostrophes straightened. */
  readonly lower: string[];
  /** Id of each token's lower-case form: an index into {@link vocab}. */
  readonly id: Int32Array;
  /** The distinct lower-case forms, in order of first appearance. */
  readonly vocab: string[];
  /** Whether each vocab entry ever appears capitalised (`cap`) / not capitalised (`low`) mid-sentence. */
  readonly capMid: Uint8Array;
  readonly lowSeen: Uint8Array;
}

// Letters/digits, with inner apostrophes, hyphens, dots and ampersands (`U.S`, `e-mail`, `AT&T`, `don't`).
// Written with code-point ranges instead of \p{L} (several times faster without the `u` flag): Latin
// with its extensions, Greek to the end of the Latin Extended Additional block, and the scripts from
// U+2C00 up to the surrogates (CJK and others), leaving out general punctuation and symbols.
const W = 'A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u1FFF\u2C00-\uD7FF';
const WORD = new RegExp(`[${W}]+(?:['’.&\\-][${W}]+)*`, 'g');

/** Splits `text[from, to)` into word tokens. */
export function tokenize(text: string, from = 0, to = text.length): Tokens {
  const cap = Math.max(16, ((to - from) / 5) | 0);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let flags = new Uint8Array(cap);
  let ids = new Int32Array(cap);
  const lower: string[] = [];
  // Each distinct surface form is lower-cased once.
  const rawIds = new Map<string, number>();
  const lowIds = new Map<string, number>();
  const vocab: string[] = [];
  let n = 0;
  let prevEnd = from;
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    let s = m.index;
    let e = s + m[0].length;
    if (e > to) e = to;
    if (n === start.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      start = grow(start);
      end = grow(end);
      ids = grow(ids);
      const f = new Uint8Array(flags.length * 2);
      f.set(flags);
      flags = f;
    }
    let f = 0;
    const word = text.slice(s, e);
    const c0 = word.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) f |= TokenFlag.Numeric;
    else if ((c0 >= 65 && c0 <= 90) || (c0 >= 0xc0 && word[0] !== word[0]!.toLowerCase())) {
      f |= TokenFlag.Cap;
      if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) f |= TokenFlag.AllCaps;
    }
    // What lies between the previous token and this one.
    if (n === 0) f |= TokenFlag.Break | TokenFlag.SentenceStart | TokenFlag.ParagraphStart;
    else {
      let newlines = 0;
      let punct = false;
      let stop = false;
      for (let i = prevEnd; i < s; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) newlines++;
        else if (c === 46 || c === 33 || c === 63) stop = true; // . ! ?
        else if (c !== 32 && c !== 9 && c !== 0xa0) punct = true;
      }
      // A token ending in a dot (`U.S.`) is followed by the dot in the gap; treat `. ` + capital as a sentence end.
      if (newlines || punct || stop) f |= TokenFlag.Break;
      if (newlines || (stop && f & (TokenFlag.Cap | TokenFlag.Numeric))) f |= TokenFlag.SentenceStart;
      if (newlines > 1) f |= TokenFlag.ParagraphStart;
    }
    start[n] = s;
    end[n] = e;
    flags[n] = f;
    let id = rawIds.get(word);
    if (id === undefined) {
      let low = word.toLowerCase();
      if (low.length > 2 && (low.endsWith("'s") || low.endsWith('’s'))) low = low.slice(0, -2);
      else if (low.indexOf('’') >= 0) low = low.replace(/’/g, "'");
      id = lowIds.get(low);
      if (id === undefined) {
        id = vocab.length;
        lowIds.set(low, id);
        vocab.push(low);
      }
      rawIds.set(word, id);
    }
    ids[n] = id;
    lower.push(vocab[id]!);
    prevEnd = e;
    n++;
  }
  const capMid = new Uint8Array(vocab.length);
  const lowSeen = new Uint8Array(vocab.length);
  for (let i = 0; i < n; i++) {
    const f = flags[i]!;
    if (!(f & TokenFlag.Cap)) lowSeen[ids[i]!] = 1;
    else if (!(f & TokenFlag.SentenceStart)) capMid[ids[i]!] = 1;
  }
  return { count: n, start, end, flags, lower, id: ids, vocab, capMid, lowSeen };
}

/** Index of the first token whose start is `>= offset` (binary search). */
export function tokenAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.start[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
