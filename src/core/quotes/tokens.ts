/**
 * A small tokenizer and sentence finder for the text around quotes. Quoted spans are opaque: they
 * become single `q` tokens and their inner punctuation never ends a sentence.
 */
import type { Span } from '../types';
import { REPORTING_VERBS } from './lexicon';
import { partitionPoint } from '../search';
import { TextIndex } from '../textIndex';
import { isSpaceCode, isUpperCode, isWordCode, joinsNextWord, type Runs } from '../tokens';

export const enum TokType {
  Word,
  Punct,
  Quote,
}

export interface Tok {
  s: number;
  e: number;
  type: TokType;
  /** Lower-case text (words), the character (punctuation), '' (quotes). */
  w: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case (`WASHINGTON`, `NATO`). */
  caps?: boolean;
  /** For quote tokens: the index of the quote. */
  q: number;
}

/**
 * How far a sentence is looked for on each side of a quote, in characters and in quotes: news
 * sentences are shorter; the caps keep dense or unpunctuated text linear.
 */
const SENTENCE_LIMIT = 400;
const QUOTES_LIMIT = 6;

/** Abbreviations whose period does not end a sentence (lower case, without the final period). */
const ABBREV = new Set(
  (
    'mr mrs ms dr sen rep reps gov lt col gen capt cmdr sgt adm st jr sr prof rev hon pres sec atty supt insp ' +
    'u.s u.k u.n d.c e.u u.s.a inc corp co ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec ft mt ' +
    'ky ga fla ala ariz ark calif colo conn del ill ind kan la md mass mich minn miss mo mont neb nev okla ore pa ' +
    'tenn tex va vt wash wis wyo n.y n.j n.c s.c n.h n.m n.d s.d r.i w.va d-n.y r-texas gop a.m p.m approx est'
  ).split(' '),
);

/** True when the period at `i` belongs to an abbreviation or initial rather than ending a sentence. */
export function isAbbrevPeriod(text: string, i: number): boolean {
  let s = i;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if (isWordCode(c) || c === 46 || c === 45) s--;
    else break;
  }
  if (s === i) return false;
  const w = text.slice(s, i).toLowerCase();
  if (w.length === 1 && isUpperCode(text.charCodeAt(s))) return true; // initial: "John F. Kennedy"
  return ABBREV.has(w) || (w.includes('.') && w.length <= 6);
}

/**
 * Sentence boundaries around quotes. `quotes` must be sorted and non-overlapping; quoted text is
 * skipped, so a sentence ends only at `.`, `!`, `?` outside quotes (followed by a space) or at a
 * line break.
 */
export class Sentences {
  private readonly ends: Int8Array;
  /** The places a sentence can end (`\n . ! ?`): the scans below visit only these and quote edges. */
  private shared: TextIndex | undefined;

  constructor(
    private readonly text: string,
    private readonly quotes: readonly Span[],
    index?: TextIndex,
  ) {
    this.ends = new Int8Array(quotes.length).fill(-1);
    this.shared = index;
  }

  private get index(): TextIndex {
    return (this.shared ??= new TextIndex(this.text));
  }

  /** The text's runs, which every quote's tokens are a view over. */
  get runs(): Runs {
    return this.index.runs;
  }

  /**
   * Does quote `j` end its sentence? When its text ends in `.`, `?` or `!` and a capitalised word or
   * another quote follows — unless what follows is the attribution (`“Why?” Clinton asked.`).
   */
  quoteEndsSentence(j: number): boolean {
    const cached = this.ends[j]!;
    if (cached >= 0) return cached === 1;
    const r = this.computeEnds(j);
    this.ends[j] = r ? 1 : 0;
    return r;
  }

  private computeEnds(j: number): boolean {
    const { text } = this;
    const q = this.quotes[j]!;
    let k = q.end - 2;
    while (k > q.start && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0x2019 || text.charCodeAt(k) === 39)) k--;
    const c = text.charCodeAt(k);
    if (c !== 46 && c !== 63 && c !== 33 && c !== 0x2026) return false;
    let i = q.end;
    while (i < text.length && text.charCodeAt(i) !== 10 && isSpaceCode(text.charCodeAt(i))) i++;
    if (i >= text.length || text.charCodeAt(i) === 10) return true;
    const d = text.charCodeAt(i);
    if (d === 0x201c || d === 34 || d === 0x201e || d === 0xab) return true;
    if (!isUpperCode(d)) return false;
    return !attributionAhead(text.slice(i, i + 120), c !== 46);
  }

  /** Start of the sentence holding offset `pos` (which is outside quotes or at a quote's start). */
  startBefore(pos: number, limit = SENTENCE_LIMIT): number {
    const { text, quotes } = this;
    let j = this.lastEndingAtOrBefore(pos);
    const stop = Math.max(0, pos - limit);
    let i = pos - 1;
    let jumps = 0;
    while (i >= stop) {
      if (j >= 0 && quotes[j]!.end === i + 1) {
        if (i + 1 < pos && this.quoteEndsSentence(j)) return skipSpace(text, i + 1, pos);
        if (++jumps > QUOTES_LIMIT) return skipSpace(text, i + 1, pos);
        i = quotes[j]!.start - 1;
        j--;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === 10) return skipSpace(text, i + 1, pos);
      if ((c === 46 || c === 33 || c === 63) && i + 1 < text.length && isSpaceCode(text.charCodeAt(i + 1))) {
        if (c !== 46 || !isAbbrevPeriod(text, i)) return skipSpace(text, i + 1, pos);
      }
      // Nothing but a stop or the end of the next quote back can end the sentence: go there.
      const qe = j >= 0 && quotes[j]!.end - 1 < i ? quotes[j]!.end - 1 : -1;
      i = Math.max(this.index.prevStop(i - 1), qe, stop - 1);
    }
    return skipSpace(text, Math.max(stop, 0), pos);
  }

  /** End of the sentence holding offset `pos` (outside quotes or at a quote's end). */
  endAfter(pos: number, limit = SENTENCE_LIMIT): number {
    const { text, quotes } = this;
    let j = this.firstStartingAtOrAfter(pos);
    const n = Math.min(text.length, pos + limit);
    let i = pos;
    // Called at a quote's end: that quote may itself end the sentence.
    const at = this.lastEndingAtOrBefore(pos);
    if (at >= 0 && quotes[at]!.end === pos && this.quoteEndsSentence(at)) return pos;
    let jumps = 0;
    while (i < n) {
      if (j < quotes.length && quotes[j]!.start === i) {
        if (++jumps > QUOTES_LIMIT) return i;
        if (this.quoteEndsSentence(j)) return quotes[j]!.end;
        i = quotes[j]!.end;
        j++;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === 10) return i;
      if ((c === 46 || c === 33 || c === 63) && (i + 1 >= text.length || isSpaceCode(text.charCodeAt(i + 1)))) {
        if (c !== 46 || !isAbbrevPeriod(text, i)) return i + 1;
      }
      // Nothing but a stop or the start of the next quote can end the sentence: go there.
      const qs = j < quotes.length && quotes[j]!.start > i ? quotes[j]!.start : Infinity;
      i = Math.min(this.index.nextStop(i + 1), qs, n);
    }
    return n;
  }

  private lastEndingAtOrBefore(pos: number): number {
    const q = this.quotes;
    return partitionPoint(q.length, (mid) => q[mid]!.end <= pos) - 1;
  }

  private firstStartingAtOrAfter(pos: number): number {
    const q = this.quotes;
    return partitionPoint(q.length, (mid) => q[mid]!.start < pos);
  }
}

/** The subject of {@link AHEAD}: a pronoun, a name or a description. */
const AHEAD_SUBJECT = [
  /(?:He|She|They|I|We|It)/u, // a pronoun
  /(?:(?:The|A|An)\s+)?(?:[\p{Lu}][\p{L}.’'-]*\s+){0,4}[\p{Lu}][\p{L}.’'-]*/u, // a name: `Sen. Tom Udall`
  /(?:The|A|An|Another|One)\s+[\p{Ll}’'-]+(?:\s+[\p{L}’'-]+){0,3}/u, // a description: `the White House spokesman`
]
  .map((r) => r.source)
  .join('|');
/** An aside between the subject and the verb: `, the minister,` or `(R-Texas)`. */
const AHEAD_ASIDE = /(?:,(?:[^,.“”"\n]|\.(?=[,\p{L}])){1,80},|\s+\([^()\n]{1,20}\))?/u.source;
/** The verb of {@link AHEAD}, maybe after an adverb (`then said`), maybe with a particle (`went on`). */
const AHEAD_VERB = /\s+(?:(?:also|then|later|quickly|finally|again)\s+)?(\p{Ll}+(?:\s+(?:on|back|in))?|\p{Lu}\p{Ll}+ed)/u.source;
/** What follows the verb: a comma or colon and a quote, punctuation, a preposition, or the end. */
const AHEAD_AFTER = [
  /\s*[,:]\s*[“"]/u,
  /\s*[.,;!?—]/u,
  /\s+(?:on|in|at|during|to|of|about|as|after|before|with|when|while|from|last|this|via|through|of)\b/u,
  /\s*$/u,
]
  .map((r) => r.source)
  .join('|');
/**
 * A subject and a verb closing a clause right after a quote: `Clinton asked.`, `Sen. Tom Udall said,`,
 * `Hannity pressed.`, `Trump went on, as if …`. Not `He added, “…”`, which introduces the next quote,
 * nor `Trump said that …`, a new sentence.
 */
const AHEAD = new RegExp(`^(${AHEAD_SUBJECT})${AHEAD_ASIDE}${AHEAD_VERB}(${AHEAD_AFTER})`, 'u');
/** {@link AHEAD} with anything after the verb: after `?` or `!`, `“Why?” Trump asked reporters`. */
const AHEAD_OBJECT = new RegExp(`^(?:${AHEAD_SUBJECT})${AHEAD_ASIDE}${AHEAD_VERB}`, 'u');

function attributionAhead(s: string, openEnded: boolean): boolean {
  const m = AHEAD.exec(s);
  if (!m) {
    if (!openEnded) return false;
    // A reporting verb with an object, but not `“Why?” Trump said that …`, a new sentence.
    const o = AHEAD_OBJECT.exec(s);
    return !!o && REPORTING_VERBS.has(o[1]!.split(' ')[0]!.toLowerCase()) && !/^\s+that\b/.test(s.slice(o[0].length));
  }
  const verb = m[2]!.toLowerCase();
  const tail = m[3]!;
  if (/^\s*[,:]\s*[“"]/.test(tail)) return false;
  // After a full stop, `She also said, without evidence, that …` starts a new sentence.
  if (
    !openEnded &&
    /^\s*,/.test(tail) &&
    !/^\s*,\s*(?:according|adding|referring|as|when|after|before|while)\b/.test(s.slice(m[0].length - tail.length))
  )
    return false;
  if (REPORTING_VERBS.has(verb)) return true;
  if (!openEnded) return false;
  return (
    /^(?:went on|shot back|cut in|read|reads|chimed in|fired back)$/.test(verb) ||
    (/(?:ed|s)$/.test(verb) && verb.length > 3 && !/(?:ss|us|is)$/.test(verb))
  );
}

function skipSpace(text: string, i: number, max: number): number {
  while (i < max && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Tokens of `[a, b)`, a view over the text's runs (`core/tokens.ts`): words join word runs across
 * one inner apostrophe, period, hyphen or ampersand (`Trump’s`, `U.S`, `Holtz-Eakin`) and an
 * abbreviation keeps its final period (`Sen.`); any other run is punctuation; quotes (sorted,
 * non-overlapping) inside the range become single quote tokens, and no word crosses into one.
 */
export function tokenize(text: string, a: number, b: number, quotes: readonly Span[], runs: Runs): Tok[] {
  const out: Tok[] = [];
  const { count: runCount, start: runStart, end: runEnd, word: runWord } = runs;
  // The first quote ending after `a` (quotes are sorted and do not overlap), the first run ending after `a`.
  let j = partitionPoint(quotes.length, (mid) => quotes[mid]!.end <= a);
  let k = partitionPoint(runCount, (mid) => runEnd[mid]! <= a);
  let i = a;
  while (i < b) {
    if (j < quotes.length && quotes[j]!.start <= i) {
      const q = quotes[j]!;
      if (q.start >= a && q.end <= b) out.push({ s: q.start, e: q.end, type: TokType.Quote, w: '', cap: false, q: j });
      i = Math.max(i, q.end);
      j++;
      continue;
    }
    const limit = j < quotes.length ? Math.min(b, quotes[j]!.start) : b;
    while (k < runCount && runEnd[k]! <= i) k++;
    const s = k < runCount ? Math.max(i, runStart[k]!) : b;
    if (s >= limit) {
      i = limit;
      continue;
    }
    if (runWord[k] === 1) {
      let e = Math.min(runEnd[k]!, limit);
      while (e === runEnd[k]! && e + 1 < limit && joinsNextWord(runs, text, k)) {
        k += 2;
        e = Math.min(runEnd[k]!, limit);
      }
      if (e < limit && text.charCodeAt(e) === 46 && isAbbrevPeriod(text, e)) e++;
      const surface = text.slice(s, e);
      const w = surface.toLowerCase();
      const tok: Tok = { s, e, type: TokType.Word, w, cap: isUpperCode(text.charCodeAt(s)), q: -1 };
      if (e - s >= 2 && surface !== w && surface === surface.toUpperCase()) tok.caps = true;
      out.push(tok);
      i = e;
      continue;
    }
    const e = Math.min(runEnd[k]!, limit);
    out.push({ s, e, type: TokType.Punct, w: text.slice(s, e), cap: false, q: -1 });
    i = e;
  }
  return out;
}
