/**
 * Runs the trained model over a document: tokens → attributes → (pass 1) emissions + Viterbi per
 * line → document history → (pass 2) emissions + Viterbi → entity spans with confidences.
 */
import {
  MAX_FEATURES,
  computeAttrs,
  computeHistory,
  extractFeatures,
  extractHistoryFeatures,
  type Resources,
  type TokenAttrs,
} from './features';
import { NUM_LABELS, POS_B, POS_L, POS_U, ViterbiBuffers, type ViterbiSpan, labelPos, labelType, viterbi } from './labels';
import { probe } from './hash';
import { addWeights, lookup, rowMask, type NerModel } from './model';
import { tokenize, type Tokens } from './tokenize';
import type { Runs } from '../tokens';

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
/** The span {@link decodeLines} decodes, reused. */
const vspan: ViterbiSpan = { emitBase: 0, from: 0, to: 0, afterO: false, beforeO: false };

/** Score given to non-O labels of tokens that cannot be names (`TokenAttrs.skip`). */
export const SKIP_PENALTY = -1e4;

/** Emission buffers, one per pass, reused across documents (`n × NUM_LABELS`, every cell written before use). */
let emitBufs: Float32Array[] = [];

function emitBuffers(passes: number, size: number): Float32Array[] {
  if (emitBufs.length < passes || emitBufs[0]!.length < size) {
    const cap = Math.max(size, emitBufs[0]?.length ?? 0, 1 << 14);
    emitBufs = Array.from({ length: Math.max(passes, emitBufs.length) }, () => new Float32Array(cap));
  }
  return emitBufs.slice(0, passes);
}

/**
 * Emission scores of the token features under every pass at once: one probe of the joint feature
 * table per feature serves all passes (they share most features), and the feature's row holds the
 * weights of every pass. Tokens that cannot be names get O only.
 */
function tokenEmissions(a: TokenAttrs, model: NerModel, emits: readonly Float32Array[]): void {
  const L = NUM_LABELS;
  const S = emits.length;
  const { table, slotMask, rows, passes } = model.features;
  const stages = model.stages;
  for (let i = 0; i < a.n; i++) {
    const base = i * L;
    if (a.skip[i]) {
      for (let s = 0; s < S; s++) {
        const emit = emits[s]!;
        emit[base] = 0;
        for (let l = 1; l < L; l++) emit[base + l] = SKIP_PENALTY;
      }
      continue;
    }
    for (let s = 0; s < S; s++) emits[s]!.fill(0, base, base + L);
    const k = extractFeatures(a, i, featBuf);
    for (let j = 0; j < k; j++) {
      // addWeights() for all passes, inlined: this loop is the tagger's hottest.
      const row = probe(table, slotMask, featBuf[j]!, -1);
      if (row < 0) continue;
      let o = row + passes * 3;
      for (let s = 0; s < S; s++) {
        let bits = rowMask(rows, row, s);
        const emit = emits[s]!;
        const values = stages[s]!.values;
        while (bits) {
          const low = bits & -bits;
          emit[base + 31 - Math.clz32(low)]! += values[rows[o++]!]!;
          bits ^= low;
        }
      }
    }
  }
}

/** Adds the document-history features (what the previous pass said) to a `full` pass's emissions. */
function historyEmissions(a: TokenAttrs, model: NerModel, pass: number, emit: Float32Array): void {
  const ft = model.features;
  for (let i = 0; i < a.n; i++) {
    if (a.skip[i]) continue;
    const k = extractHistoryFeatures(a, i, featBuf, 0);
    for (let j = 0; j < k; j++) {
      const row = lookup(ft, featBuf[j]!);
      if (row >= 0) addWeights(model, row, pass, emit, i * NUM_LABELS);
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
    vspan.emitBase = i * NUM_LABELS;
    vspan.from = i;
    vspan.to = j;
    vspan.afterO = i > a.lineFrom[i]!;
    vspan.beforeO = j < lineTo;
    viterbi(emit, vspan, trans, labels, vbuf);
    i = j;
  }
}

/**
 * Tags a document with the model; `passes` limits the number of passes (default: all); `runs` are
 * the text's runs when the caller has them (they are scanned otherwise).
 */
export function tagText(text: string, model: NerModel, passes = model.stages.length, runs?: Runs): TagResult {
  const tokens = tokenize(text, runs);
  const attrs = computeAttrs(text, tokens, resourcesOf(model));
  const n = tokens.count;
  const labels = new Uint8Array(n);
  const stages = Math.max(1, Math.min(passes, model.stages.length));
  const emits = emitBuffers(stages, n * NUM_LABELS);
  tokenEmissions(attrs, model, emits);
  for (let s = 0; s < stages; s++) {
    const ws = model.stages[s]!;
    if (s > 0) {
      computeHistory(attrs, labels);
      if (ws.kind === 'full') historyEmissions(attrs, model, s, emits[s]!);
    }
    decodeLines(attrs, emits[s]!, ws.trans, labels);
  }
  return { tokens, attrs, labels, spans: spansOf(tokens, labels, emits[stages - 1]!) };
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
