/**
 * Figures: money, percentages, quantities with units, counts, dates and other numbers, each with a
 * normalized value, plus the relations the text states between them (`from 12 to 20 million tonnes`).
 *
 * A hand-written single-pass recogniser (`scan.ts`), date resolution against the article date
 * (`dates.ts`, `article-date.ts`) and relation finding (`relations.ts`). Pure: no clock, no I/O.
 */
import type { DateResolution, Figure, FigureRelation } from '../types';
import { type DateContext, parseIsoDay, resolveDate } from './dates';
import { findRelations } from './relations';
import { type Cand, scan } from './scan';

export { findArticleDate, resolveArticleDate, type ResolvedArticleDate } from './article-date';

export interface FigureOptions {
  /** ISO date (`YYYY-MM-DD`) the article was written, used to resolve `Wednesday`, `April`, `last year`. */
  articleDate?: string | null;
  /** Where the article date came from (shown in hovers): a dateline, the text itself, or the file's date. */
  articleDateSource?: 'dateline' | 'inferred' | 'file';
  /** How the article date was found, or why there is none (goes into the notes of relative dates). */
  articleDateNote?: string;
}

/**
 * Finds figures in `text` (normalized: offsets are UTF-16 indices, half-open). The figures are
 * sorted by position and never overlap; `text.slice(f.start, f.end) === f.text`. Relations refer
 * to indices in `figures`. Never throws on any string.
 */
export function findFigures(text: string, opts: FigureOptions = {}): { figures: Figure[]; relations: FigureRelation[] } {
  const cands = scan(text);
  const relations = findRelations(text, cands);
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
    figures[i] = toFigure(text, c, ctx, c.date?.wd !== undefined && c.date.off === undefined ? besideDate(text, cands, resolved, i) : null).figure;
  }
  return { figures, relations };
}

function contextOf(o: FigureOptions): DateContext {
  const day = o.articleDate ? parseIsoDay(o.articleDate) : null;
  if (day === null) return { day: null, source: null, evidence: o.articleDateNote ?? (o.articleDate ? `the article date ${o.articleDate} is not a valid date` : 'no article date') };
  const source = o.articleDateSource ?? 'dateline';
  return { day, source, evidence: o.articleDateNote ?? (source === 'file' ? 'file date' : source) };
}

const BESIDE = /^[\s,(]{0,4}$/;
/** The weekday (without last/next) written right beside the day-month candidate `i`, or null. */
function weekdayBeside(text: string, cands: Cand[], i: number): number | null {
  const c = cands[i]!;
  for (const j of [i - 1, i + 1]) {
    const o = cands[j];
    if (!o || !o.date || o.date.wd === undefined || o.date.off !== undefined) continue;
    if (BESIDE.test(j < i ? text.slice(o.end, c.start) : text.slice(c.end, o.start))) return o.date.wd;
  }
  return null;
}

/** The resolved full date written right beside candidate `i` (`Wednesday, (4 February)`, `4 February (Wednesday)`). */
function besideDate(text: string, cands: Cand[], resolved: ({ day: number; resolution: DateResolution } | null)[], i: number) {
  const c = cands[i]!;
  const next = cands[i + 1];
  if (next && resolved[i + 1] && BESIDE.test(text.slice(c.end, next.start))) return resolved[i + 1]!;
  const prev = cands[i - 1];
  if (prev && resolved[i - 1] && BESIDE.test(text.slice(prev.end, c.start))) return resolved[i - 1]!;
  return null;
}

function toFigure(text: string, c: Cand, ctx: DateContext, beside: { day: number; resolution: DateResolution } | null): { figure: Figure; day?: number } {
  const t = text.slice(c.start, c.end);
  const f: Figure = { start: c.start, end: c.end, kind: c.kind, text: t, value: c.value, unit: c.unit };
  if (c.valueMax !== undefined) f.valueMax = c.valueMax;
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
