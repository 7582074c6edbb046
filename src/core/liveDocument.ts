/**
 * An open article as the editor sees it between analyses: the LF text, its line starts and the live
 * annotations, all updated on every keystroke in time proportional to the edit plus the number of
 * annotations (no re-scan of the text), with position queries for what is on screen.
 */
import { applyChange, type TextChange, type TextSource } from './sidecar/anchor';
import { compareAnnotations, type Annotation } from './sidecar/model';
import { countLessOrEqual, lineStarts } from './text';
import type { Analysis } from './types';
import { partitionPoint } from './search';

const CHUNK = 16 * 1024;

/**
 * A text kept in chunks of a few kilobytes, so that an edit copies one or two chunks rather than the
 * whole document (a JS string splice of 1 MB costs tens of milliseconds). The full string is built
 * on demand and cached until the next edit.
 */
export class ChunkedText implements TextSource {
  private chunks: string[] = [];
  /** Offset of each chunk. */
  private offsets: number[] = [];
  private total = 0;
  private joined: string | null;

  constructor(text: string) {
    this.joined = text;
    this.total = text.length;
    for (let i = 0; i < text.length; i += CHUNK) this.chunks.push(text.slice(i, i + CHUNK));
    if (!this.chunks.length) this.chunks.push('');
    this.reindex(0);
  }

  get length(): number {
    return this.total;
  }

  toString(): string {
    return (this.joined ??= this.chunks.join(''));
  }

  private reindex(from: number): void {
    let o = from === 0 ? 0 : this.offsets[from - 1]! + this.chunks[from - 1]!.length;
    this.offsets.length = from;
    for (let i = from; i < this.chunks.length; i++) {
      this.offsets.push(o);
      o += this.chunks[i]!.length;
    }
  }

  /** Index of the chunk holding `offset` (the last chunk for the end of the text). */
  private chunkAt(offset: number): number {
    return Math.min(this.chunks.length - 1, Math.max(0, countLessOrEqual(this.offsets, offset) - 1));
  }

  slice(start: number, end: number): string {
    start = Math.max(0, start);
    end = Math.min(this.total, end);
    if (end <= start) return '';
    if (this.joined !== null) return this.joined.slice(start, end);
    const i = this.chunkAt(start);
    const j = this.chunkAt(end - 1);
    if (i === j) return this.chunks[i]!.slice(start - this.offsets[i]!, end - this.offsets[i]!);
    let out = this.chunks[i]!.slice(start - this.offsets[i]!);
    for (let k = i + 1; k < j; k++) out += this.chunks[k];
    return out + this.chunks[j]!.slice(0, end - this.offsets[j]!);
  }

  replace(start: number, end: number, text: string): void {
    const i = this.chunkAt(start);
    const j = Math.max(i, this.chunkAt(Math.max(start, end - 1)));
    let merged = '';
    for (let k = i; k <= j; k++) merged += this.chunks[k];
    const base = this.offsets[i]!;
    merged = merged.slice(0, start - base) + text + merged.slice(end - base);
    const pieces: string[] = [];
    if (!merged.length) {
      /* the chunks were emptied: drop them */
    } else if (merged.length <= 2 * CHUNK) pieces.push(merged);
    else for (let k = 0; k < merged.length; k += CHUNK) pieces.push(merged.slice(k, k + CHUNK));
    this.chunks.splice(i, j - i + 1, ...pieces);
    if (!this.chunks.length) this.chunks.push('');
    this.total += text.length - (end - start);
    this.reindex(i);
    this.joined = null;
  }
}

export class LiveDocument {
  private readonly content: ChunkedText;
  private starts: number[];
  private annotationsSorted = true;
  /** Longest annotation, to bound range queries. */
  private maxLen = 0;

  constructor(
    text: string,
    private anns: Annotation[] = [],
  ) {
    this.content = new ChunkedText(text);
    this.starts = lineStarts(text);
    this.setAnnotations(anns);
  }

  /** The whole text (built on demand after edits; prefer {@link slice} and {@link length} on hot paths). */
  get text(): string {
    return this.content.toString();
  }

  get length(): number {
    return this.content.length;
  }

  slice(start: number, end: number): string {
    return this.content.slice(start, end);
  }

  get annotations(): Annotation[] {
    if (!this.annotationsSorted) {
      insertionSort(this.anns);
      this.annotationsSorted = true;
    }
    return this.anns;
  }

  setAnnotations(anns: Annotation[]): void {
    this.anns = anns;
    this.anns.sort(compareAnnotations);
    this.annotationsSorted = true;
    this.maxLen = anns.reduce((m, a) => Math.max(m, a.end - a.start), 0);
  }

  /** Replaces the whole text (after an out-of-band resync); annotations are left to the caller. */
  resetText(text: string): void {
    this.content.replace(0, this.content.length, text);
    this.starts = lineStarts(text);
  }

  /**
   * Applies changes that refer to the text before the event, sorted from the end of the document
   * backwards (as VS Code delivers them), so that each stays valid as it is applied.
   */
  apply(changes: readonly TextChange[]): void {
    for (const c of changes) {
      if (c.end - c.start === c.text.length && this.content.slice(c.start, c.end) === c.text) continue; // no-op (EOL switch)
      this.content.replace(c.start, c.end, c.text);
      this.updateLines(c);
      if (applyChange(this.anns, c, this.content) > 0) {
        // Only annotations the change touched can move relative to the others.
        this.annotationsSorted = false;
        for (const a of this.anns) if (a.end - a.start > this.maxLen) this.maxLen = a.end - a.start;
      }
    }
  }

  private updateLines(c: TextChange): void {
    const delta = c.text.length - (c.end - c.start);
    // Lines starting inside (start, end] are gone; new ones come from the inserted text.
    const first = countLessOrEqual(this.starts, c.start); // first line start > c.start
    const last = countLessOrEqual(this.starts, c.end); // first line start > c.end
    const added: number[] = [];
    for (let i = c.text.indexOf('\n'); i >= 0; i = c.text.indexOf('\n', i + 1)) added.push(c.start + i + 1);
    const tail = this.starts.slice(last);
    for (let i = 0; i < tail.length; i++) tail[i]! += delta;
    this.starts.length = first;
    for (const x of added) this.starts.push(x);
    for (const x of tail) this.starts.push(x);
  }

  lineStarts(): readonly number[] {
    return this.starts;
  }

  /** Annotations overlapping `[start, end)` (or touching a zero-width range), in text order. */
  inRange(start: number, end: number): Annotation[] {
    const anns = this.annotations;
    const from = start - this.maxLen;
    const lo = partitionPoint(anns.length, (i) => anns[i]!.start < from);
    const out: Annotation[] = [];
    for (let i = lo; i < anns.length && anns[i]!.start <= end; i++) {
      const a = anns[i]!;
      if (a.end > start || (a.start === a.end && a.start >= start)) out.push(a);
    }
    return out;
  }
}

/**
 * Sorts an almost sorted list in place: after an edit only the few annotations it touched are out of
 * place, so this is linear, where a general sort would compare every element O(log n) times.
 */
function insertionSort(anns: Annotation[]): void {
  for (let i = 1; i < anns.length; i++) {
    const a = anns[i]!;
    if (compareAnnotations(anns[i - 1]!, a) <= 0) continue;
    let j = i - 1;
    while (j >= 0 && compareAnnotations(anns[j]!, a) > 0) {
      anns[j + 1] = anns[j]!;
      j--;
    }
    anns[j + 1] = a;
  }
}

/**
 * Keeps an analysis aligned with the text between two runs: every span after a change moves with
 * it; spans the change overlaps are clamped to it. Cheap (one pass), so the editor can do it on every
 * keystroke and hovers, the outline and sections stay on their words until the next analysis.
 */
export function shiftAnalysis(a: Analysis, c: TextChange): void {
  const delta = c.text.length - (c.end - c.start);
  const p = (x: number) => (x >= c.end ? x + delta : x > c.start ? c.start : x);
  const span = (s: { start: number; end: number }) => {
    s.start = p(s.start);
    s.end = Math.max(s.start, p(s.end));
  };
  for (const e of a.entities) span(e);
  for (const f of a.figures) {
    span(f);
    for (const q of f.equivalents ?? []) span(q);
  }
  for (const q of a.quotes) {
    span(q);
    if (q.speaker) span(q.speaker);
    if (q.cue) span(q.cue);
  }
  for (const s of a.sections) span(s);
}
