/**
 * Bulk decisions: accept or reject, in one go, the suggestions that match a query — all above a
 * confidence, all of a type, all mentions of one entity ("Xi Jinping") — in one article or many.
 * Only undecided model suggestions on their words are ever changed: a person's decision, an added
 * annotation and a disagreement from a merge are never overridden by a bulk decision.
 */
import * as corrections from '../sidecar/corrections';
import type { TextSource } from '../sidecar/anchor';
import type { Annotation, AnnotationKind } from '../sidecar/model';
import type { ConfidenceOf } from './navigation';
import { changesSince, snapshot, type AnnotationChange } from './history';

export interface BulkQuery {
  decision: 'accept' | 'reject';
  kind?: AnnotationKind;
  /** A type (PER, money, direct …); implies its kind. */
  type?: string;
  /** The canonical name of an entity: its mentions (linked to it or reading it). */
  entity?: string;
  /** Only suggestions at least this sure (0–1); annotations without a confidence never match. */
  minConfidence?: number;
  /** Only suggestions less sure than this (0–1). */
  belowConfidence?: number;
}

/** The name an entity annotation stands for: the entity it is linked to, else its own words. */
export function canonicalOf(a: Annotation): string {
  return a.entity ?? a.text;
}

/** The suggestions a bulk decision would change, in file order. */
export function bulkTargets(list: readonly Annotation[], q: BulkQuery, confidenceOf: ConfidenceOf = () => undefined): Annotation[] {
  return list.filter((a) => {
    if (a.status !== 'suggested' || a.origin !== 'model' || a.anchor !== 'ok' || a.conflict !== undefined) return false;
    if (q.kind && a.kind !== q.kind) return false;
    if (q.type && a.type !== q.type) return false;
    if (q.entity !== undefined && (a.kind !== 'entity' || canonicalOf(a) !== q.entity)) return false;
    if (q.minConfidence !== undefined || q.belowConfidence !== undefined) {
      const c = confidenceOf(a);
      if (c === undefined) return false;
      if (q.minConfidence !== undefined && c < q.minConfidence) return false;
      if (q.belowConfidence !== undefined && !(c < q.belowConfidence)) return false;
    }
    return true;
  });
}

/** Applies the decision to `targets` (members of `list`) and returns what changed, for undo. */
export function applyBulk(
  list: readonly Annotation[],
  targets: readonly Annotation[],
  decision: BulkQuery['decision'],
  text: TextSource,
  ctx: corrections.DecisionContext = {},
): AnnotationChange[] {
  const snap = snapshot(list, targets);
  for (const a of targets) {
    if (decision === 'accept') corrections.accept(a, text, ctx);
    else corrections.reject(a, ctx);
  }
  return changesSince(snap, list);
}

/** A short description of a query for people: "accept PER “Xi Jinping” at 80% or more". Plain text. */
export function describeQuery(q: BulkQuery): string {
  const parts: string[] = [q.decision];
  if (q.entity !== undefined) parts.push(`${q.type ?? ''} “${q.entity}”`.trim());
  else if (q.type) parts.push(q.type);
  else if (q.kind) parts.push(`${q.kind} suggestions`);
  else parts.push('suggestions');
  if (q.minConfidence !== undefined) parts.push(`at ${Math.round(q.minConfidence * 100)}% or more`);
  if (q.belowConfidence !== undefined) parts.push(`below ${Math.round(q.belowConfidence * 100)}%`);
  return parts.join(' ');
}
