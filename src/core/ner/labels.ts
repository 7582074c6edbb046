/**
 * BILOU labels over the four entity types and the first-order Viterbi decoder that respects
 * BILOU's constraints (I/L only continue a B/I of the same type; a sequence ends outside an entity).
 */
import type { EntityType } from '../types';

export const TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
/** O, then B I L U for each type: label = 1 + 4 * type + position. */
export const NUM_LABELS = 17;
export const O = 0;
export const POS_B = 0;
export const POS_I = 1;
export const POS_L = 2;
export const POS_U = 3;

export function label(type: number, pos: number): number {
  return 1 + type * 4 + pos;
}
export function labelType(l: number): number {
  return l === 0 ? -1 : (l - 1) >> 2;
}
export function labelPos(l: number): number {
  return l === 0 ? -1 : (l - 1) & 3;
}

/** Human-readable label name (`B-PER`, `O`). */
export function labelName(l: number): string {
  return l === 0 ? 'O' : `${'BILU'[labelPos(l)]}-${TYPES[labelType(l)]}`;
}

/** Whether `cur` may follow `prev` (`prev` = -1 at the start of a sequence). */
export function allowed(prev: number, cur: number): boolean {
  const open = prev > 0 && (labelPos(prev) === POS_B || labelPos(prev) === POS_I);
  if (open) return labelType(cur) === labelType(prev) && (labelPos(cur) === POS_I || labelPos(cur) === POS_L);
  return cur === 0 || labelPos(cur) === POS_B || labelPos(cur) === POS_U;
}

/** Whether a sequence may end with `l`. */
export function canEnd(l: number): boolean {
  return l === 0 || labelPos(l) === POS_L || labelPos(l) === POS_U;
}

const NEG = -1e30;

/** Allowed predecessors of each label (BILOU): 97 of the 289 pairs. */
const PREDS: Uint8Array[] = [];
for (let c = 0; c < NUM_LABELS; c++) {
  const list: number[] = [];
  for (let p = 0; p < NUM_LABELS; p++) if (allowed(p, c)) list.push(p);
  PREDS.push(Uint8Array.from(list));
}

/**
 * Adds the BILOU constraints to a transition matrix of `(NUM_LABELS + 1) × NUM_LABELS` scores
 * (row `NUM_LABELS` is the start state), returning a new matrix.
 */
export function constrain(trans: Float32Array): Float32Array {
  const out = new Float32Array(trans);
  for (let p = -1; p < NUM_LABELS; p++) {
    const row = p < 0 ? NUM_LABELS : p;
    for (let c = 0; c < NUM_LABELS; c++) if (!allowed(p, c)) out[row * NUM_LABELS + c] = NEG;
  }
  return out;
}

/** Reusable buffers for {@link viterbi}. */
export class ViterbiBuffers {
  score = new Float32Array(NUM_LABELS);
  next = new Float32Array(NUM_LABELS);
  back = new Uint8Array(64 * NUM_LABELS);
  ensure(n: number): void {
    if (this.back.length < n * NUM_LABELS) this.back = new Uint8Array(Math.max(n, (this.back.length / NUM_LABELS) * 2) * NUM_LABELS);
  }
}

/** The tokens {@link viterbi} decodes. */
export interface ViterbiSpan {
  /** Where the emission scores of token `from` start in `emit`. */
  emitBase: number;
  /** The tokens `[from, to)`. */
  from: number;
  to: number;
  /** The tokens just before / after the range are O (so the range can be decoded on its own, exactly). */
  afterO?: boolean;
  beforeO?: boolean;
}

/**
 * Best label sequence for the tokens of `span` given emission scores `emit` (token-major,
 * `NUM_LABELS` per token, indexed from token `span.from` at `span.emitBase`) and a constrained
 * transition matrix. Writes labels into `out[from..to)`.
 */
export function viterbi(emit: Float32Array, span: ViterbiSpan, trans: Float32Array, out: Uint8Array, buf: ViterbiBuffers): void {
  const { emitBase, from, to } = span;
  const afterO = span.afterO ?? false;
  const beforeO = span.beforeO ?? false;
  const n = to - from;
  if (n <= 0) return;
  const L = NUM_LABELS;
  buf.ensure(n);
  let score = buf.score;
  let next = buf.next;
  const back = buf.back;
  // A segment that follows / precedes a token known to be O starts from O's row / ends into O.
  const startRow = afterO ? 0 : L * L;
  for (let c = 0; c < L; c++) score[c] = trans[startRow + c]! + emit[emitBase + c]!;
  for (let t = 1; t < n; t++) {
    const eb = emitBase + t * L;
    const bb = t * L;
    for (let c = 0; c < L; c++) {
      const preds = PREDS[c]!;
      let best = NEG * 2;
      let arg = 0;
      for (let q = 0; q < preds.length; q++) {
        const p = preds[q]!;
        const v = score[p]! + trans[p * L + c]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      next[c] = best + emit[eb + c]!;
      back[bb + c] = arg;
    }
    const tmp = score;
    score = next;
    next = tmp;
  }
  let best = NEG * 2;
  let arg = 0;
  for (let c = 0; c < L; c++) {
    if (!canEnd(c)) continue;
    const v = beforeO ? score[c]! + trans[c * L]! : score[c]!;
    if (v > best) {
      best = v;
      arg = c;
    }
  }
  out[from + n - 1] = arg;
  for (let t = n - 1; t > 0; t--) {
    arg = back[t * L + arg]!;
    out[from + t - 1] = arg;
  }
  // Keep buffer identity stable for the next call.
  buf.score = score;
  buf.next = next;
}
