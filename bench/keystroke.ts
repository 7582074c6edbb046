/**
 * Keystroke → decorations latency on a 1 MB article, replaying edits through the adapter's per-edit
 * work in Node: apply the change to the live document (text, line starts, annotation anchoring),
 * then compute what the decoration controller, the review diagnostics and the status bar compute.
 * (VS Code's own rendering of the ranges is not included.)
 */
import { analyze } from '../src/core/analyze';
import { LiveDocument } from '../src/core/liveDocument';
import { annotationsFromAnalysis } from '../src/core/sidecar/model';
import { offsetToLineCol } from '../src/core/text';

export interface KeystrokeFigures {
  chars: number;
  annotations: number;
  p50: number;
  p95: number;
  max: number;
}

export function benchKeystroke(article: string, edits = 400): KeystrokeFigures {
  const analysis = analyze(article);
  const doc = new LiveDocument(article, annotationsFromAnalysis(analysis));
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * doc.length);
    const t0 = performance.now();
    doc.apply([i % 5 === 4 ? { start: at, end: Math.min(doc.length, at + 1), text: '' } : { start: at, end: at, text: 'x' }]);
    // Decorations: the screen around the edit (60 lines) plus a 150-line margin each side.
    const starts = doc.lineStarts();
    const line = offsetToLineCol(starts, at).line;
    const from = starts[Math.max(0, line - 180)] ?? 0;
    const to = starts[Math.min(starts.length - 1, line + 210)] ?? doc.length;
    let n = 0;
    for (const a of doc.inRange(from, to)) {
      const s = offsetToLineCol(starts, a.start);
      const e = offsetToLineCol(starts, a.end);
      n += s.line + e.character;
    }
    // Review diagnostics and status-bar counts scan all annotations.
    let review = 0;
    let ents = 0;
    for (const a of doc.annotations) {
      if (a.anchor !== 'ok' && a.status !== 'suggested') review++;
      if (a.kind === 'entity' && a.status !== 'rejected') ents++;
    }
    times.push(performance.now() - t0 + (n + review + ents) * 0);
  }
  times.sort((a, b) => a - b);
  return {
    chars: doc.length,
    annotations: doc.annotations.length,
    p50: times[Math.floor(times.length / 2)]!,
    p95: times[Math.floor(times.length * 0.95)]!,
    max: times[times.length - 1]!,
  };
}
