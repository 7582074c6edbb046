/**
 * Comparing this article's annotations with another branch's (Compare with Branch…): where the other
 * reviewer decided differently, decided what is still open here, or added an annotation this side
 * does not have — and taking their decision, by annotation id. Their annotations must first be placed
 * on this side's text (re-anchored), so that offsets agree.
 */
import { resolveConflict } from '../sidecar/corrections';
import { decisionOf } from '../sidecar/merge';
import { assignIds, compareAnnotations, isUserDecision, type Annotation } from '../sidecar/model';

export type DifferenceKind = 'decided-differently' | 'they-decided' | 'only-theirs';

export interface BranchDifference {
  kind: DifferenceKind;
  id: string;
  /** This side's annotation (null: only theirs has it). */
  ours: Annotation | null;
  theirs: Annotation;
}

function sameDecision(a: Annotation, b: Annotation): boolean {
  return a.status === b.status && a.type === b.type && (a.entity ?? a.text) === (b.entity ?? b.text) && a.origin === b.origin;
}

const placed = (a: Annotation) => a.anchor === 'ok';

/**
 * The differences, in text order. Only their decisions count (their undecided suggestions say
 * nothing); an annotation only this side decided is not a difference (they may not have got to it).
 */
export function branchDifferences(ours: readonly Annotation[], theirs: readonly Annotation[]): BranchDifference[] {
  const mine = new Map(ours.map((a) => [a.id, a]));
  const key = (a: Annotation) => `${a.kind}\u0000${a.start}\u0000${a.end}`;
  // The same words annotated here under another id (their context differed) are the same annotation.
  const bySpan = new Map(ours.filter(placed).map((a) => [key(a), a]));
  const out: BranchDifference[] = [];
  for (const t of theirs) {
    if (!placed(t) || !isUserDecision(t) || t.conflict) continue;
    const o = mine.get(t.id) ?? bySpan.get(key(t));
    if (o) {
      if (!placed(o) || sameDecision(o, t)) continue;
      out.push({ kind: isUserDecision(o) ? 'decided-differently' : 'they-decided', id: t.id, ours: o, theirs: t });
    } else out.push({ kind: 'only-theirs', id: t.id, ours: null, theirs: t });
  }
  return out.sort((a, b) => compareAnnotations(a.theirs, b.theirs));
}

/**
 * Takes their decision: on this side's annotation (status, type, entity, note and who decided, as a
 * merge's "take theirs" does), or by adding their annotation. Returns the new list (the annotation
 * taken over is changed in place).
 */
export function takeTheirs(list: readonly Annotation[], d: BranchDifference): Annotation[] {
  if (d.ours) {
    const a = list.find((x) => x.id === d.ours!.id);
    if (!a) return [...list];
    a.conflict = decisionOf(d.theirs);
    resolveConflict(a, 'theirs');
    if (d.theirs.origin === 'user') a.origin = 'user';
    return [...list];
  }
  if (list.some((x) => x.id === d.theirs.id)) return [...list];
  const added: Annotation = JSON.parse(JSON.stringify(d.theirs)) as Annotation;
  // A suggestion of the same kind on the same words here gives way to their decision.
  const out = list.filter((x) => !(x.kind === added.kind && x.start === added.start && x.end === added.end && !isUserDecision(x)));
  out.push(added);
  assignIds(out);
  return out.sort(compareAnnotations);
}

/** A difference in words for people (plain text; names are the file's, show them as text). */
export function describeDifference(d: BranchDifference, branch: string): string {
  const t = d.theirs;
  const asType = d.ours && t.type !== d.ours.type ? ` as ${t.type}` : '';
  const theirs = `${t.origin === 'user' ? 'added' : t.status}${asType}${t.by ? ` by ${t.by}` : ''}`;
  if (d.kind === 'only-theirs') return `On ${branch}: “${t.text}” ${theirs}; not annotated so here.`;
  const o = d.ours!;
  const ours =
    d.kind === 'they-decided'
      ? 'undecided here'
      : `here ${o.origin === 'user' ? 'added' : o.status}${t.type !== o.type ? ` as ${o.type}` : ''}${o.by ? ` by ${o.by}` : ''}`;
  return `“${t.text}”: ${ours}; on ${branch} ${theirs}.`;
}
