/**
 * Label Studio tasks JSON: `[{ data: {text, article}, annotations: [{result}], predictions:
 * [{model_version, result}] }]`, one task per article. Regions are `labels` results with `value
 * {start, end, text, labels}` in code points of `data.text` (the file's text, BOM removed, line
 * endings kept); a quote's speaker is a `relation` result from the quote to its speaker's region (the
 * entity annotation on that span, else a `Speaker` region). Suggestions are `predictions` (with
 * `value.score` = confidence), decisions are `annotations`; a reviewer's note is the region's
 * `meta.text`. {@link LABEL_STUDIO_CONFIG} is the matching labeling configuration.
 *
 * Import reads tasks (an array, one task, or JSON Lines): every annotation's regions → accepted,
 * predictions → suggested, origin `import`; the article is `data.article`, or the CLI's `--article`.
 * Label Studio has no rejected region: rejections are not exported (the report counts them).
 */
import { TYPES, type Annotation } from '../sidecar/model';
import {
  countFieldLosses,
  labelTarget,
  Losses,
  quoteTypeOf,
  report,
  selectForExport,
  withoutBom,
  isObj,
  type Json,
  type ExportArticle,
  type ExportOptions,
  type ExportResult,
  type ImportedDoc,
  type ImportedItem,
  type ImportOptions,
  type ImportParse,
} from './common';
import { TextView } from './offsets';

export const SPEAKER_LABEL = 'Speaker';

/** The labeling configuration of the tasks we write (Label Studio: project → Settings → Labeling Interface → Code). */
export const LABEL_STUDIO_CONFIG = `<View>
  <Labels name="label" toName="text">
${[...TYPES.entity, ...TYPES.figure, ...TYPES.quote, SPEAKER_LABEL].map((l) => `    <Label value="${l}"/>`).join('\n')}
  </Labels>
  <Relations>
    <Relation value="speaker"/>
  </Relations>
  <Text name="text" value="$text"/>
</View>
`;

export function exportLabelStudio(art: ExportArticle, opts: ExportOptions = {}): ExportResult {
  const left = new Losses();
  const lost = new Losses();
  const seen = withoutBom(art.raw);
  const view = new TextView(seen);
  const anns = selectForExport(art.annotations, opts, left).filter(
    (a) => a.status !== 'rejected' || (left.add('rejected suggestions (Label Studio has no rejected region)'), false),
  );
  const region = (id: string, start: number, end: number, label: string, extra: Json = {}): Json => {
    const s = view.toPoint(start);
    const e = view.toPoint(end);
    return {
      id,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      value: { start: s, end: e, text: view.slice(s, e), labels: [label], ...extra },
    };
  };
  const results = (list: Annotation[], prediction: boolean): Json[] => {
    const out: Json[] = [];
    const entityAt = new Map<string, string>();
    for (const a of list) {
      const r = region(a.id, a.start, a.end, a.type, prediction && a.confidence !== undefined ? { score: a.confidence } : {});
      if (a.note !== undefined) r.meta = { text: [a.note] };
      out.push(r);
      if (a.kind === 'entity' && !entityAt.has(`${a.start}:${a.end}`)) entityAt.set(`${a.start}:${a.end}`, a.id);
    }
    for (const a of list) {
      if (a.kind !== 'quote' || !a.speaker || a.speaker.end <= a.speaker.start) continue;
      const key = `${a.speaker.start}:${a.speaker.end}`;
      let to = entityAt.get(key);
      if (!to) {
        to = `${a.id}-speaker`;
        out.push(region(to, a.speaker.start, a.speaker.end, SPEAKER_LABEL));
        entityAt.set(key, to);
      }
      out.push({ type: 'relation', from_id: a.id, to_id: to, direction: 'right', labels: ['speaker'] });
    }
    return out;
  };
  const decided = anns.filter((a) => a.status === 'accepted');
  const suggested = anns.filter((a) => a.status === 'suggested');
  const task: Json = { data: { text: seen, article: art.path ?? art.name } };
  if (decided.length) task.annotations = [{ result: results(decided, false), ground_truth: false }];
  if (suggested.length) task.predictions = [{ model_version: 'news-annotator', result: results(suggested, true) }];
  lost.add(
    'speaker names other than the words of their mention',
    anns.filter((a) => a.speaker && a.speaker.name !== a.speaker.text).length,
  );
  countFieldLosses(anns, lost, { status: true, note: true, speaker: true, figures: true, quotes: true, confidence: true });
  return { content: JSON.stringify([task], null, 1) + '\n', report: report('label-studio', art.name, anns.length, left, lost) };
}

/** The state of reading one task: its doc and what its results have given so far. */
interface TaskParse {
  doc: ImportedDoc;
  skipped: Losses;
  opts: ImportOptions;
  /** Items by the id of their region. */
  byId: Map<string, ImportedItem>;
  /** `kind:start:end` of the items taken (one annotation per kind and span). */
  taken: Set<string>;
  /** Regions labelled as speakers, by id. */
  speakerRegions: Map<string, { start: number; end: number }>;
}

/** Where a result list comes from: an annotation (decided) or a prediction (suggested, with its score). */
interface ResultSource {
  status: 'accepted' | 'suggested';
  score: unknown;
  where: string;
}

export function parseLabelStudio(content: string, opts: ImportOptions = {}): ImportParse {
  const parsed = parseJsonOrLines(content);
  if ('error' in parsed) return { docs: [], error: parsed.error };
  const tasks = parsed.values.flatMap((v) =>
    Array.isArray(v.value) ? v.value.map((t, i) => ({ t, where: `${v.where}task ${i + 1}` })) : [{ t: v.value, where: `${v.where}task` }],
  );
  const docs: ImportedDoc[] = [];
  for (const { t, where } of tasks) {
    if (!isObj(t) || !isObj(t.data)) {
      docs.push({ items: [], problems: [`${where}: not a task (no data object)`], skipped: [], where });
      continue;
    }
    docs.push(parseTask(t, t.data, where, opts));
  }
  return { docs };
}

/** One task, `data` its data object: its annotators' results, then its predictions. */
function parseTask(t: Json, data: Json, where: string, opts: ImportOptions): ImportedDoc {
  const strings = Object.entries(data).filter(([, v]) => typeof v === 'string') as [string, string][];
  const text = typeof data.text === 'string' ? data.text : strings.length === 1 ? strings[0]![1] : undefined;
  const article = typeof data.article === 'string' ? data.article : undefined;
  const doc: ImportedDoc = { article, items: [], problems: [], skipped: [], where: article ? `${where} (${article})` : where };
  if (text === undefined) {
    doc.problems.push(`${where}: no data.text`);
    return doc;
  }
  doc.text = text;
  const task: TaskParse = { doc, skipped: new Losses(), opts, byId: new Map(), taken: new Set(), speakerRegions: new Map() };
  const annotations = Array.isArray(t.annotations) ? t.annotations : Array.isArray(t.completions) ? t.completions : [];
  annotations.forEach((a, i) => {
    if (!isObj(a)) return;
    if (a.was_cancelled === true) return void task.skipped.add('cancelled annotations');
    takeResults(task, a.result, { status: 'accepted', score: undefined, where: `${where} annotation ${i + 1}` });
  });
  const predictions = Array.isArray(t.predictions) ? t.predictions : [];
  predictions.forEach((p, i) => {
    if (isObj(p)) takeResults(task, p.result, { status: 'suggested', score: p.score, where: `${where} prediction ${i + 1}` });
  });
  doc.skipped = task.skipped.list();
  return doc;
}

/** Reads one result list: its labelled regions become items, then its relations give quotes their speakers. */
function takeResults(task: TaskParse, results: unknown, source: ResultSource): void {
  const { doc, skipped, byId, taken, speakerRegions } = task;
  const { status, score, where: w } = source;
  const list = Array.isArray(results) ? results : [];
  const relations: Json[] = [];
  for (const [i, r] of list.entries()) {
    if (!isObj(r)) continue;
    if (r.type === 'relation') {
      relations.push(r);
      continue;
    }
    const v = r.value;
    if (!isObj(v) || !Array.isArray(v.labels) || !Number.isSafeInteger(v.start) || !Number.isSafeInteger(v.end)) {
      skipped.add(`results of type ${String(r.type)} (only labelled text spans are read)`);
      continue;
    }
    const label = String(v.labels[0] ?? '');
    if (v.labels.length > 1) skipped.add('second labels of one region (the model has one type)');
    const target = labelTarget(label, task.opts.labels);
    const id = typeof r.id === 'string' ? r.id : `${w}[${i}]`;
    if (target === 'speaker') {
      speakerRegions.set(id, { start: v.start as number, end: v.end as number });
      continue;
    }
    if (target === null || target === 'skip') {
      skipped.add(
        target === null
          ? `regions labelled ${JSON.stringify(label)} (no such type; map it with --map ${label}=TYPE)`
          : `regions labelled ${JSON.stringify(label)} (--map: skip)`,
      );
      continue;
    }
    const words = typeof v.text === 'string' ? v.text : undefined;
    const kind = target === 'quote' ? 'quote' : target.kind;
    const item: ImportedItem = {
      kind,
      type: target === 'quote' ? quoteTypeOf(words ?? '') : target.type,
      start: v.start as number,
      end: v.end as number,
      status,
      origin: 'import',
      where: `${w} result ${i + 1}${typeof r.id === 'string' ? ` (${r.id})` : ''}`,
    };
    if (words !== undefined) item.quote = { exact: words };
    const conf = typeof v.score === 'number' ? v.score : typeof score === 'number' ? score : undefined;
    if (status === 'suggested' && conf !== undefined && conf >= 0 && conf <= 1) item.confidence = conf;
    if (isObj(r.meta) && Array.isArray(r.meta.text) && r.meta.text.length) item.note = r.meta.text.map(String).join('\n');
    if (kind === 'quote') item.speaker = null;
    // One annotation per kind and span: annotators' regions before predictions, the first of each.
    const key = `${kind}:${item.start}:${item.end}`;
    if (taken.has(key)) {
      skipped.add(
        status === 'accepted'
          ? 'regions another annotation of the task already has (the first is kept)'
          : 'predictions of a span already annotated or predicted (the first is kept)',
      );
      continue;
    }
    taken.add(key);
    doc.items.push(item);
    byId.set(id, item);
  }
  for (const r of relations) {
    const from = byId.get(String(r.from_id));
    const to = byId.get(String(r.to_id));
    const sp = speakerRegions.get(String(r.to_id)) ?? (to && to.kind === 'entity' ? to : undefined);
    const quote = from?.kind === 'quote' ? from : undefined;
    if (quote && sp) quote.speaker = { start: sp.start, end: sp.end };
    else skipped.add('relations other than a quote’s speaker');
  }
}

/** A JSON document (object or array), else JSON Lines. */
export function parseJsonOrLines(content: string): { values: { value: unknown; where: string }[] } | { error: string } {
  const src = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  try {
    return { values: [{ value: JSON.parse(src), where: '' }] };
  } catch (e) {
    const values: { value: unknown; where: string }[] = [];
    const lines = src.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.trim()) continue;
      try {
        values.push({ value: JSON.parse(lines[i]!), where: `line ${i + 1}: ` });
      } catch {
        return { error: values.length ? `line ${i + 1} is not JSON` : `not JSON (${e instanceof Error ? e.message : 'unreadable'})` };
      }
    }
    return values.length ? { values } : { error: 'empty file' };
  }
}
