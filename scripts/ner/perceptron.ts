/**
 * Structured averaged perceptron (Collins 2002) over BILOU labels with the core's Viterbi decoder.
 * Features are the core's hashed features, mapped to dense indices for training.
 */
import { MAX_FEATURES, computeAttrs, computeHistory, extractFeatures, type Resources, type TokenAttrs } from '../../src/core/ner/features';
import { SKIP_PENALTY } from '../../src/core/ner/tagger';
import { NUM_LABELS, ViterbiBuffers, constrain, viterbi } from '../../src/core/ner/labels';
import type { RawStage, StageKind } from '../../src/core/ner/model';
import type { PreparedDoc } from './data';

const L = NUM_LABELS;

/** A document with its attributes and (per pass) feature indices. */
export interface TrainDoc {
  doc: PreparedDoc;
  attrs: TokenAttrs;
  /** Feature hashes per token: `hashes[off[i]..off[i+1])`. */
  off: Int32Array;
  hashes: Int32Array;
  /** Dense feature indices (−1 = not in the feature set), parallel to `hashes`. */
  idx: Int32Array;
}

export function attrsFor(doc: PreparedDoc, res: Resources): TokenAttrs {
  return computeAttrs(doc.text, doc.tokens, res, true);
}

/** (Re-)extracts the hashed features of a document from its current attributes. */
export function extract(td: { attrs: TokenAttrs }, kind: StageKind = 'base'): { off: Int32Array; hashes: Int32Array } {
  const a = td.attrs;
  const buf = new Int32Array(MAX_FEATURES);
  const off = new Int32Array(a.n + 1);
  const parts: Int32Array[] = [];
  let total = 0;
  for (let i = 0; i < a.n; i++) {
    const k = a.skip[i] ? 0 : extractFeatures(a, i, buf, kind === 'full');
    parts.push(buf.slice(0, k));
    total += k;
    off[i + 1] = total;
  }
  const hashes = new Int32Array(total);
  let p = 0;
  for (const part of parts) {
    hashes.set(part, p);
    p += part.length;
  }
  return { off, hashes };
}

/** Feature dictionary: hashes seen at least `minCount` times get dense indices. */
export function buildIndex(docs: { hashes: Int32Array }[], minCount: number): FeatureIndex {
  const counts = new Map<number, number>();
  for (const d of docs) for (const h of d.hashes) counts.set(h, (counts.get(h) ?? 0) + 1);
  const index: FeatureIndex = new Map();
  const keys = [...counts.keys()].filter((h) => counts.get(h)! >= minCount).sort((a, b) => a - b);
  for (const h of keys) index.set(h, index.size);
  index.counts = Int32Array.from(keys.map((h) => counts.get(h)!));
  return index;
}

/** Feature hash → dense index, with how often each feature occurred in training. */
export type FeatureIndex = Map<number, number> & { counts?: Int32Array };

export function applyIndex(td: { hashes: Int32Array; idx?: Int32Array }, index: Map<number, number>): Int32Array {
  const idx = new Int32Array(td.hashes.length);
  for (let i = 0; i < idx.length; i++) idx[i] = index.get(td.hashes[i]!) ?? -1;
  return idx;
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Called after each epoch with the averaged weights (for monitoring). */
  onEpoch?: (epoch: number, model: PerceptronModel) => void;
}

/** Averaged weights over dense feature indices. */
export interface PerceptronModel {
  weights: Float32Array;
  trans: Float32Array;
}

/** Emission scores of a document's tokens under dense weights. */
export function emitDense(td: TrainDoc, weights: Float32Array, from: number, to: number, emit: Float32Array): void {
  const skip = td.attrs.skip;
  for (let i = from; i < to; i++) {
    const base = (i - from) * L;
    emit[base] = 0;
    const fill = skip[i] ? SKIP_PENALTY : 0;
    for (let l = 1; l < L; l++) emit[base + l] = fill;
    for (let j = td.off[i]!; j < td.off[i + 1]!; j++) {
      const f = td.idx[j]!;
      if (f < 0) continue;
      const fb = f * L;
      for (let l = 0; l < L; l++) emit[base + l]! += weights[fb + l]!;
    }
  }
}

/** Trains one pass. Sequences are lines. */
export function trainPerceptron(docs: TrainDoc[], nFeatures: number, opts: TrainOptions): PerceptronModel {
  const W = new Float32Array(nFeatures * L);
  const U = new Float64Array(nFeatures * L);
  const T = new Float32Array((L + 1) * L);
  const TU = new Float64Array((L + 1) * L);
  let c = 1;
  // Sequences: (doc, from, to).
  const seqs: [number, number, number][] = [];
  docs.forEach((td, d) => {
    const a = td.attrs;
    for (let i = 0; i < a.n;) {
      const to = a.lineTo[i]!;
      seqs.push([d, i, to]);
      i = to;
    }
  });
  const random = rng(opts.seed);
  const buf = new ViterbiBuffers();
  let emit = new Float32Array(256 * L);
  let pred = new Uint8Array(256);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    // Fisher–Yates shuffle.
    for (let i = seqs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = seqs[i]!;
      seqs[i] = seqs[j]!;
      seqs[j] = t;
    }
    let errors = 0;
    let tokens = 0;
    for (const [d, from, to] of seqs) {
      const td = docs[d]!;
      const n = to - from;
      if (emit.length < n * L) emit = new Float32Array(n * L * 2);
      if (pred.length < n) pred = new Uint8Array(n * 2);
      emitDense(td, W, from, to, emit);
      const ct = constrain(T);
      viterbi(emit, { emitBase: 0, from: 0, to: n }, ct, pred, buf);
      const gold = td.doc.gold;
      let wrong = false;
      for (let t = 0; t < n; t++) if (pred[t] !== gold[from + t]) wrong = true;
      tokens += n;
      if (wrong) {
        const w = td.doc.weight ?? 1;
        const wc = w * c;
        for (let t = 0; t < n; t++) {
          const g = gold[from + t]!;
          const p = pred[t]!;
          if (g !== p) {
            errors++;
            for (let j = td.off[from + t]!; j < td.off[from + t + 1]!; j++) {
              const f = td.idx[j]!;
              if (f < 0) continue;
              W[f * L + g]! += w;
              U[f * L + g]! += wc;
              W[f * L + p]! -= w;
              U[f * L + p]! -= wc;
            }
          }
          const gp = t === 0 ? L : gold[from + t - 1]!;
          const pp = t === 0 ? L : pred[t - 1]!;
          if (gp !== pp || g !== p) {
            T[gp * L + g]! += w;
            TU[gp * L + g]! += wc;
            T[pp * L + p]! -= w;
            TU[pp * L + p]! -= wc;
          }
        }
      }
      c++;
    }
    if (opts.onEpoch) opts.onEpoch(epoch, average(W, U, T, TU, c));
    else process.stderr.write(`  epoch ${epoch}: token errors ${((100 * errors) / tokens).toFixed(2)}%\n`);
  }
  return average(W, U, T, TU, c);
}

function average(W: Float32Array, U: Float64Array, T: Float32Array, TU: Float64Array, c: number): PerceptronModel {
  const weights = new Float32Array(W.length);
  for (let i = 0; i < W.length; i++) weights[i] = W[i]! - U[i]! / c;
  const trans = new Float32Array(T.length);
  for (let i = 0; i < T.length; i++) trans[i] = T[i]! - TU[i]! / c;
  return { weights, trans };
}

/** Decodes every line of a document with dense weights; returns labels. */
export function decodeDoc(td: TrainDoc, m: PerceptronModel): Uint8Array {
  const a = td.attrs;
  const labels = new Uint8Array(a.n);
  const ct = constrain(m.trans);
  const buf = new ViterbiBuffers();
  let emit = new Float32Array(256 * L);
  for (let i = 0; i < a.n;) {
    const to = a.lineTo[i]!;
    const n = to - i;
    if (emit.length < n * L) emit = new Float32Array(n * L * 2);
    emitDense(td, m.weights, i, to, emit);
    viterbi(emit, { emitBase: 0, from: i, to }, ct, labels, buf);
    i = to;
  }
  return labels;
}

/** Converts dense weights back to hashed form for the model file. */
export function toRawStage(m: PerceptronModel, index: FeatureIndex, kind: StageKind): RawStage {
  const hashes = new Int32Array(index.size);
  for (const [h, i] of index) hashes[i] = h;
  return { kind, hashes, weights: m.weights, trans: m.trans, ...(index.counts ? { counts: index.counts } : {}) };
}

export { computeHistory };
