/**
 * Reading and writing `article.annotations.yaml`.
 *
 * Writing is deterministic (same model → byte-identical file: fixed key order, annotations sorted by
 * position, LF, no line folding). Reading treats the file as untrusted: conflict markers are detected
 * before parsing; directives, aliases, custom tags, duplicate keys, unknown keys, wrong types and bad
 * offsets are errors with a line number; nothing is executed, nothing is half-loaded.
 */
import { isMap, isSeq, stringify, type LineCounter, type Node } from 'yaml';
import { parseSafeYaml, Problems, safeForMessage as safe, scalar } from '../safeYaml';
import { sha256 } from '../hash';
import {
  ANCHOR_STATES,
  ANNOTATION_KINDS,
  STATUSES,
  TYPES,
  compareAnnotations,
  type AnchorState,
  type Annotation,
  type AnnotationKind,
  type Status,
} from './model';

export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.annotations.yaml';
/** Sidecars above this size are refused (parsing 6 MB of YAML takes seconds and hundreds of MB). */
export const MAX_SIDECAR_BYTES = 8 * 1024 * 1024;
const OFFSETS = 'utf16-lf';

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
  /** The article's file name (informational). */
  article: string;
  /** `sha256:` + hex SHA-256 of the LF-normalized article text the offsets refer to. */
  textHash: string;
  subjects: SidecarSubject[];
  sections: SidecarSection[];
  annotations: Annotation[];
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

/** `article.txt` → `article.annotations.yaml` (any extension is replaced; none → appended). */
export function sidecarPathFor(articlePath: string): string {
  const slash = Math.max(articlePath.lastIndexOf('/'), articlePath.lastIndexOf('\\'));
  const dot = articlePath.lastIndexOf('.');
  const stem = dot > slash + 1 ? articlePath.slice(0, dot) : articlePath;
  return stem + SIDECAR_SUFFIX;
}

export function textHash(normalizedText: string): string {
  return 'sha256:' + sha256(normalizedText);
}

export { conflictMarkerLines } from '../safeYaml';

const ANNOTATION_KEYS = ['id', 'kind', 'type', 'start', 'end', 'text', 'prefix', 'suffix', 'status', 'origin', 'anchor', 'entity', 'value', 'unit', 'speaker', 'confidence', 'note', 'candidates'] as const;
const TOP_KEYS = ['version', 'article', 'textHash', 'offsets', 'subjects', 'sections', 'annotations'];

/** Serializes a sidecar. Deterministic; LF line endings; ends with a newline. */
export function serializeSidecar(doc: SidecarDoc): string {
  const anns = [...doc.annotations].sort(compareAnnotations).map((a) => {
    const o: Record<string, unknown> = {};
    for (const k of ANNOTATION_KEYS) {
      const v = a[k];
      if (v === undefined) continue;
      if (k === 'anchor' && v === 'ok') continue;
      if ((k === 'prefix' || k === 'suffix') && v === '') continue;
      if (k === 'speaker' && v) {
        const s = v as NonNullable<Annotation['speaker']>;
        o[k] = { name: s.name, text: s.text, start: s.start, end: s.end };
        continue;
      }
      o[k] = v;
    }
    return o;
  });
  const body = {
    version: SIDECAR_VERSION,
    article: doc.article,
    textHash: doc.textHash,
    offsets: OFFSETS,
    subjects: doc.subjects.map((s) => ({ code: s.code, label: s.label, score: s.score })),
    sections: doc.sections.map((s) => ({ id: s.id, label: s.label, start: s.start, end: s.end, subject: s.subject })),
    annotations: anns,
  };
  const header =
    `# News Annotator annotations for ${oneLine(doc.article)}. Review and commit them with the article.\n` +
    `# Offsets: UTF-16 code units in the article with LF line endings and no BOM, end exclusive.\n` +
    `# status: suggested | accepted | rejected. Your decisions are kept when the article is analysed again.\n`;
  // No block scalars: every value stays on one line (clean line-based merges), and the yaml library
  // mis-writes some whitespace-only block scalars (' \n' would read back differently).
  return header + stringify(body, { lineWidth: 0, indent: 2, indentSeq: true, aliasDuplicateObjects: false, version: '1.2', blockQuote: false });
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ');
}


/** Parses and validates a sidecar. Never throws; never evaluates anything. */
export function parseSidecar(src: string): ParseResult {
  const y = parseSafeYaml(src, MAX_SIDECAR_BYTES, 'annotation');
  if (!y.ok) return y;
  return validate(y.doc.contents as Node | null, y.lc);
}


function validate(root: Node | null, lc: LineCounter): ParseResult {
  const p = new Problems(lc);
  const done = (doc: SidecarDoc): ParseResult => {
    if (!p.list.length) return { ok: true, doc };
    const details = p.list.map((x) => `line ${x.line}: ${x.msg}`);
    const first = p.list[0]!;
    return { ok: false, problem: { kind: 'invalid', message: `${first.msg} (line ${first.line})`, details, line: first.line } };
  };
  const empty: SidecarDoc = { article: '', textHash: '', subjects: [], sections: [], annotations: [] };
  if (!isMap(root)) {
    p.add(root, 'the file must be a YAML mapping with version, textHash and annotations');
    return done(empty);
  }
  const get = (m: Node, key: string): Node | undefined => (isMap(m) ? (m.get(key, true) as Node | undefined) : undefined);
  for (const item of root.items) {
    const k = keyOf(item.key);
    if (!TOP_KEYS.includes(k)) p.add(item.key as Node, `unknown key '${safe(k)}'`);
  }
  const version = scalar(get(root, 'version'));
  if (version !== SIDECAR_VERSION) {
    if (typeof version === 'number' && version > SIDECAR_VERSION) {
      return { ok: false, problem: { kind: 'newer-version', message: `written by a newer News Annotator (version ${version}); it is left untouched`, details: [] } };
    }
    p.add(get(root, 'version') ?? root, `version must be ${SIDECAR_VERSION}`);
  }
  const offsets = scalar(get(root, 'offsets'));
  if (offsets !== undefined && offsets !== OFFSETS) p.add(get(root, 'offsets'), `offsets must be '${OFFSETS}'`);
  const article = str(get(root, 'article'), p, 'article', true) ?? '';
  const hash = str(get(root, 'textHash'), p, 'textHash', false) ?? '';
  if (hash && !/^sha256:[0-9a-f]{64}$/.test(hash)) p.add(get(root, 'textHash'), 'textHash must be sha256: followed by 64 hex digits');

  const subjects: SidecarSubject[] = [];
  for (const n of seqItems(get(root, 'subjects'), p, 'subjects')) {
    if (!objectKeys(n, ['code', 'label', 'score'], p)) continue;
    const code = str(get(n, 'code'), p, 'code', false);
    const label = str(get(n, 'label'), p, 'label', false);
    const score = num(get(n, 'score'), p, 'score');
    if (code !== undefined && label !== undefined && score !== undefined) subjects.push({ code, label, score });
  }
  const sections: SidecarSection[] = [];
  for (const n of seqItems(get(root, 'sections'), p, 'sections')) {
    if (!objectKeys(n, ['id', 'label', 'start', 'end', 'subject'], p)) continue;
    const id = str(get(n, 'id'), p, 'id', false);
    const label = str(get(n, 'label'), p, 'label', false);
    const start = offset(get(n, 'start'), p, 'start');
    const end = offset(get(n, 'end'), p, 'end');
    const subj = get(n, 'subject');
    const subject = subj === undefined || scalar(subj) === null ? null : str(subj, p, 'subject', false) ?? null;
    if (id !== undefined && label !== undefined && start !== undefined && end !== undefined) {
      if (end < start) p.add(n, 'section end is before its start');
      else sections.push({ id, label, start, end, subject });
    }
  }
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  for (const n of seqItems(get(root, 'annotations'), p, 'annotations')) {
    const a = annotation(n, p, get);
    if (!a) continue;
    if (ids.has(a.id)) {
      p.add(get(n, 'id'), `duplicate id '${safe(a.id)}'`);
      continue;
    }
    ids.add(a.id);
    annotations.push(a);
  }
  annotations.sort(compareAnnotations);
  return done({ article, textHash: hash, subjects, sections, annotations });
}

function annotation(n: Node, p: Problems, get: (m: Node, k: string) => Node | undefined): Annotation | null {
  if (!objectKeys(n, ANNOTATION_KEYS as unknown as string[], p)) return null;
  const before = p.list.length;
  const id = str(get(n, 'id'), p, 'id', false);
  if (id !== undefined && !/^[a-z][a-z0-9-]{0,63}$/.test(id)) p.add(get(n, 'id'), 'id must be lower-case letters, digits and dashes');
  const kind = oneOf(get(n, 'kind'), ANNOTATION_KINDS, p, 'kind') as AnnotationKind | undefined;
  const type = str(get(n, 'type'), p, 'type', false);
  if (kind && type !== undefined && !TYPES[kind].includes(type)) p.add(get(n, 'type'), `type of a ${kind} must be one of ${TYPES[kind].join(', ')}`);
  const start = offset(get(n, 'start'), p, 'start');
  const end = offset(get(n, 'end'), p, 'end');
  const text = str(get(n, 'text'), p, 'text', false);
  if (start !== undefined && end !== undefined) {
    if (end <= start) p.add(get(n, 'end'), 'end must be greater than start');
    else if (text !== undefined && text.length !== end - start) p.add(get(n, 'text'), 'text length does not match end - start');
  }
  if (text !== undefined && (/^[\udc00-\udfff]/.test(text) || /[\ud800-\udbff]$/.test(text))) p.add(get(n, 'text'), 'the span splits a surrogate pair');
  const prefix = get(n, 'prefix') ? str(get(n, 'prefix'), p, 'prefix', true) : '';
  const suffix = get(n, 'suffix') ? str(get(n, 'suffix'), p, 'suffix', true) : '';
  const status = oneOf(get(n, 'status'), STATUSES, p, 'status') as Status | undefined;
  const origin = oneOf(get(n, 'origin'), ['model', 'user'], p, 'origin') as 'model' | 'user' | undefined;
  const anchor = get(n, 'anchor') ? (oneOf(get(n, 'anchor'), ANCHOR_STATES, p, 'anchor') as AnchorState | undefined) : 'ok';
  if (p.list.length > before || id === undefined || !kind || type === undefined || start === undefined || end === undefined || text === undefined || !status || !origin || !anchor || prefix === undefined || suffix === undefined) {
    return null;
  }
  const a: Annotation = { id, kind, type, start, end, text, prefix, suffix, status, origin, anchor };
  const entity = get(n, 'entity');
  if (entity !== undefined) {
    const v = str(entity, p, 'entity', false);
    if (v !== undefined) a.entity = v;
  }
  const note = get(n, 'note');
  if (note !== undefined) {
    const v = str(note, p, 'note', true);
    if (v !== undefined) a.note = v;
  }
  const value = get(n, 'value');
  if (value !== undefined) {
    const v = scalar(value);
    if (v === null || typeof v === 'number' || typeof v === 'string') a.value = v;
    else p.add(value, 'value must be a number, a string or null');
  }
  const unit = get(n, 'unit');
  if (unit !== undefined) {
    const v = scalar(unit);
    if (v === null || typeof v === 'string') a.unit = v;
    else p.add(unit, 'unit must be a string or null');
  }
  const conf = get(n, 'confidence');
  if (conf !== undefined) {
    const v = num(conf, p, 'confidence');
    if (v !== undefined && (v < 0 || v > 1)) p.add(conf, 'confidence must be between 0 and 1');
    else if (v !== undefined) a.confidence = v;
  }
  const sp = get(n, 'speaker');
  if (sp !== undefined) {
    if (scalar(sp) === null) a.speaker = null;
    else if (objectKeys(sp, ['name', 'text', 'start', 'end'], p)) {
      const name = str(get(sp, 'name'), p, 'speaker name', false);
      const stext = str(get(sp, 'text'), p, 'speaker text', true);
      const s = offset(get(sp, 'start'), p, 'speaker start');
      const e = offset(get(sp, 'end'), p, 'speaker end');
      if (s !== undefined && e !== undefined && e < s) p.add(sp, 'speaker end is before its start');
      else if (name !== undefined && stext !== undefined && s !== undefined && e !== undefined) a.speaker = { name, text: stext, start: s, end: e };
    }
  }
  const cands = get(n, 'candidates');
  if (cands !== undefined) {
    const list: number[] = [];
    for (const c of seqItems(cands, p, 'candidates')) {
      const v = offset(c, p, 'candidate');
      if (v !== undefined) list.push(v);
    }
    a.candidates = list;
  }
  return p.list.length > before ? null : a;
}

function keyOf(k: unknown): string {
  const v = scalar(k as Node);
  return typeof v === 'string' ? v : String(v);
}



function objectKeys(n: Node, allowed: readonly string[], p: Problems): boolean {
  if (!isMap(n)) {
    p.add(n, 'expected a mapping');
    return false;
  }
  let ok = true;
  for (const item of n.items) {
    const k = keyOf(item.key);
    if (!allowed.includes(k)) {
      p.add(item.key as Node, `unknown key '${safe(k)}'`);
      ok = false;
    }
  }
  return ok;
}

function seqItems(n: Node | undefined, p: Problems, what: string): Node[] {
  if (n === undefined || scalar(n) === null) return [];
  if (!isSeq(n)) {
    p.add(n, `${what} must be a list`);
    return [];
  }
  return n.items as Node[];
}

function str(n: Node | undefined, p: Problems, what: string, allowEmpty: boolean): string | undefined {
  const v = scalar(n);
  if (typeof v !== 'string' || (!allowEmpty && v === '')) {
    p.add(n, `${what} must be a ${allowEmpty ? '' : 'non-empty '}string`);
    return undefined;
  }
  return v;
}

function num(n: Node | undefined, p: Problems, what: string): number | undefined {
  const v = scalar(n);
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    p.add(n, `${what} must be a number`);
    return undefined;
  }
  return v;
}

function offset(n: Node | undefined, p: Problems, what: string): number | undefined {
  const v = scalar(n);
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    p.add(n, `${what} must be a whole number ≥ 0`);
    return undefined;
  }
  return v;
}

function oneOf(n: Node | undefined, allowed: readonly string[], p: Problems, what: string): string | undefined {
  const v = scalar(n);
  if (typeof v !== 'string' || !allowed.includes(v)) {
    p.add(n, `${what} must be one of ${allowed.join(', ')}`);
    return undefined;
  }
  return v;
}
