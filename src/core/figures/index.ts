/**
 * Figures: money, percentages, quantities with units, counts and dates, each with a normalized value.
 * First version: a regex cascade. Dates resolve against the article date when one is known.
 */
import type { Figure, FigureRelation } from '../types';

export interface FigureOptions {
  /** ISO date (`YYYY-MM-DD`) the article was written, used to resolve `Wednesday`, `April`, `last year`. */
  articleDate?: string | null;
  /** Where the article date came from (shown in hovers). */
  articleDateSource?: 'dateline' | 'file';
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 };
const CURRENCY: Record<string, string> = { $: 'USD', us$: 'USD', 'hk$': 'HKD', a$: 'AUD', c$: 'CAD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR' };
const CURRENCY_WORDS: Record<string, string> = { dollars: 'USD', dollar: 'USD', pounds: 'GBP', euros: 'EUR', yen: 'JPY', yuan: 'CNY', rupees: 'INR' };
const UNITS: Record<string, string> = {
  tonnes: 't', tonne: 't', tons: 't', ton: 't', kg: 'kg', kilograms: 'kg', barrels: 'bbl', barrel: 'bbl', km: 'km', kilometres: 'km', kilometers: 'km', miles: 'mi', mph: 'mph', 'km/h': 'km/h', mw: 'MW', gw: 'GW', megawatts: 'MW', metres: 'm', meters: 'm', feet: 'ft', litres: 'L', liters: 'L', acres: 'acre', hectares: 'ha',
};
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twenty: 20, dozen: 12, hundred: 100, thousands: 1000, hundreds: 100 };

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE_RE = String.raw`(?:\s?(?:thousand|million|billion|trillion)|(?:bn|mn|tn|m|k|b)(?![\p{L}]))`;

interface Rule {
  re: RegExp;
  make(m: RegExpExecArray, opts: FigureOptions): Omit<Figure, 'start' | 'end' | 'text'> | null;
}

const num = (s: string): number => Number(s.replace(/,/g, ''));
const scale = (s: string | undefined): number => (s ? SCALE[s.trim().toLowerCase()] ?? 1 : 1);

const RULES: Rule[] = [
  {
    // $11 billion, £600m, US$5.2bn, €5.2 million, $5-6 million
    re: new RegExp(String.raw`(US\$|HK\$|A\$|C\$|[$£€¥₹])\s?(${NUM})(?:\s?(?:-|–|to)\s?(${NUM}))?(${SCALE_RE})?`, 'gu'),
    make: (m) => {
      const k = scale(m[4]);
      const f: Omit<Figure, 'start' | 'end' | 'text'> = { kind: 'money', value: num(m[2]!) * k, unit: CURRENCY[m[1]!.toLowerCase()] ?? 'USD' };
      if (m[3]) f.valueMax = num(m[3]) * k;
      return f;
    },
  },
  {
    // 11 billion dollars
    re: new RegExp(String.raw`\b(${NUM})(\s(?:thousand|million|billion|trillion))?\s(dollars|dollar|pounds|euros|yen|yuan|rupees)\b`, 'gu'),
    make: (m) => ({ kind: 'money', value: num(m[1]!) * scale(m[2]), unit: CURRENCY_WORDS[m[3]!.toLowerCase()]! }),
  },
  {
    // 5%, 5 per cent, 2.5 percentage points
    re: new RegExp(String.raw`\b(${NUM})\s?(%|per\s?cent\b|percent\b|percentage points?\b)`, 'gu'),
    make: (m) => ({ kind: 'percent', value: num(m[1]!), unit: /point/.test(m[2]!) ? 'pp' : '%' }),
  },
  {
    // 12 million tonnes, 300 km
    re: new RegExp(String.raw`\b(${NUM})(\s(?:thousand|million|billion))?\s?(${Object.keys(UNITS).map((u) => u.replace('/', '\\/')).join('|')})\b`, 'giu'),
    make: (m) => ({ kind: 'quantity', value: num(m[1]!) * scale(m[2]), unit: UNITS[m[3]!.toLowerCase()]! }),
  },
  {
    // 4 February (2026), February 4, 2026
    re: new RegExp(String.raw`\b(\d{1,2})\s(${MONTHS.join('|')})(?:,?\s(\d{4}))?\b|\b(${MONTHS.join('|')})\s(\d{1,2})(?:st|nd|rd|th)?(?:,\s(\d{4}))?\b`, 'giu'),
    make: (m, o) => {
      const day = Number(m[1] ?? m[5]);
      const month = MONTHS.indexOf((m[2] ?? m[4])!.toLowerCase()) + 1;
      const yearText = m[3] ?? m[6];
      if (day < 1 || day > 31) return null;
      if (yearText) return { kind: 'date', value: iso(Number(yearText), month, day), unit: null, resolution: 'absolute' };
      const year = yearNear(o, month);
      return year === null
        ? { kind: 'date', value: null, unit: null, resolution: 'unresolved', note: 'no article date' }
        : { kind: 'date', value: iso(year, month, day), unit: null, resolution: o.articleDateSource === 'file' ? 'file-date' : 'article-date' };
    },
  },
  {
    // April, December 2025 (a month alone, capitalised)
    re: new RegExp(String.raw`\b(${MONTHS.map((x) => x[0]!.toUpperCase() + x.slice(1)).join('|')})(?:\s(\d{4}))?\b`, 'gu'),
    make: (m, o) => {
      const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
      if (m[1] === 'May' && !m[2]) return null; // the modal verb
      if (m[2]) return { kind: 'date', value: `${m[2]}-${pad(month)}`, unit: null, resolution: 'absolute' };
      const year = yearNear(o, month);
      return year === null
        ? { kind: 'date', value: null, unit: null, resolution: 'unresolved', note: 'no article date' }
        : { kind: 'date', value: `${year}-${pad(month)}`, unit: null, resolution: o.articleDateSource === 'file' ? 'file-date' : 'article-date' };
    },
  },
  {
    // Wednesday
    re: new RegExp(String.raw`\b(${WEEKDAYS.map((x) => x[0]!.toUpperCase() + x.slice(1)).join('|')})\b`, 'gu'),
    make: (m, o) => {
      const wd = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      if (!o.articleDate) return { kind: 'date', value: null, unit: null, resolution: 'unresolved', note: 'no article date' };
      const d = new Date(`${o.articleDate}T00:00:00Z`);
      // News usage: a bare weekday is the most recent such day on or before the article date.
      const back = (d.getUTCDay() - wd + 7) % 7;
      d.setUTCDate(d.getUTCDate() - back);
      return { kind: 'date', value: d.toISOString().slice(0, 10), unit: null, resolution: o.articleDateSource === 'file' ? 'file-date' : 'article-date' };
    },
  },
  {
    // last year, next season, this week
    re: /\b(?:(?:last|next|this|the current|the coming|the previous)\s(?:year|month|week|season|quarter|decade))\b/giu,
    make: (m, o) => {
      const t = m[0].toLowerCase();
      if (o.articleDate && /year$/.test(t)) {
        const y = Number(o.articleDate.slice(0, 4)) + (t.startsWith('last') ? -1 : t.startsWith('next') ? 1 : 0);
        return { kind: 'date', value: String(y), unit: null, resolution: o.articleDateSource === 'file' ? 'file-date' : 'article-date', note: t };
      }
      return { kind: 'date', value: null, unit: null, resolution: 'unresolved', note: t };
    },
  },
  {
    // in 2025 (a year as a date)
    re: /\b(?:in|since|by|until|from|of|during)\s((?:19|20)\d{2})\b/gu,
    make: (m) => ({ kind: 'date', value: m[1]!, unit: null, resolution: 'absolute' }),
  },
  {
    // two leaders, three people, 40 people
    re: new RegExp(String.raw`\b(${Object.keys(NUMBER_WORDS).join('|')}|\d{1,3}(?:,\d{3})*)\s(leaders|people|men|women|children|countries|companies|workers|soldiers|students|times|days|weeks|months|years|cases|deaths|patients|members|votes|seats|jobs|homes|players|games|goals|sides|nations|states)\b`, 'giu'),
    make: (m) => {
      const w = m[1]!.toLowerCase();
      const v = NUMBER_WORDS[w] ?? num(w);
      return { kind: 'count', value: v, unit: m[2]!.toLowerCase() };
    },
  },
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function iso(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}
/** The year of a month mention: the article's year, or the previous year when the month is well after the article's month. */
function yearNear(o: FigureOptions, month: number): number | null {
  if (!o.articleDate) return null;
  const y = Number(o.articleDate.slice(0, 4));
  const am = Number(o.articleDate.slice(5, 7));
  // "in December" written in February refers to the December just past; "in April" to the coming one.
  if (month - am > 6) return y - 1;
  if (am - month > 6) return y + 1;
  return y;
}

/** Finds figures in `text`; the result is sorted by position and never overlapping. */
export function findFigures(text: string, opts: FigureOptions = {}): { figures: Figure[]; relations: FigureRelation[] } {
  const found: Figure[] = [];
  const taken = new Uint8Array(text.length + 1);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken[start] || taken[end - 1]) continue;
      const f = rule.make(m, opts);
      if (!f) continue;
      found.push({ start, end, text: m[0], ...f });
      taken.fill(1, start, end);
    }
  }
  found.sort((a, b) => a.start - b.start);
  return { figures: found, relations: findRelations(text, found) };
}

/** `from X to Y` between two figures of the same kind and unit. */
function findRelations(text: string, figures: Figure[]): FigureRelation[] {
  const out: FigureRelation[] = [];
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1]!;
    if (a.kind !== b.kind || a.unit !== b.unit || typeof a.value !== 'number' || typeof b.value !== 'number') continue;
    if (!/\bfrom\s+$/i.test(text.slice(Math.max(0, a.start - 6), a.start))) continue;
    if (!/^\s+to\s+$/i.test(text.slice(a.end, b.start))) continue;
    out.push({ from: i, to: i + 1, delta: b.value - a.value, percent: a.value === 0 ? null : ((b.value - a.value) / a.value) * 100 });
  }
  return out;
}

/**
 * Finds the article's date in a dateline or date line near the top (`LONDON, 4 February 2026`,
 * `Published: 2026-02-04`), returning an ISO date or null.
 */
export function findArticleDate(text: string): string | null {
  const head = text.slice(0, 600);
  let m = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/.exec(head);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = new RegExp(String.raw`\b(\d{1,2})\s(${MONTHS.join('|')}),?\s((?:19|20)\d{2})\b`, 'i').exec(head);
  if (m) return iso(Number(m[3]), MONTHS.indexOf(m[2]!.toLowerCase()) + 1, Number(m[1]));
  m = new RegExp(String.raw`\b(${MONTHS.join('|')})\s(\d{1,2}),?\s((?:19|20)\d{2})\b`, 'i').exec(head);
  if (m) return iso(Number(m[3]), MONTHS.indexOf(m[1]!.toLowerCase()) + 1, Number(m[2]));
  return null;
}
