/**
 * Word tokens for the topic analysis: a view over the text's runs (`core/tokens.ts`), with the
 * facts the subject scorer and the keyphrase extractor need (lower-case form, capitalisation,
 * whether punctuation or a line break separates a token from the one before, sentence starts). Offsets are UTF-16 indices
 * into the analysed text, half-open.
 */
import { partitionPoint } from '../search';
import { doubled, joinsNextWord, scanRuns, type Runs } from '../tokens';

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
  /** Lower-case form of each token (possessive `'s` removed, curly apostrophes straightened); built on first use. */
  readonly lower: string[];
  /** Id of each token's lower-case form: an index into {@link vocab}. */
  readonly id: Int32Array;
  /** The distinct lower-case forms, in order of first appearance. */
  readonly vocab: string[];
  /** Whether each vocab entry ever appears capitalised (`cap`) / not capitalised (`low`) mid-sentence. */
  readonly capMid: Uint8Array;
  readonly lowSeen: Uint8Array;
}

// Allocation lives in small helpers: constructing inside the hot loop would leave it without type
// feedback, and the optimised loop would be thrown away the first time an array grows.
function emptyTable(size: number): Int32Array<ArrayBuffer> {
  return new Int32Array(size).fill(-1);
}

/** A new surface form: its capitalisation flags and lower-case form (possessive removed). */
function describeForm(word: string): { cap: number; low: string } {
  let cap = 0;
  const c0 = word.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) cap = TokenFlag.Numeric;
  else if ((c0 >= 65 && c0 <= 90) || (c0 >= 0xc0 && word[0] !== word[0]!.toLowerCase())) {
    cap = TokenFlag.Cap;
    if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) cap |= TokenFlag.AllCaps;
  }
  let low = word.toLowerCase();
  if (low.length > 2 && (low.endsWith("'s") || low.endsWith('’s'))) low = low.slice(0, -2);
  else if (low.indexOf('’') >= 0) low = low.replace(/’/g, "'");
  return { cap, low };
}

/** The surface forms seen so far: open addressing over two 32-bit hashes and the length. */
class FormTable {
  size = 1024;
  slots = emptyTable(1024);
  len = new Int32Array(256);
  h1 = new Int32Array(256);
  h2 = new Int32Array(256);
  /** Form → vocabulary id, and its capitalisation flags. */
  id = new Int32Array(256);
  cap = new Uint8Array(256);
  count = 0;
  readonly lowIds = new Map<string, number>();
  readonly vocab: string[] = [];

  /** The form with these hashes and length, added (from `text[s, s + n)`) when new. */
  find(text: string, s: number, n: number, h: number, g: number): number {
    const mask = this.size - 1;
    let slot = h & mask;
    for (;;) {
      const f = this.slots[slot]!;
      if (f < 0) break;
      if (this.h1[f] === h && this.h2[f] === g && this.len[f] === n) return f;
      slot = (slot + 1) & mask;
    }
    return this.add(text.slice(s, s + n), h, g, slot);
  }

  /** Adds a new surface form, with its hashes, into the empty `slot` (growing the table when half full). */
  private add(form: string, h: number, g: number, slot: number): number {
    const n = form.length;
    const f = this.count++;
    if (f === this.len.length) {
      this.len = doubled(this.len);
      this.h1 = doubled(this.h1);
      this.h2 = doubled(this.h2);
      this.id = doubled(this.id);
      this.cap = doubled(this.cap);
    }
    this.len[f] = n;
    this.h1[f] = h;
    this.h2[f] = g;
    this.slots[slot] = f;
    const { cap, low } = describeForm(form);
    this.cap[f] = cap;
    let id = this.lowIds.get(low);
    if (id === undefined) {
      id = this.vocab.length;
      this.lowIds.set(low, id);
      this.vocab.push(low);
    }
    this.id[f] = id;
    if (this.count * 2 > this.size) {
      this.size *= 2;
      this.slots = emptyTable(this.size);
      const mask = this.size - 1;
      for (let k = 0; k < this.count; k++) {
        let sl = this.h1[k]! & mask;
        while (this.slots[sl]! >= 0) sl = (sl + 1) & mask;
        this.slots[sl] = k;
      }
    }
    return f;
  }
}

/** The columns the scan fills: the first `count` entries of each are the tokens. */
interface ScannedColumns {
  count: number;
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
  ids: Int32Array;
}

/** Per-vocabulary facts and the lower-case form of every token, after the scan. */
function finish(columns: ScannedColumns, vocab: string[]): Tokens {
  const { count: n, start, end, flags, ids } = columns;
  const capMid = new Uint8Array(vocab.length);
  const lowSeen = new Uint8Array(vocab.length);
  for (let k = 0; k < n; k++) {
    const f = flags[k]!;
    const id = ids[k]!;
    if (!(f & TokenFlag.Cap)) lowSeen[id] = 1;
    else if (!(f & TokenFlag.SentenceStart)) capMid[id] = 1;
  }
  // The per-token array of lower-case strings is built only when asked for (the analysis uses ids).
  let lower: string[] | null = null;
  return {
    count: n,
    start,
    end,
    flags,
    get lower(): string[] {
      if (!lower) {
        lower = new Array<string>(n);
        for (let k = 0; k < n; k++) lower[k] = vocab[ids[k]!]!;
      }
      return lower;
    },
    id: ids,
    vocab,
    capMid,
    lowSeen,
  };
}

/**
 * The word tokens of `text`: a view over its runs (`core/tokens.ts`; scanned here when not given),
 * joining word runs across one joiner. A string is created only for each distinct surface form, not
 * for every token.
 */
export function tokenize(text: string, runs: Runs = scanRuns(text)): Tokens {
  const { count: runCount, start: runStart, end: runEnd, word: runWord } = runs;
  const cap = Math.max(16, (text.length / 5) | 0);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let flags = new Uint8Array(cap);
  let ids = new Int32Array(cap);
  const forms = new FormTable();
  // Read before the loop, so the optimised loop has seen this access (no deoptimisation on exit).
  const vocab = forms.vocab;
  let n = 0;
  let prevEnd = 0;
  let k = 0;
  while (k < runCount) {
    if (runWord[k] !== 1) {
      k++;
      continue;
    }
    const s = runStart[k]!;
    // `U.S`, `Holtz-Eakin`, `AT&T`: a joiner with a word run right after it.
    while (joinsNextWord(runs, text, k)) k += 2;
    const e = runEnd[k]!;
    k++;
    // Two independent 32-bit hashes (FNV-1a and a multiplicative one) and the length identify a form.
    const c = text.charCodeAt(s);
    let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
    let g = Math.imul(c + 0x9e3779b9, 0x85ebca6b);
    for (let p = s + 1; p < e; p++) {
      const d = text.charCodeAt(p);
      h = Math.imul(h ^ d, 0x01000193);
      g = Math.imul(g + d, 0x85ebca6b) ^ (g >>> 13);
    }
    const form = forms.find(text, s, e - s, h, g);
    if (n === start.length) {
      start = doubled(start);
      end = doubled(end);
      ids = doubled(ids);
      flags = doubled(flags);
    }
    let f = forms.cap[form]!;
    // What lies between the previous token and this one.
    if (n === 0) f |= TokenFlag.Break | TokenFlag.SentenceStart | TokenFlag.ParagraphStart;
    else {
      let newlines = 0;
      let punct = false;
      let stop = false;
      for (let p = prevEnd; p < s; p++) {
        const gc = text.charCodeAt(p);
        if (gc === 10) newlines++;
        else if (gc === 46 /* . */ || gc === 33 /* ! */ || gc === 63 /* ? */) stop = true;
        else if (gc !== 32 && gc !== 9 && gc !== 0xa0) punct = true;
      }
      // A token ending in a dot (`U.S.`) is followed by the dot in the gap; treat `. ` + capital as a sentence end.
      if (newlines || punct || stop) f |= TokenFlag.Break;
      if (newlines || (stop && f & (TokenFlag.Cap | TokenFlag.Numeric))) f |= TokenFlag.SentenceStart;
      if (newlines > 1) f |= TokenFlag.ParagraphStart;
    }
    start[n] = s;
    end[n] = e;
    flags[n] = f;
    ids[n] = forms.id[form]!;
    prevEnd = e;
    n++;
  }
  return finish({ count: n, start, end, flags, ids }, vocab);
}

/** Index of the first token whose start is `>= offset` (binary search). */
export function tokenAt(tokens: Tokens, offset: number): number {
  return partitionPoint(tokens.count, (mid) => tokens.start[mid]! < offset);
}
