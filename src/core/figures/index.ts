/**
 * Figures: money, percentages, quantities with units, counts, dates and other numbers, each with a
 * normalized value, plus the relations the text states between them (`from 12 to 20 million tonnes`).
 *
 * A hand-written single-pass recogniser (`scan.ts`), date resolution against the article date
 * (`dates.ts`, `article-date.ts`) and relation finding (`relations.ts`). Pure: no clock, no I/O.
 */
import type { DateResolution, Figure, FigureRelation, MoneyEquivalent } from '../types';
import { type ArticleCurrencies, mayBeLocal, placeEvidence, resolveFamily } from './currency';
import { addCurrencyMentions, currencyWords } from './currencyMentions';
import { type DateContext, parseIsoDay, resolveDate } from './dates';
import { findRelations } from './relations';
import { type FigureCandidate, scan } from './scan';
import type { TextIndex } from '../textIndex';

export { findArticleDate, resolveArticleDate, type ResolvedArticleDate } from './article-date';

export interface FigureOptions {
  /** ISO date (`YYYY-MM-DD`) the article was written, used to resolve `Wednesday`, `April`, `last year`. */
  articleDate?: string | null;
  /** Where the article date came from (shown in hovers): a dateline, the text itself, or the file's date. */
  articleDateSource?: 'dateline' | 'inferred' | 'file';
  /** How the article date was found, or why there is none (goes into the notes of relative dates). */
  articleDateNote?: string;
  /** The analysis's shared text index (see `textIndex.ts`); built when needed otherwise. */
  index?: TextIndex;
}

/**
 * Finds figures in `text` (normalized: offsets are UTF-16 indices, half-open). The figures are
 * sorted by position and never overlap; `text.slice(f.start, f.end) === f.text`. Relations refer
 * to indices in `figures`. Never throws on any string.
 */
export function findFigures(text: string, opts: FigureOptions = {}): { figures: Figure[]; relations: FigureRelation[] } {
  const watch = currencyWords();
  const cands = addCurrencyMentions(text, mergeEquivalents(text, scan(text, watch, opts.index)), watch.found);
  readMoney(text, cands);
  const relations = findRelations(text, cands, opts.index);
  const ctx = contextOf(opts);
  const figures: Figure[] = new Array(cands.length);
  // Resolve full dates first so that a weekday can take the date written beside it.
  const resolved: ({ day: number; resolution: DateResolution } | null)[] = new Array(cands.length).fill(null);
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    if (c.kind !== 'date' || !c.date || c.date.d === undefined || c.date.wd !== undefined) continue;
    // `Saturday 12 March`: the weekday tells which year a day and month without one is in.
    if (c.date.y === undefined && c.date.rel === undefined) {
      const w = weekdayBeside(text, cands, i);
      if (w !== null) c.date.wdHint = w;
    }
    const { figure, day } = toFigure(text, c, ctx, null);
    figures[i] = figure;
    if (day !== undefined) resolved[i] = { day, resolution: figure.resolution! };
  }
  for (let i = 0; i < cands.length; i++) {
    if (figures[i]) continue;
    const c = cands[i]!;
    figures[i] = toFigure(
      text,
      c,
      ctx,
      c.date?.wd !== undefined && c.date.off === undefined ? besideDate(text, cands, resolved, i) : null,
    ).figure;
  }
  return { figures, relations };
}

function contextOf(o: FigureOptions): DateContext {
  const day = o.articleDate ? parseIsoDay(o.articleDate) : null;
  if (day === null)
    return {
      day: null,
      source: null,
      evidence: o.articleDateNote ?? (o.articleDate ? `the article date ${o.articleDate} is not a valid date` : 'no article date'),
    };
  const source = o.articleDateSource ?? 'dateline';
  return { day, source, evidence: o.articleDateNote ?? (source === 'file' ? 'file date' : source) };
}

const BESIDE = /^[\s,(]{0,4}$/;
/** The weekday (without last/next) written right beside the day-month candidate `i`, or null. */
function weekdayBeside(text: string, cands: FigureCandidate[], i: number): number | null {
  const c = cands[i]!;
  for (const j of [i - 1, i + 1]) {
    const o = cands[j];
    if (!o || !o.date || o.date.wd === undefined || o.date.off !== undefined) continue;
    if (BESIDE.test(j < i ? text.slice(o.end, c.start) : text.slice(c.end, o.start))) return o.date.wd;
  }
  return null;
}

/** The resolved full date written right beside candidate `i` (`Wednesday, (4 February)`, `4 February (Wednesday)`). */
function besideDate(text: string, cands: FigureCandidate[], resolved: ({ day: number; resolution: DateResolution } | null)[], i: number) {
  const c = cands[i]!;
  const next = cands[i + 1];
  if (next && resolved[i + 1] && BESIDE.test(text.slice(c.end, next.start))) return resolved[i + 1]!;
  const prev = cands[i - 1];
  if (prev && resolved[i - 1] && BESIDE.test(text.slice(prev.end, c.start))) return resolved[i - 1]!;
  return null;
}

/** Between an amount and its equivalent: ` (`, ` (about `, ` (or some `. */
const EQUIV_GAP =
  /^\s?\(\s?(?:(?:about|around|approximately|approx\.|roughly|some|nearly|almost|or|equivalent to|equal to|worth|c\.|~|≈)\s?)?$/i;
/** Between two equivalents in one bracket: `($2m; £1m)`, `($2.3bn or £1.2bn)`, `(US$2/€1.8)`. */
const EQUIV_SEP = /^\s?(?:;|,|\/|or|and)\s?(?:(?:about|around|approximately|roughly|some)\s)?$/i;
/**
 * `200 shillings (US$2)`, `61 million Hong Kong dollars ($7.8 million)`, `A$3.1bn ($2.4bn; £1.25bn)`:
 * an amount of money with the same amount in other currencies in brackets right after it becomes
 * one candidate (its span covers the bracket, the bracketed amounts are kept in `alt`).
 */
function mergeEquivalents(text: string, cands: FigureCandidate[]): FigureCandidate[] {
  let out: FigureCandidate[] | null = null;
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1];
    if (a.kind === 'money' && b && b.kind === 'money' && b.start - a.end <= 24 && EQUIV_GAP.test(text.slice(a.end, b.start))) {
      let k = i + 1;
      while (
        cands[k + 1]?.kind === 'money' &&
        cands[k + 1]!.start - cands[k]!.end <= 16 &&
        EQUIV_SEP.test(text.slice(cands[k]!.end, cands[k + 1]!.start))
      )
        k++;
      let close = cands[k]!.end;
      while (text.charCodeAt(close) === 32) close++;
      if (text.charCodeAt(close) === 41) {
        out ??= cands.slice(0, i);
        const alt = cands.slice(i + 1, k + 1);
        if (/[a-z~≈]\s?$/i.test(text.slice(a.end, b.start))) b.approx = true;
        out.push({ ...a, end: close + 1, alt });
        i = k;
        continue;
      }
    }
    out?.push(a);
  }
  return out ?? cands;
}

/** Hedges right before an amount that make it approximate (`about $5m`, `some 133 million dollars`, `an estimated $5m`). */
const HEDGES = new Set(['about', 'around', 'approximately', 'approx', 'roughly', 'some', 'estimated', 'circa', 'c']);
function hedged(text: string, i: number): boolean {
  let e = i;
  while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  const p = text.charCodeAt(e - 1);
  if (p === 126 || p === 0x2248) return true; // ~ ≈
  if (p === 46) e--; // approx. $5m
  let b = e;
  for (
    let c = text.charCodeAt(b - 1);
    b > 0 && b > e - 14 && ((c >= 97 && c <= 122) || (c >= 65 && c <= 90));
    c = text.charCodeAt(--b - 1)
  );
  return b < e && HEDGES.has(text.slice(b, e).toLowerCase()) && (p !== 46 || text.slice(b, e).length <= 6);
}
/** Currencies of money written in shared forms, from the article's evidence (see `currency.ts`); hedges. */
function readMoney(text: string, cands: FigureCandidate[]): void {
  let shared = false;
  let written: Set<string> | null = null;
  for (const c of cands) {
    if (c.kind !== 'money') continue;
    if (c.cur || c.alt?.some((x) => x.cur)) shared = true;
    // A currency named without an amount is read like one, but says nothing of how amounts are written.
    if (c.noAmount) continue;
    if (!c.approx && hedged(text, c.start)) c.approx = true;
    if (!c.cur && c.unit) (written ??= new Set()).add(c.unit);
    if (c.alt) for (const x of c.alt) if (!x.cur && x.unit) (written ??= new Set()).add(x.unit);
  }
  if (!shared) return;
  // The places are counted only when they can matter (a local dollar or peso named, or another family).
  // Each family is asked once: the answer is about the whole text (asking again for every amount read
  // the text again for each: `$1 $2 $3 …` grew with the square of its length).
  let need = false;
  const asked = new Set<string>();
  for (const c of cands) {
    if (c.kind !== 'money' || need) continue;
    for (const x of c.alt ? [c, ...c.alt] : [c]) {
      if (!x.cur || asked.has(x.cur)) continue;
      asked.add(x.cur);
      if (mayBeLocal(text, x.cur)) need = true;
    }
  }
  const art: ArticleCurrencies = {
    places: need ? placeEvidence(text) : { byCountry: new Map(), dateline: null },
    written: written ?? new Set(),
  };
  const memo = new Map<string, ReturnType<typeof resolveFamily>>();
  const resolve = (c: FigureCandidate, not: string | null): void => {
    if (!c.cur) return;
    const key = `${c.cur} ${not}`;
    let r = memo.get(key);
    if (!r) {
      r = resolveFamily(c.cur, art, not);
      memo.set(key, r);
    }
    c.unit = r.code;
    c.reading = r;
  };
  for (const c of cands) {
    if (c.kind !== 'money') continue;
    const alt = c.alt?.find((x) => !x.cur);
    resolve(c, alt ? alt.unit : null);
    if (c.alt) for (const x of c.alt) resolve(x, c.unit);
  }
}

function toFigure(
  text: string,
  c: FigureCandidate,
  ctx: DateContext,
  beside: { day: number; resolution: DateResolution } | null,
): { figure: Figure; day?: number } {
  const t = text.slice(c.start, c.end);
  const f: Figure = { start: c.start, end: c.end, kind: c.kind, text: t, value: c.value, unit: c.unit };
  if (c.valueMax !== undefined) f.valueMax = c.valueMax;
  if (c.kind === 'money') {
    if (c.noAmount) f.noAmount = true;
    if (c.nonIso) f.nonIso = true;
    if (c.approx) f.approximate = true;
    if (c.reading) f.currency = reading(c.reading);
    if (c.alt) f.equivalents = c.alt.map((x) => equivalent(text, x));
  }
  if (c.kind === 'date' && c.date) {
    const r = resolveDate(c.date, t, ctx, beside);
    f.value = r.value;
    f.resolution = r.resolution;
    if (r.note) f.note = r.note;
    return r.day !== undefined ? { figure: f, day: r.day } : { figure: f };
  }
  if (c.note) f.note = c.note;
  return { figure: f };
}

function reading(r: NonNullable<FigureCandidate['reading']>): NonNullable<Figure['currency']> {
  const out: NonNullable<Figure['currency']> = { basis: r.basis };
  if (r.candidates) out.candidates = r.candidates;
  if (r.evidence) out.evidence = r.evidence;
  return out;
}
function equivalent(text: string, x: FigureCandidate): MoneyEquivalent {
  const q: MoneyEquivalent = { start: x.start, end: x.end, text: text.slice(x.start, x.end), value: x.value, unit: x.unit };
  if (x.valueMax !== undefined) q.valueMax = x.valueMax;
  if (x.approx) q.approximate = true;
  if (x.reading) q.currency = reading(x.reading);
  return q;
}
