/**
 * The figure scanner: one left-to-right pass over the text with hand-written recognisers at the
 * few places a figure can start (a digit, a currency sign or code, a month or weekday name, a
 * number word, a relative-date word). Each recogniser reads forward with `charCodeAt` only (no
 * regular expressions on the hot path, so no backtracking) and either returns a candidate, or a
 * rejected span (a score, a clock time, a phone or model number) that is skipped as a whole, so
 * its digits are never read again as a number. Candidates come out sorted and non-overlapping.
 *
 * Dates are left unresolved here ({@link DateSpec}); `dates.ts` turns them into calendar values.
 */
import { TextIndex } from '../textIndex';
import type { FigureKind } from '../types';
import {
  type CurrencyReading,
  DOLLAR_PREFIXES,
  FAMILIES,
  GATED,
  ISO_CODES,
  LOCAL_PREFIX,
  LOCAL_SUFFIX,
  NAMES,
  placeCode,
  SIGNS,
} from './currency';
import {
  AREA_UNITS,
  COUNT_NOUNS,
  DATE_PREPS,
  FUNCTION_WORDS,
  LABEL_WORDS,
  METRE_CONTEXT,
  MINOR_WORDS,
  MONTHS,
  MONTH_ABBR,
  NOT_PLURAL,
  NUMBER_MULT,
  NUMBER_WORDS,
  ONE_NOUNS,
  REL_UNITS,
  SCALE_SUFFIX,
  SCALE_WORDS,
  UNIT_SUFFIX,
  UNIT_WORDS,
  VOLUME_UNITS,
  WEEKDAYS,
} from './lexicon';

/** A date as written, before it is resolved against the article date. */
export interface DateSpec {
  /** Calendar parts the text gives. */
  y?: number;
  m?: number;
  d?: number;
  /** End of an interval (`2004-05` → y2 2005; `the 1990s` → y2 1999; `4-6 February` → d2 6). */
  y2?: number;
  d2?: number;
  /** Weekday 0 (Sunday) … 6. */
  wd?: number;
  /** A relative unit (`last year`, `next season`, `yesterday` = day −1, `two weeks ago` = week −2). */
  rel?: RelUnit;
  /** Offset for `rel`, or the modifier of a weekday/month (`last Wednesday` → −1, `next April` → +1, `this` → 0). */
  off?: number;
  /** The sentence says the event is to come (`will`, `is due to`, `planned … in April`). */
  future?: boolean;
  /** The sentence speaks of the past (`approved … in December`). */
  past?: boolean;
  /** `mid-April`, `mid-2025`: the middle of the period (said in the note). */
  part?: 'mid';
  /** A weekday written beside this day and month (`Saturday 12 March`): picks the year where they agree. */
  wdHint?: number;
  /** `every Friday`, `each April`: not one date. */
  recurring?: boolean;
  /** Why the written date cannot be read without guessing (`04/02/2026`: day/month order). */
  ambiguous?: string;
}

export type RelUnit =
  | 'year'
  | 'month'
  | 'week'
  | 'weekend'
  | 'day'
  | 'season'
  | 'quarter'
  | 'decade'
  | 'century'
  | 'spring'
  | 'summer'
  | 'autumn'
  | 'winter'
  | 'following';

/** A figure found by the scanner; `value` is numeric, dates carry a {@link DateSpec} instead. */
export interface FigureCandidate {
  start: number;
  end: number;
  kind: FigureKind;
  value: number | null;
  unit: string | null;
  valueMax?: number;
  /** Power of ten the written number was scaled by (`12 million` → 6), for `from 12 to 20 million`. */
  exp: number;
  /** A plain number: no unit, no scale, no currency (may inherit one from a neighbour). */
  bare: boolean;
  date?: DateSpec;
  note?: string;
  /**
   * Money written in a form several currencies share (`$`, `dollars`, `Rs`): its family in
   * `currency.ts`; `unit` is then resolved from the article.
   */
  cur?: string;
  /** Money: vague or hedged (`millions of dollars`, `a few hundred yuan`, `600-plus billion pesos`, `about $5m`). */
  approx?: boolean;
  /** Money: the same amount in another currency, in brackets right after it (`200 shillings (US$2)`); set when candidates are merged. */
  alt?: FigureCandidate[];
  /** Money in a shared form: how its currency was read (set after the scan, see `currency.ts`). */
  reading?: CurrencyReading;
  /** Money: a currency named without an amount (`value` null), see `currencyMentions.ts`. */
  noAmount?: true;
  /** Money: `unit` is a cryptocurrency ticker, not ISO 4217. */
  nonIso?: true;
}

// ---------------------------------------------------------------------------------------------
// Characters

const isD = (c: number): boolean => c >= 48 && c <= 57;
/** Letters: ASCII, Latin-1/Extended, Greek…CJK; not punctuation, symbols, spaces or surrogates. */
function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return (
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x1fff) ||
    (c >= 0x3040 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7a3)
  );
}
const isW = (c: number): boolean => isD(c) || isLetter(c);
const isSp = (c: number): boolean => c === 32 || c === 160 || c === 0x2009 || c === 0x202f || c === 9;
const isDash = (c: number): boolean => c === 45 || c === 0x2013 || c === 0x2011;
const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);

/** Currency signs that start a money figure on their own (→ ISO code or `*family`, see `currency.ts`). */
const SIGN = SIGNS;

/** Index after one or two spaces at `i`, or `i` when there is none. */
function skipSp(s: string, i: number): number {
  if (!isSp(s.charCodeAt(i))) return i;
  return isSp(s.charCodeAt(i + 1)) ? i + 2 : i + 1;
}
function wordEnd(s: string, i: number): number {
  while (isLetter(s.charCodeAt(i))) i++;
  return i;
}
/** The word right after one or two spaces at `i` (letters only), as [start, end], or null. */
function nextWord(s: string, i: number): [number, number] | null {
  const k = skipSp(s, i);
  if (k === i) return null;
  const e = wordEnd(s, k);
  return e > k ? [k, e] : null;
}
/** The word right before `i`, separated from it by spaces only (not a newline), or ''. */
function prevWord(s: string, i: number): string {
  let e = i;
  while (e > 0 && isSp(s.charCodeAt(e - 1))) e--;
  if (e === i && i > 0 && isLetter(s.charCodeAt(i - 1))) return ''; // attached
  let b = e;
  while (b > 0 && isLetter(s.charCodeAt(b - 1))) b--;
  // `No. 10`, `p. 5`: accept one dot after the word.
  if (b === e && e > 0 && s.charCodeAt(e - 1) === 46) {
    b = e - 1;
    while (b > 0 && isLetter(s.charCodeAt(b - 1))) b--;
    return s.slice(b, e - 1);
  }
  return s.slice(b, e);
}
const lower = (w: string): string => w.toLowerCase();
/** Start of the word before `i` (separated by one space), for widening a span to `every Friday`. */
function wordBefore(s: string, i: number): number {
  let b = i;
  while (b > 0 && isSp(s.charCodeAt(b - 1))) b--;
  while (b > 0 && isLetter(s.charCodeAt(b - 1))) b--;
  return b;
}
const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
function isCapWord(w: string): boolean {
  if (!w) return false;
  for (let k = 0; k < w.length; k++) if (isUpper(w.charCodeAt(k))) return true;
  return false;
}
/** True when a capitalised `w` before a number is a name/model, not an ordinary word. */
function isNameBefore(w: string): boolean {
  if (!isCapWord(w)) return false;
  const l = lower(w);
  return !FUNCTION_WORDS.has(l) && MONTH_INDEX[l] === undefined && MONTH_ABBR[l] === undefined && WEEKDAY_INDEX[l] === undefined;
}

const MONTH_INDEX: Record<string, number> = Object.fromEntries(MONTHS.map((m, i) => [m, i + 1]));
const WEEKDAY_INDEX: Record<string, number> = Object.fromEntries(WEEKDAYS.map((d, i) => [d, i]));

// ---------------------------------------------------------------------------------------------
// Numbers

interface Num {
  start: number;
  end: number;
  /** Integer digits without separators. */
  int: string;
  /** Decimal digits, '' when none. */
  dec: string;
  commas: boolean;
}

/** Reads `1,200`, `1.13`, `2025` at `i` (a digit); null for version-like runs (`1.2.3`) — see {@link skipRun}. */
function readNum(s: string, i: number): Num | null {
  let j = i;
  while (isD(s.charCodeAt(j))) j++;
  let int = s.slice(i, j);
  let commas = false;
  if (j - i <= 3) {
    while (
      s.charCodeAt(j) === 44 &&
      isD(s.charCodeAt(j + 1)) &&
      isD(s.charCodeAt(j + 2)) &&
      isD(s.charCodeAt(j + 3)) &&
      !isD(s.charCodeAt(j + 4))
    ) {
      int += s.slice(j + 1, j + 4);
      j += 4;
      commas = true;
    }
  }
  let dec = '';
  if (s.charCodeAt(j) === 46 && isD(s.charCodeAt(j + 1))) {
    let k = j + 1;
    while (isD(s.charCodeAt(k))) k++;
    dec = s.slice(j + 1, k);
    j = k;
    if (s.charCodeAt(j) === 46 && isD(s.charCodeAt(j + 1))) return null; // 1.2.3, 192.168.0.1
  }
  if (int.length > 21) return null; // a digit string, not a figure
  return { start: i, end: j, int, dec, commas };
}
/** End of a run of digits, letters and `.,:/-` joiners starting at `i` (what a rejected token covers). */
function skipRun(s: string, i: number): number {
  let j = i;
  for (;;) {
    const c = s.charCodeAt(j);
    if (isW(c)) j++;
    else if ((c === 46 || c === 44 || c === 58 || c === 47 || c === 45) && isW(s.charCodeAt(j + 1))) j += 2;
    else return j;
  }
}
const numVal = (n: Num, exp = 0): number => Number(`${n.int}${n.dec ? '.' + n.dec : ''}e${exp}`);
const isSmallInt = (n: Num): boolean => !n.dec && !n.commas && n.int.length <= 2;
const intOf = (n: Num): number => Number(n.int);
function isYearNum(n: Num, lo = 1900): boolean {
  if (n.dec || n.commas || n.int.length !== 4) return false;
  const v = Number(n.int);
  return v >= lo && v <= 2099;
}

/** A scale after a number: `m`/`bn`/`k` written on, or ` million`/`-million` as a word. */
interface Scale {
  exp: number;
  end: number;
  /** `100m` without a currency: million or metres. */
  ambiguousM: boolean;
  word: boolean;
}
const MONEY_SUFFIX: Record<string, number> = { mil: 6, mln: 6, bil: 9, bln: 9 };
function scaleAt(s: string, e: number, money: boolean): Scale | null {
  const c = s.charCodeAt(e);
  if (isLetter(c)) {
    const we = wordEnd(s, e);
    if (isD(s.charCodeAt(we))) return null;
    const w = s.slice(e, we);
    // `RM750mil`, `RM1bil`, `$5mln`: Malaysian and wire shorthand, after a currency only.
    const exp = SCALE_SUFFIX[w] ?? (money ? MONEY_SUFFIX[w] : undefined);
    if (exp !== undefined) {
      if (!money && (w === 'b' || w === 'M')) return null;
      return { exp, end: we, ambiguousM: !money && w === 'm', word: false };
    }
    return null;
  }
  if (isSp(c) || isDash(c)) {
    const k = isDash(c) ? e + 1 : skipSp(s, e);
    const we = wordEnd(s, k);
    if (we === k) return null;
    const exp = SCALE_WORDS[lower(s.slice(k, we))];
    if (exp !== undefined) {
      // `5 lakh crore` (5 × 10^12), `2 thousand million`: a second, larger scale word multiplies.
      if (isSp(s.charCodeAt(we))) {
        const k2 = we + 1;
        const we2 = wordEnd(s, k2);
        const exp2 = we2 > k2 ? SCALE_WORDS[lower(s.slice(k2, we2))] : undefined;
        if (exp2 !== undefined && exp2 > exp) return { exp: exp + exp2, end: we2, ambiguousM: false, word: true };
      }
      return { exp, end: we, ambiguousM: false, word: true };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Scanner

type Trigger =
  | { t: 'month'; m: number }
  | { t: 'mabbr'; m: number }
  | { t: 'wd'; wd: number }
  | { t: 'num'; v: number }
  | { t: 'a' }
  | { t: 'rel'; off: number }
  | { t: 'the-rel'; off: number | null }
  | { t: 'day'; off: number }
  | { t: 'between' }
  | { t: 'mid' }
  /** A currency code or abbreviation before an amount (`USD`, `Tk`, `R`), or letters before `$` (`US`, `HK`, `N`). */
  | { t: 'code'; cur: string | null; gated: boolean }
  /** A currency name before an amount (`US dollars 6000`, `rupee 40`). */
  | { t: 'name'; cur: string }
  /** Vague amounts: `millions of dollars`, `a few hundred yuan`, `multibillion-dollar`, `half a trillion pesos`. */
  | { t: 'vague'; w: string }
  /** `http://…`, `www.…`: a web address is skipped whole (its digits are not figures). */
  | { t: 'url' };

const TRIGGERS = new Map<string, Trigger>();
MONTHS.forEach((m, i) => TRIGGERS.set(cap(m), { t: 'month', m: i + 1 }));
for (const [a, m] of Object.entries(MONTH_ABBR)) TRIGGERS.set(cap(a), { t: 'mabbr', m });
WEEKDAYS.forEach((d, i) => TRIGGERS.set(cap(d), { t: 'wd', wd: i }));
for (const [w, v] of Object.entries(NUMBER_WORDS)) {
  TRIGGERS.set(w, { t: 'num', v });
  TRIGGERS.set(cap(w), { t: 'num', v });
}
for (const w of ['a', 'A', 'an', 'An']) TRIGGERS.set(w, { t: 'a' });
for (const [w, off] of [
  ['last', -1],
  ['next', 1],
  ['this', 0],
  ['coming', 1],
  ['previous', -1],
  ['current', 0],
  ['following', null],
] as const) {
  if (w === 'last' || w === 'next' || w === 'this') {
    TRIGGERS.set(w, { t: 'rel', off: off! });
    TRIGGERS.set(cap(w), { t: 'rel', off: off! });
  } else {
    TRIGGERS.set(w, { t: 'the-rel', off });
  }
}
for (const [w, off] of [
  ['yesterday', -1],
  ['today', 0],
  ['tomorrow', 1],
  ['tonight', 0],
] as const) {
  TRIGGERS.set(w, { t: 'day', off });
  TRIGGERS.set(cap(w), { t: 'day', off });
}
TRIGGERS.set('between', { t: 'between' });
TRIGGERS.set('Between', { t: 'between' });
TRIGGERS.set('mid', { t: 'mid' });
TRIGGERS.set('Mid', { t: 'mid' });
// `R` and `N` (rand, naira) need a scale or a grouped amount: `R92 million`, `N2,000`, not `R2`, `N95`.
for (const [w, cur] of Object.entries(LOCAL_PREFIX)) TRIGGERS.set(w, { t: 'code', cur, gated: w === 'R' || w === 'N' });
for (const w of ISO_CODES) if (!TRIGGERS.has(w)) TRIGGERS.set(w, { t: 'code', cur: w, gated: false });
for (const k of Object.keys(DOLLAR_PREFIXES))
  if (!TRIGGERS.has(k.slice(0, -1))) TRIGGERS.set(k.slice(0, -1), { t: 'code', cur: null, gated: false });
// U.S.$2, U.S. $2, U.S.93 Million; L.E. 500; GH₵5, CN¥5, JP¥5, E£5
for (const w of ['U', 'L', 'CN', 'JP', 'E']) TRIGGERS.set(w, { t: 'code', cur: null, gated: false });
// Names before an amount, also capitalised (`Birr 5 million`, `Rupees 40`); not `Euro` (`Euro 96` is a tournament).
for (const [w, cur] of Object.entries(NAMES)) {
  if (GATED.has(w)) continue;
  if (!TRIGGERS.has(w)) TRIGGERS.set(w, { t: 'name', cur });
  if (w !== 'euro' && w !== 'pound' && w !== 'franc' && !TRIGGERS.has(cap(w))) TRIGGERS.set(cap(w), { t: 'name', cur });
}
for (const w of ['http', 'https', 'www', 'HTTP', 'HTTPS', 'WWW']) TRIGGERS.set(w, { t: 'url' });
for (const w of [
  'few',
  'several',
  'tens',
  'dozens',
  'hundreds',
  'thousands',
  'millions',
  'billions',
  'trillions',
  'hundred',
  'thousand',
  'million',
  'billion',
  'trillion',
  'multibillion',
  'multimillion',
  'multitrillion',
  'multi',
  'half',
]) {
  TRIGGERS.set(w, { t: 'vague', w });
  if (w !== 'multi') TRIGGERS.set(cap(w), { t: 'vague', w });
}
/** Hashes of the trigger words, computed as the scanner reads a word, so most words are never sliced. */
const TRIGGER_HASH = new Set<number>();
for (const w of TRIGGERS.keys()) {
  let h = 0;
  for (let k = 0; k < w.length; k++) h = (Math.imul(h, 31) + w.charCodeAt(k)) | 0;
  TRIGGER_HASH.add(h);
}

/** Words after a weekday that make it part of a name (`Sunday Times`, `Monday Club`). */
const WEEKDAY_NAMES_AFTER = new Set([
  'Times',
  'Telegraph',
  'Mirror',
  'Express',
  'Post',
  'Herald',
  'Mail',
  'Sport',
  'People',
  'Independent',
  'Club',
  'Night',
  'League',
  'Service',
  'Tribune',
  'Star',
  'Record',
  'Business',
  'Politics',
]);
/** Words after `Today`/`Tomorrow` that make it a programme title. */
const DAY_NAMES_AFTER = new Set(['programme', 'program', 'show', 'Programme', 'Show']);
/** A case-insensitive pattern for a whole word or phrase of `parts` (each a `|`-separated list of alternatives). */
function anyWordOf(parts: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${parts.join('|')})\\b`, 'i');
}
/** Sentence words that say the event is still to come. */
const FUTURE = anyWordOf([
  "will|shall|would|won't|'ll|’ll",
  'is due|are due|due to|is set to|are set to|plans? to|planned|planning',
  'is expected|are expected|expects? to|scheduled|upcoming|ahead of|intends? to|next',
]);
/** Sentence words that say it has happened. */
const PAST = anyWordOf([
  'was|were|had|did|said|told|came|went|took|made|saw|gave|rose|fell|grew|won|lost|met|began|left|held|paid|sold',
  'spoke|wrote|sent|struck|fought|flew|drew|broke|ran|beat|bought|brought|caught|felt|found|heard|kept|led|meant',
  'stood|thought|ago|last|\\w{3,}ed',
]);

/**
 * Words a caller wants found in the same pass (`currencyMentions.ts`): `bits` is a 65,536-bit filter
 * of their {@link wordHash}es (bit `h & 0xffff`), and the scanner appends the `[start, end)` of every
 * word whose bit is set to `found` — other words too, now and then: the caller checks the word.
 * Words inside figures or skipped spans are not seen.
 */
export interface WordWatch {
  bits: Uint32Array;
  found: number[];
}
/** The scanner's hash of a word (its letters as UTF-16 units). */
export function wordHash(w: string): number {
  let h = 0;
  for (let k = 0; k < w.length; k++) h = (Math.imul(h, 31) + w.charCodeAt(k)) | 0;
  return h;
}

/**
 * Scans `s` for figure candidates (sorted, non-overlapping), and the words of `watch`. `index` is
 * the analysis's text index (its sentence stops bound the tense of dates), built when needed otherwise.
 */
export function scan(s: string, watch?: WordWatch, index?: TextIndex): FigureCandidate[] {
  scanIndex = index?.text === s ? index : null;
  try {
    return scanText(s, watch);
  } finally {
    scanIndex = null;
  }
}

function scanText(s: string, watch?: WordWatch): FigureCandidate[] {
  const out: FigureCandidate[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 && c !== 36) {
      i++;
      continue;
    }
    if (c <= 57 && c >= 48) {
      i = atDigit(s, i, out);
      continue;
    }
    if (isLetter(c)) {
      // ৳ and ฿ are currency signs in letter blocks.
      if (c > 0x9f2 && (c === 0x9f3 || c === 0xe3f)) {
        i = atMoney(s, i, i + 1, SIGN[c]!, out);
        continue;
      }
      let j = i;
      let h = 0;
      for (let d = c; isLetter(d); d = s.charCodeAt(++j)) h = (Math.imul(h, 31) + d) | 0;
      if (watch !== undefined && (watch.bits[(h >>> 5) & 2047]! & (1 << (h & 31))) !== 0) watch.found.push(i, j);
      const t = TRIGGER_HASH.has(h) ? TRIGGERS.get(s.slice(i, j)) : undefined;
      if (t !== undefined) {
        const e = atWord(s, i, j, t, out);
        if (e > i) {
          i = e;
          continue;
        }
      }
      // A word with digits attached (`MP3`, `A380`, `G20`) or joined by a hyphen (`F-16`, `Covid-19`) is a name.
      i = isD(s.charCodeAt(j)) || (isDash(s.charCodeAt(j)) && isD(s.charCodeAt(j + 1))) ? skipRun(s, j) : j;
      continue;
    }
    const sign = c > 127 || c === 36 ? SIGN[c] : undefined;
    if (sign !== undefined) {
      i = atMoney(s, i, i + 1, sign, out);
      continue;
    }
    i++;
  }
  return out;
}

function push(out: FigureCandidate[], f: FigureCandidate | null): void {
  if (f && f.end > f.start && (out.length === 0 || out[out.length - 1]!.end <= f.start)) out.push(f);
}
/**
 * A candidate; every one is built here or in `makeDateCandidate`, with all fields, so that they
 * share one shape (fast property access downstream). It starts unscaled and not bare: see
 * {@link scaled} and {@link bareNumber}.
 */
export function makeCandidate(start: number, end: number, kind: FigureKind, value: number | null, unit: string | null): FigureCandidate {
  return {
    start,
    end,
    kind,
    value,
    unit,
    exp: 0,
    bare: false,
    valueMax: undefined,
    date: undefined,
    note: undefined,
    cur: undefined,
    approx: undefined,
    alt: undefined,
    reading: undefined,
    noAmount: undefined,
    nonIso: undefined,
  } as FigureCandidate;
}
/** `f`, its number scaled by 10^`exp` (`12 million` → 6). */
function scaled(f: FigureCandidate, exp: number): FigureCandidate {
  f.exp = exp;
  return f;
}
/** A plain number at `[start, end)`: no unit, no scale, no currency. */
function bareNumber(start: number, end: number, value: number): FigureCandidate {
  const f = makeCandidate(start, end, 'number', value, null);
  f.bare = true;
  return f;
}
function makeDateCandidate(start: number, end: number, date: DateSpec): FigureCandidate {
  return {
    start,
    end,
    kind: 'date',
    value: null,
    unit: null,
    exp: 0,
    bare: false,
    valueMax: undefined,
    date,
    note: undefined,
    cur: undefined,
    approx: undefined,
    alt: undefined,
    reading: undefined,
    noAmount: undefined,
    nonIso: undefined,
  } as FigureCandidate;
}
/** The analysis's text index while {@link scan} runs (built on first use when not given). */
let scanIndex: TextIndex | null = null;
function stopsOf(s: string): TextIndex {
  if (scanIndex === null || scanIndex.text !== s) scanIndex = new TextIndex(s);
  return scanIndex;
}

/**
 * The tense of the sentence around `[i, j)` (at most 160 characters each side; the sentence ends at
 * a `\n`, or a `.`, `!`, `?` before a space or the text's end — a view over the index's stops):
 * future words win over past ones; null when neither shows.
 */
function tenseAround(s: string, i: number, j: number): 'future' | 'past' | null {
  const index = stopsOf(s);
  let b = i;
  const lim = Math.max(0, i - 160);
  while (b > lim) {
    const p = index.prevStop(b - 1);
    if (p < lim) {
      b = lim;
      break;
    }
    if (s.charCodeAt(p) === 10 || isSp(s.charCodeAt(p + 1))) {
      b = p + 1;
      break;
    }
    b = p;
  }
  let e = j;
  const elim = Math.min(s.length, j + 160);
  while (e < elim) {
    const p = index.nextStop(e);
    if (p >= elim) {
      e = elim;
      break;
    }
    if (s.charCodeAt(p) === 10 || p + 1 >= s.length || isSp(s.charCodeAt(p + 1))) {
      e = p;
      break;
    }
    e = p + 1;
  }
  const before = s.slice(b, i);
  const after = s.slice(j, e);
  if (FUTURE.test(before) || FUTURE.test(after)) return 'future';
  if (PAST.test(before) || PAST.test(after)) return 'past';
  return null;
}
function setTense(spec: DateSpec, s: string, i: number, j: number): void {
  const t = tenseAround(s, i, j);
  if (t === 'future') spec.future = true;
  else if (t === 'past') spec.past = true;
}

// ---------------------------------------------------------------------------------------------
// Money

/** A money candidate in `cur`: an ISO code, or `*family` for a form several currencies share (resolved from the article later). */
function makeMoney(start: number, end: number, value: number, cur: string, exp = 0): FigureCandidate {
  if (cur.charCodeAt(0) !== 42) return scaled(makeCandidate(start, end, 'money', value, cur), exp);
  const fam = cur.slice(1);
  const f = scaled(makeCandidate(start, end, 'money', value, FAMILIES[fam]?.usual ?? null), exp);
  f.cur = fam;
  return f;
}

/** `$` / `£600m` / `US$5bn` / `Rs 500 crore` / `$5-6m` / `$5m-$6m` starting at `start`, the amount at or after `j`. */
function atMoney(s: string, start: number, j: number, cur: string, out: FigureCandidate[]): number {
  const f = moneyAt(s, start, j, cur);
  if (!f) return j;
  push(out, f);
  return f.end;
}
/**
 * The amount after a currency sign or code (`cur`: ISO code or `*family`). `mode`: `gated` for
 * one-letter abbreviations (`R`, `N`): only with a scale or a grouped amount (`R92 million`,
 * `N2,000`); `code` for ISO codes: not before a bare year (`CUP 2022`).
 */
function moneyAt(s: string, start: number, j: number, cur: string, mode: 'sign' | 'gated' | 'code' = 'sign'): FigureCandidate | null {
  // A sign right after a letter or digit is not a price (`S$` is handled as a prefix word).
  if (start > 0 && isW(s.charCodeAt(start - 1)) && !isLetter(s.charCodeAt(start))) return null;
  let k = j;
  if (isSp(s.charCodeAt(k))) k++;
  if (!isD(s.charCodeAt(k))) return null;
  const a = readNum(s, k) ?? dotGrouped(s, k);
  if (!a) return null;
  let ae = a.end;
  let grouped = a.commas;
  let value: Num = a;
  // `R50 000`, `N$200 000`: thousands grouped with spaces (southern African style), after a currency only.
  if (!a.dec && !a.commas && a.int.length <= 3) {
    let int = a.int;
    while (
      s.charCodeAt(ae) === 32 &&
      isD(s.charCodeAt(ae + 1)) &&
      isD(s.charCodeAt(ae + 2)) &&
      isD(s.charCodeAt(ae + 3)) &&
      !isD(s.charCodeAt(ae + 4)) &&
      !isLetter(s.charCodeAt(ae + 4))
    ) {
      int += s.slice(ae + 1, ae + 4);
      ae += 4;
      grouped = true;
    }
    // `N$2,25 billion`: a decimal comma before a scale word.
    if (!grouped && s.charCodeAt(ae) === 44 && isD(s.charCodeAt(ae + 1)) && !isD(s.charCodeAt(ae + 3))) {
      const de = isD(s.charCodeAt(ae + 2)) ? ae + 3 : ae + 2;
      const sc = scaleAt(s, de, true);
      if (sc && sc.word) {
        value = { ...a, dec: s.slice(ae + 1, de), end: de };
        ae = de;
      }
    }
    if (grouped) value = { ...a, int, end: ae, commas: true };
  }
  const sc = scaleAt(s, ae, true);
  if (mode === 'gated' && !sc && !grouped) return null;
  // `CUP 2022`, `COP26`, `COP 27`, `SDG 15`: a code before a bare year, written onto a number, or a label.
  if (
    mode === 'code' &&
    !sc &&
    !grouped &&
    !value.dec &&
    (isYearNum(value) || k === j || (LABEL_CODES.has(s.slice(start, j).trim()) && value.int.length <= 2))
  )
    return null;
  let e = sc ? sc.end : ae;
  let exp = sc ? sc.exp : 0;
  let max: number | undefined;
  // Range: `$5-6m`, `$5m-$6m`, `£5m–£6m`.
  if (isDash(s.charCodeAt(e))) {
    let q = e + 1;
    if (SIGN[s.charCodeAt(q)] !== undefined) q++;
    if (isD(s.charCodeAt(q))) {
      const b = readNum(s, q);
      if (b) {
        const sc2 = scaleAt(s, b.end, true);
        const exp2 = sc2 ? sc2.exp : exp;
        if (!sc) exp = exp2;
        max = numVal(b, exp2);
        e = sc2 ? sc2.end : b.end;
      }
    }
  }
  let unit = cur;
  // `¥` followed by `yuan`; `Rs 500 rupees` is rare; `$` alone is resolved from the article.
  const nw = nextWord(s, e);
  if (nw && cur === '*¥' && lower(s.slice(nw[0], nw[1])) === 'yuan') {
    unit = 'CNY';
    e = nw[1];
  }
  const f = makeMoney(start, e, numVal(value, exp), unit, exp);
  if (max !== undefined && max > f.value!) f.valueMax = max;
  return f;
}

/** `Rp 1.500.000`, `Gs. 25.000.000`: thousands grouped with dots (two groups or more), after a currency only. */
function dotGrouped(s: string, i: number): Num | null {
  let j = i;
  while (isD(s.charCodeAt(j))) j++;
  if (j - i > 3) return null;
  let int = s.slice(i, j);
  let groups = 0;
  while (
    s.charCodeAt(j) === 46 &&
    isD(s.charCodeAt(j + 1)) &&
    isD(s.charCodeAt(j + 2)) &&
    isD(s.charCodeAt(j + 3)) &&
    !isD(s.charCodeAt(j + 4))
  ) {
    int += s.slice(j + 1, j + 4);
    j += 4;
    groups++;
  }
  if (groups < 2 || (s.charCodeAt(j) === 46 && isD(s.charCodeAt(j + 1)))) return null;
  let dec = '';
  if (s.charCodeAt(j) === 44 && isD(s.charCodeAt(j + 1)) && isD(s.charCodeAt(j + 2)) && !isD(s.charCodeAt(j + 3))) {
    dec = s.slice(j + 1, j + 3);
    j += 3;
  }
  return { start: i, end: j, int, dec, commas: true };
}

/** ISO codes that also name numbered things: `COP 27` (the UN climate conference), `SDG 15` (a UN goal). */
const LABEL_CODES = new Set(['COP', 'SDG', 'CUP', 'GEL', 'PEN', 'MAD', 'BOB', 'TRY', 'ERN']);

/** Currency signs written right after a code (`GH₵`, `CN¥`, `JP¥`, `E£`). */
const SIGN_PREFIX: Record<string, string> = { 'GH₵': 'GHS', 'GH¢': 'GHS', 'CN¥': 'CNY', 'JP¥': 'JPY', 'E£': 'EGP', 'L.E.': 'EGP' };

/**
 * A currency code or abbreviation at `[i, j)` before an amount: `USD 5m`, `US$5bn`, `US $3.4m`,
 * `U.S.$2`, `Tk 2,977 crore`, `Rs. 500`, `GH₵5`.
 */
function codeAt(s: string, i: number, j: number, cur: string | null, gated: boolean): FigureCandidate | null {
  const w = s.slice(i, j);
  const c = s.charCodeAt(j);
  if (c === 36) {
    const d = DOLLAR_PREFIXES[w + '$'];
    return d ? moneyAt(s, i, j + 1, d) : null;
  }
  if (c === 32 && s.charCodeAt(j + 1) === 36 && w.length >= 2 && DOLLAR_PREFIXES[w + '$'])
    return moneyAt(s, i, j + 2, DOLLAR_PREFIXES[w + '$']!); // US $3.4 million
  if (w === 'U' || w === 'L') {
    const abbr = w === 'U' ? '.S.' : '.E.';
    if (!s.startsWith(abbr, j)) return null;
    const code = w === 'U' ? 'USD' : 'EGP';
    const k = j + 3;
    if (s.charCodeAt(k) === 36) return moneyAt(s, i, k + 1, code);
    if (isSp(s.charCodeAt(k)) && s.charCodeAt(k + 1) === 36) return moneyAt(s, i, k + 2, code);
    // U.S.93 Million, L.E. 500
    if (isD(s.charCodeAt(k)) || (w === 'L' && isSp(s.charCodeAt(k)))) return moneyAt(s, i, k, code, w === 'U' ? 'gated' : 'sign');
    return null;
  }
  if (w === 'S' && c === 47) return moneyAt(s, i, s.charCodeAt(j + 1) === 46 ? j + 2 : j + 1, 'PEN'); // S/ 500, S/.500 (Peruvian sol)
  if (c > 127 || c === 0xa2) {
    const sp = SIGN_PREFIX[w + s.charAt(j)];
    return sp ? moneyAt(s, i, j + 1, sp) : null;
  }
  if (!cur) return null;
  let k = j;
  if (c === 46 && !isLetter(s.charCodeAt(j + 1))) k++; // Rs. 500, Tk. 20, Kshs. 100
  return moneyAt(s, i, k, cur, gated ? 'gated' : cur.length === 3 && ISO_CODES.has(cur) && cur === w ? 'code' : 'sign');
}

/** A currency name before an amount: `US dollars 6000`, `rupee 40` (not `the dollar 10 years ago`, not `dollars 2020`). */
function nameBeforeAt(s: string, i: number, j: number, cur: string): FigureCandidate | null {
  const k = skipSp(s, j);
  if (k === j || !isD(s.charCodeAt(k))) return null;
  const a = readNum(s, k);
  if (!a) return null;
  const sc = scaleAt(s, a.end, true);
  const e = sc ? sc.end : a.end;
  const c = s.charCodeAt(e);
  // Nothing may be written onto the amount, and no unit or noun may follow it (`the dollar 10 years ago`).
  if (
    isW(c) ||
    c === 37 ||
    c === 47 ||
    c === 58 ||
    isDash(c) ||
    (!sc && isYearNum(a)) ||
    afterAmount(s, { start: k, num: a, max: null, end: e, exp: sc ? sc.exp : 0, words: false })
  )
    return null;
  const r = { end: e, value: numVal(a, sc ? sc.exp : 0), exp: sc ? sc.exp : 0, valueMax: undefined as number | undefined };
  let start = i;
  // `US dollars 6000`, `Hong Kong dollars 500`: the country before the name.
  const q = qualifierBefore(s, i, cur);
  if (q) {
    start = q.start;
    cur = q.code;
  }
  const f = makeMoney(start, r.end, r.value, cur, r.exp);
  if (r.valueMax !== undefined) f.valueMax = r.valueMax;
  return f;
}
/** A country written right before the currency name at `i` that uses a currency of its family (`US` dollars, `Korean` won). */
export function qualifierBefore(s: string, i: number, cur: string): { start: number; code: string } | null {
  if (!isSp(s.charCodeAt(i - 1)) && !isDash(s.charCodeAt(i - 1))) return null;
  const b1 = wordBefore(s, i);
  const starts = [b1, wordBefore(s, b1)];
  if (s.charCodeAt(b1 - 1) === 46) starts.unshift(Math.max(0, b1 - 4)); // U.S. dollars
  for (const b of starts) {
    if (b >= i) continue;
    const p = placeCode(s, b);
    if (p && p.end === i - 1 && fits(p.code, cur)) return { start: b, code: p.code };
  }
  return null;
}
/** Does the currency `code` of a country fit the written currency `cur` (ISO code or `*family`)? */
function fits(code: string, cur: string): boolean {
  return cur === code || (cur.charCodeAt(0) === 42 && (FAMILIES[cur.slice(1)]?.members.includes(code) ?? false));
}

/**
 * A currency written after an amount that ends at `e` (`v`: its value): a sign (`70 ₹`, `100€`), an
 * ISO code or local abbreviation (`5 million USD`, `1500 Rs`, `5,000 CFA francs`), a name
 * (`500 yuan`, `Ten Lempira`), or a country and a name (`61 million Hong Kong dollars`,
 * `20-billion US-dollar`, `145 billion Korean won`). `gatedOk`: names that are also common words
 * (`won`, `rand`, `real`) are allowed (after a scale or a grouped amount). `next`: the word after
 * the amount when the caller has read it already.
 */
function currencyAfter(s: string, e: number, gatedOk: boolean, next?: WordAt): { end: number; cur: string } | null {
  let k: number;
  let we: number;
  let w: string;
  let lw: string;
  if (next === undefined) {
    k = skipSp(s, e);
    const c = s.charCodeAt(k);
    if (c > 127 || c === 36) {
      const sign = SIGN[c];
      if (sign !== undefined && !isD(s.charCodeAt(k + 1)) && !isLetter(s.charCodeAt(k + 1))) return { end: k + 1, cur: sign };
    }
    if (k === e || !isLetter(c) || c === 0x9f3 || c === 0xe3f) return null;
    we = wordEnd(s, k);
    w = s.slice(k, we);
    lw = lower(w);
  } else {
    k = next.start;
    we = next.end;
    w = next.word;
    lw = next.lower;
  }
  if (w !== lw) {
    // ISO codes and local abbreviations: `5 million USD`, `1500 Rs`, `5,000 CFA francs`
    if (!isLetter(s.charCodeAt(we)) && !isD(s.charCodeAt(we))) {
      const code = w.length === 3 && ISO_CODES.has(w) ? w : LOCAL_SUFFIX[w];
      if (code) {
        const nw = nextWord(s, we);
        if (nw && NAMES[lower(s.slice(nw[0], nw[1]))] !== undefined) return { end: nw[1], cur: code };
        return { end: we, cur: code };
      }
    }
  } else if (w === 'kr' || w === 'zł') return { end: we, cur: LOCAL_SUFFIX[w]! };
  const name = NAMES[lw];
  if (name !== undefined) {
    if (GATED.has(lw) && !gatedOk) return null;
    if (w !== lw && lw === 'euro') return null; // `Euro 2024`, `the top 2 Euro clubs`
    return { end: we, cur: name };
  }
  if (w === lw) return null;
  // A country and a name: `Hong Kong dollars`, `US-dollar`, `Korean won`
  const p = placeCode(s, k);
  if (p && (isSp(s.charCodeAt(p.end)) || isDash(s.charCodeAt(p.end))) && isLetter(s.charCodeAt(p.end + 1))) {
    const ne = wordEnd(s, p.end + 1);
    const nm = NAMES[lower(s.slice(p.end + 1, ne))];
    if (nm !== undefined && fits(p.code, nm)) return { end: ne, cur: p.code };
  }
  return null;
}

/** Plural scale words in vague amounts, with the range they give: `tens` 10–100, `millions` 1 million–1 billion. */
const VAGUE_PLURAL: Record<string, [number, number]> = {
  tens: [10, 100],
  dozens: [24, 100],
  hundreds: [100, 1e3],
  thousands: [1e3, 1e6],
  millions: [1e6, 1e9],
  billions: [1e9, 1e12],
  trillions: [1e12, 1e15],
};
const SCALE_WORD: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * Vague amounts of money (value and valueMax give the range, `approx`): `millions of dollars`,
 * `hundreds of millions of dollars`, `tens of billions of yuan`, `a few hundred yuan`, `several
 * million dollars`, `multibillion-dollar`, `billion-dollar`, `half a trillion pesos`. Nothing when
 * no currency follows (`thousands of people` is not money).
 */
function vagueAt(s: string, i: number, j: number, w: string): FigureCandidate | null {
  let lo: number;
  let hi: number;
  let e: number;
  let start = i;
  let of = false;
  if (w === 'few' || w === 'several') {
    const nw = nextWord(s, j);
    const m = nw ? SCALE_WORD[lower(s.slice(nw[0], nw[1]))] : undefined;
    if (m === undefined) return null;
    e = nw![1];
    let mult = m;
    const nw2 = nextWord(s, e);
    const m2 = nw2 ? SCALE_WORD[lower(s.slice(nw2[0], nw2[1]))] : undefined;
    if (m2 !== undefined && m2 > m) {
      mult *= m2;
      e = nw2![1];
    }
    lo = (w === 'few' ? 2 : 3) * mult;
    hi = 9 * mult;
    if (w === 'few' && lower(prevWord(s, i)) === 'a') start = wordBefore(s, i);
  } else if (VAGUE_PLURAL[w]) {
    // `millions of`, `hundreds of millions of`, `tens of thousands of`
    [lo, hi] = VAGUE_PLURAL[w]!;
    if (!s.startsWith(' of ', j)) return null;
    e = j + 3;
    const nw = nextWord(s, e);
    const w2 = nw ? lower(s.slice(nw[0], nw[1])) : '';
    const r2 = VAGUE_PLURAL[w2];
    if (r2 && r2[0] > hi / 10 && s.startsWith(' of ', nw![1])) {
      lo *= r2[0];
      hi *= r2[0];
      e = nw![1] + 3;
    }
    of = true;
  } else if (SCALE_WORD[w] !== undefined) {
    // `billion-dollar`, `trillion-dollar`: an order of magnitude (`a billion-dollar` is read by `aAt`).
    if (!isDash(s.charCodeAt(j))) return null;
    const ne = wordEnd(s, j + 1);
    const nm = NAMES[lower(s.slice(j + 1, ne))];
    if (nm === undefined || SCALE_WORD[w]! < 1e6) return null;
    const f = makeMoney(i, ne, SCALE_WORD[w]!, nm, Math.log10(SCALE_WORD[w]!));
    f.valueMax = SCALE_WORD[w]! * 10;
    return vague(f, 'order of magnitude');
  } else if (w.startsWith('multi')) {
    // `multibillion-dollar`, `multi-billion-dollar`, `multimillion dollar`
    let k = j;
    let m = SCALE_WORD[w.slice(5)];
    if (w === 'multi') {
      if (!isDash(s.charCodeAt(j))) return null;
      k = wordEnd(s, j + 1);
      m = SCALE_WORD[lower(s.slice(j + 1, k))];
    }
    if (m === undefined || m < 1e6) return null;
    const c = s.charCodeAt(k);
    if (!isDash(c) && !isSp(c)) return null;
    const ne = wordEnd(s, k + 1);
    const nm = NAMES[lower(s.slice(k + 1, ne))];
    if (nm === undefined) return null;
    const f = makeMoney(i, ne, 2 * m, nm, Math.log10(m));
    f.valueMax = 1000 * m;
    return vague(f, 'vague amount');
  } else if (w === 'half') {
    // `half a million dollars`, `half a trillion of peso bonds`
    const nw = nextWord(s, j);
    if (!nw || (s.slice(nw[0], nw[1]) !== 'a' && s.slice(nw[0], nw[1]) !== 'an')) return null;
    const nw2 = nextWord(s, nw[1]);
    const m = nw2 ? SCALE_WORD[lower(s.slice(nw2[0], nw2[1]))] : undefined;
    if (m === undefined) return null;
    lo = m / 2;
    e = nw2![1];
    if (s.startsWith(' of ', e)) e += 3;
    const ca = currencyAfter(s, e, true);
    if (!ca) return null;
    return makeMoney(i, ca.end, lo, ca.cur, Math.log10(m));
  } else return null;
  const ca = currencyAfter(s, e, true);
  if (!ca || (of && !isLetter(s.charCodeAt(skipSp(s, e))))) return null;
  const f = makeMoney(start, ca.end, lo, ca.cur);
  f.valueMax = hi;
  return vague(f, 'vague amount');
}
function vague(f: FigureCandidate, note: string): FigureCandidate {
  f.approx = true;
  f.note = note;
  return f;
}

// ---------------------------------------------------------------------------------------------
// Digits

function atDigit(s: string, i: number, out: FigureCandidate[]): number {
  const r = digitAt(s, i);
  if (typeof r === 'number') return r;
  push(out, signed(s, r));
  return r.end;
}
/** `minus 20C`, `-0.1%`, `−5`: a negative amount (the sign joins the span). */
function signed(s: string, f: FigureCandidate): FigureCandidate {
  if (f.value === null || f.kind === 'date' || f.kind === 'money' || f.kind === 'count') return f;
  const i = f.start;
  const c = s.charCodeAt(i - 1);
  let start = -1;
  if ((c === 45 || c === 0x2212) && (i < 2 || isSp(s.charCodeAt(i - 2)) || s.charCodeAt(i - 2) === 40 || s.charCodeAt(i - 2) === 10))
    start = i - 1;
  else if (isSp(c) && s.startsWith('minus', i - 6) && (i < 7 || !isLetter(s.charCodeAt(i - 7)))) start = i - 6;
  if (start < 0) return f;
  f.start = start;
  f.value = -f.value;
  if (f.valueMax !== undefined) {
    const m = -f.valueMax;
    f.valueMax = f.value;
    f.value = m;
  }
  return f;
}

/** A figure starting with the digit at `i`, or the end of a rejected token. */
function digitAt(s: string, i: number): FigureCandidate | number {
  const pc = i > 0 ? s.charCodeAt(i - 1) : 32;
  if (pc === 35 || pc === 43 || pc === 64 || pc === 95 || isLetter(pc)) return skipRun(s, i); // #1, +44, @2, _3, x4
  const a = readNum(s, i);
  if (!a) return skipRun(s, i);
  const r = timeDateOrOrdinalAt(s, i, a);
  return r !== null ? r : amountAt(s, i, a);
}

/**
 * The number `a` at `i` as a clock time, a date, a phone number (the end of the rejected token), a
 * decade or an ordinal; null when it is none of them.
 */
function timeDateOrOrdinalAt(s: string, i: number, a: Num): FigureCandidate | number | null {
  const e = a.end;
  const c = s.charCodeAt(e);
  // Clock times: 12:30, 2:03:45
  if (c === 58 && isD(s.charCodeAt(e + 1)) && !a.dec) return timeEnd(s, skipRun(s, e));
  // ISO dates 2026-02-04 (and 2026-02)
  if (
    isDash(c) &&
    a.int.length === 4 &&
    !a.commas &&
    !a.dec &&
    isD(s.charCodeAt(e + 1)) &&
    isD(s.charCodeAt(e + 2)) &&
    !isD(s.charCodeAt(e + 3))
  ) {
    const y = intOf(a);
    const m = Number(s.slice(e + 1, e + 3));
    if (isDash(s.charCodeAt(e + 3)) && isD(s.charCodeAt(e + 4)) && isD(s.charCodeAt(e + 5)) && !isD(s.charCodeAt(e + 6))) {
      const d = Number(s.slice(e + 4, e + 6));
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return makeDateCandidate(i, e + 6, { y, m, d });
      return skipRun(s, i);
    }
  }
  // Slashes: 04/02/2026, 2025/26, 24/7, tie-breaks 7/5
  if (c === 47 && isD(s.charCodeAt(e + 1))) return slashAt(s, i, a);
  // Phone numbers and codes: 0800 123 4567, 020-7946-0958, 555-123-4567
  if (!a.dec && !a.commas && a.int.length >= 2 && a.int.charCodeAt(0) === 48) return phoneEnd(s, i);
  if (isPhone(s, a)) return phoneEnd(s, i);
  // Leading '0' decimals (0.5) are fine; clock times with am/pm: 9am, 9.30pm, 9 a.m.
  if (isClock(s, a)) return timeEnd(s, e);
  // Decades: 1990s, '90s
  if (c === 115 && !isW(s.charCodeAt(e + 1)) && !a.dec && !a.commas) {
    if (a.int.length === 4 && a.int.endsWith('0')) {
      const y = intOf(a);
      if (y >= 1000 && y <= 2090) return makeDateCandidate(i, e + 1, { y, y2: y + 9 });
    }
    const ap = i > 0 ? s.charCodeAt(i - 1) : 0;
    if (a.int.length === 2 && a.int.endsWith('0') && (ap === 39 || ap === 0x2019 || lower(prevWord(s, i)) === 'the')) {
      const v = intOf(a);
      const y = v >= 30 ? 1900 + v : 2000 + v;
      return makeDateCandidate(ap === 39 || ap === 0x2019 ? i - 1 : i, e + 1, { y, y2: y + 9 });
    }
    return skipRun(s, i);
  }
  // Ordinals: 4th, 21st → a day before a month, else an ordinal number.
  if (isLetter(c)) {
    const we = wordEnd(s, e);
    const suf = s.slice(e, we);
    if (
      (suf === 'st' || suf === 'nd' || suf === 'rd' || suf === 'th') &&
      !a.dec &&
      !a.commas &&
      !isD(s.charCodeAt(we)) &&
      ordinalOk(a.int, suf)
    ) {
      const dm = dayMonthAt(s, i, a, we);
      if (dm) return dm;
      return makeCandidate(i, we, 'number', intOf(a), 'ordinal');
    }
  }
  return null;
}

/** The number `a` at `i` as an amount: a range, a quantity, money, a percentage, a count or a bare number. */
function amountAt(s: string, i: number, a: Num): FigureCandidate | number {
  let e = a.end;
  const c = s.charCodeAt(e);
  // Ranges and scores with a dash: $… handled in money; here 5-6%, 10-15 people, 6-4, 2004-05, 25-year-old.
  let max: Num | null = null;
  if (isDash(c) && isD(s.charCodeAt(e + 1))) {
    const b = readNum(s, e + 1);
    if (!b) return skipRun(s, i);
    const range = dateRangeAt(s, i, a, b);
    if (range) return range;
    max = b;
    e = b.end;
  } else if (isDash(c) && isLetter(s.charCodeAt(e + 1))) {
    const r = hyphenedWordAt(s, i, a, e);
    if (r) return r;
  } else if (c === 43 && isSp(s.charCodeAt(e + 1))) {
    const r = plusMoney(s, i, a, e + 1);
    if (r) return r;
  }
  // A scale on the number: 600m, 1.2bn, 5 million (unit or noun may follow).
  const sc = scaleAt(s, e, false);
  if (sc) {
    // a 4bn-euro hole, a $5-million grant
    if (isDash(s.charCodeAt(sc.end)) && isLetter(s.charCodeAt(sc.end + 1))) {
      const we = wordEnd(s, sc.end + 1);
      const cur = NAMES[lower(s.slice(sc.end + 1, we))];
      if (cur) return withMax(makeMoney(i, we, numVal(a, sc.exp), cur, sc.exp), max, sc.exp);
    }
    if (sc.ambiguousM) return millionOrMetres(s, i, a, max, sc);
    const f = afterAmount(s, { start: i, num: a, max, end: sc.end, exp: sc.exp, words: false });
    if (f) return f;
    const g = scaled(makeCandidate(i, sc.end, 'number', numVal(a, sc.exp), null), sc.exp);
    if (max) g.valueMax = numVal(max, sc.exp);
    return g;
  }
  // Units written onto the number: 100km, 5ft 9ins, 40GB, 50p, 30C
  if (isLetter(s.charCodeAt(e)) || s.charCodeAt(e) === 0xb0) return attachedUnit(s, i, a, max, e);
  const f = afterAmount(s, { start: i, num: a, max, end: e, exp: 0, words: false });
  if (f) {
    // `Section 404 obliges`, `Boeing 737 aircraft`: a label or model, not a count.
    if (f.kind === 'count') {
      const pw = prevWord(s, i);
      if (LABEL_WORDS.has(lower(pw)) || isNameBefore(pw)) return a.end;
    }
    return f;
  }
  // `80,000 to 100,000 people`, `5 to 6 per cent`: a range (but `from 12 to 20 …` is a change, see relations).
  if (!max) {
    const r = toRange(s, i, a, e);
    if (r) return r;
  }
  // Bare numbers and ranges of them.
  if (max) {
    // Two small integers joined by a dash with nothing after them: a score (6-4, 2-1 win).
    if (isSmallInt(a) && max.int.length <= 3 && !max.dec) return skipScores(s, i);
    const g = bareNumber(i, e, numVal(a));
    g.valueMax = numVal(max);
    return g;
  }
  return bare(s, i, a);
}

/** `2004-05`, `1999-00`, `2026-02`, `4-6 February`: two numbers `a`–`b` at `i` that make a date range; null otherwise. */
function dateRangeAt(s: string, i: number, a: Num, b: Num): FigureCandidate | null {
  if (
    isYearNum(a, 1800) &&
    !b.dec &&
    !b.commas &&
    (b.int.length === 2 || b.int.length === 4) &&
    !isW(s.charCodeAt(b.end)) &&
    s.charCodeAt(b.end) !== 37 &&
    !scaleAt(s, b.end, false)
  ) {
    const y = intOf(a);
    let y2 = b.int.length === 2 ? Math.floor(y / 100) * 100 + intOf(b) : intOf(b);
    if (b.int.length === 2 && y2 <= y && y2 + 100 === y + 1) y2 += 100; // 1999-00
    if (y2 > y && y2 - y < 100) return makeDateCandidate(i, b.end, { y, y2 });
    if (b.int.length === 2 && intOf(b) >= 1 && intOf(b) <= 12) return makeDateCandidate(i, b.end, { y, m: intOf(b) });
  }
  // 4-6 February: a day range
  if (isSmallInt(a) && isSmallInt(b)) {
    const dm = dayMonthAt(s, i, b, b.end);
    if (dm && dm.date && intOf(a) >= 1 && intOf(a) < dm.date.d!) {
      dm.date.d2 = dm.date.d;
      dm.date.d = intOf(a);
      return dm;
    }
  }
  return null;
}

/** `25-year-old`, `the 50,000-pound prize`, `600-plus billion pesos`: the number `a` at `i` joined by a dash at `e` to a word. */
function hyphenedWordAt(s: string, i: number, a: Num, e: number): FigureCandidate | null {
  // 25-year-old, 10-year, 24-hour, 100-metre, $5-million handled in money.
  const we = wordEnd(s, e + 1);
  const w = lower(s.slice(e + 1, we));
  const u = UNIT_WORDS[w];
  if (u && !a.commas) {
    let end = we;
    if (s.startsWith('-old', we)) end = s.startsWith('-olds', we) ? we + 5 : we + 4;
    return makeCandidate(i, end, 'quantity', numVal(a), u);
  }
  // the 50,000-pound prize, a 500-euro fine (not a 200-pound man: a weight)
  const cur = NAMES[w];
  if (cur !== undefined && !GATED.has(w) && !(cur === '*pound' && numVal(a) < 1000))
    return withMax(makeMoney(i, we, numVal(a), cur), null, 0);
  // 600-plus billion pesos: a lower bound, kept only when money follows
  if (w === 'plus') {
    const r = plusMoney(s, i, a, we);
    if (r) return r;
  }
  return null;
}

/** `600-plus billion pesos`, `600+ million dollars`: money of at least the amount (`e`: after `plus`/`+`). */
function plusMoney(s: string, i: number, a: Num, e: number): FigureCandidate | null {
  const sc = scaleAt(s, e, false);
  const f = afterAmount(s, { start: i, num: a, max: null, end: sc ? sc.end : e, exp: sc ? sc.exp : 0, words: false });
  if (!f || f.kind !== 'money') return null;
  return vague(f, 'at least');
}

function toRange(s: string, i: number, a: Num, e: number): FigureCandidate | null {
  if (!isSp(s.charCodeAt(e)) || !s.startsWith('to', e + 1) || !isSp(s.charCodeAt(e + 3)) || !isD(s.charCodeAt(e + 4))) return null;
  const pw = lower(prevWord(s, i));
  if (LABEL_WORDS.has(pw)) return null;
  const b = digitAt(s, e + 4);
  if (typeof b === 'number') return null;
  // 12 to 14 May (also after `from`: a span of days, not a change)
  if (
    b.kind === 'date' &&
    b.date &&
    b.date.d !== undefined &&
    b.date.d2 === undefined &&
    b.date.m !== undefined &&
    isSmallInt(a) &&
    intOf(a) >= 1 &&
    intOf(a) < b.date.d
  ) {
    b.date.d2 = b.date.d;
    b.date.d = intOf(a);
    b.start = i;
    return b;
  }
  if (pw === 'from' || b.bare || b.value === null || (b.kind !== 'count' && b.kind !== 'quantity' && b.kind !== 'percent')) return null;
  const lo = b.exp ? numVal(a, b.exp) : numVal(a);
  if (!(lo < b.value) || b.valueMax !== undefined) return null;
  return { ...b, start: i, value: lo, valueMax: b.value };
}

/** 12:30, 9am, 9.30 p.m. — a clock time; returns the end of the rejected token. */
function timeEnd(s: string, e: number): number {
  const nw = nextWord(s, e);
  if (nw) {
    const w = lower(s.slice(nw[0], nw[1]));
    if (
      w === 'am' ||
      w === 'pm' ||
      w === 'gmt' ||
      w === 'bst' ||
      w === 'utc' ||
      w === 'et' ||
      w === 'est' ||
      w === 'edt' ||
      w === 'cet' ||
      w === 'local'
    )
      return nw[1];
    if ((w === 'a' || w === 'p') && s.startsWith('.m.', nw[1])) return nw[1] + 3;
  }
  if (isLetter(s.charCodeAt(e))) return wordEnd(s, e);
  return e;
}
/** First letters of the words that can follow a clock time (am, pm, a.m., GMT, BST, UTC, CET, hrs, o'clock). */
const CLOCK_FIRST = new Set([97, 112, 65, 80, 71, 66, 85, 67, 104, 111, 79]);
function isClock(s: string, a: Num): boolean {
  const c0 = s.charCodeAt(a.end);
  if (!CLOCK_FIRST.has(isSp(c0) ? s.charCodeAt(skipSp(s, a.end)) : c0)) return false;
  if (a.commas || a.int.length > 2 || Number(a.int) > 12 || (a.dec && a.dec.length !== 2)) {
    // 1930 GMT, 0800 BST (the 0800 case is caught as a code first)
    if (a.int.length === 4 && !a.dec && !a.commas) {
      const nw = nextWord(s, a.end);
      if (nw) {
        const w = s.slice(nw[0], nw[1]);
        return w === 'GMT' || w === 'BST' || w === 'UTC' || w === 'hrs' || w === 'CET';
      }
    }
    return false;
  }
  let e = a.end;
  if (isLetter(s.charCodeAt(e))) {
    const we = wordEnd(s, e);
    const w = lower(s.slice(e, we));
    return w === 'am' || w === 'pm' || ((w === 'a' || w === 'p') && s.startsWith('.m.', we));
  }
  if (isSp(s.charCodeAt(e))) {
    e = skipSp(s, e);
    const we = wordEnd(s, e);
    const w = s.slice(e, we);
    if (w === 'am' || w === 'pm' || w === 'GMT' || w === 'BST') return true;
    if ((w === 'a' || w === 'p') && s.startsWith('.m.', we)) return true;
    if (lower(w) === 'o' && (s.startsWith("'clock", we) || s.startsWith('’clock', we))) return true;
  }
  return false;
}
/** 555-123-4567, 0845 123 4567, (555) 123-4567: three or more digit groups joined by spaces, dashes or dots. */
function isPhone(s: string, a: Num): boolean {
  if (a.dec || a.commas) return false;
  let e = a.end;
  let groups = 1;
  let digits = a.int.length;
  for (;;) {
    let c = s.charCodeAt(e);
    if (c === 41) c = s.charCodeAt(++e); // (555) 123
    if (!(isSp(c) || isDash(c) || c === 46)) break;
    let k = e + 1;
    if (!isD(s.charCodeAt(k))) break;
    const b = k;
    while (isD(s.charCodeAt(k))) k++;
    if (k - b < 3) break;
    groups++;
    digits += k - b;
    e = k;
  }
  return groups >= 3 && digits >= 9;
}
function phoneEnd(s: string, i: number): number {
  let e = skipRun(s, i);
  for (;;) {
    let c = s.charCodeAt(e);
    if (c === 41) c = s.charCodeAt(++e);
    if ((isSp(c) || isDash(c) || c === 46) && isD(s.charCodeAt(e + 1))) {
      const k = skipRun(s, e + 1);
      if (k - (e + 1) < 2) return e;
      e = k;
    } else return e;
  }
}
/** 6-4 6-3 7-6 (7/5): the whole run of score pairs is rejected. */
function skipScores(s: string, i: number): number {
  let e = skipRun(s, i);
  for (;;) {
    let k = skipSp(s, e);
    if (s.charCodeAt(k) === 40) k++;
    if (isD(s.charCodeAt(k))) {
      let q = k;
      while (isD(s.charCodeAt(q))) q++;
      const sep = s.charCodeAt(q);
      if ((isDash(sep) || sep === 47) && isD(s.charCodeAt(q + 1)) && q - k <= 3) {
        e = skipRun(s, k);
        if (s.charCodeAt(e) === 41) e++;
        continue;
      }
    }
    return e;
  }
}
function ordinalOk(int: string, suf: string): boolean {
  const v = Number(int) % 100;
  const want = v >= 11 && v <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][v % 10] ?? 'th');
  return suf === want;
}

/** 04/02/2026 (a date), 2025/26 (a year range), 24/7 and 7/5 (rejected). */
function slashAt(s: string, i: number, a: Num): FigureCandidate | number {
  const b = readNum(s, a.end + 1);
  if (!b) return skipRun(s, i);
  if (s.charCodeAt(b.end) === 47 && isD(s.charCodeAt(b.end + 1))) {
    const c = readNum(s, b.end + 1);
    if (!c || a.dec || b.dec || c.dec || a.int.length > 2 || b.int.length > 2 || (c.int.length !== 4 && c.int.length !== 2))
      return skipRun(s, i);
    const p = intOf(a);
    const q = intOf(b);
    const y = c.int.length === 2 ? 2000 + intOf(c) : intOf(c);
    // Day and month order differs between UK and US usage: resolve only when one part is over 12.
    if (p > 12 && q <= 12) return makeDateCandidate(i, c.end, { y, m: q, d: p });
    if (q > 12 && p <= 12) return makeDateCandidate(i, c.end, { y, m: p, d: q });
    if (p === q) return makeDateCandidate(i, c.end, { y, m: p, d: q });
    return makeDateCandidate(i, c.end, {
      y,
      ambiguous: `day/month order of ${s.slice(i, c.end)} is ambiguous (${p} ${MONTHS[q - 1] ?? '?'} or ${MONTHS[p - 1] ?? '?'} ${q})`,
    });
  }
  if (isYearNum(a, 1800) && !b.dec && (b.int.length === 2 || b.int.length === 4)) {
    const y = intOf(a);
    const y2 = b.int.length === 2 ? Math.floor(y / 100) * 100 + intOf(b) : intOf(b);
    if (y2 === y + 1) return makeDateCandidate(i, b.end, { y, y2 });
  }
  return skipRun(s, i);
}

/** `4 February`, `4th February 2026`, `4 Feb.`, `4th of February` after the day number `a` ending at `e`. */
function dayMonthAt(s: string, start: number, a: Num, e: number): FigureCandidate | null {
  if (!isSmallInt(a)) return null;
  const d = intOf(a);
  if (d < 1 || d > 31) return null;
  let k = skipSp(s, e);
  if (k === e) return null;
  if (s.startsWith('of ', k)) k += 3;
  const we = wordEnd(s, k);
  if (we === k) return null;
  const w = s.slice(k, we);
  let m = MONTH_INDEX[lower(w)];
  let end = we;
  if (m === undefined) {
    if (!isUpper(w.charCodeAt(0))) return null;
    m = MONTH_ABBR[lower(w)];
    if (m === undefined) return null;
    if (s.charCodeAt(end) === 46) end++;
  } else if (!isUpper(w.charCodeAt(0))) return null;
  const spec: DateSpec = { m, d };
  end = yearAfter(s, end, spec);
  end = relYearAfter(s, end, spec);
  if (spec.y === undefined && spec.rel === undefined) setTense(spec, s, start, end);
  return makeDateCandidate(start, end, spec);
}
/** `October last year`, `4 February next year`: sets a relative year on `spec`, returns the new end. */
function relYearAfter(s: string, e: number, spec: DateSpec): number {
  if (spec.y !== undefined || spec.off !== undefined) return e;
  const nw = nextWord(s, e);
  if (!nw) return e;
  const w = s.slice(nw[0], nw[1]);
  const off = w === 'last' ? -1 : w === 'next' ? 1 : w === 'this' ? 0 : null;
  if (off === null) return e;
  const nw2 = nextWord(s, nw[1]);
  if (!nw2 || s.slice(nw2[0], nw2[1]) !== 'year') return e;
  spec.rel = 'year';
  spec.off = off;
  return nw2[1];
}
/** `, 2026` / ` 2026` after a day-month: sets `spec.y` and returns the new end. */
function yearAfter(s: string, e: number, spec: DateSpec): number {
  let k = e;
  if (s.charCodeAt(k) === 44) k++;
  const q = skipSp(s, k);
  if (q === k || !isD(s.charCodeAt(q))) return e;
  const y = readNum(s, q);
  if (!y || !isYearNum(y, 1000) || isLetter(s.charCodeAt(y.end))) return e;
  // `on 4 February 2026 people …` is fine; `December 12 million tonnes` never reaches here.
  if (scaleAt(s, y.end, false) || s.charCodeAt(y.end) === 37) return e;
  spec.y = intOf(y);
  return y.end;
}

/** `100m` without a currency: million (`2m people`, `5m tonnes`) or metres (`the 100m final`). */
function millionOrMetres(s: string, i: number, a: Num, max: Num | null, sc: Scale): FigureCandidate {
  const nw = nextWord(s, sc.end);
  const w = nw ? lower(s.slice(nw[0], nw[1])) : '';
  const pw = lower(prevWord(s, i));
  const metres = (): FigureCandidate => {
    const f = makeCandidate(i, sc.end, 'quantity', numVal(a), 'm');
    if (max) f.valueMax = numVal(max);
    return f;
  };
  if (METRE_CONTEXT.has(w)) return metres();
  const f = afterAmount(s, { start: i, num: a, max, end: sc.end, exp: 6, words: false });
  if (f) return f;
  // No noun after it: race distances (`the last 200m`) and athletics marks (`a leap of 17.30m`) are metres.
  if (RACES.has(a.int) && !a.dec) return metres();
  if (a.dec.length === 2 || ((pw === 'the' || pw === 'a') && !a.dec && !a.commas)) return metres();
  const g = scaled(makeCandidate(i, sc.end, 'number', numVal(a, 6), null), 6);
  if (max) g.valueMax = numVal(max, 6);
  return g;
}

const RACES = new Set(['50', '60', '100', '110', '200', '400', '800', '1500', '3000', '5000', '10000']);

/** Units written onto the number: 100km, 5ft 9ins, 12st 7lb, 40GB, 50p, 30C, 30°C. */
function attachedUnit(s: string, i: number, a: Num, max: Num | null, e: number): FigureCandidate | number {
  let k = e;
  if (s.charCodeAt(k) === 0xb0) k++; // °C
  let we = wordEnd(s, k);
  // km/h, m/s
  if (s.charCodeAt(we) === 47 && isLetter(s.charCodeAt(we + 1))) {
    const we2 = wordEnd(s, we + 1);
    if (UNIT_SUFFIX[s.slice(k, we2)]) we = we2;
  }
  if (isD(s.charCodeAt(we))) return skipRun(s, i);
  const w = s.slice(k, we);
  if (w === 'p' && !a.dec && !a.commas && a.int.length <= 3) return withMax(makeCandidate(i, we, 'money', numVal(a, -2), 'GBP'), max, -2);
  const u = UNIT_SUFFIX[w];
  // 12CUP, 500KES: an ISO code written onto the amount
  if (u === undefined && k === e && w.length === 3 && ISO_CODES.has(w)) return withMax(makeMoney(i, we, numVal(a), w), max, 0);
  if (u === undefined || (k > e && u !== '°C' && u !== '°F')) return skipRun(s, i);
  // 5ft 9ins, 6ft 2in, 12st 7lb
  if (u === 'ft' || u === 'st') {
    const q = skipSp(s, we);
    if (isD(s.charCodeAt(q))) {
      const b = readNum(s, q);
      if (b && !b.commas) {
        const be = wordEnd(s, b.end);
        const bw = lower(s.slice(b.end, be));
        if (u === 'ft' && (bw === 'in' || bw === 'ins' || bw === 'inches'))
          return makeCandidate(i, be, 'quantity', round(numVal(a) + numVal(b) / 12), 'ft');
        if (u === 'st' && (bw === 'lb' || bw === 'lbs')) return makeCandidate(i, be, 'quantity', round(numVal(a) + numVal(b) / 14), 'st');
      }
    }
  }
  const f = makeCandidate(i, we, 'quantity', numVal(a), u);
  const r = perAfter(s, f, u);
  return withMax(r, max, 0);
}
function withMax(f: FigureCandidate, max: Num | null, exp: number): FigureCandidate {
  if (max) {
    const v = numVal(max, exp);
    if (f.value !== null && v > f.value) f.valueMax = v;
  }
  return f;
}
const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/** `barrels a day`, `miles per hour`, `megabits per second`: widens the unit. */
function perAfter(s: string, f: FigureCandidate, u: string): FigureCandidate {
  if (u !== 'bbl' && u !== 'mi' && u !== 'km' && u !== 'kbit' && u !== 'Mbit' && u !== 'Gbit') return f;
  const nw = nextWord(s, f.end);
  if (!nw) return f;
  const w = lower(s.slice(nw[0], nw[1]));
  if (w !== 'a' && w !== 'an' && w !== 'per') return f;
  const nw2 = nextWord(s, nw[1]);
  if (!nw2) return f;
  const w2 = lower(s.slice(nw2[0], nw2[1]));
  if (u === 'bbl' && w2 === 'day') {
    f.unit = 'bbl/d';
    f.end = nw2[1];
  } else if ((u === 'mi' || u === 'km') && w2 === 'hour') {
    f.unit = u === 'mi' ? 'mph' : 'km/h';
    f.end = nw2[1];
  } else if (u.endsWith('bit') && w2 === 'second' && w === 'per') {
    f.unit = `${u}/s`;
    f.end = nw2[1];
  }
  return f;
}

/**
 * An amount for {@link afterAmount}: the number `num` (a number word's value when `words`), an
 * optional range end `max`, scaled by 10^`exp`, written at `[start, end)`.
 */
interface Amount {
  start: number;
  num: Num | number;
  max: Num | null;
  end: number;
  exp: number;
  /** A number written in words (`two leaders`). */
  words: boolean;
}
/** A word at `[start, end)`, as written and lower-cased. */
interface WordAt {
  start: number;
  end: number;
  word: string;
  lower: string;
}
/** An amount and the word read after it, shared by the parts of {@link afterAmount}. */
interface AmountWord extends WordAt {
  s: string;
  amount: Amount;
  /** The amount's value, and its range end (undefined without one), both scaled. */
  value: number;
  valueMax: number | undefined;
  /** The code unit after the word. */
  after: number;
}
/** A figure, null to stop looking (nothing meaningful follows), or undefined when the next reading should be tried. */
type AmountReading = FigureCandidate | null | undefined;

/**
 * What follows an amount: `%`, `per cent`, a unit, a currency word, a month (a date), or a noun (a
 * count). Null when nothing meaningful follows.
 */
function afterAmount(s: string, amount: Amount): FigureCandidate | null {
  const { start: i, num: a, max, end: e, exp } = amount;
  const v = typeof a === 'number' ? a * 10 ** exp : numVal(a, exp);
  const vmax = max ? numVal(max, exp) : undefined;
  const c = s.charCodeAt(e);
  if (c === 37) return withRange(percentTail(s, i, e + 1, v, exp), v, vmax);
  if (isSp(c) && s.charCodeAt(skipSp(s, e)) === 37) return withRange(percentTail(s, i, skipSp(s, e) + 1, v, exp), v, vmax);
  // A sign after the amount: `70 ₹`, `100€`.
  if (c > 127 || c === 36 || (isSp(c) && s.charCodeAt(e + 1) > 127)) {
    const ca = currencyAfter(s, e, true);
    if (ca) return withRange(makeMoney(i, ca.end, v, ca.cur, exp), v, vmax);
  }
  if (!isSp(c)) return null;
  const nw = nextWord(s, e);
  if (!nw) return null;
  const w = s.slice(nw[0], nw[1]);
  const t: AmountWord = {
    s,
    amount,
    value: v,
    valueMax: vmax,
    start: nw[0],
    end: nw[1],
    word: w,
    lower: lower(w),
    after: s.charCodeAt(nw[1]),
  };
  const percent = percentWordAfter(t);
  if (percent !== undefined) return percent;
  const quantity = quantityAfter(t);
  if (quantity !== undefined) return quantity;
  const money = moneyAfter(t);
  if (money !== undefined) return money;
  return countAfter(t);
}
/** `f` with the range end of the amount, scaled as `f.value` is to the amount's value. */
function withRange(f: FigureCandidate, v: number, vmax: number | undefined): FigureCandidate {
  if (vmax !== undefined && f.value !== null) {
    const m = v === 0 ? vmax : round((vmax * f.value) / v);
    if (m > f.value) f.valueMax = m;
  }
  return f;
}
/** A candidate from the amount's start to `end`, of the amount's value and scale, with its range. */
function amountCandidate(t: AmountWord, end: number, kind: FigureKind, unit: string | null): FigureCandidate {
  return withRange(scaled(makeCandidate(t.amount.start, end, kind, t.value, unit), t.amount.exp), t.value, t.valueMax);
}

/** Per cent, percent, percentage points, basis points; clock words stop the reading. */
function percentWordAfter(t: AmountWord): AmountReading {
  const { s, end: we, lower: lw } = t;
  const { start: i, exp } = t.amount;
  if (lw === 'per' && (s.startsWith(' cent', we) || s.startsWith('-cent', we)) && !isLetter(s.charCodeAt(we + 5)))
    return withRange(percentTail(s, i, we + 5, t.value, exp), t.value, t.valueMax);
  if (lw === 'percent' || lw === 'pc') return withRange(percentTail(s, i, we, t.value, exp), t.value, t.valueMax);
  if (lw === 'percentage') {
    const nw2 = nextWord(s, we) ?? (isDash(t.after) ? ([we + 1, wordEnd(s, we + 1)] as [number, number]) : null);
    if (nw2 && lower(s.slice(nw2[0], nw2[1])).startsWith('point')) return amountCandidate(t, nw2[1], 'percent', 'pp');
    return null;
  }
  if (lw === 'basis') {
    const nw2 = nextWord(s, we);
    if (nw2 && lower(s.slice(nw2[0], nw2[1])).startsWith('point')) return amountCandidate(t, nw2[1], 'percent', 'bp');
    return null;
  }
  if (lw === 'bps' || lw === 'bp') return amountCandidate(t, we, 'percent', 'bp');
  // Clock words
  if (lw === 'am' || lw === 'pm' || t.word === 'GMT' || t.word === 'BST') return null;
  return undefined;
}

/** Units: 12 million tonnes, 300 km, 5 feet 9 inches, 3 square miles; `two years ago` (a date). */
function quantityAfter(t: AmountWord): AmountReading {
  const { s, end: we, lower: lw, value: v } = t;
  const i = t.amount.start;
  if (lw === 'square' || lw === 'sq' || lw === 'cubic') {
    let q = we;
    if (s.charCodeAt(q) === 46) q++;
    const nw2 = nextWord(s, q);
    if (nw2) {
      const u2 = (lw === 'cubic' ? VOLUME_UNITS : AREA_UNITS)[lower(s.slice(nw2[0], nw2[1]))];
      if (u2) return amountCandidate(t, nw2[1], 'quantity', u2);
    }
    return null;
  }
  const u = UNIT_WORDS[lw];
  if (u === undefined || (t.amount.words && v === 1)) return undefined;
  if (isDash(t.after) && isLetter(s.charCodeAt(we + 1))) return null; // `12 month-long`
  // two years ago → a date
  const ago = nextWord(s, we);
  if (
    ago &&
    s.slice(ago[0], ago[1]) === 'ago' &&
    (u === 'year' || u === 'month' || u === 'week' || u === 'day' || u === 'decade') &&
    !t.amount.max &&
    Number.isInteger(v)
  ) {
    const rel: RelUnit = u;
    return makeDateCandidate(i, ago[1], { rel, off: -v });
  }
  // 5 feet 9 inches
  if (u === 'ft') {
    const q = skipSp(s, we);
    if (q > we && isD(s.charCodeAt(q))) {
      const b = readNum(s, q);
      const nw3 = b ? nextWord(s, b.end) : null;
      if (b && nw3 && /^inch(?:es)?$/.test(lower(s.slice(nw3[0], nw3[1]))))
        return makeCandidate(i, nw3[1], 'quantity', round(v + numVal(b) / 12), 'ft');
    }
  }
  return withRange(perAfter(s, scaled(makeCandidate(i, we, 'quantity', v, u), t.amount.exp), u), v, t.valueMax);
}

/** Currencies: 11 billion dollars, 500 yuan, 61 million Hong Kong dollars, 5 million USD, 1500 Rs; 50 pence; or a day before a month. */
function moneyAfter(t: AmountWord): AmountReading {
  const { s, end: we, word: w, lower: lw, value: v } = t;
  const { start: i, num: a, exp } = t.amount;
  const gatedOk = exp > 0 || v >= 1000 || (typeof a !== 'number' && a.commas);
  const named = w !== lw || NAMES[lw] !== undefined || lw === 'kr' || lw === 'zł';
  const ca = named ? currencyAfter(s, t.amount.end, gatedOk, t) : null;
  if (ca) {
    if (ca.cur === '*pound' && v < 1000 && weightContext(s, i)) return amountCandidate(t, ca.end, 'quantity', 'lb');
    return withRange(makeMoney(i, ca.end, v, ca.cur, exp), v, t.valueMax);
  }
  const minor = MINOR_WORDS[lw];
  if (minor !== undefined) return withRange(makeMoney(i, we, round(v / 100), minor, exp), v, t.valueMax);
  // Day before a month: 4 February (only plain small integers)
  if (!t.amount.words && exp === 0 && typeof a !== 'number' && !t.amount.max) {
    const dm = dayMonthAt(s, i, a, t.amount.end);
    if (dm) return dm;
  }
  return undefined;
}

/** Counts: two leaders, 1,200 workers, 3 MPs, 10 new jobs, 2m people. */
function countAfter(t: AmountWord): FigureCandidate | null {
  const { s, end: we, word: w, lower: lw, value: v } = t;
  const { start: i, num: a, exp } = t.amount;
  if (t.amount.words && v === 1) return ONE_NOUNS.has(lw) ? makeCandidate(i, we, 'count', 1, lw) : null;
  const yearLike = typeof a !== 'number' && exp === 0 && isYearNum(a);
  // A capitalised noun after a number is a name (`the Six Nations`), except acronyms (`3 MPs`).
  if (COUNT_NOUNS.has(w) || (w === lw && COUNT_NOUNS.has(lw))) return amountCandidate(t, we, 'count', w);
  if (yearLike) return null;
  if (isAcronymPlural(w) || (w === lw && isPluralish(lw))) return amountCandidate(t, we, 'count', w === lw ? lw : w);
  // One adjective between: `400 new jobs`, `two armed men` (but not `the two held talks`).
  // Up to two: `30 other international awards`.
  // A capitalised adjective before a known counted noun: `30 Labour MPs`, `20 British soldiers`.
  if (w !== lw && !FUNCTION_WORDS.has(lw) && !isDash(t.after)) {
    const nw2 = nextWord(s, we);
    if (nw2 && COUNT_NOUNS.has(s.slice(nw2[0], nw2[1]))) return amountCandidate(t, nw2[1], 'count', s.slice(nw2[0], nw2[1]));
  }
  if (isCountAdjective(s, i, w, lw) && !isDash(t.after)) {
    let e2 = we;
    for (let k = 0; k < 2; k++) {
      const nw2 = nextWord(s, e2);
      if (!nw2) break;
      const w2 = s.slice(nw2[0], nw2[1]);
      const lw2 = lower(w2);
      if (COUNT_NOUNS.has(lw2) || (w2 === lw2 && isPluralish(lw2))) return amountCandidate(t, nw2[1], 'count', lw2);
      if (k === 1 || !isCountAdjective(s, i, w2, lw2) || isDash(s.charCodeAt(nw2[1]))) break;
      e2 = nw2[1];
    }
  }
  return null;
}
/** Can the word `x` (lower-cased `lx`) stand between the number at `i` and its noun (`400 new jobs`)? */
function isCountAdjective(s: string, i: number, x: string, lx: string): boolean {
  return (
    x === lx &&
    (!FUNCTION_WORDS.has(lx) || ADJECTIVES.has(lx)) &&
    !NOT_PLURAL.has(lx) &&
    !PAST_VERBS.has(lx) &&
    !(lx.endsWith('ed') && lower(prevWord(s, i)) === 'the')
  );
}
/** Function-word-like adjectives that may stand between a number and its noun (`30 other awards`). */
const ADJECTIVES = new Set([
  'other',
  'additional',
  'extra',
  'further',
  'first',
  'final',
  'latest',
  'past',
  'previous',
  'top',
  'record',
  'estimated',
  'total',
  'more',
]);
const PAST_VERBS = new Set([
  'held',
  'met',
  'had',
  'made',
  'said',
  'told',
  'won',
  'lost',
  'took',
  'gave',
  'saw',
  'sold',
  'paid',
  'left',
  'began',
  'came',
  'went',
  'got',
  'put',
  'set',
  'led',
  'ran',
  'sent',
  'spent',
  'kept',
  'found',
  'became',
  'were',
  'are',
  'have',
  'will',
  'would',
  'could',
  'may',
  'might',
]);

/** `lost 20 pounds`, `weighed 200 pounds`: pounds as weight. */
function weightContext(s: string, i: number): boolean {
  const b = Math.max(0, i - 30);
  const before = s.slice(b, i);
  // `100kg (220 pounds)`: a conversion of a weight.
  return (
    /\b(?:weigh|weighs|weighed|weighing|lost|lose|gained|put on|heavier|lighter)\b/i.test(before) ||
    /\d\s?(?:kg|kilos?|kilogrammes?|kilograms?|tonnes?|grams?|g)\s?\(\s*$/.test(before)
  );
}
function isAcronymPlural(w: string): boolean {
  if (w.length < 3 || w.charCodeAt(w.length - 1) !== 115) return false;
  for (let k = 0; k < w.length - 1; k++) if (!isUpper(w.charCodeAt(k))) return false;
  return true;
}
/** A lower-case word that looks like a plural noun (`leaders`, `subscribers`), not `is`, `was`, `famous`, `crisis`. */
function isPluralish(w: string): boolean {
  const L = w.length;
  if (L < 4 || w.charCodeAt(L - 1) !== 115) return false;
  const p = w.charCodeAt(L - 2);
  if (p === 115 || p === 117 || p === 105 || p === 39) return false; // -ss, -us, -is
  if (NOT_PLURAL.has(w) || FUNCTION_WORDS.has(w)) return false;
  return true;
}
function percentTail(s: string, i: number, e: number, v: number, exp: number): FigureCandidate {
  // `5% points`, `2 percentage points` → pp
  const nw = nextWord(s, e);
  if (nw && /^points?$/.test(lower(s.slice(nw[0], nw[1])))) return scaled(makeCandidate(i, nw[1], 'percent', v, 'pp'), exp);
  return scaled(makeCandidate(i, e, 'percent', v, '%'), exp);
}

/** A bare number: a year, a label or model number (rejected), a code, or a plain number. */
function bare(s: string, i: number, a: Num): FigureCandidate | number {
  const pw = prevWord(s, i);
  const lpw = lower(pw);
  if (LABEL_WORDS.has(lpw)) return a.end;
  if (isNameBefore(pw)) return a.end;
  // Years: `in 2025`, `since 1999`, `the 2025 budget`
  if (isYearNum(a) || (isYearNum(a, 1000) && DATE_PREPS.has(lpw))) return makeDateCandidate(i, a.end, { y: intOf(a) });
  // Ages: `aged 77`, `Mr Ebbers, 63, is accused`
  if (!a.dec && !a.commas && a.int.length <= 3 && Number(a.int) <= 120) {
    if (lpw === 'aged') return makeCandidate(i, a.end, 'quantity', numVal(a), 'year');
    if (
      s.charCodeAt(i - 1) === 32 &&
      s.charCodeAt(i - 2) === 44 &&
      s.charCodeAt(a.end) === 44 &&
      isUpper(s.charCodeAt(wordBefore(s, i - 2)))
    ) {
      const f = makeCandidate(i, a.end, 'quantity', numVal(a), 'year');
      f.note = 'age';
      return f;
    }
  }
  // `at 1330`: a 24-hour clock time
  if (lpw === 'at' && a.int.length === 4 && !a.dec && !a.commas && Number(a.int.slice(0, 2)) <= 23 && Number(a.int.slice(2)) <= 59)
    return a.end;
  // `class of '83`
  const ap = i > 0 ? s.charCodeAt(i - 1) : 0;
  if ((ap === 39 || ap === 0x2019) && a.int.length === 2 && !a.dec && (i < 2 || !isW(s.charCodeAt(i - 2)))) {
    const v = intOf(a);
    return makeDateCandidate(i - 1, a.end, { y: v >= 30 ? 1900 + v : 2000 + v });
  }
  // `at 12.30`, `by 9.45`: a British clock time
  if (
    a.dec.length === 2 &&
    !a.commas &&
    a.int.length <= 2 &&
    Number(a.int) <= 23 &&
    Number(a.dec) <= 59 &&
    (lpw === 'at' || lpw === 'by' || lpw === 'until' || lpw === 'till' || lpw === 'from')
  )
    return a.end;
  // `(1)`, `1)` list markers and numbers inside brackets alone
  const nc = s.charCodeAt(a.end);
  if (nc === 41 && isSmallInt(a) && (i === 0 || s.charCodeAt(i - 1) === 40 || s.charCodeAt(i - 1) === 10)) return a.end + 1;
  // Numbered list items at the start of a line: `1. Introduction`
  if ((i === 0 || s.charCodeAt(i - 1) === 10) && nc === 46 && isSp(s.charCodeAt(a.end + 1))) return a.end + 1;
  return bareNumber(i, a.end, numVal(a));
}

// ---------------------------------------------------------------------------------------------
// Words

function atWord(s: string, i: number, j: number, t: Trigger, out: FigureCandidate[]): number {
  // A trigger word glued to a letter or digit before it is not a word start.
  if (i > 0 && isW(s.charCodeAt(i - 1))) return i;
  let f: FigureCandidate | null = null;
  switch (t.t) {
    case 'month':
      f = monthAt(s, i, j, t.m, i);
      break;
    case 'mabbr':
      f = monthAbbrAt(s, i, j, t.m);
      break;
    case 'wd':
      f = weekdayAt(s, i, j, t.wd);
      break;
    case 'num':
      return numberWordAt(s, i, j, t.v, out);
    case 'a':
      f = aAt(s, i, j);
      break;
    case 'rel':
      f = relAt(s, i, j, t.off);
      break;
    case 'the-rel':
      f = theRelAt(s, i, j, t.off, out);
      break;
    case 'day': {
      const nw = nextWord(s, j);
      if (nw && DAY_NAMES_AFTER.has(s.slice(nw[0], nw[1]))) return j;
      f = makeDateCandidate(i, j, { rel: 'day', off: t.off });
      break;
    }
    case 'between':
      f = betweenAt(s, i, j);
      break;
    case 'mid':
      f = midAt(s, i, j);
      break;
    case 'code':
      f = codeAt(s, i, j, t.cur, t.gated);
      break;
    case 'name':
      f = nameBeforeAt(s, i, j, t.cur);
      break;
    case 'vague':
      f = vagueAt(s, i, j, t.w);
      break;
    case 'url': {
      if (!(s.startsWith('://', j) || (s.charCodeAt(j) === 46 && isLetter(s.charCodeAt(j + 1))))) return i;
      let e = j;
      while (e < s.length && !isSp(s.charCodeAt(e)) && s.charCodeAt(e) !== 10 && s.charCodeAt(e) !== 13) e++;
      return e;
    }
  }
  if (!f) return i;
  push(out, f);
  return f.end;
}

/** Full month names: `April`, `in April`, `April 2026`, `April 4`, `April 4, 2026`, `mid-April`. */
function monthAt(s: string, i: number, j: number, m: number, start: number): FigureCandidate | null {
  const spec: DateSpec = { m };
  // Month + day (+ year) or month + year
  const k = skipSp(s, j);
  if (k > j && isD(s.charCodeAt(k))) {
    const a = readNum(s, k);
    if (a) {
      const d = intOf(a);
      let de = a.end;
      const suf = wordEnd(s, de);
      if (suf > de && ordinalOk(a.int, s.slice(de, suf))) de = suf;
      if (
        isSmallInt(a) &&
        d >= 1 &&
        d <= 31 &&
        !isW(s.charCodeAt(de)) &&
        s.charCodeAt(de) !== 37 &&
        !scaleAt(s, de, false) &&
        !(s.charCodeAt(de) === 58 && isD(s.charCodeAt(de + 1))) &&
        !isDash(s.charCodeAt(de))
      ) {
        // `December 12 tonnes`: a unit or noun after the number means it is not a day.
        if (!afterAmount(s, { start: k, num: a, max: null, end: de, exp: 0, words: false }) || de > a.end) {
          spec.d = d;
          const end = yearAfter(s, de, spec);
          if (spec.y === undefined) setTense(spec, s, start, end);
          return makeDateCandidate(start, end, spec);
        }
      }
      if (isYearNum(a, 1000) && !isLetter(s.charCodeAt(a.end)) && !scaleAt(s, a.end, false)) {
        spec.y = d;
        return makeDateCandidate(start, a.end, spec);
      }
    }
  }
  // `of 2025`: `April of 2025`
  // The month alone. Names: `April Jones`, `June Brown`; May the verb, March the verb/noun.
  const pw = lower(prevWord(s, start));
  const prep = DATE_PREPS.has(pw) || start > i;
  if (m === 5) {
    // May the verb and the name: only after a date word, or in `April and May`, `from April to May`.
    const weak = pw === 'to' || pw === 'and' || pw === 'or' || pw === 'the' || pw === 'that' || pw === 'as';
    if (!prep || (weak && !monthBefore(s, start))) return null;
  } else if (m === 3 && !prep) {
    // March the verb or noun starts a sentence; mid-sentence `March` is the month.
    let b = start;
    while (b > 0 && isSp(s.charCodeAt(b - 1))) b--;
    const c = b > 0 ? s.charCodeAt(b - 1) : 10;
    if (c === 10 || c === 46 || c === 33 || c === 63 || c === 34 || c === 0x201c) return null;
  }
  const nw = nextWord(s, j);
  if (nw && !prep && isUpper(s.charCodeAt(nw[0])) && MONTH_INDEX[lower(s.slice(nw[0], nw[1]))] === undefined) return null;
  if (isCapWord(prevWord(s, start)) && !prep && isNameBefore(prevWord(s, start))) return null;
  if (pw === 'last') spec.off = -1;
  else if (pw === 'next') spec.off = 1;
  else setTense(spec, s, start, j);
  if (pw === 'every' || pw === 'each') {
    spec.recurring = true;
    start = wordBefore(s, start);
  }
  return makeDateCandidate(start, relYearAfter(s, j, spec), spec);
}
/** Is the word two words before `i` a month name (`April and May`, `April to May`)? */
function monthBefore(s: string, i: number): boolean {
  const b = wordBefore(s, i);
  const w = prevWord(s, b);
  return MONTH_INDEX[lower(w)] !== undefined && isUpper(w.charCodeAt(0));
}
/** `Feb. 4`, `Feb 4, 2026`, `Dec 2025`: abbreviations only with a day or a year. */
function monthAbbrAt(s: string, i: number, j: number, m: number): FigureCandidate | null {
  let e = j;
  if (s.charCodeAt(e) === 46) e++;
  const k = skipSp(s, e);
  if (k === e || !isD(s.charCodeAt(k))) return null;
  const a = readNum(s, k);
  if (!a) return null;
  let de = a.end;
  const suf = wordEnd(s, de);
  if (suf > de && ordinalOk(a.int, s.slice(de, suf))) de = suf;
  if (
    isSmallInt(a) &&
    intOf(a) >= 1 &&
    intOf(a) <= 31 &&
    !isW(s.charCodeAt(de)) &&
    !scaleAt(s, de, false) &&
    s.charCodeAt(de) !== 37 &&
    !isDash(s.charCodeAt(de))
  ) {
    const spec: DateSpec = { m, d: intOf(a) };
    const end = yearAfter(s, de, spec);
    if (spec.y === undefined) setTense(spec, s, i, end);
    return makeDateCandidate(i, end, spec);
  }
  if (isYearNum(a, 1000) && !isLetter(s.charCodeAt(a.end))) return makeDateCandidate(i, a.end, { m, y: intOf(a) });
  return null;
}
/** `Wednesday` (not `Black Friday`, not the `Sunday Times`). */
function weekdayAt(s: string, i: number, j: number, wd: number): FigureCandidate | null {
  const pw = prevWord(s, i);
  const lpw = lower(pw);
  if (isNameBefore(pw) && lpw !== 'on') return null;
  if (
    pw === 'Super' ||
    pw === 'Black' ||
    pw === 'Good' ||
    pw === 'Ash' ||
    pw === 'Bloody' ||
    pw === 'Cyber' ||
    pw === 'Easter' ||
    pw === 'Palm' ||
    pw === 'Maundy'
  )
    return null;
  const nw = nextWord(s, j);
  if (nw && WEEKDAY_NAMES_AFTER.has(s.slice(nw[0], nw[1]))) return null;
  const spec: DateSpec = { wd };
  setTense(spec, s, i, j);
  if (lpw === 'every' || lpw === 'each') {
    spec.recurring = true;
    return makeDateCandidate(wordBefore(s, i), j, spec);
  }
  return makeDateCandidate(i, j, spec);
}
/** `last year`, `next week`, `this season`, `last Wednesday`, `next April`. */
function relAt(s: string, i: number, j: number, off: number): FigureCandidate | null {
  const nw = nextWord(s, j);
  if (!nw) return null;
  const w = s.slice(nw[0], nw[1]);
  const lw = lower(w);
  const u = REL_UNITS[lw];
  // `over the last year`, `the next year` are spans of time, not the calendar year.
  const pw = lower(prevWord(s, i));
  if (pw === 'the' || pw === 'over' || pw === 'past') return null;
  if (u !== undefined && w === lw) {
    // `the last year` (a span) and `last season's` are fine; `last year's` too.
    if (isDash(s.charCodeAt(nw[1])) && isLetter(s.charCodeAt(nw[1] + 1))) return null;
    return makeDateCandidate(i, nw[1], { rel: u, off });
  }
  const wd = WEEKDAY_INDEX[lw];
  if (wd !== undefined && w !== lw) return makeDateCandidate(i, nw[1], { wd, off });
  const m = MONTH_INDEX[lw];
  if (m !== undefined && w !== lw) return makeDateCandidate(i, nw[1], { m, off });
  return null;
}
/** `the current season`, `the coming year`, `the previous month`, `the following year`. */
function theRelAt(s: string, i: number, j: number, off: number | null, out: FigureCandidate[]): FigureCandidate | null {
  const nw = nextWord(s, j);
  if (!nw) return null;
  const w = s.slice(nw[0], nw[1]);
  const u = REL_UNITS[w];
  if (u === undefined) return null;
  let start = i;
  // Include `the` before it when nothing else took it.
  const b = i - 4;
  if (
    b >= 0 &&
    (s.slice(b, i) === 'the ' || s.slice(b, i) === 'The ') &&
    (b === 0 || !isW(s.charCodeAt(b - 1))) &&
    (out.length === 0 || out[out.length - 1]!.end <= b)
  )
    start = b;
  return makeDateCandidate(start, nw[1], off === null ? { rel: 'following' } : { rel: u, off });
}
/** `a year ago`, `a million people`, `a dozen`, `a hundred`. */
function aAt(s: string, i: number, j: number): FigureCandidate | null {
  if (s.charCodeAt(j) === 36 && j === i + 1 && s.charCodeAt(i) === 65) return moneyAt(s, i, j + 1, 'AUD'); // A$5m
  const nw = nextWord(s, j);
  if (!nw) return null;
  const w = s.slice(nw[0], nw[1]);
  const u = UNIT_WORDS[w];
  if (u === 'year' || u === 'month' || u === 'week' || u === 'day' || u === 'decade') {
    const ago = nextWord(s, nw[1]);
    if (ago && s.slice(ago[0], ago[1]) === 'ago') return makeDateCandidate(i, ago[1], { rel: u, off: -1 });
    return null;
  }
  const mult = NUMBER_MULT[w];
  if (mult === undefined) return null;
  let v = mult;
  let e = nw[1];
  // a hundred thousand
  const nw2 = nextWord(s, e);
  if (nw2) {
    const m2 = NUMBER_MULT[lower(s.slice(nw2[0], nw2[1]))];
    if (m2 !== undefined && m2 > v) {
      v *= m2;
      e = nw2[1];
    }
  }
  // a billion-dollar valuation, a million-dollar home: an order of magnitude
  if (v >= 1e6 && isDash(s.charCodeAt(e)) && isLetter(s.charCodeAt(e + 1))) {
    const ne = wordEnd(s, e + 1);
    const nm = NAMES[lower(s.slice(e + 1, ne))];
    if (nm !== undefined) {
      const g = makeMoney(i, ne, v, nm, Math.round(Math.log10(v)));
      g.valueMax = v * 10;
      return vague(g, 'order of magnitude');
    }
  }
  const f = afterAmount(s, { start: i, num: v, max: null, end: e, exp: 0, words: true });
  if (f) return f;
  return v >= 1e6 ? makeCandidate(i, e, 'number', v, null) : null;
}
/** `between $5m and $6m`, `between 5% and 6%`, `between 10 and 20 people`, `between 2010 and 2015`. */
function betweenAt(s: string, i: number, j: number): FigureCandidate | null {
  const k = skipSp(s, j);
  if (k === j) return null;
  const first = figureAt(s, k);
  if (!first) return null;
  const q = skipSp(s, first.end);
  if (q === first.end || !s.startsWith('and', q) || !isSp(s.charCodeAt(q + 3))) return null;
  const r = skipSp(s, q + 3);
  const second = figureAt(s, r);
  if (!second) return null;
  if (first.kind === 'date' && second.kind === 'date') {
    const a = first.date!;
    const b = second.date!;
    if (
      a.y !== undefined &&
      b.y !== undefined &&
      a.m === undefined &&
      b.m === undefined &&
      b.y > a.y &&
      a.y2 === undefined &&
      b.y2 === undefined
    )
      return makeDateCandidate(i, second.end, { y: a.y, y2: b.y });
    return null;
  }
  if (second.value === null || first.value === null || second.kind === 'date') return null;
  let lo = first;
  if (first.bare && !second.bare) {
    lo = { ...second, value: first.value * 10 ** second.exp };
  } else if (first.kind !== second.kind || first.unit !== second.unit) return null;
  if (second.value <= (lo.value ?? 0)) return null;
  const f: FigureCandidate = { ...second, start: i, end: second.end, value: lo.value, valueMax: second.value, bare: false };
  return f;
}
/** A numeric figure starting exactly at `k` (a digit or a currency sign/code), without pushing it. */
function figureAt(s: string, k: number): FigureCandidate | null {
  const c = s.charCodeAt(k);
  if (isD(c)) {
    const r = digitAt(s, k);
    return typeof r === 'number' ? null : r;
  }
  const sign = SIGN[c];
  if (sign !== undefined) return moneyAt(s, k, k + 1, sign);
  if (isLetter(c)) {
    const we = wordEnd(s, k);
    const w = s.slice(k, we);
    if (s.charCodeAt(we) === 36 && DOLLAR_PREFIXES[w + '$']) return moneyAt(s, k, we + 1, DOLLAR_PREFIXES[w + '$']!);
    const code = LOCAL_PREFIX[w] ?? (ISO_CODES.has(w) ? w : undefined);
    if (code && w.length > 1) return moneyAt(s, k, we, code);
    // between five and 10 searches
    const v = NUMBER_WORDS[lower(w)];
    if (v !== undefined && !isDash(s.charCodeAt(we))) return bareNumber(k, we, v);
  }
  return null;
}
/** `mid-April`, `mid-2025`, `mid-1990s`. */
function midAt(s: string, i: number, j: number): FigureCandidate | null {
  if (!isDash(s.charCodeAt(j))) return null;
  const k = j + 1;
  const c = s.charCodeAt(k);
  let f: FigureCandidate | null = null;
  if (isD(c)) {
    const r = digitAt(s, k);
    if (typeof r !== 'number' && r.kind === 'date') f = r;
  } else if (isUpper(c)) {
    const we = wordEnd(s, k);
    const m = MONTH_INDEX[lower(s.slice(k, we))];
    if (m !== undefined) f = monthAt(s, k, we, m, i);
  }
  if (!f || !f.date) return null;
  f.start = i;
  f.date.part = 'mid';
  return f;
}

/** `two leaders`, `twenty-five people`, `three hundred jobs`, `five million pounds`, `three-day visit`, `two years ago`. */
function numberWordAt(s: string, i: number, j: number, v0: number, out: FigureCandidate[]): number {
  let v = v0;
  let e = j;
  // twenty-five
  if (v >= 20 && isDash(s.charCodeAt(e))) {
    const we = wordEnd(s, e + 1);
    const u = NUMBER_WORDS[lower(s.slice(e + 1, we))];
    if (u !== undefined && u < 10) {
      v += u;
      e = we;
    }
  }
  // three-day, two-year-old; two-thirds is a fraction (no figure)
  if (isDash(s.charCodeAt(e)) && isLetter(s.charCodeAt(e + 1))) {
    const we = wordEnd(s, e + 1);
    const w = lower(s.slice(e + 1, we));
    const u = UNIT_WORDS[w];
    if (u !== undefined && v > 1) {
      let end = we;
      if (s.startsWith('-old', we)) end = s.startsWith('-olds', we) ? we + 5 : we + 4;
      push(out, makeCandidate(i, end, 'quantity', v, u));
      return end;
    }
    return we;
  }
  // three hundred, two dozen, five million, two hundred thousand
  let exp = 0;
  for (let guard = 0; guard < 3; guard++) {
    const nw = nextWord(s, e);
    if (!nw) break;
    const w = lower(s.slice(nw[0], nw[1]));
    const m = NUMBER_MULT[w];
    if (m === undefined) break;
    v *= m;
    e = nw[1];
    if (m >= 1e3) exp = Math.max(exp, Math.round(Math.log10(m)));
  }
  const f = afterAmount(s, { start: i, num: v, max: null, end: e, exp: 0, words: true });
  if (f) {
    f.exp = exp;
    push(out, f);
    return f.end;
  }
  if (v >= 1e3 && e > j) {
    push(out, scaled(makeCandidate(i, e, 'number', v, null), exp));
    return e;
  }
  return j;
}
