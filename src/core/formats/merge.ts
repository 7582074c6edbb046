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
import { assignIds, compareAnnotations, isUserDecision, type Annotation } from '../sidecar/model';
import { annotationLine } from '../sidecar/yaml';

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

/** The annotation file would write the same line for both (ids aside). */
function sameContent(a: Annotation, b: Annotation): boolean {
  return annotationLine(a) === annotationLine({ ...b, id: a.id });
}

const key = (a: Annotation) => `${a.kind}\u0000${a.start}\u0000${a.end}`;

export function mergeImport(
  existing: readonly Annotation[],
  imported: readonly Annotation[],
): { annotations: Annotation[]; report: ImportMergeReport } {
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
    const i =
      imp.anchor === 'ok'
        ? byPlace.get(key(imp))
        : imp.id && byId.get(imp.id) !== undefined && out[byId.get(imp.id)!]!.kind === imp.kind
          ? byId.get(imp.id)
          : undefined;
    if (i === undefined) {
      added.push({ ...imp });
      continue;
    }
    const cur = out[i]!;
    // What the file does not say (a format without values, links or notes) is kept from what is there.
    const theirs = fillFrom(imp, cur);
    if (sameContent(cur, theirs)) {
      report.unchanged++;
    } else if (!decided(cur)) {
      // A suggestion (the model's, or an earlier import's): the file's word wins.
      out[i] = { ...theirs, id: cur.id };
      report.updated++;
    } else if (!decided(imp)) {
      // A decision here; the file only suggests.
      report.unchanged++;
    } else if (sameDecision(cur, theirs)) {
      // The same decision, with more (or other) detail from the file: the speaker is the one thing a decision may disagree on.
      if (cur.speaker && theirs.speaker && (cur.speaker.start !== theirs.speaker.start || cur.speaker.end !== theirs.speaker.end)) {
        report.conflicts.push({
          id: cur.id,
          message: `${cur.id}: the file gives another speaker (${theirs.speaker.name}); kept ${cur.speaker.name}`,
        });
        out[i] = { ...theirs, id: cur.id, speaker: cur.speaker };
      } else out[i] = { ...theirs, id: cur.id };
      if (sameContent(cur, out[i]!)) report.unchanged++;
      else report.updated++;
    } else {
      const decision = decisionOf(imp);
      if (JSON.stringify(cur.conflict) !== JSON.stringify(decision)) {
        out[i] = { ...cur, conflict: decision };
        report.conflicts.push({
          id: cur.id,
          message: `${cur.id}: ${describe(cur)} here, ${describe(imp)} in the file; both kept (conflict:) until someone chooses`,
        });
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
      if (isUserDecision(a) || a.anchor !== 'ok' || !byKind.get(a.kind)?.overlaps(a.start, a.end)) return true;
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

/**
 * The imported annotation completed with what the file does not say from the one already on its
 * span: reviewer, note, entity link, figure value and unit, speaker, confidence, and the origin when
 * the format records none (`import`: the annotation is the one already there, now with the file's decision).
 */
function fillFrom(imp: Annotation, cur: Annotation): Annotation {
  const out: Annotation = { ...imp };
  for (const k of ['by', 'note', 'entity', 'value', 'unit', 'confidence', 'conflict'] as const) {
    if (out[k] === undefined && cur[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = cur[k];
  }
  if (!out.speaker && cur.speaker) out.speaker = cur.speaker;
  if (out.speaker === undefined && cur.speaker === null) out.speaker = null;
  if (imp.origin === 'import') out.origin = cur.origin;
  return out;
}

function describe(a: Annotation): string {
  return `${a.status} ${a.type}${a.entity ? ` (${a.entity})` : ''}${a.note ? ' with a note' : ''}`;
}
