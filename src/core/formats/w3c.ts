/**
 * W3C Web Annotation (JSON-LD). Export: one AnnotationCollection per article with its annotations in
 * an embedded first page; each annotation targets the article (`target.source`) with a
 * TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (code points in the article as
 * decoded: BOM removed, line endings as in the file); its bodies are TextualBodies with `purpose`
 * `tagging` (the type), `identifying` (the entity's canonical name; registry links as
 * SpecificResources), `describing` (a figure's value, a quote's speaker) and `commenting` (the note);
 * `creator` is the reviewer. What the model has beyond that is kept in `na:` properties (our
 * JSON-LD namespace): status, origin, id, value and unit, speaker, confidence, anchor state,
 * disagreement. Nothing is lost: export → import gives the same annotation file.
 *
 * Import reads an Annotation, an array of them, an AnnotationPage, an AnnotationCollection with an
 * embedded page, or JSON Lines; annotations from other tools (no `na:` properties) are imported with
 * origin `import`, their type from the tagging body, their span from the position selector or, when
 * there is none (or the words are not there: Hypothesis counts UTF-16 units), from the quote selector.
 */
import type { Annotation, AnchorState, Conflict, Status } from '../sidecar/model';
import { ANCHOR_STATES, ORIGINS, STATUSES, TYPES, CONTEXT_CHARS, type AnnotationOrigin } from '../sidecar/model';
import {
  labelTarget,
  Losses,
  quoteTypeOf,
  report,
  selectForExport,
  uuidFor,
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

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our JSON-LD namespace for what the model has beyond the Web Annotation vocabulary. */
export const NA_NAMESPACE = 'urn:news-annotator:ns:';
const CONTEXT = [W3C_CONTEXT, { na: NA_NAMESPACE }];

/** The default `target.source` of an article known only by its file name (a relative reference is not an IRI). */
export function defaultSource(name: string): string {
  return 'urn:news-annotator:article:' + encodeURIComponent(name);
}

export function exportW3c(art: ExportArticle, opts: ExportOptions = {}): ExportResult {
  const left = new Losses();
  const lost = new Losses();
  const view = new TextView(withoutBom(art.raw)); // decoders drop the BOM
  const source = art.source ?? defaultSource(art.name);
  const anns = selectForExport(art.annotations, opts, left, true);
  const items = anns.map((a) => annotationJson(a, view, source, art));
  const collection: Json = {
    '@context': CONTEXT,
    id: uuidFor(`${source}\u0000collection`),
    type: 'AnnotationCollection',
    label: `News Annotator annotations of ${art.name}`,
    total: items.length,
  };
  if (items.length) collection.first = { id: uuidFor(`${source}\u0000page 0`), type: 'AnnotationPage', startIndex: 0, items };
  return { content: JSON.stringify(collection, null, 1) + '\n', report: report('w3c', art.name, items.length, left, lost) };
}

function annotationJson(a: Annotation, view: TextView, source: string, art: ExportArticle): Json {
  const body: Json[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.type }];
  if (a.entity !== undefined) body.push({ type: 'TextualBody', purpose: 'identifying', value: a.entity });
  if (a.kind === 'entity') {
    for (const iri of linkIris(art.links?.(a.type, a.entity ?? a.text)))
      body.push({ type: 'SpecificResource', purpose: 'identifying', source: iri });
  }
  if (a.kind === 'figure' && a.value !== undefined && a.value !== null)
    body.push({ type: 'TextualBody', purpose: 'describing', value: `${a.value}${a.unit ? ` ${a.unit}` : ''}` });
  if (a.kind === 'quote' && a.speaker) body.push({ type: 'TextualBody', purpose: 'describing', value: `said by ${a.speaker.name}` });
  if (a.note !== undefined) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
  const selector: Json[] = [];
  if (a.anchor === 'ok') {
    const s = view.toPoint(a.start);
    const e = view.toPoint(a.end);
    selector.push({
      type: 'TextQuoteSelector',
      exact: view.slice(s, e),
      prefix: view.slice(Math.max(0, s - CONTEXT_CHARS), s),
      suffix: view.slice(e, Math.min(view.length, e + CONTEXT_CHARS)),
    });
    selector.push({ type: 'TextPositionSelector', start: s, end: e });
  } else {
    // Not on its words: the words as annotated and their context; an edited one, where its words are now.
    selector.push({ type: 'TextQuoteSelector', exact: a.text, prefix: a.prefix, suffix: a.suffix });
    if (a.anchor === 'modified') selector.push({ type: 'TextPositionSelector', start: view.toPoint(a.start), end: view.toPoint(a.end) });
  }
  const out: Json = {
    id: uuidFor(`${source}\u0000${a.id}`),
    type: 'Annotation',
    motivation: 'tagging',
    body,
    target: { source, selector },
  };
  if (a.by !== undefined) out.creator = { type: 'Person', name: a.by };
  out['na:id'] = a.id;
  out['na:status'] = a.status;
  out['na:origin'] = a.origin;
  if (a.anchor !== 'ok') {
    out['na:anchor'] = a.anchor;
    if (a.anchor !== 'modified') out['na:at'] = view.toPoint(a.start);
    if (a.candidates) out['na:candidates'] = a.candidates.map((c) => view.toPoint(c));
  }
  if (a.value !== undefined) out['na:value'] = a.value;
  if (a.unit !== undefined && a.unit !== null) out['na:unit'] = a.unit;
  if (a.speaker !== undefined) {
    out['na:speaker'] =
      a.speaker === null
        ? null
        : { name: a.speaker.name, text: a.speaker.text, start: view.toPoint(a.speaker.start), end: view.toPoint(a.speaker.end) };
  }
  if (a.confidence !== undefined) out['na:confidence'] = a.confidence;
  if (a.conflict) out['na:conflict'] = { ...a.conflict };
  return out;
}

/** Registry links as IRIs: a Wikidata id as its entity IRI, http(s) links as they are. */
function linkIris(links: Readonly<Record<string, string>> | undefined): string[] {
  if (!links) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(links).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (k === 'wikidata' && /^Q\d+$/.test(v)) out.push(`http://www.wikidata.org/entity/${v}`);
    else if (/^https?:\/\/\S+$/.test(v)) out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Import

/** Reads a W3C file: the annotations grouped by the article they target. */
export function parseW3c(content: string, opts: ImportOptions = {}): ImportParse {
  const values: { v: unknown; where: string }[] = [];
  try {
    values.push({ v: JSON.parse(content), where: '' });
  } catch (e) {
    // JSON Lines: one value a line.
    const lines = content.split(/\r?\n/);
    let bad: string | null = null;
    lines.forEach((l, i) => {
      if (!l.trim() || bad) return;
      try {
        values.push({ v: JSON.parse(l), where: `line ${i + 1}` });
      } catch {
        bad = `line ${i + 1} is not JSON`;
      }
    });
    if (bad || !values.length)
      return {
        docs: [],
        error: `not JSON (${e instanceof Error ? e.message : 'unreadable'})${bad && values.length ? `; as JSON Lines, ${bad}` : ''}`,
      };
  }
  const annotations: { v: Json; where: string }[] = [];
  const collect = (v: unknown, where: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => collect(x, `${where}[${i}]`));
    else if (isObj(v)) {
      const types = asArray(v.type);
      if (types.includes('AnnotationCollection')) {
        if (isObj(v.first)) collect(v.first, `${where}.first`);
      } else if (types.includes('AnnotationPage')) collect(v.items, `${where}.items`);
      else annotations.push({ v, where: where || '$' });
    }
  };
  for (const { v, where } of values) collect(v, where);
  const docs = new Map<string, ImportedDoc>();
  const docFor = (source: string | undefined): ImportedDoc => {
    const k = source ?? '';
    let d = docs.get(k);
    if (!d)
      docs.set(
        k,
        (d = {
          article: source,
          items: [],
          problems: [],
          skipped: [],
          where: source ? `target ${source}` : 'annotations without a target source',
        }),
      );
    return d;
  };
  const skipped = new Map<ImportedDoc, Losses>();
  for (const { v, where } of annotations) {
    const target = firstTarget(v.target);
    const doc = docFor(typeof target?.source === 'string' ? target.source : typeof v.target === 'string' ? v.target : undefined);
    let losses = skipped.get(doc);
    if (!losses) skipped.set(doc, (losses = new Losses()));
    const r = itemOf(v, target, where, opts, losses);
    if (typeof r === 'string') doc.problems.push(`${where}: ${r}`);
    else if (r) doc.items.push(r);
  }
  for (const [doc, l] of skipped) doc.skipped = l.list();
  return { docs: [...docs.values()] };
}

function itemOf(v: Json, target: Json | null, where: string, opts: ImportOptions, skipped: Losses): ImportedItem | string | null {
  if (!asArray(v.type).includes('Annotation')) return 'not an Annotation (no type Annotation)';
  if (!target) return 'no target with selectors (a whole-document annotation has no span)';
  const selectors = asArray(target.selector).filter(isObj);
  const pos = selectors.find((s) => s.type === 'TextPositionSelector');
  const q = selectors.find((s) => s.type === 'TextQuoteSelector');
  const bodies = asArray(v.body).filter(isObj);
  const tag = bodies.find((b) => b.purpose === 'tagging' && typeof b.value === 'string');
  if (!tag) return 'no tagging body (its type)';
  const label = tag.value as string;
  const anchor = ANCHOR_STATES.includes(v['na:anchor'] as AnchorState) ? (v['na:anchor'] as AnchorState) : 'ok';
  let start = -1;
  let end = -1;
  if (pos && Number.isSafeInteger(pos.start) && Number.isSafeInteger(pos.end)) {
    start = pos.start as number;
    end = pos.end as number;
  } else if (anchor === 'ambiguous' || anchor === 'orphaned') {
    start = end = Number.isSafeInteger(v['na:at']) ? (v['na:at'] as number) : 0;
  }
  const exact = q && typeof q.exact === 'string' ? q.exact : undefined;
  if (start < 0 && exact === undefined) return 'no TextPositionSelector or TextQuoteSelector';
  const t = labelTarget(label, opts.labels);
  let type: string;
  let kind: ImportedItem['kind'];
  if (t === null) {
    skipped.add(`annotations tagged ${JSON.stringify(label)} (no such type; map it with --map ${label}=TYPE)`);
    return null;
  } else if (t === 'skip' || t === 'speaker') {
    skipped.add(`annotations tagged ${JSON.stringify(label)} (--map: ${t})`);
    return null;
  } else if (t === 'quote') {
    type = quoteTypeOf(exact ?? '');
    kind = 'quote';
  } else ({ type, kind } = t);
  const status = STATUSES.includes(v['na:status'] as Status) ? (v['na:status'] as Status) : (opts.status ?? 'accepted');
  const origin = ORIGINS.includes(v['na:origin'] as AnnotationOrigin) ? (v['na:origin'] as AnnotationOrigin) : 'import';
  const item: ImportedItem = { kind, type, start, end, status, origin, where };
  if (exact !== undefined && anchor === 'ok') {
    item.quote = { exact };
    if (typeof q!.prefix === 'string') item.quote.prefix = q!.prefix;
    if (typeof q!.suffix === 'string') item.quote.suffix = q!.suffix;
  }
  // Our own annotations (na:id) name the entity in an identifying body; other tools often put an IRI there.
  const ours = typeof v['na:id'] === 'string';
  const ident = bodies.find(
    (b) =>
      b.purpose === 'identifying' &&
      b.type === 'TextualBody' &&
      typeof b.value === 'string' &&
      (ours || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(b.value)),
  );
  if (ident && kind === 'entity') item.entity = ident.value as string;
  const notes = bodies.filter((b) => b.purpose === 'commenting' && typeof b.value === 'string').map((b) => b.value as string);
  if (notes.length) item.note = notes.join('\n');
  const creator = asArray(v.creator).find(isObj);
  if (creator && typeof creator.name === 'string') item.by = creator.name;
  if ('na:value' in v) {
    const x = v['na:value'];
    if (x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))) item.value = x;
  }
  if (typeof v['na:unit'] === 'string') item.unit = v['na:unit'];
  if (typeof v['na:confidence'] === 'number' && v['na:confidence'] >= 0 && v['na:confidence'] <= 1) item.confidence = v['na:confidence'];
  if ('na:speaker' in v && kind === 'quote') {
    const sp = v['na:speaker'];
    if (sp === null) item.speaker = null;
    else if (isObj(sp) && typeof sp.name === 'string' && Number.isSafeInteger(sp.start) && Number.isSafeInteger(sp.end)) {
      item.speaker = { name: sp.name, start: sp.start as number, end: sp.end as number };
      if (typeof sp.text === 'string') (item.model ??= {}).speakerText = sp.text;
    }
  }
  if (typeof v['na:id'] === 'string' && /^[a-z][a-z0-9-]{0,63}$/.test(v['na:id'])) (item.model ??= {}).id = v['na:id'];
  if (anchor !== 'ok') {
    const m = (item.model ??= {});
    m.anchor = anchor;
    if (exact !== undefined) m.text = exact;
    if (typeof q?.prefix === 'string') m.prefix = q.prefix;
    if (typeof q?.suffix === 'string') m.suffix = q.suffix;
    if (Array.isArray(v['na:candidates']))
      m.candidates = (v['na:candidates'] as unknown[]).filter((c): c is number => Number.isSafeInteger(c) && (c as number) >= 0);
  }
  const c = v['na:conflict'];
  if (isObj(c) && STATUSES.includes(c.status as Status)) {
    const conflict: Conflict = { status: c.status as Status };
    for (const k of ['type', 'entity', 'note', 'by'] as const) if (typeof c[k] === 'string') conflict[k] = c[k] as string;
    if (conflict.type === undefined || TYPES[kind].includes(conflict.type)) (item.model ??= {}).conflict = conflict;
  }
  return item;
}

function firstTarget(t: unknown): Json | null {
  for (const x of asArray(t)) if (isObj(x) && x.selector !== undefined) return x;
  return null;
}

function asArray(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
