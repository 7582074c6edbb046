/**
 * Reading and writing `article.annotations.yaml`.
 *
 * Writing is deterministic (same model → byte-identical file: fixed key order, annotations sorted by
 * position, one annotation per line, LF) and fast (no YAML library on the write path). Reading treats
 * the file as untrusted: conflict markers are detected before parsing; directives, aliases, custom
 * tags, duplicate keys, unknown keys, wrong types and bad offsets are errors with a line number;
 * nothing is executed, nothing is half-loaded. Files in the layout we write (and the block layout
 * most tools write) are read by a linear reader (`lightYaml.ts`) at any size the writer can produce;
 * anything else goes through the full YAML parser, up to {@link FULL_PARSER_MAX_BYTES}.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { conflictMarkerLines, parseSafeYaml, safeForMessage as safe } from '../safeYaml';
import { sha256 } from '../hash';
import { flow, yamlString } from './emit';
import { readCanonical, type CanonicalFile, type Rec } from './canonical';
import { readLightYaml, type LMap, type LNode } from './lightYaml';
import {
  ANCHOR_STATES,
  ANNOTATION_KINDS,
  ORIGINS,
  STATUSES,
  TYPES,
  compareAnnotations,
  type AnchorState,
  type Annotation,
  type AnnotationKind,
  type AnnotationOrigin,
  type Conflict,
  type Status,
  isUserDecision,
  kindOfType,
} from './model';

/** The version written. Version 1 files (earlier releases) are read too. */
export const SIDECAR_VERSION = 2;
export const SIDECAR_SUFFIX = '.annotations.yaml';
/**
 * Files that leave the layout the linear reader handles are parsed by the YAML library, which needs
 * about a second and a hundred megabytes per megabyte: above this size they are refused with a
 * message saying which line left the layout.
 */
export const FULL_PARSER_MAX_BYTES = 4 * 1024 * 1024;
const OFFSETS = 'utf16-lf';

/**
 * The largest annotation file read for an article of `articleLength` UTF-16 units. The writer never
 * produces a larger one (it leaves suggestions out first, never a decision), so whatever it writes
 * reads back. Measured: 2.5 bytes of annotation file per character of BBC news, 3.6 for the bundled
 * samples (half quotes, which the file repeats); 10 MB of text gives at most 34 MB, read in seconds.
 */
export function sidecarByteLimit(articleLength: number): number {
  return 4 * 1024 * 1024 + 3 * articleLength;
}
/** The limit when the article's length is unknown (merge driver): that of the largest article the editor analyses (50 MB). */
export const MAX_SIDECAR_BYTES = sidecarByteLimit(50 * 1024 * 1024);

export interface SidecarSubject {
  code: string;
  label: string;
  score: number;
}
export interface SidecarSection {
  id: string;
  label: string;
  start: number;
  end: number;
  subject: string | null;
}

export interface SidecarDoc {
  /** The article's file name: the one article this file belongs to. */
  article: string;
  /** `sha256:` + hex SHA-256 of the LF-normalized article text the offsets refer to. */
  textHash: string;
  subjects: SidecarSubject[];
  sections: SidecarSection[];
  annotations: Annotation[];
  /** Model suggestions left out of the file because it would have grown past its size limit. */
  omitted?: number;
}

export type SidecarProblemKind = 'conflict' | 'invalid' | 'too-large' | 'newer-version';

export interface SidecarProblem {
  kind: SidecarProblemKind;
  /** One line, safe to show as plain text (never contains article text). */
  message: string;
  /** 1-based line of the first problem, when known. */
  line?: number;
  /** All problems found, each `line N: message`. */
  details: string[];
}

export type ParseResult = { ok: true; doc: SidecarDoc } | { ok: false; problem: SidecarProblem };

/**
 * The annotation file of an article. `article.txt` → `article.annotations.yaml` (only `.txt` is
 * dropped); any other name keeps its extension: `story.news` → `story.news.annotations.yaml`,
 * `notes` → `notes.annotations.yaml`. So `story.txt` and `story.news` never share one. (The one
 * pair that still could — `story` beside `story.txt` — is told apart by the file's `article:` field;
 * see {@link foreignOwner}.)
 */
export function sidecarPathFor(articlePath: string): string {
  const slash = Math.max(articlePath.lastIndexOf('/'), articlePath.lastIndexOf('\\'));
  const name = articlePath.slice(slash + 1);
  const stem = /\.txt$/i.test(name) && name.length > 4 ? articlePath.slice(0, -4) : articlePath;
  return stem + SIDECAR_SUFFIX;
}

/**
 * Where earlier releases kept the annotation file of an article whose name has an extension other
 * than `.txt` (`story.news` → `story.annotations.yaml`), or null when that is the current name. Read
 * when the current file does not exist, and only if its `article:` field names this article.
 */
export function legacySidecarPathFor(articlePath: string): string | null {
  const slash = Math.max(articlePath.lastIndexOf('/'), articlePath.lastIndexOf('\\'));
  const dot = articlePath.lastIndexOf('.');
  const legacy = (dot > slash + 1 ? articlePath.slice(0, dot) : articlePath) + SIDECAR_SUFFIX;
  return legacy === sidecarPathFor(articlePath) ? null : legacy;
}

/**
 * The article an annotation file says it belongs to (its `article:` field) when that is not
 * `articleName`, else null. The caller decides whether that other article exists beside it (then the
 * file is not this article's) or was renamed away (then the file is adopted).
 */
export function foreignOwner(recordedArticle: string, articleName: string): string | null {
  return recordedArticle !== '' && recordedArticle !== articleName ? recordedArticle : null;
}

export function textHash(normalizedText: string): string {
  return 'sha256:' + sha256(normalizedText);
}

export { conflictMarkerLines } from '../safeYaml';

const ANNOTATION_KEYS = [
  'id',
  'kind',
  'type',
  'start',
  'end',
  'text',
  'status',
  'origin',
  'by',
  'anchor',
  'entity',
  'value',
  'unit',
  'speaker',
  'confidence',
  'note',
  'prefix',
  'suffix',
  'candidates',
  'conflict',
] as const;
const CONFLICT_KEYS = ['status', 'type', 'entity', 'note', 'by'] as const;
const TOP_KEYS = ['version', 'article', 'textHash', 'offsets', 'subjects', 'sections', 'annotations'];

/**
 * One annotation as a one-line flow mapping. What follows from other fields or is the default is left
 * out — the kind (every type belongs to one kind: `ORG` → entity, `money` → figure, `direct` → quote),
 * `origin: model`, `end` when it is `start` + the length of `text`, a `unit` of null, an `entity`
 * equal to the text, a speaker `text` equal to the speaker's name — and context is stored only where
 * it serves: with decisions (suggestions are found again by the next analysis).
 */
export function annotationLine(a: Annotation): string {
  const decided = isUserDecision(a);
  // Built by hand, key by key, in the order of ANNOTATION_KEYS (it is the hot path of every save).
  let o = `{id: ${yamlString(a.id)}, type: ${yamlString(a.type)}, start: ${a.start}`;
  if (a.anchor !== 'ok' || a.end !== a.start + a.text.length) o += `, end: ${a.end}`;
  // The status is always written, `suggested` too: tools that read these files look for it on every
  // annotation (a file without it is still read: absent means suggested).
  o += `, text: ${yamlString(a.text)}, status: ${a.status}`;
  if (a.origin !== 'model') o += `, origin: ${a.origin}`;
  if (a.by !== undefined) o += `, by: ${yamlString(a.by)}`;
  if (a.anchor !== 'ok') o += `, anchor: ${a.anchor}`;
  if (a.entity !== undefined && a.entity !== a.text) o += `, entity: ${yamlString(a.entity)}`;
  if (a.value !== undefined) o += `, value: ${flow(a.value)}`;
  if (a.unit !== undefined && a.unit !== null) o += `, unit: ${yamlString(a.unit)}`;
  if (a.speaker !== undefined) {
    const sp = a.speaker;
    o += sp
      ? `, speaker: ${flow({ name: sp.name, text: sp.text === sp.name ? undefined : sp.text, start: sp.start, end: sp.end })}`
      : ', speaker: null';
  }
  if (a.confidence !== undefined) o += `, confidence: ${flow(a.confidence)}`;
  if (a.note !== undefined) o += `, note: ${yamlString(a.note)}`;
  if (decided && a.prefix) o += `, prefix: ${yamlString(a.prefix)}`;
  if (decided && a.suffix) o += `, suffix: ${yamlString(a.suffix)}`;
  if (a.anchor === 'ambiguous' && a.candidates) o += `, candidates: ${flow(a.candidates)}`;
  if (a.conflict)
    o += `, conflict: ${flow({
      status: a.conflict.status,
      type: a.conflict.type,
      entity: a.conflict.entity,
      note: a.conflict.note,
      by: a.conflict.by,
    })}`;
  return o + '}';
}

/**
 * Serializes a sidecar. Deterministic; LF line endings; ends with a newline. When `maxBytes` is
 * given and the file would be larger, model suggestions are left out (the latest in the text first)
 * until it fits; decisions are always written. The header then says how many were left out.
 */
export function serializeSidecar(doc: SidecarDoc, maxBytes = Infinity): string {
  const anns = [...doc.annotations].sort(compareAnnotations);
  const lines = anns.map((a) => '  - ' + annotationLine(a) + '\n');
  let omitted = doc.omitted ?? 0;
  const head = (n: number) => header(doc, n);
  // UTF-8 takes at most 3 bytes per UTF-16 unit: measure exactly only when that could exceed the limit.
  const units = head(omitted).length + lines.reduce((s, l) => s + l.length, 0);
  let size = units * 3 <= maxBytes ? units : utf8Length(head(omitted)) + lines.reduce((s, l) => s + utf8Length(l), 0);
  if (size > maxBytes) {
    for (let i = anns.length - 1; i >= 0 && size + 100 > maxBytes; i--) {
      if (isUserDecision(anns[i]!)) continue;
      size -= utf8Length(lines[i]!);
      lines[i] = '';
      omitted++;
    }
  }
  return head(omitted) + (anns.length && lines.some((l) => l) ? 'annotations:\n' + lines.join('') : 'annotations: []\n');
}

function header(doc: SidecarDoc, omitted: number): string {
  const subjects = doc.subjects.map((s) => `  - ${flow({ code: s.code, label: s.label, score: s.score })}\n`).join('');
  const sections = doc.sections
    .map((s) => `  - ${flow({ id: s.id, label: s.label, start: s.start, end: s.end, subject: s.subject })}\n`)
    .join('');
  return (
    `# News Annotator annotations for ${oneLine(doc.article)}. Review and commit them with the article.\n` +
    `# Offsets: UTF-16 code units in the article with LF line endings and no BOM; a span ends at start + the\n` +
    `# length of its text (end, exclusive, is written when it differs). Types: PER ORG LOC MISC (names), money\n` +
    `# percent quantity count date number (figures), direct partial scare headline block indirect (quotes).\n` +
    `# status: suggested | accepted | rejected. Your decisions are kept when the article is analysed again.\n` +
    (omitted ? `# ${omitted} model suggestions are not stored: the file would have grown past its size limit.\n` : '') +
    `version: ${SIDECAR_VERSION}\n` +
    `article: ${yamlString(doc.article)}\n` +
    `textHash: ${yamlString(doc.textHash)}\n` +
    `offsets: ${OFFSETS}\n` +
    (subjects ? `subjects:\n${subjects}` : 'subjects: []\n') +
    (sections ? `sections:\n${sections}` : 'sections: []\n')
  );
}

function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

export interface ParseOptions {
  /** Refuse files larger than this (UTF-16 units of the decoded file). Default: {@link MAX_SIDECAR_BYTES}. */
  maxBytes?: number;
  /** Files outside the linear reader's layout larger than this are refused. Default: {@link FULL_PARSER_MAX_BYTES}. */
  fullParserMaxBytes?: number;
}

/** Parses and validates a sidecar. Never throws; never evaluates anything. */
export function parseSidecar(raw: string, opts: ParseOptions = {}): ParseResult {
  const max = opts.maxBytes ?? MAX_SIDECAR_BYTES;
  const fail = (kind: SidecarProblemKind, message: string, line?: number, details: string[] = []): ParseResult => ({
    ok: false,
    problem: line === undefined ? { kind, message, details } : { kind, message, line, details },
  });
  if (raw.length > max) return fail('too-large', `the annotation file is larger than its limit (${mb(max)}) for this article`);
  let src = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (src.includes('\r')) src = src.replace(/\r\n?/g, '\n');
  const conflicts = conflictMarkerLines(src);
  if (conflicts.length) {
    return fail(
      'conflict',
      `unresolved git conflict markers (line ${conflicts[0]}); resolve the merge first`,
      conflicts[0],
      conflicts.map((l) => `line ${l}: conflict marker`),
    );
  }
  // Our own layout, record by record (each annotation validated as it is read); else the general
  // subset reader; else the YAML library.
  const fast = new AnnotationCollector();
  const canonical = readCanonical(src, (rec, line) => fast.add(new Located(rec, line)));
  if (canonical) return validate(fromCanonical(canonical), fast);
  const why = { line: 0, reason: '' };
  const light = readLightYaml(src, why);
  if (light !== undefined) return validate(fromLight(light));
  const fullMax = Math.min(opts.fullParserMaxBytes ?? FULL_PARSER_MAX_BYTES, FULL_PARSER_MAX_BYTES);
  if (src.length > fullMax) {
    return fail(
      'too-large',
      `the annotation file is larger than ${mb(fullMax)} and not in the layout News Annotator reads ` +
        `quickly (line ${why.line}: ${why.reason}); write it again with one value per line`,
      why.line,
    );
  }
  const y = parseSafeYaml(src, FULL_PARSER_MAX_BYTES, 'annotation');
  if (!y.ok) return y;
  return validate(fromLight(toLight(y.doc.contents as Node | null, y.lc)));
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1048576)} MB`;
}

/** The full parser's tree in the light reader's shape (scalars with their line). */
function toLight(n: Node | null, lc: LineCounter): LNode | null {
  if (!n) return null;
  const line = lc.linePos(n.range?.[0] ?? 0).line;
  if (isMap(n)) {
    const m: LMap = { t: 'm', keys: [], keyLines: [], values: [], line };
    for (const item of n.items) {
      const k = item.key as Node | null;
      const kv = isScalar(k) ? k.value : undefined;
      m.keys.push(typeof kv === 'string' ? kv : String(kv));
      m.keyLines.push(k?.range ? lc.linePos(k.range[0]).line : line);
      m.values.push(toLight(item.value as Node | null, lc) ?? { t: 's', v: null, line });
    }
    return m;
  }
  if (isSeq(n)) return { t: 'q', items: n.items.map((x) => toLight(x as Node | null, lc) ?? { t: 's', v: null, line }), line };
  const v = isScalar(n) ? n.value : undefined;
  return {
    t: 's',
    v: v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? (v ?? null) : String(v),
    line,
  };
}

/**
 * A mapping to validate: its values (nested mappings as {@link Located} too, lists as arrays) and the
 * line of each key. Built from our own layout (every key of an item on one line) or from any tree.
 */
class Located {
  constructor(
    readonly rec: Rec,
    private readonly at: number,
    private readonly lines?: Record<string, number>,
    /** Keys given twice (the general readers keep them; the validator reports them). */
    readonly duplicates?: { key: string; line: number }[],
  ) {}

  line(key?: string): number {
    return (key !== undefined && this.lines?.[key]) || this.at;
  }
}

/** What the validator reads: the top mapping and the items of the three lists. */
interface Shape {
  top: Located | null;
  /** The root is not a mapping: its line. */
  notAMap?: number;
  lists: Record<string, Located[]>;
  /** A list key whose value is not a list. */
  notAList: { key: string; line: number }[];
}

function fromCanonical(f: CanonicalFile): Shape {
  const top = new Located(f.top, 1, f.topLines);
  const lists: Record<string, Located[]> = {};
  const notAList: Shape['notAList'] = [];
  for (const key of ['subjects', 'sections', 'annotations']) {
    const items = f.top[key];
    if (!Array.isArray(items)) {
      if (items !== undefined && items !== null) notAList.push({ key, line: top.line(key) });
      continue;
    }
    const first = f.firstItemLine[key] ?? 1;
    lists[key] = items.map((rec, i) => new Located(rec as Rec, first + i));
  }
  return { top, lists, notAList };
}

function fromLight(root: LNode | null): Shape {
  const shape: Shape = { top: null, lists: {}, notAList: [] };
  if (!root || root.t !== 'm') {
    shape.notAMap = root?.line ?? 1;
    return shape;
  }
  shape.top = located(root);
  for (const key of ['subjects', 'sections', 'annotations']) {
    const i = root.keys.indexOf(key);
    if (i < 0) continue;
    const v = root.values[i]!;
    if (v.t === 'q') shape.lists[key] = v.items.map((x) => (x.t === 'm' ? located(x) : new Located(NOT_A_MAP, x.line)));
    else if (!(v.t === 's' && v.v === null)) shape.notAList.push({ key, line: v.line });
  }
  return shape;
}

/** Stands for a list item that is not a mapping. */
const NOT_A_MAP: Rec = Object.freeze(Object.create(null)) as Rec;

function located(m: LMap): Located {
  const rec: Rec = Object.create(null);
  const lines: Record<string, number> = Object.create(null);
  const duplicates: { key: string; line: number }[] = [];
  m.keys.forEach((k, i) => {
    if (k in rec) {
      duplicates.push({ key: k, line: m.keyLines[i]! });
      return;
    }
    const v = m.values[i]!;
    rec[k] = v.t === 's' ? v.v : v.t === 'm' ? located(v) : v.items.map((x) => (x.t === 's' ? x.v : x.t === 'm' ? located(x) : x));
    lines[k] = m.keyLines[i]!;
  });
  return new Located(rec, m.line, lines, duplicates);
}

/** A nested mapping's record and lines, whichever reader built it. */
function nested(v: unknown, parent: Located, key: string): Located | null {
  if (v instanceof Located) return v;
  if (v && typeof v === 'object' && !Array.isArray(v)) return new Located(v as Rec, parent.line(key));
  return null;
}

/** Most problems listed; the rest are counted. */
const MAX_PROBLEMS = 100;

class Problems {
  readonly list: { line: number; msg: string }[] = [];
  more = 0;
  add(line: number, msg: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ line, msg });
    else this.more++;
  }
  get count(): number {
    return this.list.length + this.more;
  }
}

/** Annotations validated one by one as they are read (ids unique, order checked). */
class AnnotationCollector {
  readonly p = new Problems();
  readonly annotations: Annotation[] = [];
  private readonly ids = new Set<string>();
  sorted = true;

  add(n: Located): void {
    const a = annotation(n, this.p);
    if (!a) return;
    if (this.ids.has(a.id)) {
      this.p.add(n.line('id'), `duplicate id '${safe(a.id)}'`);
      return;
    }
    this.ids.add(a.id);
    const last = this.annotations[this.annotations.length - 1];
    if (this.sorted && last && compareAnnotations(last, a) > 0) this.sorted = false;
    this.annotations.push(a);
  }
}

function validate(shape: Shape, collected = new AnnotationCollector()): ParseResult {
  const p = collected.p;
  const done = (doc: SidecarDoc): ParseResult => {
    if (!p.list.length) return { ok: true, doc };
    p.list.sort((a, b) => a.line - b.line);
    const details = p.list.map((x) => `line ${x.line}: ${x.msg}`);
    if (p.more) details.push(`… and ${p.more} more`);
    const first = p.list[0]!;
    return { ok: false, problem: { kind: 'invalid', message: `${first.msg} (line ${first.line})`, details, line: first.line } };
  };
  const empty: SidecarDoc = { article: '', textHash: '', subjects: [], sections: [], annotations: [] };
  const root = shape.top;
  if (!root) {
    p.add(shape.notAMap ?? 1, 'the file must be a YAML mapping with version, textHash and annotations');
    return done(empty);
  }
  checkKeys(root, TOP_KEYS, p);
  const version = root.rec.version;
  if (version !== 1 && version !== 2) {
    if (typeof version === 'number' && version > SIDECAR_VERSION) {
      return {
        ok: false,
        problem: {
          kind: 'newer-version',
          message: `written by a newer News Annotator (version ${version}); it is left untouched`,
          details: [],
        },
      };
    }
    p.add(root.line('version'), `version must be 1 or ${SIDECAR_VERSION}`);
  }
  if ('offsets' in root.rec && root.rec.offsets !== OFFSETS) p.add(root.line('offsets'), `offsets must be '${OFFSETS}'`);
  for (const x of shape.notAList) p.add(x.line, `${x.key} must be a list`);
  const article = str(root, 'article', p, true) ?? '';
  const hash = str(root, 'textHash', p, false) ?? '';
  if (hash && !/^sha256:[0-9a-f]{64}$/.test(hash)) p.add(root.line('textHash'), 'textHash must be sha256: followed by 64 hex digits');

  const subjects: SidecarSubject[] = [];
  for (const n of items(shape, 'subjects', p)) {
    if (!checkKeys(n, ['code', 'label', 'score'], p)) continue;
    const code = str(n, 'code', p, false);
    const label = str(n, 'label', p, false);
    const score = num(n, 'score', p);
    if (code !== undefined && label !== undefined && score !== undefined) subjects.push({ code, label, score });
  }
  const sections: SidecarSection[] = [];
  for (const n of items(shape, 'sections', p)) {
    if (!checkKeys(n, ['id', 'label', 'start', 'end', 'subject'], p)) continue;
    const id = str(n, 'id', p, false);
    const label = str(n, 'label', p, false);
    const start = offset(n, 'start', p);
    const end = offset(n, 'end', p);
    const subject = n.rec.subject === undefined || n.rec.subject === null ? null : (str(n, 'subject', p, false) ?? null);
    if (id !== undefined && label !== undefined && start !== undefined && end !== undefined) {
      if (end < start) p.add(n.line('end'), 'section end is before its start');
      else sections.push({ id, label, start, end, subject });
    }
  }
  for (const n of items(shape, 'annotations', p)) collected.add(n);
  const annotations = collected.annotations;
  if (!collected.sorted) annotations.sort(compareAnnotations);
  return done({ article, textHash: hash, subjects, sections, annotations });
}

function items(shape: Shape, key: string, p: Problems): Located[] {
  const list = shape.lists[key] ?? [];
  return list.filter((x) => x.rec !== NOT_A_MAP || (p.add(x.line(), 'expected a mapping'), false));
}

function annotation(n: Located, p: Problems): Annotation | null {
  if (!checkKeys(n, ANNOTATION_KEYS, p)) return null;
  const before = p.count;
  const r = n.rec;
  const id = str(n, 'id', p, false);
  if (id !== undefined && !/^[a-z][a-z0-9-]{0,63}$/.test(id)) p.add(n.line('id'), 'id must be lower-case letters, digits and dashes');
  const type = str(n, 'type', p, false);
  let kind: AnnotationKind | undefined;
  if (r.kind !== undefined) {
    kind = oneOf(n, 'kind', ANNOTATION_KINDS, p) as AnnotationKind | undefined;
    if (kind && type !== undefined && !TYPES[kind].includes(type))
      p.add(n.line('type'), `type of a ${kind} must be one of ${TYPES[kind].join(', ')}`);
  } else if (type !== undefined) {
    kind = kindOfType(type);
    if (!kind) p.add(n.line('type'), `type must be one of ${ANNOTATION_KINDS.map((k) => TYPES[k].join(', ')).join(', ')}`);
  }
  const start = offset(n, 'start', p);
  const text = str(n, 'text', p, false);
  const end =
    r.end !== undefined ? offset(n, 'end', p) : start !== undefined && text !== undefined ? start + text.length : offset(n, 'end', p);
  const anchor = r.anchor !== undefined ? (oneOf(n, 'anchor', ANCHOR_STATES, p) as AnchorState | undefined) : 'ok';
  if (start !== undefined && end !== undefined) {
    if (anchor === 'ok') {
      // An annotation on its words: the offsets cover exactly its text.
      if (end <= start) p.add(n.line('end'), 'end must be greater than start');
      else if (text !== undefined && text.length !== end - start) p.add(n.line('text'), 'text length does not match end - start');
      if (text !== undefined && (/^[\udc00-\udfff]/.test(text) || /[\ud800-\udbff]$/.test(text)))
        p.add(n.line('text'), 'the span splits a surrogate pair');
    } else if (end < start) {
      // Edited, ambiguous or orphaned: the offsets are the last known place; `text` is what was annotated.
      p.add(n.line('end'), 'end must not be before start');
    }
  }
  const prefix = r.prefix !== undefined ? str(n, 'prefix', p, true) : '';
  const suffix = r.suffix !== undefined ? str(n, 'suffix', p, true) : '';
  const status = r.status !== undefined ? (oneOf(n, 'status', STATUSES, p) as Status | undefined) : 'suggested';
  const origin = r.origin !== undefined ? (oneOf(n, 'origin', ORIGINS, p) as AnnotationOrigin | undefined) : 'model';
  if (
    p.count > before ||
    id === undefined ||
    !kind ||
    type === undefined ||
    start === undefined ||
    end === undefined ||
    text === undefined ||
    !status ||
    !origin ||
    !anchor ||
    prefix === undefined ||
    suffix === undefined
  ) {
    return null;
  }
  const a: Annotation = { id, kind, type, start, end, text, prefix, suffix, status, origin, anchor };
  optionalFields(a, n, p);
  return p.count > before ? null : a;
}

/** The fields an annotation may have besides its span, text and decision. */
function optionalFields(a: Annotation, n: Located, p: Problems): void {
  const r = n.rec;
  const kind = a.kind;
  if (r.by !== undefined) {
    const v = str(n, 'by', p, false);
    if (v !== undefined) a.by = v;
  }
  if (r.entity !== undefined) {
    const v = str(n, 'entity', p, false);
    if (v !== undefined) a.entity = v;
  }
  if (r.note !== undefined) {
    const v = str(n, 'note', p, true);
    if (v !== undefined) a.note = v;
  }
  if (r.value !== undefined) {
    const v = r.value;
    if (v === null || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string') a.value = v;
    else p.add(n.line('value'), 'value must be a number, a string or null');
  }
  if (r.unit !== undefined) {
    const v = r.unit;
    if (v === null || typeof v === 'string') a.unit = v;
    else p.add(n.line('unit'), 'unit must be a string or null');
  }
  if (r.confidence !== undefined) {
    const v = num(n, 'confidence', p);
    if (v !== undefined && (v < 0 || v > 1)) p.add(n.line('confidence'), 'confidence must be between 0 and 1');
    else if (v !== undefined) a.confidence = v;
  }
  if (r.speaker !== undefined) {
    const sp = r.speaker === null ? null : nested(r.speaker, n, 'speaker');
    if (r.speaker === null) a.speaker = null;
    else if (!sp) p.add(n.line('speaker'), 'speaker must be a mapping or null');
    else if (checkKeys(sp, ['name', 'text', 'start', 'end'], p)) {
      const name = str(sp, 'name', p, false, 'speaker name');
      const stext = sp.rec.text !== undefined ? str(sp, 'text', p, true, 'speaker text') : name;
      const s = offset(sp, 'start', p, 'speaker start');
      const e = offset(sp, 'end', p, 'speaker end');
      if (s !== undefined && e !== undefined && e < s) p.add(sp.line('end'), 'speaker end is before its start');
      else if (name !== undefined && stext !== undefined && s !== undefined && e !== undefined)
        a.speaker = { name, text: stext, start: s, end: e };
    }
  }
  if (r.candidates !== undefined) {
    const list: number[] = [];
    if (!Array.isArray(r.candidates)) p.add(n.line('candidates'), 'candidates must be a list');
    else
      for (const c of r.candidates) {
        if (typeof c === 'number' && Number.isSafeInteger(c) && c >= 0) list.push(c);
        else p.add(n.line('candidates'), 'candidate must be a whole number ≥ 0');
      }
    a.candidates = list;
  }
  if (r.conflict !== undefined) {
    const conflict = nested(r.conflict, n, 'conflict');
    if (!conflict) p.add(n.line('conflict'), 'conflict must be a mapping');
    else if (checkKeys(conflict, CONFLICT_KEYS, p)) {
      const cs = oneOf(conflict, 'status', STATUSES, p, 'conflict status') as Status | undefined;
      const c: Conflict = { status: cs ?? 'suggested' };
      for (const k of ['type', 'entity', 'note', 'by'] as const) {
        if (conflict.rec[k] === undefined) continue;
        const v = str(conflict, k, p, k === 'note', `conflict ${k}`);
        if (v !== undefined) c[k] = v;
      }
      if (c.type !== undefined && kind && !TYPES[kind].includes(c.type))
        p.add(conflict.line('type'), `conflict type of a ${kind} must be one of ${TYPES[kind].join(', ')}`);
      a.conflict = c;
    }
  }
}

function checkKeys(n: Located, allowed: readonly string[], p: Problems): boolean {
  let ok = true;
  for (const d of n.duplicates ?? []) {
    p.add(d.line, `duplicate key '${safe(d.key)}'`);
    ok = false;
  }
  for (const k in n.rec) {
    if (!allowed.includes(k)) {
      p.add(n.line(k), `unknown key '${safe(k)}'`);
      ok = false;
    }
  }
  return ok;
}

function str(n: Located, key: string, p: Problems, allowEmpty: boolean, what = key): string | undefined {
  const v = n.rec[key];
  if (typeof v !== 'string' || (!allowEmpty && v === '')) {
    p.add(n.line(key), `${what} must be a ${allowEmpty ? '' : 'non-empty '}string`);
    return undefined;
  }
  return v;
}

function num(n: Located, key: string, p: Problems, what = key): number | undefined {
  const v = n.rec[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    p.add(n.line(key), `${what} must be a number`);
    return undefined;
  }
  return v;
}

function offset(n: Located, key: string, p: Problems, what = key): number | undefined {
  const v = n.rec[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    p.add(n.line(key), `${what} must be a whole number ≥ 0`);
    return undefined;
  }
  return v;
}

function oneOf(n: Located, key: string, allowed: readonly string[], p: Problems, what = key): string | undefined {
  const v = n.rec[key];
  if (typeof v !== 'string' || !allowed.includes(v)) {
    p.add(n.line(key), `${what} must be one of ${allowed.join(', ')}`);
    return undefined;
  }
  return v;
}
