/**
 * Runs the trained model over a document: tokens → attributes → (pass 1) emissions + Viterbi per
 * line → document history → (pass 2) emissions + Viterbi → entity spans with confidences.
 */
import { MAX_FEATURES, computeAttrs, computeHistory, extractFeatures, extractHistoryFeatures, type Resources, type TokenAttrs } from './features';
import { NUM_LABELS, POS_B, POS_L, POS_U, ViterbiBuffers, labelPos, labelType, viterbi } from './labels';
import { addWeights, lookup, type NerModel, type WeightSet } from './model';
import { tokenize, type Tokens } from './tokenize';

/** An entity found by the model, in token and character offsets. */
export interface TaggedSpan {
  /** Token range `[first, last]`. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** Index into `TYPES`. */
  type: number;
  /** Mean per-token score margin of the span's type over O and the other types. */
  margin: number;
}

export interface TagResult {
  tokens: Tokens;
  attrs: TokenAttrs;
  labels: Uint8Array;
  spans: TaggedSpan[];
}

export function resourcesOf(model: NerModel): Resources {
  return { cluster: (h) => model.cluster(h), gazetteer: model.gazetteer };
}

const featBuf = new Int32Array(MAX_FEATURES);
const vbuf = new ViterbiBuffers();

/** Score given to non-O labels of tokens that cannot be names (`TokenAttrs.skip`). */
export const SKIP_PENALTY = -1e4;

/** Feature hashes of the first pass, kept for the second (`hashOff[i]..hashOff[i + 1]`). */
let hashBuf = new Int32Array(1 << 16);
let hashOff = new Int32Array(1 << 12);

/**
 * Emission scores of all tokens under one weight set. The first pass computes the token
 * features and keeps their hashes; a `full` pass reuses them and adds the history features.
 */
function emissions(a: TokenAttrs, ws: WeightSet, emit: Float32Array, first: boolean): void {
  const L = NUM_LABELS;
  if (first) {
    if (hashOff.length < a.n + 1) hashOff = new Int32Array((a.n + 1) * 2);
    hashOff[0] = 0;
  }
  for (let i = 0; i < a.n; i++) {
    const base = i * L;
    if (a.skip[i]) {
      emit[base] = 0;
      for (let l = 1; l < L; l++) emit[base + l] = SKIP_PENALTY;
      if (first) hashOff[i + 1] = hashOff[i]!;
      continue;
    }
    for (let l = 0; l < L; l++) emit[base + l] = 0;
    let from: number;
    let to: number;
    let buf: Int32Array;
    if (first) {
      const k = extractFeatures(a, i, featBuf);
      const o = hashOff[i]!;
      if (hashBuf.length < o + k) {
        const nb = new Int32Array(Math.max(hashBuf.length * 2, o + k));
        nb.set(hashBuf.subarray(0, o));
        hashBuf = nb;
      }
      hashBuf.set(featBuf.subarray(0, k), o);
      hashOff[i + 1] = o + k;
      buf = featBuf;
      from = 0;
      to = k;
    } else {
      buf = hashBuf;
      from = hashOff[i]!;
      to = hashOff[i + 1]!;
    }
    for (let j = from; j < to; j++) {
      const f = lookup(ws, buf[j]!);
      if (f >= 0) addWeights(ws, f, emit, base);
    }
    if (!first && ws.kind === 'full') {
      const k = extractHistoryFeatures(a, i, featBuf, 0);
      for (let j = 0; j < k; j++) {
        const f = lookup(ws, featBuf[j]!);
        if (f >= 0) addWeights(ws, f, emit, base);
      }
    }
  }
}

/** Viterbi over the runs of scored tokens of each line (skipped tokens are O, which splits the problem exactly). */
function decodeLines(a: TokenAttrs, emit: Float32Array, trans: Float32Array, labels: Uint8Array): void {
  const n = a.n;
  let i = 0;
  while (i < n) {
    if (a.skip[i]) {
      labels[i] = 0;
      i++;
      continue;
    }
    const lineTo = a.lineTo[i]!;
    let j = i + 1;
    while (j < lineTo && !a.skip[j]) j++;
    viterbi(emit, i * NUM_LABELS, i, j, trans, labels, vbuf, i > a.lineFrom[i]!, j < lineTo);
    i = j;
  }
}

/** Tags a document with the model; `passes` limits the number of passes (default: all). */
export function tagText(text: string, model: NerModel, passes = model.stages.length): TagResult {
  const tokens = tokenize(text);
  const attrs = computeAttrs(text, tokens, resourcesOf(model));
  const n = tokens.count;
  const labels = new Uint8Array(n);
  const emit = new Float32Array(n * NUM_LABELS);
  const stages = Math.min(passes, model.stages.length);
  for (let s = 0; s < stages; s++) {
    if (s > 0) computeHistory(attrs, labels);
    emissions(attrs, model.stages[s]!, emit, s === 0);
    decodeLines(attrs, emit, model.stages[s]!.trans, labels);
  }
  return { tokens, attrs, labels, spans: spansOf(tokens, labels, emit) };
}

/** Entity spans of a label sequence, with the smallest emission margin of their labels. */
export function spansOf(tokens: Tokens, labels: Uint8Array, emit: Float32Array | null): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  const L = NUM_LABELS;
  for (let i = 0; i < tokens.count; i++) {
    const l = labels[i]!;
    if (l === 0) continue;
    const p = labelPos(l);
    if (p !== POS_B && p !== POS_U) continue;
    let j = i;
    if (p === POS_B) while (j + 1 < tokens.count && labelPos(labels[j]!) !== POS_L) j++;
    // Margin: per token, the best score of the span's type (any position) over the best score of
    // O or another type; the span's margin is the tokens' mean.
    let margin = 0;
    if (emit) {
      const type = labelType(l);
      for (let k = i; k <= j; k++) {
        const base = k * L;
        let own = -Infinity;
        let other = emit[base]!;
        for (let x = 1; x < L; x++) {
          const v = emit[base + x]!;
          if (labelType(x) === type) {
            if (v > own) own = v;
          } else if (v > other) other = v;
        }
        margin += own - other;
      }
      margin /= j - i + 1;
    }
    out.push({ first: i, last: j, start: tokens.start[i]!, end: tokens.end[j]!, type: labelType(l), margin });
    i = j;
  }
  return out;
}
