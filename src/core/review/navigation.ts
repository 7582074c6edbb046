/**
 * The review loop's questions, answered on plain annotation lists: what still needs a person
 * (undecided suggestions and disagreements carried in from a merge), which one comes next from the
 * cursor (with a filter by kind and by confidence), and how far the review of an article is.
 *
 * Offsets are UTF-16 code units in the LF-normalized text.
 */
import type { Analysis } from '../types';
import { awaitsDecision, type Annotation, type AnnotationKind } from '../sidecar/model';

/** What the reviewer steps through; an empty filter means every annotation that needs review. */
export interface ReviewFilter {
  /** Only these kinds (empty or absent: all). */
  kinds?: readonly AnnotationKind[];
  /** Only suggestions the model is less sure of than this (0–1); a disagreement always counts. */
  below?: number;
}

/** The model's confidence in an annotation (0–1), when it has one. */
export type ConfidenceOf = (a: Annotation) => number | undefined;

/** Span → number key (offsets stay below 2^26, so start·2^26 + end is exact). */
function spanKey(start: number, end: number): number {
  return start * 67108864 + end;
}

/**
 * Confidence per annotation from an analysis: entities take the recogniser's confidence for their
 * mention, quotes their attribution confidence (also stored in the file), figures count as certain
 * (their recogniser is rule-based and gives no score). Annotations the analysis does not know (a
 * span the reviewer added, or before the first analysis) have none, except quotes.
 */
export function confidenceFrom(analysis: Analysis | null): ConfidenceOf {
  const entity = new Map<number, number>();
  const quote = new Map<number, number>();
  if (analysis) {
    for (const m of analysis.entities) entity.set(spanKey(m.start, m.end), m.confidence);
    for (const q of analysis.quotes) quote.set(spanKey(q.start, q.end), q.confidence);
  }
  return (a) => {
    if (a.kind === 'figure') return 1;
    if (a.kind === 'quote') return quote.get(spanKey(a.start, a.end)) ?? a.confidence;
    return entity.get(spanKey(a.start, a.end));
  };
}

/** Does the annotation pass the filter? An annotation without a confidence passes no threshold. */
export function matchesFilter(a: Annotation, filter: ReviewFilter, confidenceOf: ConfidenceOf): boolean {
  if (filter.kinds?.length && !filter.kinds.includes(a.kind)) return false;
  if (filter.below !== undefined && a.conflict === undefined) {
    const c = confidenceOf(a);
    if (c === undefined || !(c < filter.below)) return false;
  }
  return true;
}

/** Reading order: by start, an enclosing annotation before the ones inside it, then by id. */
function reviewOrder(a: Annotation, b: Annotation): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The annotations that need review and pass the filter, in reading order. */
export function reviewQueue(
  list: readonly Annotation[],
  filter: ReviewFilter = {},
  confidenceOf: ConfidenceOf = () => undefined,
): Annotation[] {
  return list.filter((a) => awaitsDecision(a) && matchesFilter(a, filter, confidenceOf)).sort(reviewOrder);
}

export interface NextResult {
  annotation: Annotation;
  /** True when the search went past the end (or the start) of the article and came round. */
  wrapped: boolean;
  /** Its place in the queue (1-based) and the queue's length, for "3 of 12". */
  position: number;
  of: number;
}

/** What {@link nextToReview} reviews, and where the cursor was put last. */
export interface NextOptions {
  /** Which annotations to review (default: all that await a decision). */
  filter?: ReviewFilter;
  /** The model's confidence in an annotation, for the filter (default: none known). */
  confidenceOf?: ConfidenceOf;
  /**
   * The annotation the cursor was put on last (so that two annotations starting at the same place
   * are both visited).
   */
  currentId?: string;
}

/**
 * The next (direction 1) or previous (-1) annotation to review from `offset`. Without
 * {@link NextOptions.currentId}, "next" is the first one starting after the cursor, and "previous"
 * the last one starting before it. Wraps round the article; null when nothing is left to review.
 */
export function nextToReview(list: readonly Annotation[], offset: number, direction: 1 | -1, opts: NextOptions = {}): NextResult | null {
  const { filter = {}, confidenceOf = () => undefined, currentId } = opts;
  const queue = reviewQueue(list, filter, confidenceOf);
  if (!queue.length) return null;
  const at = (i: number, wrapped: boolean): NextResult => ({ annotation: queue[i]!, wrapped, position: i + 1, of: queue.length });
  // Where the cursor stands in the queue: on the current annotation, or between two.
  const cur = currentId === undefined ? -1 : queue.findIndex((a) => a.id === currentId && a.start === offset);
  if (direction === 1) {
    const i = cur >= 0 ? cur + 1 : queue.findIndex((a) => a.start > offset);
    return i >= 0 && i < queue.length ? at(i, false) : at(0, true);
  }
  let i = cur >= 0 ? cur - 1 : -1;
  if (cur < 0)
    for (let k = queue.length - 1; k >= 0; k--)
      if (queue[k]!.start < offset) {
        i = k;
        break;
      }
  return i >= 0 ? at(i, false) : at(queue.length - 1, true);
}

export interface ReviewProgress {
  /** Annotations on their words that a person has settled (accepted, rejected, added), without a disagreement. */
  reviewed: number;
  /** All annotations on their words. */
  total: number;
  /** Of the rest, how many are disagreements from a merge. */
  disputed: number;
}

/** How far the review of an article is: `reviewed / total`. */
export function reviewProgress(list: readonly Annotation[]): ReviewProgress {
  let total = 0;
  let open = 0;
  let disputed = 0;
  for (const a of list) {
    if (a.anchor !== 'ok' && a.anchor !== 'modified') continue;
    total++;
    if (awaitsDecision(a)) {
      open++;
      if (a.conflict) disputed++;
    }
  }
  return { reviewed: total - open, total, disputed };
}
