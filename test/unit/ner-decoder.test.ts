// The BILOU Viterbi decoder against exhaustive search on small random problems, the exactness of
// decoding a segment between known-O tokens on its own, and the label helpers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  NUM_LABELS,
  ViterbiBuffers,
  allowed,
  canEnd,
  constrain,
  label,
  labelName,
  labelPos,
  labelType,
  POS_B,
  POS_L,
  POS_U,
  viterbi,
} from '../../src/core/ner/labels';
import { rng } from '../../scripts/ner/perceptron';

const L = NUM_LABELS;

function score(seq: number[], emit: Float32Array, trans: Float32Array, afterO = false, beforeO = false): number {
  let s = 0;
  let prev = afterO ? 0 : L; // row L = start
  seq.forEach((c, t) => {
    s += trans[prev * L + c]! + emit[t * L + c]!;
    prev = c;
  });
  if (beforeO) s += trans[prev * L]!;
  return s;
}

/** Best valid sequence by brute force. */
function brute(n: number, emit: Float32Array, trans: Float32Array, afterO = false, beforeO = false): { seq: number[]; best: number } {
  let best = -Infinity;
  let arg: number[] = [];
  const seq: number[] = [];
  const rec = (t: number, prev: number) => {
    if (t === n) {
      if (!canEnd(prev)) return;
      const s = score(seq, emit, trans, afterO, beforeO);
      if (s > best) {
        best = s;
        arg = [...seq];
      }
      return;
    }
    for (let c = 0; c < L; c++) {
      if (!allowed(t === 0 ? (afterO ? 0 : -1) : prev, c)) continue;
      seq.push(c);
      rec(t + 1, c);
      seq.pop();
    }
  };
  rec(0, -1);
  return { seq: arg, best };
}

describe('labels', () => {
  test('label arithmetic and names', () => {
    assert.equal(labelName(0), 'O');
    assert.equal(labelName(label(0, POS_B)), 'B-PER');
    assert.equal(labelName(label(2, POS_U)), 'U-LOC');
    assert.equal(labelType(label(3, POS_L)), 3);
    assert.equal(labelPos(label(1, POS_L)), POS_L);
  });

  test('BILOU constraints', () => {
    assert.ok(allowed(-1, label(0, POS_B)));
    assert.ok(!allowed(-1, label(0, POS_L)), 'cannot start inside an entity');
    assert.ok(allowed(label(0, POS_B), label(0, POS_L)));
    assert.ok(!allowed(label(0, POS_B), label(1, POS_L)), 'types must agree');
    assert.ok(!allowed(label(0, POS_B), 0), 'B must be continued');
    assert.ok(allowed(label(0, POS_U), label(1, POS_U)));
    assert.ok(!canEnd(label(2, POS_B)));
  });
});

describe('viterbi', () => {
  test('matches exhaustive search on random problems', () => {
    const random = rng(42);
    const buf = new ViterbiBuffers();
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + (trial % 4);
      const emit = new Float32Array(n * L).map(() => (random() - 0.5) * 10);
      const raw = new Float32Array((L + 1) * L).map(() => (random() - 0.5) * 4);
      const trans = constrain(raw);
      const afterO = trial % 3 === 1;
      const beforeO = trial % 5 === 2;
      const out = new Uint8Array(n);
      viterbi(emit, { emitBase: 0, from: 0, to: n, afterO, beforeO }, trans, out, buf);
      const b = brute(n, emit, trans, afterO, beforeO);
      assert.ok(
        Math.abs(score([...out], emit, trans, afterO, beforeO) - b.best) < 1e-3,
        `trial ${trial}: ${[...out].map(labelName)} vs ${b.seq.map(labelName)}`,
      );
      // The output is a valid BILOU sequence.
      let prev = afterO ? 0 : -1;
      for (const c of out) {
        assert.ok(allowed(prev, c));
        prev = c;
      }
      assert.ok(canEnd(prev));
    }
  });

  test('a segment between known-O tokens decodes exactly as the whole line', () => {
    const random = rng(7);
    const buf = new ViterbiBuffers();
    for (let trial = 0; trial < 30; trial++) {
      const n = 7;
      const emit = new Float32Array(n * L).map(() => (random() - 0.5) * 10);
      // Tokens 0 and 5 are forced O, as the tagger does for skipped tokens.
      for (const t of [0, 5]) for (let l = 1; l < L; l++) emit[t * L + l] = -1e4;
      const trans = constrain(new Float32Array((L + 1) * L).map(() => (random() - 0.5) * 4));
      const whole = new Uint8Array(n);
      viterbi(emit, { emitBase: 0, from: 0, to: n }, trans, whole, buf);
      const parts = new Uint8Array(n);
      viterbi(emit, { emitBase: 1 * L, from: 1, to: 5, afterO: true, beforeO: true }, trans, parts, buf);
      viterbi(emit, { emitBase: 6 * L, from: 6, to: 7, afterO: true, beforeO: false }, trans, parts, buf);
      assert.deepEqual([...parts.subarray(1, 5)], [...whole.subarray(1, 5)]);
      assert.equal(parts[6], whole[6]);
    }
  });
});
