/**
 * The annotation model kept in `article.annotations.yaml`: one record per entity, figure or quote,
 * with exact text, a little context, a status and an origin, so that the user's corrections survive
 * re-analysis and text changes. Offsets are UTF-16 code units in the LF-normalized text.
 */
import { sha256 } from '../hash';
import type { Analysis } from '../types';

export type AnnotationKind = 'entity' | 'figure' | 'quote';
export const ANNOTATION_KINDS: readonly AnnotationKind[] = ['entity', 'figure', 'quote'];
export type Status = 'suggested' | 'accepted' | 'rejected';
export const STATUSES: readonly Status[] = ['suggested', 'accepted', 'rejected'];
/**
 * Who made the annotation: the analysis (`model`), the reviewer in this tool (`user`), or another
 * tool whose file was imported (`import`: brat, W3C, Label Studio, doccano — see src/core/formats).
 * Only `model` annotations are derived again by the next analysis; the others are kept like decisions.
 */
export type AnnotationOrigin = 'model' | 'user' | 'import';
export const ORIGINS: readonly AnnotationOrigin[] = ['model', 'user', 'import'];
/**
 * Where an annotation stands against the current text:
 * `ok` — `text.slice(start, end) === annotation.text`;
 * `modified` — an edit touched the span; the span covers the changed words, `text` is what was annotated;
 * `ambiguous` — after an outside change its text occurs in several places (see `candidates`);
 * `orphaned` — its text is no longer in the article.
 */
export type AnchorState = 'ok' | 'modified' | 'ambiguous' | 'orphaned';
export const ANCHOR_STATES: readonly AnchorState[] = ['ok', 'modified', 'ambiguous', 'orphaned'];

/** Types allowed per kind. */
export const TYPES: Record<AnnotationKind, readonly string[]> = {
  entity: ['PER', 'ORG', 'LOC', 'MISC'],
  figure: ['money', 'percent', 'quantity', 'count', 'date', 'number'],
  // `indirect`: reported speech without quotation marks (the analysis does not find it; imported
  // attribution corpora such as PolNeAR have it).
  quote: ['direct', 'partial', 'scare', 'headline', 'block', 'indirect'],
};

/**
 * Another reviewer's different decision on the same annotation, kept by a merge so that a
 * disagreement stays visible (never a silent pick) until someone resolves it.
 */
export interface Conflict {
  status: Status;
  type?: string;
  entity?: string;
  note?: string;
  by?: string;
}

/** The kind a type belongs to (the types of the three kinds are disjoint), or undefined for an unknown type. */
export function kindOfType(type: string): AnnotationKind | undefined {
  return ANNOTATION_KINDS.find((k) => TYPES[k].includes(type));
}

export interface SpeakerRef {
  name: string;
  start: number;
  end: number;
  text: string;
}

export interface Annotation {
  /** Content-derived, stable across edits and merges (not T1, T2…). */
  id: string;
  kind: AnnotationKind;
  /** PER/ORG/LOC/MISC for entities, the figure kind, the quote kind. */
  type: string;
  start: number;
  end: number;
  /** The exact annotated text. */
  text: string;
  /** Up to {@link CONTEXT_CHARS} characters before and after, for re-anchoring. */
  prefix: string;
  suffix: string;
  status: Status;
  origin: AnnotationOrigin;
  anchor: AnchorState;
  /** Who made the decision (a reviewer's name or e-mail), when known. */
  by?: string;
  /** The user's note. */
  note?: string;
  /** A different decision on this annotation from another branch (see {@link Conflict}). */
  conflict?: Conflict;
  /** Canonical name of the linked entity (entities) when it differs from {@link text}. */
  entity?: string;
  /** Figures: normalized value and unit. */
  value?: number | string | null;
  unit?: string | null;
  /** Quotes: who said it and how sure the attribution is. */
  speaker?: SpeakerRef | null;
  confidence?: number;
  /** Ambiguous annotations: start offsets where the text occurs now, best first. */
  candidates?: number[];
}

/** Characters of context stored on each side. */
export const CONTEXT_CHARS = 24;

export function contextAround(
  text: { readonly length: number; slice(start: number, end: number): string },
  start: number,
  end: number,
): { prefix: string; suffix: string } {
  // One unit more on each side, to see whether the cut would split a surrogate pair.
  const before = text.slice(Math.max(0, start - CONTEXT_CHARS - 1), start);
  const after = text.slice(end, Math.min(text.length, end + CONTEXT_CHARS + 1));
  let prefix = before.length > CONTEXT_CHARS ? before.slice(1) : before;
  let suffix = after.length > CONTEXT_CHARS ? after.slice(0, CONTEXT_CHARS) : after;
  // Never cut a surrogate pair in the stored context.
  if (before.length > CONTEXT_CHARS && isLowSurrogate(prefix.charCodeAt(0))) prefix = before;
  if (after.length > CONTEXT_CHARS && isLowSurrogate(after.charCodeAt(CONTEXT_CHARS))) suffix = after;
  return { prefix, suffix };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

const KIND_LETTER: Record<AnnotationKind, string> = { entity: 'e', figure: 'f', quote: 'q' };

/** Content-derived id: kind letter + 10 hex digits of a hash of kind, text and context. */
export function annotationId(kind: AnnotationKind, text: string, prefix: string, suffix: string): string {
  return KIND_LETTER[kind] + sha256(`${kind}\u0000${text}\u0000${prefix}\u0000${suffix}`).slice(0, 10);
}

/**
 * Gives every annotation without an id one; keeps existing ids, renaming later duplicates (`-2`, `-3` …).
 * A reviewer's decision keeps its id before any suggestion does: a suggestion found again where the
 * same words now stand earlier (`Giulia Ferraro` pasted above the accepted one) must not take the
 * decision's id and leave it renamed. Linear: many annotations with the same text and context (a
 * repeated sentence) each take the next free number of their base id instead of trying every number
 * from 2 again.
 */
export function assignIds(anns: Annotation[]): void {
  const taken = new Set<string>();
  // Existing ids first, so that a new annotation never takes an id a kept one already has; decisions
  // before suggestions.
  for (const decisions of [true, false]) {
    for (const a of anns) {
      if (!a.id || isUserDecision(a) !== decisions) continue;
      if (taken.has(a.id)) a.id = '';
      else taken.add(a.id);
    }
  }
  const nextNumber = new Map<string, number>();
  for (const a of anns) {
    if (a.id) continue;
    const base = annotationId(a.kind, a.text, a.prefix, a.suffix);
    let id = base;
    if (taken.has(id)) {
      let n = nextNumber.get(base) ?? 2;
      while (taken.has((id = `${base}-${n}`))) n++;
      nextNumber.set(base, n + 1);
    }
    a.id = id;
    taken.add(id);
  }
}

/** Position order, then kind, then id: the order of the YAML file. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Model suggestions for an analysis (status `suggested`, origin `model`), sorted, with ids. */
export function annotationsFromAnalysis(a: Analysis): Annotation[] {
  const text = a.text;
  const out: Annotation[] = [];
  const base = (kind: AnnotationKind, type: string, start: number, end: number): Annotation => ({
    id: '',
    kind,
    type,
    start,
    end,
    text: text.slice(start, end),
    ...contextAround(text, start, end),
    status: 'suggested',
    origin: 'model',
    anchor: 'ok',
  });
  const canonical = new Map(a.entityGroups.map((g) => [g.id, g.canonical]));
  for (const e of a.entities) {
    const ann = base('entity', e.type, e.start, e.end);
    const c = canonical.get(e.entityId);
    if (c && c !== ann.text) ann.entity = c;
    out.push(ann);
  }
  for (const f of a.figures) {
    const ann = base('figure', f.kind, f.start, f.end);
    ann.value = f.value;
    ann.unit = f.unit;
    out.push(ann);
  }
  for (const q of a.quotes) {
    const ann = base('quote', q.kind, q.start, q.end);
    ann.speaker = q.speaker
      ? { name: q.speaker.name, start: q.speaker.start, end: q.speaker.end, text: text.slice(q.speaker.start, q.speaker.end) }
      : null;
    ann.confidence = Math.round(q.confidence * 100) / 100;
    out.push(ann);
  }
  out.sort(compareAnnotations);
  assignIds(out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The questions every part asks about an annotation, each answered here once.

/**
 * True when the annotation carries a user decision (or came from another tool) that re-analysis must
 * keep (and the file must hold with its context).
 */
export function isUserDecision(a: Annotation): boolean {
  return a.origin !== 'model' || a.status !== 'suggested' || a.note !== undefined || a.conflict !== undefined;
}

/** True when the annotation is on the page: not rejected, and on its words (possibly edited). Highlighted and counted. */
export function isLive(a: Annotation): boolean {
  return a.status !== 'rejected' && (a.anchor === 'ok' || a.anchor === 'modified');
}

/** True when a person must look at it: a decision that lost its words (edited, ambiguous, orphaned), or a disagreement from a merge. */
export function needsReview(a: Annotation): boolean {
  return (a.anchor !== 'ok' && isUserDecision(a)) || a.conflict !== undefined;
}

/** True when no one has decided on it yet (a model suggestion on its words). */
export function isUndecided(a: Annotation): boolean {
  return a.status === 'suggested' && a.origin === 'model' && a.anchor === 'ok';
}

/**
 * True when it waits for a person's decision in the review loop: an undecided model suggestion on
 * its words (edited ones too), or a disagreement left by a merge.
 */
export function awaitsDecision(a: Annotation): boolean {
  if (a.anchor !== 'ok' && a.anchor !== 'modified') return false;
  return a.conflict !== undefined || (a.status === 'suggested' && a.origin === 'model');
}

/**
 * The annotations under the character at `offset` (`start ≤ offset < end`), outermost first — the
 * quote before the name inside it. Live ones only, and rejected ones on their words when
 * `includeRejected` (they are shown struck through on request). Hover cards, commands at the cursor
 * and the lightbulb all ask this, so they always agree.
 */
export function annotationsAt(annotations: readonly Annotation[], offset: number, opts: { includeRejected?: boolean } = {}): Annotation[] {
  const hits: Annotation[] = [];
  for (const a of annotations) {
    if (a.start > offset || offset >= a.end) continue;
    if (isLive(a) || (opts.includeRejected && a.status === 'rejected' && a.anchor === 'ok')) hits.push(a);
  }
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  return hits;
}

/**
 * Kept annotations indexed for the question "does one of them clash with this fresh suggestion?",
 * in O(log n + hits) per question (a plain scan made merging quadratic in the number of decisions).
 */
class ClashIndex {
  /** Anchored kept annotations by kind, sorted by start. */
  private readonly byKind = new Map<string, Annotation[]>();
  private readonly maxLen = new Map<string, number>();
  /** Rejected annotations whose place is unsure (ambiguous): they still hold at each candidate place. */
  private readonly heldRejections = new Set<string>();

  constructor(kept: readonly Annotation[]) {
    for (const k of kept) {
      if (k.anchor === 'ambiguous' && k.status === 'rejected') {
        for (const c of k.candidates ?? []) this.heldRejections.add(`${k.kind}\u0000${k.type}\u0000${c}\u0000${c + k.text.length}`);
      }
      if (k.anchor === 'orphaned' || k.anchor === 'ambiguous') continue;
      const list = this.byKind.get(k.kind) ?? [];
      list.push(k);
      this.byKind.set(k.kind, list);
      this.maxLen.set(k.kind, Math.max(this.maxLen.get(k.kind) ?? 0, k.end - k.start));
    }
    for (const list of this.byKind.values()) list.sort((a, b) => a.start - b.start);
  }

  /** A kept annotation of the same kind on the same span, or (unless rejected) overlapping it. */
  clashes(f: Annotation): boolean {
    if (this.heldRejections.has(`${f.kind}\u0000${f.type}\u0000${f.start}\u0000${f.end}`)) return true;
    const list = this.byKind.get(f.kind);
    if (!list) return false;
    const from = f.start - (this.maxLen.get(f.kind) ?? 0);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && list[i]!.start <= f.end; i++) {
      const k = list[i]!;
      if (k.start === f.start && k.end === f.end) return true;
      if (k.status !== 'rejected' && k.start < f.end && f.start < k.end) return true;
    }
    return false;
  }
}

/**
 * Merges fresh model suggestions into the current annotations: the user's decisions (accepted,
 * rejected, added, noted) are kept as they are; stale suggestions are replaced by fresh ones; a fresh
 * suggestion is dropped where a kept annotation of the same kind has the same span (so a rejected
 * suggestion stays rejected) or, unless rejected, overlaps it (an accepted or added span wins). A
 * rejection whose place became ambiguous after an outside change still holds at every place it may
 * belong to, so a rejected suggestion never comes back while the question is open.
 */
export function mergeAnnotations(current: readonly Annotation[], fresh: readonly Annotation[]): Annotation[] {
  const kept = current.filter(isUserDecision);
  const out: Annotation[] = kept.map((a) => ({ ...a }));
  // A suggestion found again keeps the id it had, so ids do not change under the user's cursor when
  // an edit nearby changes the context they were derived from (hover links, open diagnostics).
  const previous = new Map<string, string>();
  for (const a of current)
    if (!isUserDecision(a) && a.anchor === 'ok') previous.set(`${a.kind}\u0000${a.type}\u0000${a.start}\u0000${a.end}`, a.id);
  const index = new ClashIndex(kept);
  for (const f0 of fresh) {
    const f = { ...f0 };
    const prevId = previous.get(`${f.kind}\u0000${f.type}\u0000${f.start}\u0000${f.end}`);
    if (prevId) f.id = prevId;
    if (!index.clashes(f)) out.push(f);
  }
  out.sort(compareAnnotations);
  assignIds(out);
  return out;
}
