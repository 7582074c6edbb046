/**
 * Runs the trained model over a document: tokens → attributes → (pass 1) emissions + Viterbi per
 * line → document history → (pass 2) emissions + Viterbi → entity spans with confidences.
 */
import { MAX_FEATURES, computeAttrs, computeHistory, extractFeatures, type Resources, type TokenAttrs } from './features';
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

/** Emission scores of tokens `[0, n)` under one weight set. */
function emissions(a: TokenAttrs, ws: WeightSet, emit: Float32Array): void {
  const w = ws.weights;
  const L = NUM_LABELS;
  const history = ws.kind === 'full';
  for (let i = 0; i < a.n; i++) {
    const base = i * L;
    if (a.skip[i]) {
      emit[base] = 0;
      for (let l = 1; l < L; l++) emit[base + l] = SKIP_PENALTY;
      continue;
    }
    for (let l = 0; l < L; l++) emit[base + l] = 0;
    const k = extractFeatures(a, i, featBuf, history);
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
    let all = true;
    for (let k = i; k < to && all; k++) if (!a.skip[k]) all = false;
    if (all) labels.fill(0, i, to);
    else viterbi(emit, i * NUM_LABELS, i, to, trans, labels, vbuf);
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
