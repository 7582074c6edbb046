/**
 * The article's own date, which relative dates (`Wednesday`, `in April`, `last year`) are read
 * against. In order of trust:
 *  1. a dateline or date line near the top (`4 February 2026`, `Published: 2026-02-04`);
 *  2. evidence in the text: a weekday written beside a day and month (`Wednesday, (4 February)`)
 *     pins the year — the latest year, no later than the file date, in which that day is that weekday;
 *  3. the file's modification date — unless the text contradicts it (it names only years long
 *     before it, as an archived article copied today does).
 */
import { dayNum, fromDayNum, isoDay, parseIsoDay, validDate, weekdayName, weekdayOf } from './dates';
import { MONTHS, MONTH_ABBR, WEEKDAYS } from './lexicon';

export interface ResolvedArticleDate {
  /** ISO `YYYY-MM-DD`, or null when the article's date is unknown. */
  value: string | null;
  source: 'dateline' | 'inferred' | 'file' | null;
  /** Human-readable: where the date comes from, or why there is none. */
  evidence: string;
  /** A short form of `evidence` for the notes of relative dates (`dateline`, `inferred from “Wednesday, (4 February)”`). */
  label: string;
}

const MONTH_ALT = `${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')}|${Object.keys(MONTH_ABBR)
  .map((m) => m[0]!.toUpperCase() + m.slice(1))
  .join('|')}`;
const WD_ALT = WEEKDAYS.map((d) => d[0]!.toUpperCase() + d.slice(1)).join('|');
const DMY = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_ALT})\.?,?\s+((?:19|20)\d{2})\b`);
const MDY = new RegExp(String.raw`\b(${MONTH_ALT})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b`);
const ISO = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/;
/** `4 February`, `4th February` (day, month) and `Feb. 4`, `February 4th` (month, day). */
const DAY_MONTH = String.raw`(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_ALT})`;
const MONTH_DAY = String.raw`(${MONTH_ALT})\.?\s+(\d{1,2})(?:st|nd|rd|th)?`;
/** A weekday beside a day and month: `Wednesday, (4 February)`, `Wednesday 4 February 2026`, `Wednesday, Feb. 4`. */
const WD_DM = new RegExp(String.raw`\b(${WD_ALT})\b[ ,(]{1,4}(?:${DAY_MONTH}|${MONTH_DAY})\b\.?(?:,?\s+((?:19|20)\d{2})\b)?`, 'g');
const YEARS = /(?<![\d,.$£€])(1[89]\d\d|20\d\d)(?![\d,]|\.\d)/g;

function monthOf(name: string): number {
  const l = name.toLowerCase();
  const i = MONTHS.indexOf(l);
  return i >= 0 ? i + 1 : (MONTH_ABBR[l] ?? 0);
}

/**
 * The date in a dateline or date line near the top of the article (ISO `YYYY-MM-DD`), or null.
 * Only short lines among the first eight, or a date at the start of a line, count — a date inside
 * the story (`the treaty of 4 February 1990`) does not.
 */
export function findArticleDate(text: string): string | null {
  let pos = 0;
  for (let line = 0; line < 8 && pos < text.length; line++) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const l = text.slice(pos, Math.min(end, pos + 400));
    pos = end + 1;
    if (!l.trim()) {
      line--;
      continue;
    }
    for (const re of [ISO, DMY, MDY]) {
      const m = re.exec(l);
      if (!m || (l.length > 120 && m.index > 40)) continue;
      let y: number, mo: number, d: number;
      if (re === ISO) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      else if (re === DMY) [y, mo, d] = [Number(m[3]), monthOf(m[2]!), Number(m[1])];
      else [y, mo, d] = [Number(m[3]), monthOf(m[1]!), Number(m[2])];
      if (validDate(y, mo, d)) return isoDay(dayNum(y, mo, d));
    }
  }
  return null;
}

/**
 * The article date from the text itself, else the file date (`YYYY-MM-DD`, the file's mtime),
 * with where it came from. Pure: the file date is the only outside input.
 */
export function resolveArticleDate(text: string, fileDate?: string | null): ResolvedArticleDate {
  const dateline = findArticleDate(text);
  if (dateline) return { value: dateline, source: 'dateline', evidence: 'dateline', label: 'dateline' };
  const fileDay = fileDate ? parseIsoDay(fileDate) : null;
  const doubt = fileDay !== null ? doubtAbout(text, fileDay) : null;
  // A weekday beside a day and month pins the year.
  WD_DM.lastIndex = 0;
  for (let m = WD_DM.exec(text), tries = 0; m && tries < 20; m = WD_DM.exec(text), tries++) {
    const wd = WEEKDAYS.indexOf(m[1]!.toLowerCase());
    const mo = monthOf((m[3] ?? m[4])!);
    const d = Number(m[2] ?? m[5]);
    let written = m[0].trim();
    if (!m[6] && written.endsWith('.') && MONTHS.includes((m[3] ?? m[4])!.toLowerCase())) written = written.slice(0, -1);
    if (written.includes('(') && !written.includes(')')) written += ')';
    if (m[6]) {
      const y = Number(m[6]);
      if (validDate(y, mo, d) && weekdayOf(dayNum(y, mo, d)) === wd)
        return {
          value: isoDay(dayNum(y, mo, d)),
          source: 'inferred',
          evidence: `inferred from “${written}”`,
          label: `inferred from “${written}”`,
        };
      continue;
    }
    if (fileDay === null || doubt) continue;
    const fy = fromDayNum(fileDay).y;
    for (let y = fy; y > fy - 40; y--) {
      if (!validDate(y, mo, d)) continue;
      const n = dayNum(y, mo, d);
      if (n <= fileDay && weekdayOf(n) === wd) {
        const why = `a ${weekdayName(wd)} in ${y}, the latest such year up to the file date ${isoDay(fileDay)}`;
        return {
          value: isoDay(n),
          source: 'inferred',
          evidence: `inferred from “${written}” (${why})`,
          label: `inferred from “${written}”`,
        };
      }
    }
  }
  if (fileDay !== null) {
    if (doubt) return { value: null, source: null, evidence: doubt, label: doubt };
    return { value: isoDay(fileDay), source: 'file', evidence: 'file date', label: 'file date' };
  }
  const none = 'no article date (no dateline in the text, no file date)';
  return { value: null, source: null, evidence: none, label: none };
}

/** Why the file date cannot be the article's date, or null: the text names only years well before it. */
function doubtAbout(text: string, fileDay: number): string | null {
  const fy = fromDayNum(fileDay).y;
  let max = 0;
  YEARS.lastIndex = 0;
  for (let m = YEARS.exec(text); m; m = YEARS.exec(text)) max = Math.max(max, Number(m[1]));
  if (max && max < fy - 2)
    return `no article date: the file date ${isoDay(fileDay)} is not used because the text names no year after ${max}`;
  return null;
}
