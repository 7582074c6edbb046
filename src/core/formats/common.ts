/**
 * What the format converters share: the shape of an export and its report of what the format cannot
 * hold, the shape of an import before it is placed on the article, placing it (offsets, text checks,
 * re-anchoring when the text the other tool saw differs), and the labels other tools use for our types.
 *
 * Pure: no file system. The CLI (`src/node/exchange.ts`) and the editor read and write the files.
 */
import { sha256 } from '../hash';
import { reanchor } from '../sidecar/anchor';
import {
  assignIds,
  contextAround,
  kindOfType,
  type AnchorState,
  type Annotation,
  type AnnotationKind,
  type AnnotationOrigin,
  type Conflict,
  type Status,
} from '../sidecar/model';
import { codePointLength, TextView } from './offsets';

export type FormatId = 'w3c' | 'brat' | 'spacy' | 'conll' | 'label-studio' | 'doccano';

/** One article to export. */
export interface ExportArticle {
  /** The article's file name, e.g. `port-strike.txt`. */
  name: string;
  /** Its path below the exported folder (`/`-separated), written where a format names the article; default: {@link name}. */
  path?: string;
  /**
   * The article as decoded from its file: a BOM (U+FEFF) at the start when the file has one, line
   * endings as in the file. Offsets are written for this text (see each format for the BOM).
   */
  raw: string;
  /** Its annotations, offsets in the normalized text (UTF-16, LF, no BOM). */
  annotations: readonly Annotation[];
  /**
   * W3C: the IRI of the article (`target.source`). Default: the file name as a relative IRI is not
   * allowed, so `urn:news-annotator:article:NAME`.
   */
  source?: string;
  /** Registry links (`wikidata: Q22686` …) of an entity by type and canonical name, when a registry is known. */
  links?: (type: string, name: string) => Readonly<Record<string, string>> | undefined;
}

export interface ExportOptions {
  /** Only accepted annotations (for training data); default: everything the format can hold. */
  acceptedOnly?: boolean;
}

/** A count of one kind of thing left out or lost, with a sentence that says what. */
export interface Loss {
  what: string;
  count: number;
}

export interface ExportReport {
  format: FormatId;
  article: string;
  /** Annotations written. */
  exported: number;
  /** Annotations not written at all, by reason. */
  left: Loss[];
  /** What the written annotations had that the format cannot hold. */
  lost: Loss[];
}

export interface ExportResult {
  content: string;
  report: ExportReport;
}

/** Counts losses by sentence, in the order first seen. */
export class Losses {
  private readonly m = new Map<string, number>();
  add(what: string, n = 1): void {
    if (n > 0) this.m.set(what, (this.m.get(what) ?? 0) + n);
  }
  list(): Loss[] {
    return [...this.m].map(([what, count]) => ({ what, count }));
  }
}

/**
 * The annotations an export writes, and what it leaves out for reasons every position-based format
 * shares: annotations not on their words (edited, ambiguous, orphaned: no position to give), and
 * everything but accepted ones with {@link ExportOptions.acceptedOnly}.
 */
export function selectForExport(anns: readonly Annotation[], opts: ExportOptions, left: Losses, keepUnanchored = false): Annotation[] {
  const out: Annotation[] = [];
  for (const a of anns) {
    if (opts.acceptedOnly && a.status !== 'accepted') left.add('not accepted (--accepted-only)');
    else if (a.anchor !== 'ok' && !keepUnanchored)
      left.add(`${a.anchor === 'modified' ? 'edited since annotated' : a.anchor} (not on their words in the article): no position to give`);
    else out.push(a);
  }
  return out;
}

/** Counts what the model fields of written annotations hold that a format has no place for. */
export function countFieldLosses(anns: readonly Annotation[], lost: Losses, holds: Partial<Record<LossField, boolean>>): void {
  for (const a of anns) {
    for (const f of LOSS_FIELDS) {
      if (holds[f]) continue;
      if (FIELD_PRESENT[f](a)) lost.add(FIELD_SENTENCE[f]);
    }
  }
}

export type LossField =
  'status' | 'origin' | 'by' | 'note' | 'entity' | 'value' | 'speaker' | 'confidence' | 'conflict' | 'figures' | 'quotes' | 'id';
const LOSS_FIELDS: LossField[] = [
  'figures',
  'quotes',
  'status',
  'origin',
  'by',
  'note',
  'entity',
  'value',
  'speaker',
  'confidence',
  'conflict',
  'id',
];
const FIELD_PRESENT: Record<LossField, (a: Annotation) => boolean> = {
  figures: (a) => a.kind === 'figure',
  quotes: (a) => a.kind === 'quote',
  status: (a) => a.status !== 'accepted',
  origin: () => true,
  by: (a) => a.by !== undefined,
  note: (a) => a.note !== undefined,
  entity: (a) => a.entity !== undefined,
  value: (a) => a.value !== undefined || (a.unit !== undefined && a.unit !== null),
  speaker: (a) => !!a.speaker,
  confidence: (a) => a.confidence !== undefined,
  conflict: (a) => a.conflict !== undefined,
  id: () => true,
};
const FIELD_SENTENCE: Record<LossField, string> = {
  figures: 'figures (the format holds names only)',
  quotes: 'quotes (the format holds names only)',
  status: 'status (suggested or rejected: the format records no decision)',
  origin: 'origin (model, reviewer or import)',
  by: 'reviewer (by)',
  note: 'reviewer notes',
  entity: 'entity links (canonical names)',
  value: 'figure values and units',
  speaker: 'quote speakers',
  confidence: 'confidences',
  conflict: 'disagreements from a merge (conflict)',
  id: 'annotation ids (an import derives them again from the words and their context)',
};

/** A report. */
export function report(format: FormatId, article: string, exported: number, left: Losses, lost: Losses): ExportReport {
  return { format, article, exported, left: left.list(), lost: lost.list() };
}

/** Seen text for formats that embed the text (spaCy, Label Studio, doccano): the file's characters without the BOM. */
export function withoutBom(raw: string): string {
  return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
}

export type Json = Record<string, unknown>;

/** A JSON object (not an array, not null). */
export function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A deterministic `urn:uuid:` (version 8, from SHA-256) for a name. */
export function uuidFor(name: string): string {
  const h = sha256(name);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// Import

/** One annotation read from another tool's file, offsets in code points of the text it saw. */
export interface ImportedItem {
  kind: AnnotationKind;
  type: string;
  /** Code points in the text the tool saw; -1 when the file gives no position (see {@link quote}). */
  start: number;
  end: number;
  /** What the file says the span reads, when it says (checked against the text). */
  text?: string;
  /**
   * W3C TextQuoteSelector: the words and a little context. Used to find the span when the file gives
   * no position, or a position where the words are not (Hypothesis counts UTF-16 units, not points).
   */
  quote?: { exact: string; prefix?: string; suffix?: string };
  status: Status;
  origin: AnnotationOrigin;
  by?: string;
  note?: string;
  entity?: string;
  value?: number | string | null;
  unit?: string | null;
  confidence?: number;
  /** Quotes: the speaker's mention (code points) and name; null: no speaker. */
  speaker?: { start: number; end: number; name?: string } | null;
  /** The rest of a model annotation, for a lossless format (W3C): id, anchor state, the recorded words. */
  model?: {
    id?: string;
    anchor?: AnchorState;
    text?: string;
    prefix?: string;
    suffix?: string;
    /** Ambiguous: candidate places (code points). */
    candidates?: number[];
    conflict?: Conflict;
    /** The speaker's recorded text when it differs from the article. */
    speakerText?: string;
  };
  /** Where it is in the file, for messages (`T12`, `line 4`, `items[3]`). */
  where: string;
}

/** One article's worth of annotations read from a file. */
export interface ImportedDoc {
  /** The article the file names (W3C `target.source`, a Label Studio task's `data.article`, …), if any. */
  article?: string;
  /** The text the other tool saw, when the file holds it (Label Studio, doccano, spaCy). */
  text?: string;
  items: ImportedItem[];
  /** Items that could not be read (each names where it is and why). */
  problems: string[];
  /** What the file holds that the model has no place for. */
  skipped: Loss[];
  /** Where this document is in the file (`task 3`, `line 5`), for messages. */
  where: string;
}

export interface ImportParse {
  docs: ImportedDoc[];
  /** The file cannot be read at all (not JSON, not the format). */
  error?: string;
}

export interface ImportOptions {
  /** Status for formats that record none (brat without our Status attributes, doccano). Default: accepted. */
  status?: Status;
  /** Other tools' labels → our types (`Person=PER`), `quote` (direct or indirect by the words), `speaker`, or `skip`. */
  labels?: Readonly<Record<string, string>>;
}

export interface PlacedImport {
  annotations: Annotation[];
  /** Per-item problems (skipped items), each naming where it is. */
  problems: string[];
  skipped: Loss[];
  /** Offsets that fell inside a CRLF line break or on the BOM, moved to the place before. */
  adjusted: number;
  /** Spans found by their quoted words because the file gave no position, or one where the words are not. */
  located: number;
  /** When the text the file holds differs from the article: how the annotations were placed by their words. */
  reanchored?: { moved: number; ambiguous: number; orphaned: number };
}

/**
 * Places a document's items on the article. `articleRaw` is the article as decoded from its file (a
 * BOM kept); `toolSeesBom`: the other tool counted the BOM (brat reads the file itself), else its
 * offsets start after it (W3C). A file that holds the text itself (Label Studio, doccano) is placed
 * on that text. When the file holds a text that is not the article's (another version, other line
 * endings), the annotations are placed on it first and then found in the article by their words and
 * context, as after an outside edit (ambiguous and orphaned ones are kept and marked).
 */
export function placeImport(doc: ImportedDoc, articleRaw: string, toolSeesBom = false): PlacedImport {
  const articleView = new TextView(toolSeesBom ? articleRaw : withoutBom(articleRaw), toolSeesBom);
  const view = doc.text !== undefined ? new TextView(doc.text) : articleView;
  const text = view.text;
  const problems = [...doc.problems];
  let adjusted = 0;
  let located = 0;
  const out: Annotation[] = [];
  const at = (p: number) => {
    const r = view.fromPoint(p);
    if (r && !r.exact) adjusted++;
    return r?.offset;
  };
  for (const it0 of doc.items) {
    const m = it0.model;
    const anchor = m?.anchor ?? 'ok';
    let it = it0;
    if (anchor === 'ok' && it.quote && (it.start < 0 || view.slice(it.start, it.end) !== it.quote.exact)) {
      const found = locateQuote(view, it.quote, it.start);
      if (found === null) {
        const where = it.start < 0 ? 'not in the text' : `neither at ${it.start}–${it.end} nor in one place of the text`;
        problems.push(`${it.where}: the words ${quoteFor(it.quote.exact)} are ${where}`);
        continue;
      }
      it = { ...it, start: found, end: found + codePointLength(it.quote.exact) };
      located++;
    }
    const start = at(it.start);
    let end = at(it.end);
    if (start === undefined || end === undefined || end < start) {
      problems.push(`${it.where}: offsets ${it.start}–${it.end} are outside the text (${view.length} characters)`);
      continue;
    }
    if (anchor === 'ok' && end === start) {
      problems.push(`${it.where}: empty span at ${it.start}`);
      continue;
    }
    const words = text.slice(start, end);
    if (anchor === 'ok' && it.text !== undefined && it.text !== view.slice(it.start, it.end) && it.text !== words) {
      problems.push(
        `${it.where}: the file says the span ${it.start}–${it.end} reads ${quoteFor(it.text)}, ` +
          `the text there is ${quoteFor(view.slice(it.start, it.end))}`,
      );
      continue;
    }
    if (!kindOfType(it.type)) {
      problems.push(`${it.where}: unknown type ${quoteFor(it.type)}`);
      continue;
    }
    if (anchor !== 'ok') {
      // Not on its words: start = end where it was last seen (edited: the span of the changed words).
      if (anchor !== 'modified') end = start;
    }
    const a: Annotation = {
      id: m?.id ?? '',
      kind: it.kind,
      type: it.type,
      start,
      end,
      text: anchor === 'ok' ? words : (m?.text ?? words),
      ...(anchor === 'ok' ? contextAround(text, start, end) : { prefix: m?.prefix ?? '', suffix: m?.suffix ?? '' }),
      status: it.status,
      origin: it.origin,
      anchor,
    };
    if (it.by !== undefined) a.by = it.by;
    if (it.entity !== undefined && it.entity !== a.text) a.entity = it.entity;
    if (it.value !== undefined) a.value = it.value;
    if (it.unit !== undefined) a.unit = it.unit;
    if (it.speaker !== undefined) {
      const sp = it.speaker;
      if (sp === null) a.speaker = null;
      else {
        const ss = at(sp.start);
        const se = at(sp.end);
        if (ss === undefined || se === undefined || se < ss)
          problems.push(`${it.where}: the speaker's offsets ${sp.start}–${sp.end} are outside the text; speaker left out`);
        else {
          const st = m?.speakerText ?? text.slice(ss, se);
          a.speaker = { name: sp.name ?? st, text: st, start: ss, end: se };
        }
      }
    }
    if (it.confidence !== undefined) a.confidence = it.confidence;
    if (it.note !== undefined) a.note = it.note;
    if (m?.candidates) a.candidates = m.candidates.map((c) => at(c)).filter((c): c is number => c !== undefined);
    if (m?.conflict) a.conflict = m.conflict;
    out.push(a);
  }
  const result: PlacedImport = { annotations: out, problems, skipped: doc.skipped, adjusted, located };
  if (view !== articleView && text !== articleView.text) {
    // The file's text is not the article's: place every annotation by its words and context.
    for (const a of out) if (a.anchor === 'ok') Object.assign(a, contextAround(text, a.start, a.end));
    const r = reanchor(out, articleView.text);
    result.reanchored = { moved: r.moved, ambiguous: r.ambiguous, orphaned: r.orphaned };
  }
  assignIds(out);
  return result;
}

/**
 * Where quoted words are in the seen text (a code point), or null: the one occurrence whose context
 * matches best (exact prefix and suffix first); a position counted in UTF-16 units (Hypothesis) that
 * holds the words wins; several equally good places are no answer.
 */
function locateQuote(view: TextView, q: { exact: string; prefix?: string; suffix?: string }, hint: number): number | null {
  if (!q.exact) return null;
  const seen = view.seen;
  if (hint >= 0 && seen.startsWith(q.exact, hint)) return codePointLength(seen.slice(0, hint));
  const scored: { at: number; score: number }[] = [];
  for (let i = seen.indexOf(q.exact); i >= 0; i = seen.indexOf(q.exact, i + 1)) {
    const pre = q.prefix ? (seen.slice(0, i).endsWith(q.prefix) ? 2 : 0) : 1;
    const suf = q.suffix ? (seen.startsWith(q.suffix, i + q.exact.length) ? 2 : 0) : 1;
    scored.push({ at: i, score: pre + suf });
  }
  if (!scored.length) return null;
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return top.length === 1 ? codePointLength(seen.slice(0, top[0]!.at)) : null;
}

function quoteFor(s: string): string {
  const short = s.length > 60 ? s.slice(0, 57) + '…' : s;
  return JSON.stringify(short);
}

// ---------------------------------------------------------------------------------------------
// Labels

/** Labels other tools and corpora use, lower-cased, → our types. `quote`: direct or indirect by the words. */
const KNOWN_LABELS: Record<string, string> = {
  per: 'PER',
  person: 'PER',
  people: 'PER',
  persons: 'PER',
  pers: 'PER',
  org: 'ORG',
  organization: 'ORG',
  organisation: 'ORG',
  company: 'ORG',
  corporation: 'ORG',
  loc: 'LOC',
  location: 'LOC',
  place: 'LOC',
  gpe: 'LOC',
  'geo-political_entity': 'LOC',
  fac: 'LOC',
  facility: 'LOC',
  misc: 'MISC',
  miscellaneous: 'MISC',
  norp: 'MISC',
  event: 'MISC',
  product: 'MISC',
  work_of_art: 'MISC',
  law: 'MISC',
  language: 'MISC',
  money: 'money',
  percent: 'percent',
  percentage: 'percent',
  quantity: 'quantity',
  cardinal: 'count',
  count: 'count',
  date: 'date',
  number: 'number',
  quote: 'quote',
  quotation: 'quote',
  content: 'quote',
  direct: 'direct',
  partial: 'partial',
  scare: 'scare',
  headline: 'headline',
  block: 'block',
  indirect: 'indirect',
  speaker: 'speaker',
  source: 'speaker',
};

export type LabelTarget = { type: string; kind: AnnotationKind } | 'quote' | 'speaker' | 'skip' | null;

/** What an outside label stands for: one of our types (as is, or known), `quote`, `speaker`, `skip`, or null (unknown). */
export function labelTarget(label: string, map: Readonly<Record<string, string>> | undefined): LabelTarget {
  const mapped = map?.[label] ?? (kindOfType(label) ? label : KNOWN_LABELS[label.toLowerCase()]);
  if (mapped === undefined) return null;
  if (mapped === 'quote' || mapped === 'speaker' || mapped === 'skip') return mapped;
  const kind = kindOfType(mapped);
  return kind ? { type: mapped, kind } : null;
}

/** The quote type of imported words: direct when they hold a double quotation mark, else reported speech. */
export function quoteTypeOf(words: string): string {
  return /["“”„«»]/.test(words) ? 'direct' : 'indirect';
}

/** Parses `A=B,C=D` label maps (CLI `--map`). */
export function parseLabelMap(specs: readonly string[]): { map: Record<string, string>; error?: string } {
  const map: Record<string, string> = Object.create(null);
  for (const spec of specs) {
    for (const part of spec.split(',')) {
      if (!part.trim()) continue;
      const eq = part.lastIndexOf('=');
      const from = part.slice(0, eq).trim();
      const to = part.slice(eq + 1).trim();
      if (eq <= 0 || !from || !to) return { map, error: `--map wants LABEL=TYPE, got ${JSON.stringify(part)}` };
      if (to !== 'quote' && to !== 'speaker' && to !== 'skip' && !kindOfType(to)) {
        return {
          map,
          error:
            `--map ${from}=${to}: ${to} is not a type (PER ORG LOC MISC, money percent quantity count date number, ` +
            'direct partial scare headline block indirect), quote, speaker or skip',
        };
      }
      map[from] = to;
    }
  }
  return { map };
}
