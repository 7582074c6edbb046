/**
 * Hierarchical word clusters computed at training time from unlabelled news text (Brown-cluster
 * substitute): each frequent word form gets a context vector (neighbours at −2, −1, +1, +2 among
 * the most frequent words, PPMI-weighted), then bisecting spherical 2-means builds a binary tree;
 * a word's cluster code is its path (with a leading 1 bit). Only word hashes and codes are kept.
 */
import { formHashOf } from '../../src/core/ner/features';
import { tokenize } from '../../src/core/ner/tokenize';
import type { ClusterTable } from './pipeline';

export interface ClusterOptions {
  minFreq: number;
  contexts: number;
  depth: number;
  iterations: number;
}

export const CLUSTER_DEFAULTS: ClusterOptions = { minFreq: 3, contexts: 1000, depth: 14, iterations: 6 };

export interface Clusters extends ClusterTable {
  /** For inspection: the words of the table (not shipped). */
  words: string[];
}

function normForm(text: string, s: number, e: number): string {
  return text.slice(s, e).replace(/[0-9]/g, '0').replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

export function buildClusters(texts: string[], o: ClusterOptions = CLUSTER_DEFAULTS): Clusters {
  // Token sequences (lines) as word ids.
  const ids = new Map<string, number>();
  const words: string[] = [];
  const freq: number[] = [];
  const lines: Int32Array[] = [];
  for (const text of texts) {
    const t = tokenize(text);
    for (let i = 0; i < t.count;) {
      let j = i;
      while (j < t.count && t.line[j] === t.line[i]) j++;
      const seq = new Int32Array(j - i);
      for (let k = i; k < j; k++) {
        const w = normForm(text, t.start[k]!, t.end[k]!);
        let id = ids.get(w);
        if (id === undefined) {
          id = words.length;
          ids.set(w, id);
          words.push(w);
          freq.push(0);
        }
        freq[id]!++;
        seq[k - i] = id;
      }
      lines.push(seq);
      i = j;
    }
  }
  // Context vocabulary: the most frequent lower-cased forms; slot 0 = other, 1 = boundary.
  const lowerFreq = new Map<string, number>();
  words.forEach((w, i) => lowerFreq.set(w.toLowerCase(), (lowerFreq.get(w.toLowerCase()) ?? 0) + freq[i]!));
  const ctxWords = [...lowerFreq.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.contexts)
    .map((x) => x[0]);
  const ctxId = new Map(ctxWords.map((w, i) => [w, i + 2]));
  const wordCtx = new Int32Array(words.length);
  words.forEach((w, i) => (wordCtx[i] = ctxId.get(w.toLowerCase()) ?? 0));
  const C = o.contexts + 2;
  const dims = 4 * C;
  // Vocabulary to cluster.
  const vocab = words.map((_, i) => i).filter((i) => freq[i]! >= o.minFreq && /[\p{L}]/u.test(words[i]!));
  const row = new Int32Array(words.length).fill(-1);
  vocab.forEach((w, r) => (row[w] = r));
  const counts: Map<number, number>[] = vocab.map(() => new Map());
  for (const seq of lines) {
    for (let k = 0; k < seq.length; k++) {
      const r = row[seq[k]!]!;
      if (r < 0) continue;
      const m = counts[r]!;
      for (let d = 0; d < 4; d++) {
        const off = d < 2 ? d - 2 : d - 1;
        const p = k + off;
        const c = p < 0 || p >= seq.length ? 1 : wordCtx[seq[p]!]!;
        const key = d * C + c;
        m.set(key, (m.get(key) ?? 0) + 1);
      }
    }
  }
  // PPMI vectors.
  const colSum = new Float64Array(dims);
  let total = 0;
  for (const m of counts)
    for (const [k, v] of m) {
      colSum[k]! += v;
      total += v;
    }
  const vecIdx: Int32Array[] = [];
  const vecVal: Float32Array[] = [];
  counts.forEach((m, r) => {
    let rs = 0;
    for (const v of m.values()) rs += v;
    const keys = [...m.keys()].sort((a, b) => a - b);
    const idx: number[] = [];
    const val: number[] = [];
    let norm = 0;
    for (const k of keys) {
      const pmi = Math.log((m.get(k)! * total) / (rs * colSum[k]!));
      if (pmi <= 0) continue;
      idx.push(k);
      val.push(pmi);
      norm += pmi * pmi;
    }
    norm = Math.sqrt(norm) || 1;
    vecIdx[r] = Int32Array.from(idx);
    vecVal[r] = Float32Array.from(val.map((v) => v / norm));
  });
  // Bisecting spherical 2-means.
  const code = new Int32Array(vocab.length).fill(1);
  const dot = (r: number, c: Float64Array) => {
    const ix = vecIdx[r]!;
    const vv = vecVal[r]!;
    let s = 0;
    for (let i = 0; i < ix.length; i++) s += vv[i]! * c[ix[i]!]!;
    return s;
  };
  const centroid = (members: number[], c: Float64Array) => {
    c.fill(0);
    for (const r of members) {
      const ix = vecIdx[r]!;
      const vv = vecVal[r]!;
      for (let i = 0; i < ix.length; i++) c[ix[i]!]! += vv[i]!;
    }
    let n = 0;
    for (let i = 0; i < c.length; i++) n += c[i]! * c[i]!;
    n = Math.sqrt(n) || 1;
    for (let i = 0; i < c.length; i++) c[i]! /= n;
  };
  const c1 = new Float64Array(dims);
  const c2 = new Float64Array(dims);
  const split = (members: number[], depth: number) => {
    if (depth >= o.depth || members.length < 2) return;
    // Seeds: the most frequent member, and the member least similar to it.
    let a = members[0]!;
    for (const r of members) if (freq[vocab[r]!]! > freq[vocab[a]!]!) a = r;
    centroid([a], c1);
    let b = -1;
    let bs = Infinity;
    for (const r of members) {
      if (r === a) continue;
      const s = dot(r, c1);
      if (s < bs) {
        bs = s;
        b = r;
      }
    }
    centroid([b], c2);
    let left: number[] = [];
    let right: number[] = [];
    for (let it = 0; it < o.iterations; it++) {
      left = [];
      right = [];
      for (const r of members) (dot(r, c1) >= dot(r, c2) ? left : right).push(r);
      if (!left.length || !right.length) break;
      centroid(left, c1);
      centroid(right, c2);
    }
    if (!left.length || !right.length) return;
    for (const r of left) code[r] = code[r]! * 2;
    for (const r of right) code[r] = code[r]! * 2 + 1;
    split(left, depth + 1);
    split(right, depth + 1);
  };
  split(
    vocab.map((_, r) => r),
    0,
  );
  const hashes = new Int32Array(vocab.length);
  const codes = new Uint16Array(vocab.length);
  const table = new Map<number, number>();
  const outWords: string[] = [];
  vocab.forEach((w, r) => {
    const word = words[w]!;
    const h = formHashOf(word, 0, word.length);
    hashes[r] = h;
    codes[r] = code[r]!;
    table.set(h, code[r]!);
    outWords.push(word);
  });
  return { hashes, codes, words: outWords, cluster: (h) => table.get(h) ?? 0 };
}

/** Rebuilds a cluster table from stored hashes and codes. */
export function clusterTable(hashes: Int32Array, codes: Uint16Array): ClusterTable {
  const table = new Map<number, number>();
  hashes.forEach((h, i) => table.set(h, codes[i]!));
  return { hashes, codes, cluster: (h) => table.get(h) ?? 0 };
}
