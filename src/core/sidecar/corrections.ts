/**
 * The reviewer's corrections: accept, reject, retype, link, add, remove, reattach. The editor's
 * commands and hover links only find the annotation and call these; the rules live here, once, and
 * are tested in plain Node. Every function leaves the list in a state the annotation file can hold
 * (see the random-edit property test).
 *
 * Offsets are UTF-16 code units in the LF-normalized text; spans are half-open `[start, end)`.
 */
import type { TextSource } from './anchor';
import { assignIds, contextAround, isUserDecision, kindOfType, TYPES, type Annotation, type AnnotationKind, type Status } from './model';

/** Who decides (a reviewer's name or e-mail), recorded on each decision when known. */
export interface DecisionContext {
  by?: string;
}

function decided(a: Annotation, status: Status, ctx: DecisionContext): void {
  a.status = status;
  if (ctx.by) a.by = ctx.by;
  else delete a.by;
  // A decision made here settles a disagreement carried in from a merge.
  delete a.conflict;
}

/**
 * Puts an edited annotation back on the words it now covers: its text becomes what the span reads
 * now and its context is taken afresh ("keep the annotation on the edited words").
 */
function settleOnCurrentWords(a: Annotation, text: TextSource): void {
  if (a.anchor !== 'modified') return;
  a.text = text.slice(a.start, a.end);
  Object.assign(a, contextAround(text, a.start, a.end));
  a.anchor = 'ok';
}

/** Accepts a suggestion (or an edited annotation as it reads now). */
export function accept(a: Annotation, text: TextSource, ctx: DecisionContext = {}): void {
  if (a.anchor === 'modified' && a.end > a.start) settleOnCurrentWords(a, text);
  decided(a, 'accepted', ctx);
}

/** Rejects a suggestion: it stays in the file as rejected so the model does not suggest it again. */
export function reject(a: Annotation, ctx: DecisionContext = {}): void {
  decided(a, 'rejected', ctx);
}

/** Changes the type (within its kind) and accepts. False when the type does not belong to the annotation's kind. */
export function retype(a: Annotation, type: string, text: TextSource, ctx: DecisionContext = {}): boolean {
  if (!TYPES[a.kind].includes(type)) return false;
  a.type = type;
  accept(a, text, ctx);
  return true;
}

/** Says which entity a name refers to (its canonical name) and accepts it. */
export function link(a: Annotation, canonical: string, text: TextSource, ctx: DecisionContext = {}): boolean {
  const name = canonical.trim();
  if (a.kind !== 'entity' || !name) return false;
  if (name === a.text) delete a.entity;
  else a.entity = name;
  accept(a, text, ctx);
  return true;
}

/** Sets or clears (empty) the reviewer's note. */
export function annotateNote(a: Annotation, note: string): void {
  if (note.trim()) a.note = note;
  else delete a.note;
}

/** Why an annotation could not be added. */
export type AddRefusal = 'unknown-type' | 'no-selection' | 'no-words' | 'splits-character';
export type AddResult = { ok: true; annotations: Annotation[]; added: Annotation } | { ok: false; reason: AddRefusal };

/**
 * Adds the reviewer's own annotation over `[start, end)`. It replaces model suggestions of the same
 * kind that overlap it (decisions are never replaced); an annotation of the same kind and span that
 * already exists is accepted with the new type instead of duplicated.
 */
export function add(
  list: readonly Annotation[],
  span: { start: number; end: number; type: string },
  text: TextSource,
  ctx: DecisionContext = {},
): AddResult {
  const { start, end, type } = span;
  const kind: AnnotationKind | undefined = kindOfType(type);
  if (!kind) return { ok: false, reason: 'unknown-type' };
  if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && end > start && end <= text.length))
    return { ok: false, reason: 'no-selection' };
  const words = text.slice(start, end);
  if (!words.trim()) return { ok: false, reason: 'no-words' };
  if (splitsPair(text, start) || splitsPair(text, end)) return { ok: false, reason: 'splits-character' };
  const same = list.find((a) => a.kind === kind && a.start === start && a.end === end && a.anchor === 'ok');
  if (same) {
    same.type = type;
    accept(same, text, ctx);
    return { ok: true, annotations: [...list], added: same };
  }
  const added: Annotation = {
    id: '',
    kind,
    type,
    start,
    end,
    text: words,
    ...contextAround(text, start, end),
    status: 'accepted',
    origin: 'user',
    anchor: 'ok',
  };
  if (ctx.by) added.by = ctx.by;
  const kept = list.filter((a) => !(a.kind === kind && !isUserDecision(a) && a.start < end && start < a.end));
  const out = [...kept, added];
  assignIds(out);
  return { ok: true, annotations: out, added };
}

function splitsPair(text: TextSource, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const pair = text.slice(offset - 1, offset + 1);
  const hi = pair.charCodeAt(0);
  const lo = pair.charCodeAt(1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/**
 * Removes an annotation: one the reviewer added (or imported from another tool) disappears, and so does one whose words are gone or
 * were edited (nothing the model suggests later is tied to it); a model suggestion on its words would
 * come back with the next analysis, so removing it means rejecting it.
 */
export function remove(list: readonly Annotation[], a: Annotation, ctx: DecisionContext = {}): Annotation[] {
  if (a.origin !== 'model' || a.anchor !== 'ok') return list.filter((x) => x !== a);
  reject(a, ctx);
  return [...list];
}

/**
 * Attaches an ambiguous annotation at one of its candidate places, if its words are there. Returns
 * false (and changes nothing) otherwise.
 */
export function reattach(a: Annotation, start: number, text: TextSource): boolean {
  if (a.anchor !== 'ambiguous' || !a.candidates?.includes(start)) return false;
  if (text.slice(start, start + a.text.length) !== a.text) return false;
  a.start = start;
  a.end = start + a.text.length;
  Object.assign(a, contextAround(text, a.start, a.end));
  a.anchor = 'ok';
  delete a.candidates;
  return true;
}

/**
 * Settles a disagreement carried in from a merge: `mine` keeps this annotation's decision, `theirs`
 * takes the other branch's.
 */
export function resolveConflict(a: Annotation, take: 'mine' | 'theirs'): boolean {
  const c = a.conflict;
  if (!c) return false;
  if (take === 'theirs') {
    a.status = c.status;
    if (c.type !== undefined && TYPES[a.kind].includes(c.type)) a.type = c.type;
    if (c.entity !== undefined) a.entity = c.entity;
    else if (a.kind === 'entity') delete a.entity;
    if (c.note !== undefined) a.note = c.note;
    if (c.by !== undefined) a.by = c.by;
    else delete a.by;
  }
  delete a.conflict;
  return true;
}
