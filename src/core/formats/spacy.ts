/**
 * spaCy-style JSONL (export only): one line per article, `{"text", "ents", "spans", "meta"}` — the
 * text as in the file (BOM removed, line endings kept), entities as `ents` (`start`, `end` in code
 * points, `label`, `kb_id` = the entity's canonical name), quotes and figures as span groups
 * `spans.quotes` / `spans.figures` (the shape of displaCy's manual input and of `Doc.to_json`).
 * `ents` cannot overlap: an entity overlapping an earlier one goes to `spans.entities_overlapping`.
 * A quote's speaker rides along as a `speaker` key of its span (spaCy does not read it).
 * Rejected suggestions are left out (the format has no decisions); suggestions are written like
 * decisions, which the report counts.
 */
import type { Annotation } from '../sidecar/model';
import {
  countFieldLosses,
  Losses,
  report,
  selectForExport,
  withoutBom,
  type ExportArticle,
  type ExportOptions,
  type ExportResult,
} from './common';
import { TextView } from './offsets';

interface Span {
  start: number;
  end: number;
  label: string;
  kb_id?: string;
  speaker?: { start: number; end: number; name: string } | null;
}

export function exportSpacy(art: ExportArticle, opts: ExportOptions = {}): ExportResult {
  const left = new Losses();
  const lost = new Losses();
  const seen = withoutBom(art.raw);
  const view = new TextView(seen);
  const anns = selectForExport(art.annotations, opts, left).filter(
    (a) => a.status !== 'rejected' || (left.add('rejected suggestions (the format records no decision)'), false),
  );
  anns.sort((a, b) => a.start - b.start || b.end - a.end);
  const span = (a: Annotation): Span => ({ start: view.toPoint(a.start), end: view.toPoint(a.end), label: a.type });
  const ents: Span[] = [];
  const overlapping: Span[] = [];
  const quotes: Span[] = [];
  const figures: Span[] = [];
  let lastEnd = -1;
  for (const a of anns) {
    const s = span(a);
    if (a.kind === 'entity') {
      if (a.entity !== undefined) s.kb_id = a.entity;
      if (a.start < lastEnd) overlapping.push(s);
      else {
        ents.push(s);
        lastEnd = a.end;
      }
    } else if (a.kind === 'quote') {
      if (a.speaker !== undefined)
        s.speaker = a.speaker && { start: view.toPoint(a.speaker.start), end: view.toPoint(a.speaker.end), name: a.speaker.name };
      quotes.push(s);
    } else figures.push(s);
  }
  if (overlapping.length)
    lost.add('overlapping entities (doc.ents cannot overlap: written to spans.entities_overlapping)', overlapping.length);
  countFieldLosses(anns, lost, { entity: true, speaker: true, figures: true, quotes: true });
  const spans: Record<string, Span[]> = { quotes, figures };
  if (overlapping.length) spans.entities_overlapping = overlapping;
  const line = JSON.stringify({ text: seen, ents, spans, meta: { article: art.path ?? art.name } });
  return { content: line + '\n', report: report('spacy', art.name, anns.length, left, lost) };
}
