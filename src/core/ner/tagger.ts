/**
 * Runs the trained model over a document: tokens → attributes → (pass 1) emissions + Viterbi per
 * line → document history → (pass 2) emissions + Viterbi → entity spans with confidences.
 */
import { MAX_FEATURES, computeAttrs, computeHistory, extractFeatures, type Resources, type TokenAttrs } from './features';
import { builtinGazetteer } from './gazetteer';
import { NUM_LABELS, POS_B, POS_L, POS_U, ViterbiBuffers, labelPos, labelType, viterbi } from './labels';
import { lookup, type NerModel, type WeightSet } from './model';
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
  /** Smallest per-token score margin of the span's labels over the best other label. */
  margin: number;
}

export interface TagResult {
  tokens: Tokens;
  attrs: TokenAttrs;
  labels: Uint8Array;
  spans: TaggedSpan[];
}

export function resourcesOf(model: NerModel): Resources {
  return { cluster: (h) => model.cluster(h), gazetteer: builtinGazetteer() };
}

const featBuf = new Int32Array(MAX_FEATURES);
const vbuf = new ViterbiBuffers();

/** Emission scores of tokens `[0, n)` under one weight set. */
function emissions(a: TokenAttrs, ws: WeightSet, emit: Float32Array): void {
  const w = ws.weights;
  const L = NUM_LABELS;
  emit.fill(0);
  for (let i = 0; i < a.n; i++) {
    const k = extractFeatures(a, i, featBuf);
    const base = i * L;
    for (let j = 0; j < k; j++) {
      const r = lookup(ws, featBuf[j]!);
      if (r < 0) continue;
      const rb = r * L;
      for (let l = 0; l < L; l++) emit[base + l]! += w[rb + l]!;
    }
  }
}

function decodeLines(a: TokenAttrs, emit: Float32Array, trans: Float32Array, labels: Uint8Array): void {
  for (let i = 0; i < a.n; ) {
    const to = a.lineTo[i]!;
    viterbi(emit, i * NUM_LABELS, i, to, trans, labels, vbuf);
    i = to;
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
    emissions(attrs, model.stages[s]!, emit);
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
    let margin = Infinity;
    if (emit) {
      for (let k = i; k <= j; k++) {
        const base = k * L;
        const own = emit[base + labels[k]!]!;
        let other = -Infinity;
        for (let x = 0; x < L; x++) if (x !== labels[k] && emit[base + x]! > other) other = emit[base + x]!;
        margin = Math.min(margin, own - other);
      }
    }
    out.push({ first: i, last: j, start: tokens.start[i]!, end: tokens.end[j]!, type: labelType(l), margin });
    i = j;
  }
  return out;
}
