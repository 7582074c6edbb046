/**
 * Merging imported annotations into an article's existing ones, by position: an imported annotation
 * is the same as an existing one of the same kind on the same span. Nothing already there is dropped:
 * - a model suggestion (or an earlier import's suggestion) is replaced by what the file says, keeping its id;
 * - a decision already there stays; a different decision from the file is recorded beside it as a
 *   `conflict` (as a git merge of two reviewers does, see `sidecar/merge.ts`) and reported;
 * - an imported decision replaces the model suggestions of its kind that overlap it (as adding an
 *   annotation by hand does, see `corrections.add`), never a decision.
 */
import { decisionOf } from '../sidecar/merge';
import { assignIds, compareAnnotations, isUserData, type Annotation } from '../sidecar/model';

export interface ImportMergeReport {
  /** New annotations. */
  added: number;
  /** Suggestions replaced by what the file says. */
  updated: number;
  /** Already there, the same. */
  unchanged: number;
  /** Decisions already there that the file disagrees with (kept; the file's decision is in `conflict`). */
  conflicts: { id: string; message: string }[];
  /** Model suggestions removed because an imported decision of their kind overlaps them. */
  replaced: number;
}

/** A decision someone made (here or in the other tool), as opposed to a suggestion. */
function decided(a: Annotation): boolean {
  return a.origin === 'user' || a.status !== 'suggested' || a.note !== undefined;
}

function sameDecision(a: Annotation, b: Annotation): boolean {
  return a.status === b.status && a.type === b.type && (a.entity ?? a.text) === (b.entity ?? b.text) && a.note === b.note;
}

/** Everything the annotation file writes about an annotation, but its id. */
function sameContent(a: Annotation, b: Annotation): boolean {
  const strip = (x: Annotation) => JSON.stringify({ ...x, id: '', prefix: '', suffix: '' });
  return strip(a) === strip(b);
}

const key = (a: Annotation) => `${a.kind}\u0000${a.start}\u0000${a.end}`;

export function mergeImport(existing: readonly Annotation[], imported: readonly Annotation[]): { annotations: Annotation[]; report: ImportMergeReport } {
  const report: ImportMergeReport = { added: 0, updated: 0, unchanged: 0, conflicts: [], replaced: 0 };
  const out = existing.map((a) => ({ ...a }));
  const byPlace = new Map<string, number>();
  const byId = new Map<string, number>();
  out.forEach((a, i) => {
    if (a.anchor === 'ok' && !byPlace.has(key(a))) byPlace.set(key(a), i);
    byId.set(a.id, i);
  });
  const added: Annotation[] = [];
  for (const imp of imported) {
    const i = imp.anchor === 'ok' ? byPlace.get(key(imp)) : imp.id && byId.get(imp.id) !== undefined && out[byId.get(imp.id)!]!.kind === imp.kind ? byId.get(imp.id) : undefined;
    if (i === undefined) {
      added.push({ ...imp });
      continue;
    }
    const cur = out[i]!;
    if (sameContent(cur, imp)) {
      report.unchanged++;
    } else if (!isUserData(cur) || !decided(cur)) {
      // A suggestion (the model's, or an earlier import's): the file's word wins.
      out[i] = { ...imp, id: cur.id };
      report.updated++;
    } else if (!decided(imp) || sameDecision(cur, imp)) {
      // A decision here; the file suggests the same thing or agrees with it.
      report.unchanged++;
      if (decided(imp) && JSON.stringify(cur.speaker ?? null) !== JSON.stringify(imp.speaker ?? null) && imp.speaker !== undefined) {
        report.conflicts.push({ id: cur.id, message: `${cur.id}: the file gives another speaker (${imp.speaker?.name ?? 'none'}); kept ${cur.speaker?.name ?? 'none'}` });
      }
    } else {
      const theirs = decisionOf(imp);
      if (JSON.stringify(cur.conflict) !== JSON.stringify(theirs)) {
        out[i] = { ...cur, conflict: theirs };
        report.conflicts.push({ id: cur.id, message: `${cur.id}: ${describe(cur)} here, ${describe(imp)} in the file; both kept (conflict:) until someone chooses` });
      } else report.unchanged++;
    }
  }
  // Imported decisions replace the model suggestions of their kind they overlap.
  const decisions = added.filter((a) => a.anchor === 'ok' && decided(a) && a.status !== 'rejected');
  let kept = out;
  if (decisions.length) {
    const byKind = new Map<string, SpanIndex>();
    for (const kind of new Set(decisions.map((d) => d.kind))) byKind.set(kind, new SpanIndex(decisions.filter((d) => d.kind === kind)));
    kept = out.filter((a) => {
      if (isUserData(a) || a.anchor !== 'ok' || !byKind.get(a.kind)?.overlaps(a.start, a.end)) return true;
      report.replaced++;
      return false;
    });
  }
  report.added = added.length;
  const all = [...kept, ...added];
  // Existing ids first (assignIds keeps the first holder of an id and renumbers later ones).
  assignIds(all);
  all.sort(compareAnnotations);
  return { annotations: all, report };
}

/** Spans sorted by start with the running maximum of their ends: "does any overlap [start, end)?" in O(log n). */
class SpanIndex {
  private readonly starts: number[];
  private readonly maxEnd: number[];
  constructor(spans: readonly { start: number; end: number }[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    let m = -1;
    this.maxEnd = sorted.map((s) => (m = Math.max(m, s.end)));
  }
  overlaps(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnd[lo - 1]! > start;
  }
}

function describe(a: Annotation): string {
  return `${a.status} ${a.type}${a.entity ? ` (${a.entity})` : ''}${a.note ? ' with a note' : ''}`;
}
