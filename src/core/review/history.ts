/**
 * Undo and redo of review decisions. A decision does not change the article's text, so it has no
 * place on the editor's text undo stack; instead each decision (one key press, or one bulk decision
 * over many articles) is recorded as the annotations it changed, by id, before and after. Undoing
 * puts the *decision* back (status, type, entity, note, reviewer, disagreement, and the words of an
 * edited annotation that accepting had settled) on whatever offsets the annotation has now, so an
 * undo after typing elsewhere in the article still lands on the right words. An annotation the
 * decision added is removed again; one it removed comes back (placed again by its text and context
 * when the text under its old offsets changed).
 */
import { reanchor } from '../sidecar/anchor';
import { compareAnnotations, type Annotation } from '../sidecar/model';

/** One annotation changed by a decision: its state before and after (null: absent). */
export interface AnnotationChange {
  id: string;
  before: Annotation | null;
  after: Annotation | null;
}

/** The annotations of a list before a decision, to diff against afterwards. */
export interface Snapshot {
  /** The annotations present, by id (references: a decision removes them, it does not change them). */
  readonly present: ReadonlyMap<string, Annotation>;
  /** Copies of the annotations the decision may change in place. */
  readonly copies: ReadonlyMap<string, Annotation>;
}

/** A deep copy (annotations are plain data). */
const clone = (a: Annotation): Annotation => JSON.parse(JSON.stringify(a)) as Annotation;

/** Takes the snapshot before a decision on `touched` (the annotations it may change in place). */
export function snapshot(list: readonly Annotation[], touched: Iterable<Annotation>): Snapshot {
  const copies = new Map<string, Annotation>();
  for (const a of touched) copies.set(a.id, clone(a));
  return { present: new Map(list.map((a) => [a.id, a])), copies };
}

/** The fields a decision sets; everything else (offsets, context, model data) is left as it is now. */
const DECISION_FIELDS = ['status', 'origin', 'type', 'by', 'entity', 'note', 'conflict'] as const;

function sameDecision(a: Annotation, b: Annotation): boolean {
  for (const k of DECISION_FIELDS) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return false;
  return a.anchor === b.anchor && a.text === b.text;
}

/** What the decision changed: annotations added, removed, or decided differently. */
export function changesSince(snap: Snapshot, after: readonly Annotation[]): AnnotationChange[] {
  const out: AnnotationChange[] = [];
  const seen = new Set<string>();
  for (const a of after) {
    seen.add(a.id);
    const copy = snap.copies.get(a.id);
    if (copy) {
      if (!sameDecision(copy, a)) out.push({ id: a.id, before: copy, after: clone(a) });
    } else if (!snap.present.has(a.id)) out.push({ id: a.id, before: null, after: clone(a) });
  }
  for (const [id, a] of snap.present) if (!seen.has(id)) out.push({ id, before: snap.copies.get(id) ?? clone(a), after: null });
  return out;
}

/** Puts the decision fields of `from` on `to` (absent fields are removed). */
function putDecision(to: Annotation, from: Annotation, settled: Annotation | null): void {
  for (const k of DECISION_FIELDS) {
    if (from[k] === undefined) delete to[k];
    else (to as unknown as Record<string, unknown>)[k] = JSON.parse(JSON.stringify(from[k]));
  }
  // Accepting an edited annotation settled it on its new words: undoing makes it edited again.
  if (from.anchor === 'modified' && to.anchor === 'ok' && settled && to.text === settled.text && from.text !== to.text) {
    to.text = from.text;
    to.prefix = from.prefix;
    to.suffix = from.suffix;
    to.anchor = 'modified';
  } else if (from.anchor === 'ok' && to.anchor === 'modified' && settled?.anchor === 'modified') {
    to.text = from.text;
    to.prefix = from.prefix;
    to.suffix = from.suffix;
  }
}

/**
 * Applies the changes backwards (`undo`) or forwards (`redo`) to `list` and returns the new list
 * (sorted; the annotations kept are changed in place). `text` is the article's current text.
 */
export function applyChanges(
  list: readonly Annotation[],
  changes: readonly AnnotationChange[],
  direction: 'undo' | 'redo',
  text: string,
): Annotation[] {
  const byId = new Map(list.map((a) => [a.id, a]));
  const restored: Annotation[] = [];
  for (const c of changes) {
    const want = direction === 'undo' ? c.before : c.after;
    const had = direction === 'undo' ? c.after : c.before;
    const cur = byId.get(c.id);
    if (!want) {
      byId.delete(c.id);
      continue;
    }
    if (cur) putDecision(cur, want, had);
    else {
      const back = clone(want);
      byId.set(c.id, back);
      restored.push(back);
    }
  }
  // Annotations that come back are placed on the text as it is now.
  const misplaced = restored.filter((a) => a.anchor === 'ok' && (a.end > text.length || text.slice(a.start, a.end) !== a.text));
  if (misplaced.length) reanchor(misplaced, text);
  return [...byId.values()].sort(compareAnnotations);
}

/** A recorded decision: what it was (for the notification) and what it changed in each article. */
export interface DecisionStep {
  label: string;
  /** Per article (a URI or path), the annotations the decision changed there. */
  files: Map<string, AnnotationChange[]>;
}

/** Undo and redo stacks of decisions, newest last; bounded. */
export class DecisionHistory {
  private readonly done: DecisionStep[] = [];
  private readonly undone: DecisionStep[] = [];

  constructor(private readonly limit = 200) {}

  /** Records a decision that changed something (a new decision clears the redo stack). */
  push(step: DecisionStep): void {
    if (![...step.files.values()].some((c) => c.length)) return;
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  /** The newest decision that touched `file` (or the newest of all without one), taken off the undo stack. */
  takeUndo(file?: string): DecisionStep | undefined {
    return move(this.done, this.undone, file);
  }

  /** The newest undone decision that touched `file` (or of all), taken off the redo stack. */
  takeRedo(file?: string): DecisionStep | undefined {
    return move(this.undone, this.done, file);
  }

  /** The newest decision on the undo stack that touched `file` (or of all), without taking it. */
  peekUndo(file?: string): DecisionStep | undefined {
    const i = newestFor(this.done, file);
    return i < 0 ? undefined : this.done[i];
  }

  canRedo(file?: string): boolean {
    return newestFor(this.undone, file) >= 0;
  }

  /** Forgets the decisions recorded for an article (e.g. its annotation file was replaced from outside). */
  forget(file: string): void {
    for (const stack of [this.done, this.undone]) {
      for (const s of stack) s.files.delete(file);
      for (let i = stack.length - 1; i >= 0; i--) if (!stack[i]!.files.size) stack.splice(i, 1);
    }
  }

  get size(): number {
    return this.done.length;
  }
}

/** Index of the newest step that touched `file` (any step without one); -1 when none. */
function newestFor(stack: readonly DecisionStep[], file: string | undefined): number {
  for (let i = stack.length - 1; i >= 0; i--) if (file === undefined || stack[i]!.files.has(file)) return i;
  return -1;
}

/** Moves the newest step that touched `file` from one stack to the other. */
function move(from: DecisionStep[], to: DecisionStep[], file: string | undefined): DecisionStep | undefined {
  const i = newestFor(from, file);
  if (i < 0) return undefined;
  const [step] = from.splice(i, 1);
  to.push(step!);
  return step;
}
