/**
 * The CLI's `analyze --json` record: offsets in the file's raw text (BOM removed, line endings
 * kept), UTF-16 code units, end exclusive. This shape is a public contract; extend, never change.
 */
import type { Analysis } from './types';
import type { NormalizedText } from './text';

export interface ContractRecord {
  file: string;
  entities: { start: number; end: number; type: string; text: string; entity: string }[];
  figures: { start: number; end: number; kind: string; text: string; value: number | string | null; unit: string | null }[];
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

export function toContractRecord(file: string, a: Analysis, norm: NormalizedText): ContractRecord {
  const raw = (o: number) => norm.toRaw(o);
  const rawText = (start: number, end: number, text: string) => (norm.raw === norm.text ? text : norm.raw.slice(raw(start), raw(end)));
  const groupName = new Map(a.entityGroups.map((g) => [g.id, g.canonical]));
  return {
    file,
    entities: a.entities.map((e) => ({ start: raw(e.start), end: raw(e.end), type: e.type, text: rawText(e.start, e.end, e.text), entity: groupName.get(e.entityId) ?? e.text })),
    figures: a.figures.map((f) => ({ start: raw(f.start), end: raw(f.end), kind: f.kind, text: rawText(f.start, f.end, f.text), value: f.value, unit: f.unit })),
    quotes: a.quotes.map((q) => ({
      start: raw(q.start),
      end: raw(q.end),
      text: rawText(q.start, q.end, q.text),
      kind: q.kind,
      speaker: q.speaker ? { name: q.speaker.name, start: raw(q.speaker.start), end: raw(q.speaker.end) } : null,
      confidence: q.confidence,
    })),
    subjects: a.subjects.map((s) => ({ code: s.code, label: s.label, score: s.score })),
    topics: a.sections.map((s) => ({ label: s.label, start: raw(s.start), end: raw(s.end), subject: s.subject ? s.subject.code : null })),
    articleDate: a.articleDate ? a.articleDate.value : null,
  };
}
