/**
 * Anchoring: keeps annotations on their words while the text changes.
 *
 * Guarantees (tested with random edit sequences):
 * - an edit that does not touch a span moves it exactly (G1);
 * - an edit inside a span marks it `modified`, never moves it silently (G2);
 * - `anchor === 'ok'` ⇒ `text.slice(start, end) === annotation.text` (G3);
 * - after an outside change only exact text + exact context is re-attached automatically; everything
 *   else becomes `ambiguous` (with candidates) or `orphaned` — never placed on other words (G4).
 */
import { isUserDecision, type Annotation } from './model';

/** A replacement of `[start, end)` of the text before the change by `text` (VS Code's content change, in LF offsets). */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** Read access to a text: a string, or a chunked text that never copies the whole document. */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** Most occurrences of one text that are examined when re-anchoring. */
const MAX_OCCURRENCES = 2000;

function shiftPoint(p: number, c: TextChange, delta: number): number {
  return p >= c.end ? p + delta : p;
}

/**
 * Applies one change to the annotations, in place. `after` is the text after the change; only the
 * region around the change is read from it, so the cost does not grow with the document. Returns how
 * many annotations the change touched (when 0, their order is unchanged).
 * Typing at a span's edge does not grow it; a change inside a span marks it `modified`; a change that
 * replaces a whole span looks for the span's exact text + context in what was inserted.
 */
export function applyChange(anns: Annotation[], c: TextChange, after: TextSource): number {
  let touched = 0;
  const delta = c.text.length - (c.end - c.start);
  const insertedEnd = c.start + c.text.length;
  for (const a of anns) {
    if (a.speaker) {
      const sp = a.speaker;
      if (sp.end <= c.start) {
        /* before the change */
      } else if (sp.start >= c.end) {
        sp.start += delta;
        sp.end += delta;
      } else {
        // The speaker's words were edited: keep the name, drop the position once it cannot hold.
        sp.start = Math.min(shiftPoint(sp.start, c, delta), after.length);
        sp.end = Math.max(sp.start, Math.min(shiftPoint(sp.end, c, delta), after.length));
      }
    }
    if (a.anchor === 'orphaned' || a.anchor === 'ambiguous') {
      touched++;
      // A later insertion (an undo, a paste) may bring the text back exactly as it was.
      if (c.text.length >= a.text.length && c.text.includes(a.text)) {
        const found = placeIn(after, a, c.start, insertedEnd);
        if (found !== null) moveTo(a, found, false);
      } else if (a.candidates) {
        a.candidates = a.candidates.map((p) => shiftPoint(p, c, delta)).filter((p) => p + a.text.length <= after.length);
      }
      if (a.anchor === 'orphaned') a.start = a.end = Math.min(shiftPoint(a.start, c, delta), after.length);
      continue;
    }
    if (c.end <= a.start) {
      // Entirely before the span (an insertion at the span's start shifts it: the span does not grow).
      a.start += delta;
      a.end += delta;
    } else if (c.start >= a.end) {
      // Entirely after the span (an insertion at its end does not grow it).
    } else if (c.start <= a.start && c.end >= a.end) {
      touched++;
      // The whole span was replaced (a paste over it, a reload from disk): look for it in the new text.
      const found = placeIn(after, a, c.start, insertedEnd);
      if (found !== null) moveTo(a, found, false);
      else if (c.text.includes(a.text)) {
        a.anchor = 'ambiguous';
        a.candidates = occurrences(c.text, a.text)
          .slice(0, 5)
          .map((o) => o + c.start);
        a.start = c.start;
        a.end = c.start;
      } else {
        a.anchor = 'orphaned';
        a.start = a.end = c.start;
      }
    } else {
      // The change overlaps the span: it now covers the edited words; flag it.
      touched++;
      const end = a.end > c.end ? a.end + delta : insertedEnd;
      a.start = Math.min(a.start, c.start);
      a.end = Math.max(a.start, end);
      a.anchor = after.slice(a.start, a.end) === a.text ? 'ok' : 'modified';
    }
  }
  return touched;
}

/**
 * Puts an annotation back on its words at `start`. `shiftSpeaker`: move the quote's speaker by the
 * same distance (re-anchoring from a file); during edits the speaker has already followed the change.
 */
function moveTo(a: Annotation, start: number, shiftSpeaker: boolean): void {
  if (a.speaker && shiftSpeaker) {
    const d = start - a.start;
    a.speaker.start += d;
    a.speaker.end += d;
  }
  a.start = start;
  a.end = start + a.text.length;
  a.anchor = 'ok';
  delete a.candidates;
}

/** Start offsets of `needle` in `text` within `[from, to)` (whole occurrence inside). */
function occurrences(text: string, needle: string, from = 0, to = text.length): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (
    let i = text.indexOf(needle, from);
    i >= 0 && i + needle.length <= to && out.length < MAX_OCCURRENCES;
    i = text.indexOf(needle, i + 1)
  )
    out.push(i);
  return out;
}

function prefixMatches(text: string, at: number, prefix: string): boolean {
  return at >= prefix.length && text.startsWith(prefix, at - prefix.length);
}
function suffixMatches(text: string, end: number, suffix: string): boolean {
  return text.startsWith(suffix, end);
}

/** Length of the common tail of `text` before `at` and `prefix`. */
function prefixScore(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && at - n - 1 >= 0 && text.charCodeAt(at - n - 1) === prefix.charCodeAt(prefix.length - n - 1)) n++;
  return n;
}
function suffixScore(text: string, end: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && end + n < text.length && text.charCodeAt(end + n) === suffix.charCodeAt(n)) n++;
  return n;
}

/**
 * Where an annotation belongs in the new text of `[from, to)` (what an edit inserted), by the same
 * rules as {@link reanchor}: the single place with its exact text and context; else its text's only
 * occurrence there when one side of the context matches (for a rejection, whatever its context); a
 * model suggestion takes the occurrence nearest its old place. Null when none of these holds. Reads
 * only the window of `text` around `[from, to)` (the window always holds the whole context).
 */
function placeIn(text: TextSource, a: Annotation, from: number, to: number): number | null {
  const ws = Math.max(0, from - a.prefix.length);
  const window = text.slice(ws, Math.min(text.length, to + a.suffix.length));
  const occ = occurrences(window, a.text, from - ws, to - ws);
  let exact: number | null = null;
  for (const o of occ) {
    if (o >= a.prefix.length && window.startsWith(a.prefix, o - a.prefix.length) && window.startsWith(a.suffix, o + a.text.length)) {
      if (exact !== null) {
        exact = -1;
        break;
      }
      exact = o;
    }
  }
  if (exact !== null && exact >= 0) return ws + exact;
  if (occ.length === 1 && exact === null) {
    const o = occ[0]!;
    if (
      a.status === 'rejected' ||
      (o >= a.prefix.length && window.startsWith(a.prefix, o - a.prefix.length)) ||
      window.startsWith(a.suffix, o + a.text.length)
    )
      return ws + o;
  }
  if (occ.length && !isUserDecision(a)) return ws + nearest(occ, a.start - ws);
  return null;
}

/** The value of a sorted list closest to `x`. */
function nearest(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  const after = sorted[Math.min(lo, sorted.length - 1)]!;
  const before = sorted[Math.max(0, lo - 1)]!;
  return Math.abs(before - x) <= Math.abs(after - x) ? before : after;
}

export interface ReanchorReport {
  ok: number;
  moved: number;
  ambiguous: number;
  orphaned: number;
}

/**
 * Re-anchors annotations read from a sidecar onto the article's current text, by exact text and
 * context (positions are only a hint). Accepts: the stored position when text and at least one side
 * of the context still match; else the single occurrence with exact text and exact context; else the
 * only occurrence of the text when one side of its context matches exactly (for a rejection, the only
 * occurrence whatever its context: a rejection that moves to the one place its words are costs
 * nothing, one that is lost brings a wrong suggestion back). A model suggestion (no decision, no
 * context stored) takes the occurrence nearest its old place: the next analysis replaces it anyway,
 * and until then it marks the right words. Every decision left is marked `ambiguous`
 * (with candidate positions, best first) or `orphaned`. An edited (`modified`) annotation keeps its
 * state only where its recorded span still fits the text (the caller knows whether the text is the
 * one it was recorded on). Linear in the number of annotations for a given set of texts: occurrences
 * and context matches are computed once per distinct text and context.
 */
export function reanchor(anns: Annotation[], text: string): ReanchorReport {
  const report: ReanchorReport = { ok: 0, moved: 0, ambiguous: 0, orphaned: 0 };
  const occCache = new Map<string, number[]>();
  const exactCache = new Map<string, number[]>();
  const candidateCache = new Map<string, number[]>();
  for (const a of anns) {
    const len = a.text.length;
    if (len === 0) {
      a.anchor = 'orphaned';
      report.orphaned++;
      continue;
    }
    if (
      a.end <= text.length &&
      a.end - a.start === len &&
      text.startsWith(a.text, a.start) &&
      (prefixMatches(text, a.start, a.prefix) || suffixMatches(text, a.end, a.suffix))
    ) {
      a.anchor = 'ok';
      delete a.candidates;
      report.ok++;
      continue;
    }
    let occ = occCache.get(a.text);
    if (!occ) occCache.set(a.text, (occ = occurrences(text, a.text)));
    const key = `${a.text}\u0000${a.prefix}\u0000${a.suffix}`;
    let exact = exactCache.get(key);
    if (!exact)
      exactCache.set(key, (exact = occ.filter((o) => prefixMatches(text, o, a.prefix) && suffixMatches(text, o + len, a.suffix))));
    let pick: number | null = null;
    if (exact.length === 1) pick = exact[0]!;
    else if (
      exact.length === 0 &&
      occ.length === 1 &&
      (a.status === 'rejected' || prefixMatches(text, occ[0]!, a.prefix) || suffixMatches(text, occ[0]! + len, a.suffix))
    )
      pick = occ[0]!;
    else if (occ.length && !isUserDecision(a)) pick = nearest(exact.length ? exact : occ, a.start);
    if (pick !== null) {
      moveTo(a, pick, true);
      report.moved++;
    } else if (occ.length) {
      a.anchor = 'ambiguous';
      let cands = candidateCache.get(key);
      if (!cands) {
        // Best context first (position breaks ties); the same for every annotation with this text and context.
        cands = occ
          .map((o) => ({ o, s: prefixScore(text, o, a.prefix) + suffixScore(text, o + len, a.suffix) }))
          .sort((x, y) => y.s - x.s || x.o - y.o)
          .slice(0, 5)
          .map((x) => x.o);
        candidateCache.set(key, cands);
      }
      a.candidates = cands.slice();
      // No place is claimed while the question is open.
      a.start = a.end = Math.min(a.start, text.length);
      report.ambiguous++;
    } else {
      a.anchor = 'orphaned';
      a.start = Math.min(a.start, text.length);
      a.end = a.start;
      delete a.candidates;
      report.orphaned++;
    }
    if (a.speaker && (a.speaker.end > text.length || text.slice(a.speaker.start, a.speaker.end) !== a.speaker.text)) {
      const s = a.speaker;
      a.speaker = { name: s.name, text: s.text, start: 0, end: 0 };
    }
  }
  return report;
}

/** Checks the anchoring invariant; returns the ids that break it (should always be empty). */
export function invariantViolations(anns: readonly Annotation[], text: string): string[] {
  return anns.filter((a) => a.anchor === 'ok' && text.slice(a.start, a.end) !== a.text).map((a) => a.id);
}
