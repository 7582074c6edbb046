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
import { readLightYaml, type LMap, type LNode } from './lightYaml';
import {
  ANCHOR_STATES,
  ANNOTATION_KINDS,
  STATUSES,
  TYPES,
  compareAnnotations,
  type AnchorState,
  type Annotation,
  type AnnotationKind,
  type Conflict,
  type Status,
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
 * reads back. Measured: 2.2–2.5 bytes of annotation file per character of dense news text.
 */
export function sidecarByteLimit(articleLength: number): number {
  return 8 * 1024 * 1024 + 4 * articleLength;
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

/** True when the annotation carries a user decision (see `isUserData` in model.ts; repeated here to avoid a cycle). */
function carriesDecision(a: Annotation): boolean {
  return a.origin === 'user' || a.status !== 'suggested' || a.note !== undefined || a.conflict !== undefined;
}

/**
 * One annotation as a one-line flow mapping. What follows from other fields is left out — the kind
 * (every type belongs to one kind: `ORG` → entity, `money` → figure, `direct` → quote), `origin:
 * model`, `end` when it is `start` + the length of `text`, a `unit` of null, an `entity`
 * equal to the text, a speaker `text` equal to the speaker's name — and context is stored only where
 * it serves: with decisions (suggestions are found again by the next analysis).
 */
export function annotationLine(a: Annotation): string {
  const decided = carriesDecision(a);
  return flow({
    id: a.id,
    type: a.type,
    start: a.start,
    end: a.anchor === 'ok' && a.end === a.start + a.text.length ? undefined : a.end,
    text: a.text,
    status: a.status,
    origin: a.origin === 'model' ? undefined : a.origin,
    by: a.by,
    anchor: a.anchor === 'ok' ? undefined : a.anchor,
    entity: a.entity === a.text ? undefined : a.entity,
    value: a.value,
    unit: a.unit ?? undefined,
    speaker: a.speaker ? { name: a.speaker.name, text: a.speaker.text === a.speaker.name ? undefined : a.speaker.text, start: a.speaker.start, end: a.speaker.end } : a.speaker,
    confidence: a.confidence,
    note: a.note,
    prefix: decided && a.prefix ? a.prefix : undefined,
    suffix: decided && a.suffix ? a.suffix : undefined,
    candidates: a.anchor === 'ambiguous' ? a.candidates : undefined,
    conflict: a.conflict ? { status: a.conflict.status, type: a.conflict.type, entity: a.conflict.entity, note: a.conflict.note, by: a.conflict.by } : undefined,
  });
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
  let size = utf8Length(head(omitted)) + lines.reduce((s, l) => s + utf8Length(l), 0);
  if (size > maxBytes) {
    for (let i = anns.length - 1; i >= 0 && size + 100 > maxBytes; i--) {
      if (carriesDecision(anns[i]!)) continue;
      size -= utf8Length(lines[i]!);
      lines[i] = '';
      omitted++;
    }
  }
  return head(omitted) + (anns.length && lines.some((l) => l) ? 'annotations:\n' + lines.join('') : 'annotations: []\n');
}

function header(doc: SidecarDoc, omitted: number): string {
  const subjects = doc.subjects.map((s) => `  - ${flow({ code: s.code, label: s.label, score: s.score })}\n`).join('');
  const sections = doc.sections.map((s) => `  - ${flow({ id: s.id, label: s.label, start: s.start, end: s.end, subject: s.subject })}\n`).join('');
  return (
    `# News Annotator annotations for ${oneLine(doc.article)}. Review and commit them with the article.\n` +
    `# Offsets: UTF-16 code units in the article with LF line endings and no BOM; a span ends at start + the\n` +
    `# length of its text (end, exclusive, is written when it differs). Types: PER ORG LOC MISC (names), money\n` +
    `# percent quantity count date number (figures), direct partial scare headline block (quotes).\n` +
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
    return fail('conflict', `unresolved git conflict markers (line ${conflicts[0]}); resolve the merge first`, conflicts[0], conflicts.map((l) => `line ${l}: conflict marker`));
  }
  const light = readLightYaml(src);
  if (light !== undefined) return validate(light);
  const fullMax = Math.min(opts.fullParserMaxBytes ?? FULL_PARSER_MAX_BYTES, FULL_PARSER_MAX_BYTES);
  if (src.length > fullMax) {
    return fail('too-large', `the annotation file is not in the layout News Annotator writes and is larger than ${mb(fullMax)}; write it again with one value per line (for example with 'news-annotator annotate' on a copy of the article)`);
  }
  const y = parseSafeYaml(src, FULL_PARSER_MAX_BYTES, 'annotation');
  if (!y.ok) return y;
  return validate(toLight(y.doc.contents as Node | null, y.lc));
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
  return { t: 's', v: v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? (v ?? null) : String(v), line };
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
}

function get(m: LMap, key: string): LNode | undefined {
  const i = m.keys.indexOf(key);
  return i < 0 ? undefined : m.values[i];
}

function value(n: LNode | undefined): unknown {
  return n && n.t === 's' ? n.v : n;
}

function validate(root: LNode | null): ParseResult {
  const p = new Problems();
  const done = (doc: SidecarDoc): ParseResult => {
    if (!p.list.length) return { ok: true, doc };
    const details = p.list.map((x) => `line ${x.line}: ${x.msg}`);
    if (p.more) details.push(`… and ${p.more} more`);
    const first = p.list[0]!;
    return { ok: false, problem: { kind: 'invalid', message: `${first.msg} (line ${first.line})`, details, line: first.line } };
  };
  const empty: SidecarDoc = { article: '', textHash: '', subjects: [], sections: [], annotations: [] };
  if (!root || root.t !== 'm') {
    p.add(root?.line ?? 1, 'the file must be a YAML mapping with version, textHash and annotations');
    return done(empty);
  }
  checkKeys(root, TOP_KEYS, p);
  const versionNode = get(root, 'version');
  const version = value(versionNode);
  if (version !== 1 && version !== 2) {
    if (typeof version === 'number' && version > SIDECAR_VERSION) {
      return { ok: false, problem: { kind: 'newer-version', message: `written by a newer News Annotator (version ${version}); it is left untouched`, details: [] } };
    }
    p.add(versionNode?.line ?? root.line, `version must be 1 or ${SIDECAR_VERSION}`);
  }
  const offsetsNode = get(root, 'offsets');
  if (offsetsNode !== undefined && value(offsetsNode) !== OFFSETS) p.add(offsetsNode.line, `offsets must be '${OFFSETS}'`);
  const article = str(get(root, 'article'), root, p, 'article', true) ?? '';
  const hashNode = get(root, 'textHash');
  const hash = str(hashNode, root, p, 'textHash', false) ?? '';
  if (hash && !/^sha256:[0-9a-f]{64}$/.test(hash)) p.add(hashNode!.line, 'textHash must be sha256: followed by 64 hex digits');

  const subjects: SidecarSubject[] = [];
  for (const n of seqItems(get(root, 'subjects'), p, 'subjects')) {
    if (!checkKeys(n, ['code', 'label', 'score'], p)) continue;
    const code = str(get(n, 'code'), n, p, 'code', false);
    const label = str(get(n, 'label'), n, p, 'label', false);
    const score = num(get(n, 'score'), n, p, 'score');
    if (code !== undefined && label !== undefined && score !== undefined) subjects.push({ code, label, score });
  }
  const sections: SidecarSection[] = [];
  for (const n of seqItems(get(root, 'sections'), p, 'sections')) {
    if (!checkKeys(n, ['id', 'label', 'start', 'end', 'subject'], p)) continue;
    const id = str(get(n, 'id'), n, p, 'id', false);
    const label = str(get(n, 'label'), n, p, 'label', false);
    const start = offset(get(n, 'start'), n, p, 'start');
    const end = offset(get(n, 'end'), n, p, 'end');
    const subj = get(n, 'subject');
    const subject = subj === undefined || value(subj) === null ? null : (str(subj, n, p, 'subject', false) ?? null);
    if (id !== undefined && label !== undefined && start !== undefined && end !== undefined) {
      if (end < start) p.add(n.line, 'section end is before its start');
      else sections.push({ id, label, start, end, subject });
    }
  }
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  for (const n of seqItems(get(root, 'annotations'), p, 'annotations')) {
    const a = annotation(n, p);
    if (!a) continue;
    if (ids.has(a.id)) {
      p.add(n.line, `duplicate id '${safe(a.id)}'`);
      continue;
    }
    ids.add(a.id);
    annotations.push(a);
  }
  annotations.sort(compareAnnotations);
  return done({ article, textHash: hash, subjects, sections, annotations });
}

function annotation(n: LMap, p: Problems): Annotation | null {
  if (!checkKeys(n, ANNOTATION_KEYS, p)) return null;
  const before = p.list.length + p.more;
  const idNode = get(n, 'id');
  const id = str(idNode, n, p, 'id', false);
  if (id !== undefined && !/^[a-z][a-z0-9-]{0,63}$/.test(id)) p.add(idNode!.line, 'id must be lower-case letters, digits and dashes');
  const typeNode = get(n, 'type');
  const type = str(typeNode, n, p, 'type', false);
  let kind: AnnotationKind | undefined;
  if (get(n, 'kind') !== undefined) {
    kind = oneOf(get(n, 'kind'), n, ANNOTATION_KINDS, p, 'kind') as AnnotationKind | undefined;
    if (kind && type !== undefined && !TYPES[kind].includes(type)) p.add(typeNode!.line, `type of a ${kind} must be one of ${TYPES[kind].join(', ')}`);
  } else if (type !== undefined) {
    kind = kindOfType(type);
    if (!kind) p.add(typeNode!.line, `type must be one of ${ANNOTATION_KINDS.map((k) => TYPES[k].join(', ')).join(', ')}`);
  }
  const start = offset(get(n, 'start'), n, p, 'start');
  const text = str(get(n, 'text'), n, p, 'text', false);
  const end = get(n, 'end') !== undefined ? offset(get(n, 'end'), n, p, 'end') : start !== undefined && text !== undefined ? start + text.length : offset(undefined, n, p, 'end');
  const anchor = get(n, 'anchor') ? (oneOf(get(n, 'anchor'), n, ANCHOR_STATES, p, 'anchor') as AnchorState | undefined) : 'ok';
  if (start !== undefined && end !== undefined) {
    if (anchor === 'ok') {
      // An annotation on its words: the offsets cover exactly its text.
      if (end <= start) p.add(n.line, 'end must be greater than start');
      else if (text !== undefined && text.length !== end - start) p.add(n.line, 'text length does not match end - start');
      if (text !== undefined && (/^[\udc00-\udfff]/.test(text) || /[\ud800-\udbff]$/.test(text))) p.add(n.line, 'the span splits a surrogate pair');
    } else if (end < start) {
      // Edited, ambiguous or orphaned: the offsets are the last known place; `text` is what was annotated.
      p.add(n.line, 'end must not be before start');
    }
  }
  const prefix = get(n, 'prefix') ? str(get(n, 'prefix'), n, p, 'prefix', true) : '';
  const suffix = get(n, 'suffix') ? str(get(n, 'suffix'), n, p, 'suffix', true) : '';
  const status = oneOf(get(n, 'status'), n, STATUSES, p, 'status') as Status | undefined;
  const origin = get(n, 'origin') ? (oneOf(get(n, 'origin'), n, ['model', 'user'], p, 'origin') as 'model' | 'user' | undefined) : 'model';
  if (
    p.list.length + p.more > before ||
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
  const by = get(n, 'by');
  if (by !== undefined) {
    const v = str(by, n, p, 'by', false);
    if (v !== undefined) a.by = v;
  }
  const entity = get(n, 'entity');
  if (entity !== undefined) {
    const v = str(entity, n, p, 'entity', false);
    if (v !== undefined) a.entity = v;
  }
  const note = get(n, 'note');
  if (note !== undefined) {
    const v = str(note, n, p, 'note', true);
    if (v !== undefined) a.note = v;
  }
  const val = get(n, 'value');
  if (val !== undefined) {
    const v = value(val);
    if (v === null || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string') a.value = v;
    else p.add(val.line, 'value must be a number, a string or null');
  }
  const unit = get(n, 'unit');
  if (unit !== undefined) {
    const v = value(unit);
    if (v === null || typeof v === 'string') a.unit = v;
    else p.add(unit.line, 'unit must be a string or null');
  }
  const conf = get(n, 'confidence');
  if (conf !== undefined) {
    const v = num(conf, n, p, 'confidence');
    if (v !== undefined && (v < 0 || v > 1)) p.add(conf.line, 'confidence must be between 0 and 1');
    else if (v !== undefined) a.confidence = v;
  }
  const sp = get(n, 'speaker');
  if (sp !== undefined) {
    if (value(sp) === null) a.speaker = null;
    else if (checkKeys(sp, ['name', 'text', 'start', 'end'], p)) {
      const name = str(get(sp, 'name'), sp, p, 'speaker name', false);
      const stext = get(sp, 'text') ? str(get(sp, 'text'), sp, p, 'speaker text', true) : name;
      const s = offset(get(sp, 'start'), sp, p, 'speaker start');
      const e = offset(get(sp, 'end'), sp, p, 'speaker end');
      if (s !== undefined && e !== undefined && e < s) p.add(sp.line, 'speaker end is before its start');
      else if (name !== undefined && stext !== undefined && s !== undefined && e !== undefined) a.speaker = { name, text: stext, start: s, end: e };
    }
  }
  const cands = get(n, 'candidates');
  if (cands !== undefined) {
    const list: number[] = [];
    for (const c of seqItems(cands, p, 'candidates', true)) {
      const v = offset(c, n, p, 'candidate');
      if (v !== undefined) list.push(v);
    }
    a.candidates = list;
  }
  const conflict = get(n, 'conflict');
  if (conflict !== undefined && checkKeys(conflict, CONFLICT_KEYS, p)) {
    const cs = oneOf(get(conflict, 'status'), conflict, STATUSES, p, 'conflict status') as Status | undefined;
    const c: Conflict = { status: cs ?? 'suggested' };
    for (const k of ['type', 'entity', 'note', 'by'] as const) {
      const x = get(conflict, k);
      if (x === undefined) continue;
      const v = str(x, conflict, p, `conflict ${k}`, k === 'note');
      if (v !== undefined) c[k] = v;
    }
    if (c.type !== undefined && kind && !TYPES[kind].includes(c.type)) p.add(conflict.line, `conflict type of a ${kind} must be one of ${TYPES[kind].join(', ')}`);
    a.conflict = c;
  }
  return p.list.length + p.more > before ? null : a;
}

function checkKeys(n: LNode, allowed: readonly string[], p: Problems): n is LMap {
  if (n.t !== 'm') {
    p.add(n.line, 'expected a mapping');
    return false;
  }
  let ok = true;
  for (let i = 0; i < n.keys.length; i++) {
    const k = n.keys[i]!;
    if (!allowed.includes(k)) {
      p.add(n.keyLines[i]!, `unknown key '${safe(k)}'`);
      ok = false;
    } else if (n.keys.indexOf(k) !== i) {
      p.add(n.keyLines[i]!, `duplicate key '${safe(k)}'`);
      ok = false;
    }
  }
  return ok;
}

function seqItems(n: LNode | undefined, p: Problems, what: string, scalars = false): LMap[] {
  if (n === undefined || value(n) === null) return [];
  if (n.t !== 'q') {
    p.add(n.line, `${what} must be a list`);
    return [];
  }
  return (scalars ? n.items : n.items.filter((x) => x.t === 'm' || (p.add(x.line, 'expected a mapping'), false))) as LMap[];
}

function str(n: LNode | undefined, parent: LNode, p: Problems, what: string, allowEmpty: boolean): string | undefined {
  const v = value(n);
  if (typeof v !== 'string' || (!allowEmpty && v === '')) {
    p.add(n?.line ?? parent.line, `${what} must be a ${allowEmpty ? '' : 'non-empty '}string`);
    return undefined;
  }
  return v;
}

function num(n: LNode | undefined, parent: LNode, p: Problems, what: string): number | undefined {
  const v = value(n);
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    p.add(n?.line ?? parent.line, `${what} must be a number`);
    return undefined;
  }
  return v;
}

function offset(n: LNode | undefined, parent: LNode, p: Problems, what: string): number | undefined {
  const v = value(n);
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    p.add(n?.line ?? parent.line, `${what} must be a whole number ≥ 0`);
    return undefined;
  }
  return v;
}

function oneOf(n: LNode | undefined, parent: LNode, allowed: readonly string[], p: Problems, what: string): string | undefined {
  const v = value(n);
  if (typeof v !== 'string' || !allowed.includes(v)) {
    p.add(n?.line ?? parent.line, `${what} must be one of ${allowed.join(', ')}`);
    return undefined;
  }
  return v;
}
