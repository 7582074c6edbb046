/**
 * The CLI's `analyze --json` record: offsets in the file's raw text (BOM removed, line endings
 * kept), UTF-16 code units, end exclusive. This shape is a public contract; extend, never change.
 */
import type { Analysis, CurrencyReading } from './types';
import type { NormalizedText } from './text';

/** A figure: always its span, kind, text, value and unit; the other fields only when they apply. */
export interface ContractFigure {
  start: number;
  end: number;
  kind: string;
  text: string;
  value: number | string | null;
  unit: string | null;
  /** Upper bound of a range or of a vague amount. */
  valueMax?: number;
  /** Money: vague or hedged (`millions of dollars`, `about $5m`). */
  approximate?: true;
  /** Money in a form several currencies share: how the currency was read (`unit` is null when ambiguous). */
  currency?: CurrencyReading;
  /** Money: a currency named without an amount (`the US dollar fell`, `paid in baht`); `value` is null, `unit` the currency. */
  noAmount?: true;
  /** Money: `unit` is a cryptocurrency ticker (`BTC`, `ETH`), not an ISO 4217 code. */
  nonIso?: true;
  /** Money: the same amount in other currencies, in brackets inside the span (`200 shillings (US$2)`). */
  equivalents?: { start: number; end: number; text: string; value: number | null; unit: string | null; currency?: CurrencyReading }[];
}

export interface ContractRecord {
  file: string;
  entities: { start: number; end: number; type: string; text: string; entity: string }[];
  figures: ContractFigure[];
  quotes: {
    start: number;
    end: number;
    text: string;
    kind: string;
    speaker: { name: string; start: number; end: number } | null;
    confidence: number;
  }[];
  subjects: { code: string; label: string; score: number }[];
  topics: { label: string; start: number; end: number; subject: string | null }[];
  articleDate: string | null;
}

/** The record of one file (see {@link contractJsonChunks} for writing a very long one). */
export function toContractRecord(file: string, a: Analysis, norm: NormalizedText): ContractRecord {
  const m = mappers(a, norm);
  return {
    file,
    entities: a.entities.map(m.entity),
    figures: a.figures.map(m.figure),
    quotes: a.quotes.map(m.quote),
    subjects: a.subjects.map(m.subject),
    topics: a.sections.map(m.topic),
    articleDate: a.articleDate ? a.articleDate.value : null,
  };
}

function mappers(a: Analysis, norm: NormalizedText) {
  const raw = (o: number) => norm.toRaw(o);
  const rawText = (start: number, end: number, text: string) => (norm.raw === norm.text ? text : norm.raw.slice(raw(start), raw(end)));
  const groupName = new Map(a.entityGroups.map((g) => [g.id, g.canonical]));
  return {
    entity: (e: Analysis['entities'][number]) => ({
      start: raw(e.start),
      end: raw(e.end),
      type: e.type,
      text: rawText(e.start, e.end, e.text),
      entity: groupName.get(e.entityId) ?? e.text,
    }),
    figure: (f: Analysis['figures'][number]): ContractFigure => {
      const o: ContractFigure = {
        start: raw(f.start),
        end: raw(f.end),
        kind: f.kind,
        text: rawText(f.start, f.end, f.text),
        value: f.value,
        unit: f.unit,
      };
      if (f.valueMax !== undefined) o.valueMax = f.valueMax;
      if (f.approximate) o.approximate = true;
      if (f.noAmount) o.noAmount = true;
      if (f.nonIso) o.nonIso = true;
      if (f.currency) o.currency = f.currency;
      if (f.equivalents) {
        o.equivalents = f.equivalents.map((q) => {
          const x: NonNullable<ContractFigure['equivalents']>[number] = {
            start: raw(q.start),
            end: raw(q.end),
            text: rawText(q.start, q.end, q.text),
            value: q.value,
            unit: q.unit,
          };
          if (q.currency) x.currency = q.currency;
          return x;
        });
      }
      return o;
    },
    quote: (q: Analysis['quotes'][number]) => ({
      start: raw(q.start),
      end: raw(q.end),
      text: rawText(q.start, q.end, q.text),
      kind: q.kind,
      speaker: q.speaker ? { name: q.speaker.name, start: raw(q.speaker.start), end: raw(q.speaker.end) } : null,
      confidence: q.confidence,
    }),
    subject: (s: Analysis['subjects'][number]) => ({ code: s.code, label: s.label, score: s.score }),
    topic: (s: Analysis['sections'][number]) => ({
      label: s.label,
      start: raw(s.start),
      end: raw(s.end),
      subject: s.subject ? s.subject.code : null,
    }),
  };
}

/**
 * `JSON.stringify(toContractRecord(…))` in pieces of about `size` items, so that the record of a very
 * long article is never held whole in memory.
 */
export function* contractJsonChunks(file: string, a: Analysis, norm: NormalizedText, size = 2000): Generator<string> {
  const m = mappers(a, norm);
  yield `{"file":${JSON.stringify(file)}`;
  const lists: [string, readonly unknown[], (x: never) => unknown][] = [
    ['entities', a.entities, m.entity as (x: never) => unknown],
    ['figures', a.figures, m.figure as (x: never) => unknown],
    ['quotes', a.quotes, m.quote as (x: never) => unknown],
    ['subjects', a.subjects, m.subject as (x: never) => unknown],
    ['topics', a.sections, m.topic as (x: never) => unknown],
  ];
  for (const [key, items, map] of lists) {
    yield `,"${key}":[`;
    for (let i = 0; i < items.length; i += size) {
      const part = items.slice(i, i + size).map((x) => JSON.stringify(map(x as never)));
      yield (i ? ',' : '') + part.join(',');
    }
    yield ']';
  }
  yield `,"articleDate":${JSON.stringify(a.articleDate ? a.articleDate.value : null)}}`;
}
