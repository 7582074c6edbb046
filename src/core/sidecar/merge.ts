/**
 * Three-way merge of annotation files by annotation id (for `git merge`): two people who annotated
 * different parts of an article, or decided on different annotations, merge without conflict; a
 * decision is never lost; two different decisions on one annotation are both kept, visibly.
 */
import { sha256 } from '../hash';
import { compareAnnotations, isUserDecision, type Annotation, type Conflict } from './model';
import type { SidecarDoc } from './yaml';

export interface MergeResult {
  doc: SidecarDoc;
  /** Ids decided differently on both sides: ours is kept, theirs is recorded in its `conflict`. */
  conflicts: string[];
}

function same(a: Annotation | undefined, b: Annotation | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The decision an annotation carries, as recorded in a {@link Conflict}. */
export function decisionOf(a: Annotation): Conflict {
  const c: Conflict = { status: a.status };
  if (a.origin !== 'model' || a.status !== 'suggested') c.type = a.type;
  if (a.entity !== undefined) c.entity = a.entity;
  if (a.note !== undefined) c.note = a.note;
  if (a.by !== undefined) c.by = a.by;
  return c;
}

function sameDecision(a: Annotation, b: Annotation): boolean {
  return (
    a.status === b.status &&
    a.type === b.type &&
    a.origin === b.origin &&
    (a.entity ?? a.text) === (b.entity ?? b.text) &&
    a.note === b.note
  );
}

/**
 * Merges `ours` and `theirs` relative to their common ancestor `base` (null when the file was added
 * on both sides or the ancestor cannot be read). Per id:
 * - a side that changed wins over one that did not (a deletion too);
 * - suggestions the model would derive again are never a conflict: the one written for the newer text is kept;
 * - a decision beats a suggestion, and a decision deleted on one side but changed on the other is kept;
 * - two different decisions: ours is kept and theirs recorded in its `conflict` field (reported).
 * When the two sides describe different texts, the merged text is neither: the file's text hash is
 * set to one that matches no text, so the next read re-anchors every annotation by its words and
 * context (and `check` asks for `annotate`).
 */
export function mergeSidecars(base: SidecarDoc | null, ours: SidecarDoc, theirs: SidecarDoc): MergeResult {
  const b = new Map((base?.annotations ?? []).map((a) => [a.id, a]));
  const o = new Map(ours.annotations.map((a) => [a.id, a]));
  const t = new Map(theirs.annotations.map((a) => [a.id, a]));
  const ids = new Set([...b.keys(), ...o.keys(), ...t.keys()]);
  const theirsTextChanged = !!base && base.textHash !== theirs.textHash && base.textHash === ours.textHash;
  const out: Annotation[] = [];
  const conflicts: string[] = [];
  for (const id of [...ids].sort()) {
    const bo = b.get(id);
    const oo = o.get(id);
    const to = t.get(id);
    let pick: Annotation | undefined;
    if (same(oo, to)) pick = oo;
    else if (same(bo, oo)) pick = to;
    else if (same(bo, to)) pick = oo;
    else {
      const oDecided = !!oo && isUserDecision(oo);
      const tDecided = !!to && isUserDecision(to);
      if (oDecided && tDecided) {
        if (sameDecision(oo!, to!)) pick = theirsTextChanged ? to : oo;
        else {
          pick = { ...oo!, conflict: decisionOf(to!) };
          conflicts.push(id);
        }
      } else if (oDecided) pick = oo;
      else if (tDecided) pick = to;
      else pick = theirsTextChanged ? (to ?? oo) : (oo ?? to);
    }
    if (pick) out.push(pick);
  }
  out.sort(compareAnnotations);
  const meta = theirsTextChanged ? theirs : ours;
  const textHash = ours.textHash === theirs.textHash ? ours.textHash : 'sha256:' + sha256(`merged:${ours.textHash}:${theirs.textHash}`);
  return {
    doc: { article: meta.article, textHash, subjects: meta.subjects, sections: meta.sections, annotations: out },
    conflicts,
  };
}

/**
 * The annotations read from disk with the editor's own unsaved decisions laid over them by id (the
 * editor's win): used when the file changed on disk while corrections were pending.
 */
export function overlayUserDecisions(disk: readonly Annotation[], mine: readonly Annotation[]): Annotation[] {
  const byId = new Map(disk.map((a) => [a.id, a]));
  for (const a of mine) if (isUserDecision(a)) byId.set(a.id, a);
  return [...byId.values()].sort(compareAnnotations);
}
