/**
 * doccano JSONL: one line per article in the relation-extraction shape, `{"text", "entities":
 * [{id, label, start_offset, end_offset}], "relations": [{id, from_id, to_id, type}], "article"}`
 * (doccano keeps `article` as metadata), offsets in code points of `text` (the file's text, BOM
 * removed, line endings kept). Entities, figures and quotes are all labelled spans; a quote's speaker
 * is a `speaker` relation from the quote to the span of its mention (the entity there, else a
 * `Speaker` span). doccano records no decision: rejected suggestions are left out, suggestions are
 * written like decisions (the report counts both).
 *
 * Import also reads the sequence-labelling shape `{"text", "label": [[start, end, "TYPE"], …]}`
 * (and `label` as objects), a JSON array of records, or one pretty-printed record; labels are taken
 * as accepted (`--status suggested` to review them first), origin `import`.
 */
import type { Annotation } from '../sidecar/model';
import {
  countFieldLosses,
  labelTarget,
  Losses,
  quoteTypeOf,
  report,
  selectForExport,
  withoutBom,
  isObj,
  type ExportArticle,
  type Json,
  type ExportOptions,
  type ExportResult,
  type ImportedDoc,
  type ImportedItem,
  type ImportOptions,
  type ImportParse,
} from './common';
import { parseJsonOrLines, SPEAKER_LABEL } from './labelstudio';
import { TextView } from './offsets';

export function exportDoccano(art: ExportArticle, opts: ExportOptions = {}): ExportResult {
  const left = new Losses();
  const lost = new Losses();
  const seen = withoutBom(art.raw);
  const view = new TextView(seen);
  const anns = selectForExport(art.annotations, opts, left)
    .filter((a) => a.status !== 'rejected' || (left.add('rejected suggestions (doccano records no decision)'), false))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const entities: { id: number; label: string; start_offset: number; end_offset: number }[] = [];
  const relations: { id: number; from_id: number; to_id: number; type: string }[] = [];
  const idOf = new Map<Annotation, number>();
  const entityAt = new Map<string, number>();
  for (const a of anns) {
    const id = entities.length + 1;
    entities.push({ id, label: a.type, start_offset: view.toPoint(a.start), end_offset: view.toPoint(a.end) });
    idOf.set(a, id);
    if (a.kind === 'entity' && !entityAt.has(`${a.start}:${a.end}`)) entityAt.set(`${a.start}:${a.end}`, id);
  }
  for (const a of anns) {
    if (a.kind !== 'quote' || !a.speaker || a.speaker.end <= a.speaker.start) continue;
    const key = `${a.speaker.start}:${a.speaker.end}`;
    let to = entityAt.get(key);
    if (to === undefined) {
      to = entities.length + 1;
      entities.push({ id: to, label: SPEAKER_LABEL, start_offset: view.toPoint(a.speaker.start), end_offset: view.toPoint(a.speaker.end) });
      entityAt.set(key, to);
    }
    relations.push({ id: relations.length + 1, from_id: idOf.get(a)!, to_id: to, type: 'speaker' });
  }
  lost.add(
    'speaker names other than the words of their mention',
    anns.filter((a) => a.speaker && a.speaker.name !== a.speaker.text).length,
  );
  countFieldLosses(anns, lost, { speaker: true, figures: true, quotes: true });
  const line = JSON.stringify({ text: seen, entities, relations, article: art.path ?? art.name });
  return { content: line + '\n', report: report('doccano', art.name, anns.length, left, lost) };
}

/** A labelled span of a doccano record, from `entities` or `label`. */
interface DoccanoSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  where: string;
}

export function parseDoccano(content: string, opts: ImportOptions = {}): ImportParse {
  const parsed = parseJsonOrLines(content);
  if ('error' in parsed) return { docs: [], error: parsed.error };
  const records = parsed.values.flatMap((v) =>
    Array.isArray(v.value)
      ? v.value.map((r, i) => ({ r, where: `${v.where}record ${i + 1}` }))
      : [{ r: v.value, where: v.where ? v.where.replace(/: $/, '') : 'record' }],
  );
  const docs: ImportedDoc[] = [];
  for (const { r, where } of records) {
    if (!isObj(r) || typeof r.text !== 'string') {
      docs.push({ items: [], problems: [`${where}: no text`], skipped: [], where });
      continue;
    }
    docs.push(parseRecord(r, r.text, where, opts));
  }
  return { docs };
}

/** One record, `text` its text: its spans become items, its `speaker` relations their speakers. */
function parseRecord(r: Json, text: string, where: string, opts: ImportOptions): ImportedDoc {
  const meta = isObj(r.meta) ? r.meta : {};
  const article = typeof r.article === 'string' ? r.article : typeof meta.article === 'string' ? meta.article : undefined;
  const doc: ImportedDoc = {
    article,
    text,
    items: [],
    problems: [],
    skipped: [],
    where: article ? `${where} (${article})` : where,
  };
  const skipped = new Losses();
  const spans = recordSpans(r, where, doc, skipped);
  const byId = new Map<string, ImportedItem>();
  const speakers = new Map<string, { start: number; end: number }>();
  for (const s of spans) {
    const target = labelTarget(s.label, opts.labels);
    if (target === 'speaker') {
      speakers.set(s.id, s);
      continue;
    }
    if (target === null || target === 'skip') {
      skipped.add(
        target === null
          ? `spans labelled ${JSON.stringify(s.label)} (no such type; map it with --map ${s.label}=TYPE)`
          : `spans labelled ${JSON.stringify(s.label)} (--map: skip)`,
      );
      continue;
    }
    const words = s.end >= s.start ? Array.from(text).slice(s.start, s.end).join('') : '';
    const kind = target === 'quote' ? 'quote' : target.kind;
    const item: ImportedItem = {
      kind,
      type: target === 'quote' ? quoteTypeOf(words) : target.type,
      start: s.start,
      end: s.end,
      status: opts.status ?? 'accepted',
      origin: 'import',
      where: s.where,
    };
    if (kind === 'quote') item.speaker = null;
    doc.items.push(item);
    byId.set(s.id, item);
  }
  if (Array.isArray(r.relations)) {
    for (const rel of r.relations) {
      if (!isObj(rel)) continue;
      const from = byId.get(String(rel.from_id));
      const toId = String(rel.to_id);
      const to = speakers.get(toId) ?? (byId.get(toId)?.kind === 'entity' ? byId.get(toId) : undefined);
      if (from?.kind === 'quote' && to && /speak|source|said|attribut/i.test(String(rel.type ?? 'speaker')))
        from.speaker = { start: to.start, end: to.end };
      else skipped.add(`relations of type ${JSON.stringify(String(rel.type))} (only a quote’s speaker is held)`);
    }
  }
  doc.skipped = skipped.list();
  return doc;
}

/** The spans of a record: its `entities` (relation-extraction shape), then its `label`s (sequence labelling). */
function recordSpans(r: Json, where: string, doc: ImportedDoc, skipped: Losses): DoccanoSpan[] {
  const spans: DoccanoSpan[] = [];
  if (Array.isArray(r.entities)) {
    r.entities.forEach((e, i) => {
      if (isObj(e) && Number.isSafeInteger(e.start_offset) && Number.isSafeInteger(e.end_offset) && typeof e.label === 'string')
        spans.push({
          id: String(e.id ?? `#${i}`),
          start: e.start_offset as number,
          end: e.end_offset as number,
          label: e.label,
          where: `${where} entity ${i + 1}`,
        });
      else doc.problems.push(`${where} entity ${i + 1}: expected {id, label, start_offset, end_offset}`);
    });
  }
  const labels = Array.isArray(r.label) ? r.label : Array.isArray(r.labels) ? r.labels : [];
  labels.forEach((l, i) => {
    if (Array.isArray(l) && l.length >= 3 && Number.isSafeInteger(l[0]) && Number.isSafeInteger(l[1]) && typeof l[2] === 'string')
      spans.push({ id: `label ${i}`, start: l[0], end: l[1], label: l[2], where: `${where} label ${i + 1}` });
    else if (isObj(l) && Number.isSafeInteger(l.start_offset) && Number.isSafeInteger(l.end_offset) && typeof l.label === 'string')
      spans.push({
        id: `label ${i}`,
        start: l.start_offset as number,
        end: l.end_offset as number,
        label: l.label,
        where: `${where} label ${i + 1}`,
      });
    else if (typeof l === 'string') skipped.add('document categories (text classification labels)');
    else doc.problems.push(`${where} label ${i + 1}: expected [start, end, "LABEL"]`);
  });
  return spans;
}
