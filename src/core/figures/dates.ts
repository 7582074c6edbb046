/**
 * Calendar arithmetic (proleptic Gregorian, UTC, no clock) and the resolution of a written date
 * ({@link DateSpec}) against the article date. A date is never guessed: when the text and the
 * article date do not determine it, the value is null, the resolution `unresolved`, and the note
 * says why.
 */
import type { DateResolution } from '../types';
import { MONTHS, WEEKDAYS } from './lexicon';
import type { DateSpec } from './scan';

/** Days since 1970-01-01 (proleptic Gregorian; month and day may overflow, as with Date.UTC). */
export function dayNum(y: number, m: number, d: number): number {
  // Normalise the month, then days_from_civil (H. Hinnant): pure arithmetic, no Date objects.
  y += Math.floor((m - 1) / 12);
  m = ((((m - 1) % 12) + 12) % 12) + 1;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
export function fromDayNum(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}
/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (n: number): number => (((n + 4) % 7) + 7) % 7;
export const validDate = (y: number, m: number, d: number): boolean =>
  m >= 1 && m <= 12 && d >= 1 && d <= 31 && fromDayNum(dayNum(y, m, d)).d === d;
const pad = (n: number): string => String(n).padStart(2, '0');
const year4 = (y: number): string => (y < 0 ? '-' : '') + String(Math.abs(y)).padStart(4, '0');
export const isoDay = (n: number): string => {
  const { y, m, d } = fromDayNum(n);
  return `${year4(y)}-${pad(m)}-${pad(d)}`;
};
export const isoMonth = (y: number, m: number): string => `${year4(y)}-${pad(m)}`;
/** ISO 8601 week (`2026-W06`) of a day number. */
export function isoWeek(n: number): string {
  const thursday = n + 3 - ((weekdayOf(n) + 6) % 7);
  const ty = fromDayNum(thursday).y;
  const week = Math.floor((thursday - dayNum(ty, 1, 1)) / 7) + 1;
  return `${year4(ty)}-W${pad(week)}`;
}
/** Parses `YYYY-MM-DD` into a day number, or null. */
export function parseIsoDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return validDate(y, mo, d) ? dayNum(y, mo, d) : null;
}
const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
export const monthName = (m: number): string => cap(MONTHS[m - 1] ?? '?');
export const weekdayName = (wd: number): string => cap(WEEKDAYS[wd] ?? '?');

/** The date every relative mention is resolved against. */
export interface DateContext {
  /** Day number of the article date, or null when there is none. */
  day: number | null;
  source: 'dateline' | 'inferred' | 'file' | null;
  /** Where the date comes from, or why there is none (for notes). */
  evidence: string;
}

export interface ResolvedDate {
  value: string | null;
  resolution: DateResolution;
  note?: string;
  /** Day number when the value is one calendar day. */
  day?: number;
}

/**
 * Resolves `spec` (written as `text`) against `ctx`. `beside` is the day number of a full date
 * written right next to a weekday (`Wednesday, (4 February)`), when there is one.
 */
export function resolveDate(
  spec: DateSpec,
  text: string,
  ctx: DateContext,
  beside: { day: number; resolution: DateResolution } | null = null,
): ResolvedDate {
  const mid = spec.part === 'mid' ? 'the middle of ' : '';
  if (spec.ambiguous) return { value: null, resolution: 'unresolved', note: spec.ambiguous };
  if (spec.recurring) return { value: null, resolution: 'unresolved', note: `${text}: recurring, not one date` };
  // Absolute: everything the value needs is in the text.
  if (spec.y !== undefined && spec.rel === undefined) return absoluteDate(spec, spec.y, text, mid);
  const unfixed = unfixedRelative(spec, text, ctx);
  if (unfixed) return unfixed;
  // A weekday right beside a full date takes that date (when they agree).
  if (spec.wd !== undefined && beside !== null) return besideWeekday(spec.wd, beside);
  if (ctx.day === null) return { value: null, resolution: 'unresolved', note: `${text}: ${ctx.evidence}` };
  const base = ctx.day;
  const { y: by, m: bm } = fromDayNum(base);
  const t: Anchored = {
    spec,
    text,
    mid,
    res: ctx.source === 'file' ? 'file-date' : 'article-date',
    base,
    by,
    bm,
    against: `the article date ${isoDay(base)} (${ctx.evidence})`,
    off: spec.off ?? 0,
  };
  if (spec.rel !== undefined) {
    const r = relativeDate(t, spec.rel);
    if (r) return r;
  }
  if (spec.wd !== undefined) return weekdayDate(t, spec.wd);
  if (spec.m !== undefined) return spec.d !== undefined ? dayMonthDate(t, spec.m, spec.d) : monthDate(t, spec.m);
  return { value: null, resolution: 'unresolved', note: `${text}: not a calendar date` };
}

/** A date written in full: `spec` not relative, its year `y`. */
function absoluteDate(spec: DateSpec, y: number, text: string, mid: string): ResolvedDate {
  const { m, d } = spec;
  if (m === undefined) {
    if (spec.y2 !== undefined)
      return { value: `${year4(y)}/${year4(spec.y2)}`, resolution: 'absolute', ...(mid ? { note: `${mid}${y}–${spec.y2}` } : {}) };
    return { value: year4(y), resolution: 'absolute', ...(mid ? { note: `${mid}${y}` } : {}) };
  }
  if (d === undefined) return { value: isoMonth(y, m), resolution: 'absolute', ...(mid ? { note: `${mid}${monthName(m)} ${y}` } : {}) };
  if (!validDate(y, m, d)) return { value: null, resolution: 'unresolved', note: `${text}: no such date` };
  const n = dayNum(y, m, d);
  if (spec.d2 !== undefined && validDate(y, m, spec.d2))
    return { value: `${isoDay(n)}/${isoDay(dayNum(y, m, spec.d2))}`, resolution: 'absolute' };
  return { value: isoDay(n), resolution: 'absolute', day: n };
}

/** Relative units with no fixed calendar meaning, unresolved even with an article date; null for others. */
function unfixedRelative(spec: DateSpec, text: string, ctx: DateContext): ResolvedDate | null {
  // Relative units that have no fixed calendar meaning stay unresolved even with an article date.
  if (spec.rel === 'following')
    return { value: null, resolution: 'unresolved', note: `${text}: relative to the time the text narrates, not to the article date` };
  if (
    spec.rel === 'season' ||
    spec.rel === 'quarter' ||
    spec.rel === 'spring' ||
    spec.rel === 'summer' ||
    spec.rel === 'autumn' ||
    spec.rel === 'winter'
  ) {
    const rel = spec.off === -1 ? 'the one before' : spec.off === 1 ? 'the one after' : 'the one running at';
    const day = ctx.day !== null ? ` (${isoDay(ctx.day)})` : '';
    return {
      value: null,
      resolution: 'unresolved',
      note: `relative: ${rel} the article date${day}; a ${spec.rel} has no fixed calendar dates (sport, crop or fiscal)`,
    };
  }
  if (
    (spec.rel === 'decade' || spec.rel === 'century') &&
    (spec.off ?? 0) > -2 &&
    (spec.off ?? 0) < 2 &&
    !(spec.rel === 'decade' && (spec.off ?? 0) < 0 && text.endsWith('ago'))
  ) {
    return { value: null, resolution: 'unresolved', note: `relative: ${text} (the previous ten years or the previous calendar decade?)` };
  }
  return null;
}

/** A weekday `wd` written right beside a full date takes that date (when they agree). */
function besideWeekday(wd: number, beside: { day: number; resolution: DateResolution }): ResolvedDate {
  const b = beside.day;
  if (weekdayOf(b) === wd) return { value: isoDay(b), resolution: beside.resolution, note: `the date written beside it (${isoDay(b)})` };
  return {
    value: null,
    resolution: 'unresolved',
    note: `${weekdayName(wd)} beside ${isoDay(b)}, which is a ${weekdayName(weekdayOf(b))}`,
  };
}

/** A date relative to the article date, with what it was resolved against. */
interface Anchored {
  spec: DateSpec;
  text: string;
  /** `the middle of ` for `mid-…`, else empty. */
  mid: string;
  res: DateResolution;
  /** The article (or file) date as a day number, its year and month, and how it reads in notes. */
  base: number;
  by: number;
  bm: number;
  against: string;
  /** `spec.off`, 0 when absent. */
  off: number;
}

/** `last year`, `October last year`, `next month`, `this weekend`, `two days ago`: undefined for other units. */
function relativeDate(t: Anchored, rel: NonNullable<DateSpec['rel']>): ResolvedDate | undefined {
  const { spec, text, res, base, by, bm, against, off } = t;
  switch (rel) {
    case 'year':
      if (spec.m !== undefined) {
        // October last year, 4 February next year
        const y = by + off;
        if (spec.d === undefined) return { value: isoMonth(y, spec.m), resolution: res, note: `${text}: relative to ${against}` };
        if (!validDate(y, spec.m, spec.d)) return { value: null, resolution: 'unresolved', note: `${text}: no such date` };
        return { value: isoDay(dayNum(y, spec.m, spec.d)), resolution: res, note: `${text}: relative to ${against}` };
      }
      return { value: year4(by + off), resolution: res, note: `${text}: relative to ${against}` };
    case 'decade':
      return { value: year4(by + off * 10), resolution: res, note: `${text}: about ten years before ${against}` };
    case 'century':
      return { value: year4(by + off * 100), resolution: res, note: `${text}: relative to ${against}` };
    case 'month': {
      const months = by * 12 + (bm - 1) + off;
      return { value: isoMonth(Math.floor(months / 12), (months % 12) + 1), resolution: res, note: `${text}: relative to ${against}` };
    }
    case 'week':
      return { value: isoWeek(base + 7 * off), resolution: res, note: `${text}: ISO week relative to ${against}` };
    case 'weekend': {
      const sat = base - ((weekdayOf(base) + 6) % 7) + 5 + 7 * off;
      return { value: `${isoDay(sat)}/${isoDay(sat + 1)}`, resolution: res, note: `${text}: relative to ${against}` };
    }
    case 'day':
      return { value: isoDay(base + off), resolution: res, note: `${text}: relative to ${against}` };
  }
  return undefined;
}

/** A weekday: the one before or after the article date, or the last (the first, in the future tense). */
function weekdayDate(t: Anchored, wd: number): ResolvedDate {
  const { res, base, against, off, spec } = t;
  const back = (weekdayOf(base) - wd + 7) % 7;
  const ahead = (wd - weekdayOf(base) + 7) % 7;
  let n: number;
  let how: string;
  if (off === -1) {
    n = base - (back === 0 ? 7 : back);
    how = `the ${weekdayName(wd)} before`;
  } else if (off === 1) {
    n = base + (ahead === 0 ? 7 : ahead);
    how = `the ${weekdayName(wd)} after`;
  } else if (spec.future) {
    n = base + ahead;
    how = `the first ${weekdayName(wd)} (future tense) on or after`;
  } else {
    n = base - back;
    how = `the last ${weekdayName(wd)} on or before`;
  }
  return { value: isoDay(n), resolution: res, note: `${how} ${against}` };
}

/**
 * Day and month without a year: the nearest such date (the coming one when the sentence speaks
 * of the future).
 */
function dayMonthDate(t: Anchored, m: number, d: number): ResolvedDate {
  const { spec, text, res, base, by, against } = t;
  // A weekday beside it (`Saturday 12 March`) decides among the neighbouring years when one of them agrees.
  if (spec.wdHint !== undefined) {
    let hit: number | null = null;
    for (const y of [by - 1, by, by + 1]) {
      if (!validDate(y, m, d)) continue;
      const n = dayNum(y, m, d);
      if ((spec.future && n < base) || (spec.past && n > base)) continue;
      // Up to two years back (a file date is late rather than early) and half a year ahead.
      if (n < base - 731 || n > base + 183) continue;
      if (weekdayOf(n) === spec.wdHint && (hit === null || Math.abs(n - base) < Math.abs(hit - base))) hit = n;
    }
    if (hit !== null)
      return {
        value: isoDay(hit),
        resolution: res,
        day: hit,
        note: `the year near ${against} in which ${d} ${monthName(m)} is a ${weekdayName(spec.wdHint)}`,
      };
  }
  let best: number | null = null;
  for (const y of [by - 1, by, by + 1]) {
    if (!validDate(y, m, d)) continue;
    const n = dayNum(y, m, d);
    if (spec.future && n < base) continue;
    if (spec.past && n > base) continue;
    if (best === null || Math.abs(n - base) < Math.abs(best - base) || (Math.abs(n - base) === Math.abs(best - base) && n < best)) best = n;
  }
  if (best === null) return { value: null, resolution: 'unresolved', note: `${text}: no such date near ${against}` };
  const n = best;
  if (spec.d2 !== undefined && validDate(fromDayNum(n).y, m, spec.d2)) {
    return {
      value: `${isoDay(n)}/${isoDay(dayNum(fromDayNum(n).y, m, spec.d2))}`,
      resolution: res,
      note: `year of the nearest such dates to ${against}`,
    };
  }
  const which = spec.future ? 'coming' : spec.past ? 'last' : 'nearest';
  const cue = spec.future ? 'future tense' : spec.past ? 'past tense' : 'no tense cue';
  return {
    value: isoDay(n),
    resolution: res,
    day: n,
    note: `year of the ${which} ${d} ${monthName(m)} (${cue}) relative to ${against}`,
  };
}

/** A month alone: the nearest (ties go to the past), the coming one for the future, or last/next. */
function monthDate(t: Anchored, m: number): ResolvedDate {
  const { spec, mid, res, by, bm, against, off } = t;
  const ahead = (m - bm + 12) % 12;
  let y: number;
  let how: string;
  if (off === -1) {
    y = m < bm ? by : by - 1;
    how = `the ${monthName(m)} before`;
  } else if (off === 1) {
    y = m > bm ? by : by + 1;
    how = `the ${monthName(m)} after`;
  } else if (spec.future) {
    y = m >= bm ? by : by + 1;
    how = `the coming ${monthName(m)} (future tense), on or after`;
  } else if (spec.past) {
    y = m <= bm ? by : by - 1;
    how = `the last ${monthName(m)} (past tense), on or before`;
  } else if (ahead === 0) {
    y = by;
    how = `the month of`;
  } else if (ahead < 6) {
    y = m > bm ? by : by + 1;
    how = `the nearest ${monthName(m)} (ahead) to`;
  } else {
    y = m < bm ? by : by - 1;
    how = `the nearest ${monthName(m)} (past) to`;
  }
  return { value: isoMonth(y, m), resolution: res, note: `${mid}${how} ${against}` };
}
