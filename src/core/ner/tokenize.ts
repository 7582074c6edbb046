/**
 * The entity tagger's tokenizer: raw (normalized) article text → tokens with exact UTF-16
 * offsets, plus the line context the tagger needs (sentence-initial, ALL-CAPS / Title Case lines).
 *
 * Conventions follow CoNLL-2003 so that gold spans fall on token boundaries:
 * - hyphenated compounds stay one token (`U.S.-led`, `Israeli-Palestinian`, `self-governing`);
 *   en/em dashes split (`China–U.S.` → `China`, `–`, `U.S.`);
 * - possessive and other clitics split off (`Trump’s` → `Trump` + `’s`), but name-internal
 *   apostrophes stay (`O'Neill`, `d'Ivoire`);
 * - initialisms and known abbreviations keep their periods (`U.S.`, `J.`, `Inc.`, `Mr.`);
 * - numbers keep their separators (`1,234.5`, `1996-08-30`, `5-3/4`, `2:30`);
 * - any other character is a token of its own (runs of the same punctuation are one token),
 *   and a surrogate pair is never split.
 *
 * The tokens are a view over the text's runs (`core/tokens.ts`): this file decides only how runs
 * join and split.
 */
import { doubled, isApostrophe, isSpaceCode, isUpperCode, isWordAt, isWordCode, RunCursor, scanRuns, type Runs } from '../tokens';

/** Tokens as parallel arrays (offsets are half-open `[start, end)` into the text). */
export interface Tokens {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Per-token bit flags, see `TF_*`. */
  readonly flags: Uint8Array;
  /** Index of the line (0-based, counting LF) each token is on. */
  readonly line: Int32Array;
}

/** First token of its line. */
export const TF_LINE_START = 1;
/** First token of a sentence (line start, or after `.`/`!`/`?` possibly through opening quotes/brackets). */
export const TF_SENT_START = 2;
/** On a line whose letters are (almost) all upper case, e.g. a wire headline. */
export const TF_CAPS_LINE = 4;
/** On a short line where most words are capitalised (a Title Case headline). */
export const TF_TITLE_LINE = 8;
/** Preceded by whitespace (or text start). */
export const TF_SPACE_BEFORE = 16;

/** Abbreviations that keep their final period (compared case-sensitively, without the period). */
const ABBREVIATIONS = new Set(
  (
    'Mr Mrs Ms Dr Prof Gen Lt Col Capt Sgt Maj Adm Cmdr Brig Sen Rep Gov Pres Rev Hon St Ste Mt Ft Jr Sr Inc Corp Co Cos Ltd Bros Plc ' +
    'Dept Univ Assn Ave Blvd Rd No Nos vs Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun ' +
    'etc approx est Messrs Mme Mlle Gov Supt Insp Det Pte Cpl Fr Msgr Sheikh Ald Cllr Gen Vol Fig Op Ed Eds Calif Fla Mass Penn Wash ' +
    'Ariz Colo Conn Ill Ind Kan Md Mich Minn Miss Mo Mont Neb Nev Okla Ore Tenn Tex Va Vt Wis Wyo'
  ).split(' '),
);

const CLITICS = new Set(['s', 'S', 'd', 'D', 'm', 'M', 'll', 'LL', 're', 'RE', 've', 'VE']);

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

/** Growable token columns. */
class Columns {
  start: Int32Array<ArrayBuffer>;
  end: Int32Array<ArrayBuffer>;
  line: Int32Array<ArrayBuffer>;
  count = 0;
  constructor(cap: number) {
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.line = new Int32Array(cap);
  }
  push(s: number, e: number, lineNo: number): void {
    if (this.count === this.start.length) {
      this.start = doubled(this.start);
      this.end = doubled(this.end);
      this.line = doubled(this.line);
    }
    this.start[this.count] = s;
    this.end[this.count] = e;
    this.line[this.count] = lineNo;
    this.count++;
  }
}

/**
 * Tokenizes normalized text: a view over its runs (`core/tokens.ts`; scanned here when not given).
 * Never throws; every non-space code unit belongs to exactly one token.
 */
export function tokenize(text: string, runs: Runs = scanRuns(text)): Tokens {
  const n = text.length;
  const cursor = new RunCursor(runs);
  const cols = new Columns(Math.max(16, runs.count + 8));
  let lineNo = 0;
  let i = 0;
  for (let k = cursor.at(0); k < runs.count; k = cursor.at(i)) {
    // The spaces before the next run: count its line breaks.
    const s = Math.max(i, runs.start[k]!);
    for (let p = i; p < s; p++) if (text.charCodeAt(p) === 10) lineNo++;
    const c = text.charCodeAt(s);
    if (runs.word[k] === 1) {
      i = scanWord(text, s, cursor);
      // Clitic split: `Trump’s` → `Trump` + `’s`; `don't` → `do` + `n't`.
      const cut = cliticCut(text, s, i);
      if (cut > s && cut < i) {
        cols.push(s, cut, lineNo);
        cols.push(cut, i, lineNo);
      } else {
        cols.push(s, i, lineNo);
      }
      continue;
    }
    // A clitic right after a word: `’s` in `Trump’s` (the word itself stopped before it).
    if (isApostrophe(c) && s > 0 && isWordCode(text.charCodeAt(s - 1))) {
      const j = cursor.wordEnd(s + 1);
      if (j > s + 1 && CLITICS.has(text.slice(s + 1, j))) {
        i = j;
        cols.push(s, i, lineNo);
        continue;
      }
    }
    // Punctuation / symbols: runs of the same character form one token (`--`, `...`, `!!`).
    i = runs.end[k]!;
    while (
      i < n &&
      text.charCodeAt(i) === c &&
      (c === 45 || c === 46 || c === 33 || c === 63 || c === 42 || c === 61 || c === 95 || c === 0x2014)
    )
      i++;
    cols.push(s, i, lineNo);
  }
  const { count } = cols;
  const flags = new Uint8Array(count);
  const tokens = {
    count,
    start: cols.start.subarray(0, count),
    end: cols.end.subarray(0, count),
    line: cols.line.subarray(0, count),
    flags,
  };
  markContext(text, tokens);
  return tokens;
}

/** Scans a word starting at `i` (the start of a word run); returns its end. */
function scanWord(text: string, i: number, cursor: RunCursor): number {
  const n = text.length;
  const s = i;
  // The word is numeric (digits and separators) over [s, numericTo): checked once per character,
  // not again at every separator (a `1,000,000,…` run would otherwise be rescanned at each comma).
  let numericTo = s;
  for (;;) {
    // Run of letters/digits/marks.
    i = cursor.wordEnd(i);
    if (i >= n) return i;
    const c = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const prev = text.charCodeAt(i - 1);
    // Hyphenated compound: `self-governing`, `U.S.-led`, `1996-08-30`.
    if (isHyphen(c) && isWordAt(text, i + 1)) {
      i++;
      continue;
    }
    // Apostrophe inside a word (`O'Neill`): continue unless what follows is a clitic.
    if (isApostrophe(c) && isWordCode(next) && !isDigitCode(next)) {
      const j = cursor.wordEnd(i + 1);
      const tail = text.slice(i + 1, j);
      if (CLITICS.has(tail) || (tail.length === 1 && j < n && isApostrophe(text.charCodeAt(j)))) return i;
      i = j;
      continue;
    }
    // Numbers: 1,234.5 / 2:30 / 5-3/4.
    if ((c === 44 || c === 46 || c === 58 || c === 47) && isDigitCode(prev) && isDigitCode(next) && numericTo >= 0) {
      numericTo = numericUpTo(text, numericTo, i);
      if (numericTo >= 0) {
        i++;
        continue;
      }
    }
    // `AT&T`, `S&P`: an ampersand between capitals without spaces.
    if (c === 38 && isUpperCode(prev) && isUpperCode(next)) {
      i++;
      continue;
    }
    if (c === 46) {
      const word = text.slice(s, i);
      // Initialisms: a single letter followed by a period (`U.`, `J.`), repeated (`U.S.A.`).
      // A period that ends the line is the sentence's, as in CoNLL (`the U.S` + `.`).
      if (endsLine(text, i + 1)) return i;
      if (isInitialism(word)) {
        i++;
        if (
          i < n &&
          isWordCode(text.charCodeAt(i)) &&
          i + 1 < n &&
          text.charCodeAt(i + 1) === 46 &&
          !isWordCode(text.charCodeAt(i + 2) || 32)
        )
          continue;
        if (i < n && isHyphen(text.charCodeAt(i)) && isWordCode(text.charCodeAt(i + 1) || 32)) {
          i++;
          continue;
        }
        return i;
      }
      if (ABBREVIATIONS.has(word)) return i + 1;
      // Web addresses and file names: `bbc.co.uk`, `Amazon.com` (a period between letters).
      if (isWordCode(next) && !isUpperCode(next) && /^[\p{L}\p{N}-]+$/u.test(word)) {
        i++;
        continue;
      }
      return i;
    }
    // `US$`, `C$`, `HK$`: a short capital prefix glued to a dollar sign.
    if (c === 36 && i - s <= 3 && isUpperWord(text, s, i) && !(i + 1 < n && isWordCode(next) && !isDigitCode(next))) return i + 1;
    return i;
  }
}

/** True when only spaces and closing quotes/brackets separate `i` from a line end. */
function endsLine(text: string, i: number): boolean {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c === 32 || c === 9 || c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41) i++;
    else return false;
  }
  return true;
}

/**
 * Extends a numeric prefix `[s, from)` of a word (digits and separators, so `1,234` is a number but
 * `abc,1` is not) to `[s, i)`: returns `i`, or -1 when `[from, i)` holds another character.
 */
function numericUpTo(text: string, from: number, i: number): number {
  for (let k = from; k < i; k++) {
    const c = text.charCodeAt(k);
    if (!(isDigitCode(c) || c === 44 || c === 46 || c === 58 || c === 47 || c === 45)) return -1;
  }
  return i;
}

function isUpperWord(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (!isUpperCode(text.charCodeAt(k))) return false;
  return true;
}

/** `U`, `U.S`, `a.m` — single letters separated by periods. */
function isInitialism(word: string): boolean {
  if (word.length === 1) return !isDigitCode(word.charCodeAt(0));
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (k % 2 === 1 ? c !== 46 : !isWordCode(c) || isDigitCode(c)) return false;
  }
  return word.length % 2 === 1;
}

/** Where a clitic starts inside the word `[s, e)`, or -1. */
function cliticCut(text: string, s: number, e: number): number {
  // `n't`: `don't`, `isn’t` → `do` + `n't`.
  if (e - s >= 4) {
    const a = text.charCodeAt(e - 2);
    const t = text.charCodeAt(e - 1);
    const nn = text.charCodeAt(e - 3);
    if (isApostrophe(a) && (t === 116 || t === 84) && (nn === 110 || nn === 78)) return e - 3;
  }
  return -1;
}

/** Marks line starts, sentence starts and ALL-CAPS / Title Case lines. */
function markContext(text: string, tokens: Tokens): void {
  const { count, start, end, line, flags } = tokens;
  let i = 0;
  while (i < count) {
    let j = i;
    while (j < count && line[j] === line[i]) j++;
    // Line [i, j).
    let upperWords = 0;
    let lowerWords = 0;
    let capWords = 0;
    let smallLower = 0;
    for (let k = i; k < j; k++) {
      const c = text.charCodeAt(start[k]!);
      if (!isWordCode(c) || isDigitCode(c)) continue;
      const len = end[k]! - start[k]!;
      let up = 0;
      let low = 0;
      for (let p = start[k]!; p < end[k]!; p++) {
        const d = text.charCodeAt(p);
        if (d < 128) {
          if (d >= 65 && d <= 90) up++;
          else if (d >= 97 && d <= 122) low++;
        } else if (isUpperCode(d)) up++;
        else if (isWordCode(d)) low++;
      }
      if (up > 0 && low === 0 && (len > 1 || up === 1)) upperWords++;
      if (low > 0) {
        lowerWords++;
        if (isUpperCode(c)) capWords++;
        else if (isSmallWord(text, start[k]!, end[k]!)) smallLower++;
      }
    }
    const words = upperWords + lowerWords;
    const caps = upperWords >= 2 && lowerWords <= Math.floor(upperWords / 8);
    // Title Case: a short line (headline-like) where nearly every non-function word is capitalised.
    const contentLower = lowerWords - capWords - smallLower;
    const title = !caps && words >= 3 && j - i <= 40 && capWords >= 3 && contentLower <= 0 && !endsLikeSentence(text, start, end, i, j);
    for (let k = i; k < j; k++) {
      let f = 0;
      if (k === i) f |= TF_LINE_START | TF_SENT_START;
      if (caps) f |= TF_CAPS_LINE;
      if (title) f |= TF_TITLE_LINE;
      const s = start[k]!;
      if (s === 0 || isSpaceCode(text.charCodeAt(s - 1))) f |= TF_SPACE_BEFORE;
      flags[k] = f;
    }
    // Sentence starts inside the line: after . ! ? (and ellipsis), skipping closing quotes,
    // then through opening quotes/brackets.
    for (let k = i + 1; k < j; k++) {
      const pc = text.charCodeAt(start[k - 1]!);
      const plen = end[k - 1]! - start[k - 1]!;
      const isEnd = (pc === 46 || pc === 33 || pc === 63) && (plen === 1 || pc !== 46 || plen === 3);
      if (!isEnd) continue;
      let m = k;
      while (m < j && isClosingQuote(text.charCodeAt(start[m]!))) m++;
      while (m < j && isOpening(text.charCodeAt(start[m]!))) m++;
      if (m < j) flags[m]! |= TF_SENT_START;
    }
    // A quote/bracket opening the line: the first word after it also starts the sentence.
    {
      let m = i;
      while (m < j && isOpening(text.charCodeAt(start[m]!))) m++;
      if (m < j && m > i) flags[m]! |= TF_SENT_START;
    }
    i = j;
  }
}

const SMALL_WORDS = new Set(
  'a an the and or but nor of in on at to for from by with as via vs per into onto over up off out is are was be s t'.split(' '),
);
function isSmallWord(text: string, s: number, e: number): boolean {
  return e - s <= 4 && SMALL_WORDS.has(text.slice(s, e));
}

function endsLikeSentence(text: string, start: Int32Array, end: Int32Array, i: number, j: number): boolean {
  const last = text.charCodeAt(start[j - 1]!);
  return last === 46 && end[j - 1]! - start[j - 1]! === 1 && j - i > 12;
}

function isClosingQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93;
}

function isOpening(c: number): boolean {
  return c === 34 || c === 39 || c === 0x2018 || c === 0x201c || c === 40 || c === 91 || c === 45 || c === 0x2013 || c === 0x2014;
}
