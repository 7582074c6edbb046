/** Scores a model on gold documents through the product path (`recognizeWith`), and calibrates confidences. */
import { recognizeWith, type NerOptions } from '../../src/core/ner';
import type { NerModel } from '../../src/core/ner/model';
import { tagText } from '../../src/core/ner/tagger';
import { TYPES } from '../../src/core/ner/labels';
import type { Doc } from './data';
import { Scorer } from './score';

export interface Evaluation {
  scorer: Scorer;
  errors: string[];
  chars: number;
  cpuSeconds: number;
}

export function evaluate(model: NerModel, docs: Doc[], opts: NerOptions = {}): Evaluation {
  const scorer = new Scorer();
  const errors: string[] = [];
  let chars = 0;
  const u0 = process.cpuUsage();
  for (const d of docs) {
    const pred = recognizeWith(model, d.text, opts);
    chars += d.text.length;
    scorer.add(d.entities, pred);
    const key = (e: { start: number; end: number; type: string }) => `${e.start}:${e.end}:${e.type}`;
    const g = new Set(d.entities.map(key));
    const p = new Set(pred.map(key));
    const ctx = (e: { start: number; end: number }) =>
      JSON.stringify(
        d.text.slice(Math.max(0, e.start - 30), e.start) + '[' + d.text.slice(e.start, e.end) + ']' + d.text.slice(e.end, e.end + 20),
      );
    for (const e of pred) if (!g.has(key(e))) errors.push(`FP ${e.type} ${ctx(e)}`);
    for (const e of d.entities) if (!p.has(key(e))) errors.push(`FN ${e.type} ${ctx(e)}`);
  }
  const u = process.cpuUsage(u0);
  return { scorer, errors, chars, cpuSeconds: (u.user + u.system) / 1e6 };
}

/**
 * Fits confidence = sigmoid(a · margin + b) to whether each predicted span (pass-2 tagger output)
 * is exactly right, by Newton's method on the log-likelihood.
 */
export function calibrate(model: NerModel, docs: Doc[]): { a: number; b: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const d of docs) {
    const r = tagText(d.text, model);
    const gold = new Set(d.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
    for (const s of r.spans) {
      xs.push(s.margin);
      ys.push(gold.has(`${s.start}:${s.end}:${TYPES[s.type]}`) ? 1 : 0);
    }
  }
  // Newton's method on standardized margins (well conditioned), then undo the scaling.
  const mean = xs.reduce((x, y) => x + y, 0) / (xs.length || 1);
  const sd = Math.sqrt(xs.reduce((x, y) => x + (y - mean) ** 2, 0) / (xs.length || 1)) || 1;
  const zs = xs.map((x) => (x - mean) / sd);
  let a = 0;
  let b = 0;
  for (let it = 0; it < 100; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-3;
    let hab = 0;
    let hbb = 1e-3;
    for (let i = 0; i < zs.length; i++) {
      const z = zs[i]!;
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const r = ys[i]! - p;
      ga += r * z;
      gb += r;
      const w = p * (1 - p);
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += Math.max(-5, Math.min(5, da));
    b += Math.max(-5, Math.min(5, db));
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  // sigmoid(a·(x − mean)/sd + b) = sigmoid((a/sd)·x + (b − a·mean/sd)).
  const a0 = a / sd;
  const b0 = b - (a * mean) / sd;
  a = a0;
  b = b0;
  return { a: Number(a.toPrecision(4)), b: Number(b.toPrecision(4)) };
}
