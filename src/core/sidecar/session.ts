/**
 * The sidecar workflow shared by the CLI and the editor: load (parse + re-anchor), merge a fresh
 * analysis into the user's annotations, build the file, check it against the article.
 */
import type { LexiconEntry } from '../lexicon';
import type { Analysis, EntityType } from '../types';
import { reanchor, type ReanchorReport } from './anchor';
import { annotationsFromAnalysis, contextAround, isUserDecision, mergeAnnotations, type Annotation } from './model';
import {
  parseSidecar,
  serializeSidecar,
  sidecarByteLimit,
  textHash,
  type ParseOptions,
  type SidecarDoc,
  type SidecarProblem,
} from './yaml';

export interface LoadedSidecar {
  /** The annotations, re-anchored onto the current text (empty when there was no usable file). */
  annotations: Annotation[];
  /** Why the file cannot be used (it must then never be overwritten). */
  problem: SidecarProblem | null;
  /** True when the file describes a different version of the text. */
  stale: boolean;
  report: ReanchorReport | null;
  doc: SidecarDoc | null;
  /**
   * Annotations the file says are on their words although the text there differs (a hand edit, a
   * merge that kept old offsets): they were re-anchored by text and context. Their ids.
   */
  mismatched: { id: string; start: number; end: number }[];
}

/**
 * Parses a sidecar's source (null: no file) and places its annotations on `text`. When the file
 * describes exactly this text (same hash), the states it records are kept — an edited annotation
 * stays edited, an orphaned one orphaned — and only checked (an annotation not on its words is
 * re-anchored and reported in {@link LoadedSidecar.mismatched}); otherwise every annotation is
 * re-anchored by its text and context.
 */
export function loadSidecar(src: string | null, text: string, opts: Omit<ParseOptions, 'maxBytes'> = {}): LoadedSidecar {
  if (src === null) return { annotations: [], problem: null, stale: false, report: null, doc: null, mismatched: [] };
  const r = parseSidecar(src, { ...opts, maxBytes: sidecarByteLimit(text.length) });
  if (!r.ok) return { annotations: [], problem: r.problem, stale: false, report: null, doc: null, mismatched: [] };
  const anns = r.doc.annotations;
  const stale = r.doc.textHash !== textHash(text);
  const mismatched: LoadedSidecar['mismatched'] = [];
  let toPlace = anns;
  if (!stale) {
    toPlace = [];
    for (const a of anns) {
      if (a.anchor === 'ok') {
        if (a.end > text.length || !text.startsWith(a.text, a.start)) {
          mismatched.push({ id: a.id, start: a.start, end: a.end });
          toPlace.push(a);
        }
      } else if (a.anchor === 'modified') {
        if (a.end > text.length) toPlace.push(a);
      } else if (a.anchor === 'ambiguous') {
        a.candidates = (a.candidates ?? []).filter((c) => text.startsWith(a.text, c));
        if (!a.candidates.length) toPlace.push(a);
        a.start = a.end = Math.min(a.start, text.length);
      } else {
        a.start = a.end = Math.min(a.start, text.length);
      }
    }
  }
  const placed = reanchor(toPlace, text);
  const report: ReanchorReport = { ok: 0, moved: placed.moved, ambiguous: 0, orphaned: 0 };
  for (const a of anns) {
    if (a.anchor === 'ok') report.ok++;
    else if (a.anchor === 'ambiguous') report.ambiguous++;
    else if (a.anchor === 'orphaned') report.orphaned++;
  }
  report.ok -= placed.moved;
  return { annotations: anns, problem: null, stale, report, doc: r.doc, mismatched };
}

/** Merges a fresh analysis into existing annotations (keeps every user decision). */
export function annotateWith(analysis: Analysis, existing: readonly Annotation[]): Annotation[] {
  return mergeAnnotations(existing, annotationsFromAnalysis(analysis));
}

/**
 * The sidecar document for an article in its current state. The context stored with each decision
 * that sits on its words is taken from the text now, so that it always describes the text the file
 * is written for (a context left from before an edit nearby would make the next outside change
 * look ambiguous).
 */
export function buildSidecar(article: string, analysis: Analysis, annotations: readonly Annotation[]): SidecarDoc {
  const text = analysis.text;
  return {
    article,
    textHash: textHash(text),
    subjects: analysis.subjects.map((s) => ({ code: s.code, label: s.label, score: round3(s.score) })),
    sections: analysis.sections.map((s) => ({
      id: s.id,
      label: s.label,
      start: s.start,
      end: s.end,
      subject: s.subject ? s.subject.code : null,
    })),
    annotations: annotations.map((a) =>
      a.anchor === 'ok' && isUserDecision(a) && a.end <= text.length ? { ...a, ...contextAround(text, a.start, a.end) } : a,
    ),
  };
}

/** The annotation file's text for an article: {@link buildSidecar}, written within the article's size limit. */
export function sidecarSource(article: string, analysis: Analysis, annotations: readonly Annotation[]): string {
  return serializeSidecar(buildSidecar(article, analysis, annotations), sidecarByteLimit(analysis.text.length));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export interface CheckFinding {
  code: 'missing' | 'conflict' | 'invalid' | 'too-large' | 'newer-version' | 'stale' | 'unanchored' | 'mismatch' | 'disagreement';
  message: string;
}

/** What is wrong with an article's sidecar (empty: it is present, valid and up to date). */
export function checkSidecar(src: string | null, text: string): CheckFinding[] {
  return checkSidecarFile(src, text).findings;
}

/**
 * {@link checkSidecar}, with the article the file names (its `article:` field; null when the file is
 * missing or unreadable), so that a caller needs not parse a large file a second time.
 */
export function checkSidecarFile(src: string | null, text: string): { findings: CheckFinding[]; article: string | null } {
  if (src === null) return { findings: [{ code: 'missing', message: 'no annotation file (run: news-annotator annotate)' }], article: null };
  const loaded = loadSidecar(src, text);
  if (loaded.problem) return { findings: [{ code: loaded.problem.kind, message: loaded.problem.message }], article: null };
  return { findings: findingsOf(loaded), article: loaded.doc?.article ?? null };
}

function findingsOf(loaded: LoadedSidecar): CheckFinding[] {
  const out: CheckFinding[] = [];
  if (loaded.stale)
    out.push({ code: 'stale', message: 'the article changed since its annotations were written (run: news-annotator annotate)' });
  const r = loaded.report!;
  if (loaded.mismatched.length) {
    const m = loaded.mismatched[0]!;
    out.push({
      code: 'mismatch',
      message:
        `${loaded.mismatched.length} annotation(s) do not match the article at their offsets (first: ${m.id} ` +
        `at ${m.start}–${m.end}); run: news-annotator annotate`,
    });
  }
  const disputed = loaded.annotations.filter((a) => a.conflict);
  if (disputed.length) {
    out.push({
      code: 'disagreement',
      message:
        `${disputed.length} annotation(s) were decided differently on two branches ` +
        `(first: ${disputed[0]!.id}: ${disputed[0]!.status} here, ${disputed[0]!.conflict!.status} there); choose one in the editor`,
    });
  }
  const lost = loaded.annotations.filter((a) => a.anchor !== 'ok' && isUserDecision(a));
  if (lost.length) {
    const byState = (s: string) => lost.filter((a) => a.anchor === s).length;
    out.push({
      code: 'unanchored',
      message:
        `${lost.length} annotation(s) no longer match the text (${byState('ambiguous')} ambiguous, ` +
        `${byState('orphaned')} orphaned, ${byState('modified')} modified; ${r.moved} moved)`,
    });
  }
  return out;
}

/**
 * Names the user taught the tool: accepted and added entity annotations (with the entity they were
 * linked to). Rejections stay with their article: one wrong suggestion does not ban a name everywhere.
 */
export function lexiconEntriesFrom(annotations: readonly Annotation[]): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const a of annotations) {
    if (a.kind !== 'entity' || a.anchor === 'orphaned' || a.status === 'rejected') continue;
    if (a.status === 'accepted' || a.origin === 'user')
      out.push(a.entity ? { name: a.text, type: a.type as EntityType, canonical: a.entity } : { name: a.text, type: a.type as EntityType });
  }
  return out;
}
