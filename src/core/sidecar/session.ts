/**
 * The sidecar workflow shared by the CLI and the editor: load (parse + re-anchor), merge a fresh
 * analysis into the user's annotations, build the file, check it against the article.
 */
import type { LexiconEntry } from '../lexicon';
import type { Analysis, EntityType } from '../types';
import { reanchor, type ReanchorReport } from './anchor';
import { annotationsFromAnalysis, mergeAnnotations, type Annotation } from './model';
import { parseSidecar, textHash, type SidecarDoc, type SidecarProblem } from './yaml';

export interface LoadedSidecar {
  /** The annotations, re-anchored onto the current text (empty when there was no usable file). */
  annotations: Annotation[];
  /** Why the file cannot be used (it must then never be overwritten). */
  problem: SidecarProblem | null;
  /** True when the file describes a different version of the text. */
  stale: boolean;
  report: ReanchorReport | null;
  doc: SidecarDoc | null;
}

/** Parses a sidecar's source (null: no file) and re-anchors its annotations on `text`. */
export function loadSidecar(src: string | null, text: string): LoadedSidecar {
  if (src === null) return { annotations: [], problem: null, stale: false, report: null, doc: null };
  const r = parseSidecar(src);
  if (!r.ok) return { annotations: [], problem: r.problem, stale: false, report: null, doc: null };
  const anns = r.doc.annotations;
  const stale = r.doc.textHash !== textHash(text);
  const report = reanchor(anns, text);
  return { annotations: anns, problem: null, stale, report, doc: r.doc };
}

/** Merges a fresh analysis into existing annotations (keeps every user decision). */
export function annotateWith(analysis: Analysis, existing: readonly Annotation[]): Annotation[] {
  return mergeAnnotations(existing, annotationsFromAnalysis(analysis));
}

/** The sidecar document for an article in its current state. */
export function buildSidecar(article: string, analysis: Analysis, annotations: readonly Annotation[]): SidecarDoc {
  return {
    article,
    textHash: textHash(analysis.text),
    subjects: analysis.subjects.map((s) => ({ code: s.code, label: s.label, score: round3(s.score) })),
    sections: analysis.sections.map((s) => ({ id: s.id, label: s.label, start: s.start, end: s.end, subject: s.subject ? s.subject.code : null })),
    annotations: [...annotations],
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export interface CheckFinding {
  code: 'missing' | 'conflict' | 'invalid' | 'too-large' | 'newer-version' | 'stale' | 'unanchored';
  message: string;
}

/** What is wrong with an article's sidecar (empty: it is present, valid and up to date). */
export function checkSidecar(src: string | null, text: string): CheckFinding[] {
  if (src === null) return [{ code: 'missing', message: 'no annotation file (run: news-annotator annotate)' }];
  const loaded = loadSidecar(src, text);
  if (loaded.problem) return [{ code: loaded.problem.kind, message: loaded.problem.message }];
  const out: CheckFinding[] = [];
  if (loaded.stale) out.push({ code: 'stale', message: 'the article changed since its annotations were written (run: news-annotator annotate)' });
  const r = loaded.report!;
  const lost = loaded.annotations.filter((a) => a.anchor !== 'ok');
  if (lost.length) {
    const byState = (s: string) => lost.filter((a) => a.anchor === s).length;
    out.push({
      code: 'unanchored',
      message: `${lost.length} annotation(s) no longer match the text (${byState('ambiguous')} ambiguous, ${byState('orphaned')} orphaned, ${byState('modified')} modified; ${r.moved} moved)`,
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
    if (a.status === 'accepted' || a.origin === 'user') out.push(a.entity ? { name: a.text, type: a.type as EntityType, canonical: a.entity } : { name: a.text, type: a.type as EntityType });
  }
  return out;
}
