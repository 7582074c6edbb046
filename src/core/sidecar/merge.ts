/**
 * Three-way merge of annotation files by annotation id (for `git merge`): two people who annotated
 * different parts of an article, or decided on different annotations, merge without conflict.
 */
import { compareAnnotations, type Annotation } from './model';
import type { SidecarDoc } from './yaml';

export interface MergeResult {
  doc: SidecarDoc;
  /** Ids changed differently on both sides; "ours" was kept for them. */
  conflicts: string[];
}

function same(a: Annotation | undefined, b: Annotation | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Merges `ours` and `theirs` relative to their common ancestor `base` (null when the file was added
 * on both sides). Per id: a side that changed wins over one that did not; a deletion on one side
 * wins over no change; a change on both sides to different content is a conflict (ours kept, the id
 * reported). Subjects, sections and the text hash follow the side whose text hash changed.
 */
export function mergeSidecars(base: SidecarDoc | null, ours: SidecarDoc, theirs: SidecarDoc): MergeResult {
  const b = new Map((base?.annotations ?? []).map((a) => [a.id, a]));
  const o = new Map(ours.annotations.map((a) => [a.id, a]));
  const t = new Map(theirs.annotations.map((a) => [a.id, a]));
  const ids = new Set([...b.keys(), ...o.keys(), ...t.keys()]);
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
      // Both changed differently. A user decision beats a suggestion; otherwise keep ours and report.
      const decided = (x: Annotation | undefined) => !!x && (x.status !== 'suggested' || x.origin === 'user');
      if (decided(to) && !decided(oo)) pick = to;
      else if (decided(oo) && !decided(to)) pick = oo;
      else {
        pick = oo ?? to;
        conflicts.push(id);
      }
    }
    if (pick) out.push(pick);
  }
  out.sort(compareAnnotations);
  const theirsTextChanged = !!base && base.textHash !== theirs.textHash && base.textHash === ours.textHash;
  const meta = theirsTextChanged ? theirs : ours;
  return {
    doc: { article: meta.article, textHash: meta.textHash, subjects: meta.subjects, sections: meta.sections, annotations: out },
    conflicts,
  };
}
