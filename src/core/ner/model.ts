/**
 * The tagger's model: hashed-feature weights per label (one set per pass), label transitions,
 * and a word-cluster table; its compact binary form (log-quantized 8-bit weights, delta-coded
 * sorted hashes, base64 in the bundle) and the decoder that builds lookup tables on first use.
 */
import { Gazetteer, type PackedGazetteer } from './gazetteer';
import { openTable, probe } from './hash';
import { NUM_LABELS, constrain } from './labels';

/**
 * How a pass computes its scores: `base` from the token features alone; `full` from the token
 * features plus the document-history features of the previous pass's labels.
 */
export type StageKind = 'base' | 'full';
const KINDS: StageKind[] = ['base', 'full'];

/** One pass's label transitions and weight scale (its weights are rows of the {@link FeatureTable}). */
export interface WeightSet {
  readonly kind: StageKind;
  /** Code byte → weight. */
  readonly values: Float32Array;
  /** Constrained transitions, `(NUM_LABELS + 1) × NUM_LABELS` (last row: start). */
  readonly trans: Float32Array;
  /** Features this pass has weights for. */
  readonly features: number;
}

/**
 * The features of all passes in one open-addressing table of `[hash, row]` pairs, so that one probe
 * per token feature serves every pass (the passes share most of their features), and one row of
 * bytes holds what all passes know about the feature: for each pass a 3-byte label mask, then for
 * each pass the code bytes of its masked labels, in label order. A hit touches two cache lines
 * (slot and row) however many passes there are.
 */
export interface FeatureTable {
  /** Interleaved `[key, row offset]` pairs; key 0 = empty slot. */
  readonly table: Int32Array;
  /** Number of slots − 1 (a power of two minus one). */
  readonly slotMask: number;
  readonly rows: Uint8Array;
  /** Number of passes (masks per row). */
  readonly passes: number;
}

export interface NerModel {
  readonly stages: readonly WeightSet[];
  readonly features: FeatureTable;
  /** Cluster code of a word-form hash (0 unknown). */
  cluster(formHash: number): number;
  readonly clusterCount: number;
  readonly gazetteer: Gazetteer;
  /** Free-form training metadata (settings, data, scores). */
  readonly meta: Record<string, unknown>;
}

/** Weights as trained (before quantization), for encoding. */
export interface RawStage {
  kind: StageKind;
  /** Feature hashes. */
  hashes: Int32Array;
  /** `hashes.length × NUM_LABELS` weights. */
  weights: Float32Array;
  /** `(NUM_LABELS + 1) × NUM_LABELS` transition weights, unconstrained. */
  trans: Float32Array;
  /** How often each feature fired in training (for pruning by importance). */
  counts?: Int32Array;
}

export interface RawModel {
  stages: RawStage[];
  /** Word-form hashes and their cluster codes (leading-1 path codes, < 2^16). */
  clusterHashes: Int32Array;
  clusterCodes: Uint16Array;
  gazetteer: PackedGazetteer;
  meta: Record<string, unknown>;
}

/** Finds the row of a feature hash, or -1. */
export function lookup(ft: FeatureTable, h: number): number {
  return probe(ft.table, ft.slotMask, h, -1);
}

/** The label mask of pass `pass` in the row at `row`. */
export function rowMask(rows: Uint8Array, row: number, pass: number): number {
  const p = row + pass * 3;
  return rows[p]! | (rows[p + 1]! << 8) | (rows[p + 2]! << 16);
}

/** Number of set bits. */
export function popcount(bits: number): number {
  let x = bits - ((bits >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Offset of the first code byte of pass `pass` in the row at `row`. */
export function rowCodes(ft: FeatureTable, row: number, pass: number): number {
  let o = row + ft.passes * 3;
  for (let s = 0; s < pass; s++) o += popcount(rowMask(ft.rows, row, s));
  return o;
}

/** Adds the weights of pass `pass` of `model` for the feature at `row` to `emit[base + label]`. */
export function addWeights(model: NerModel, row: number, pass: number, emit: Float32Array, base: number): void {
  const ft = model.features;
  const rows = ft.rows;
  const values = model.stages[pass]!.values;
  let bits = rowMask(rows, row, pass);
  let o = rowCodes(ft, row, pass);
  while (bits) {
    const low = bits & -bits;
    emit[base + 31 - Math.clz32(low)]! += values[rows[o++]!]!;
    bits ^= low;
  }
}

/** The weight of the feature at `row` for `label` under pass `pass` (0 when absent). */
export function weightOf(model: NerModel, row: number, pass: number, label: number): number {
  const ft = model.features;
  const bits = rowMask(ft.rows, row, pass);
  if (!(bits & (1 << label))) return 0;
  const o = rowCodes(ft, row, pass) + popcount(bits & ((1 << label) - 1));
  return model.stages[pass]!.values[ft.rows[o]!]!;
}

// ---- quantization -------------------------------------------------------------------------

/** Log-spaced 8-bit codes: value(c) = sign(c) · a · (exp(b·|c|) − 1), |c| ≤ 127. */
function codeTable(a: number, b: number): Float32Array {
  const t = new Float32Array(256);
  for (let c = -127; c <= 127; c++) t[c & 255] = Math.sign(c) * a * (Math.exp(b * Math.abs(c)) - 1);
  return t;
}

function quantize(v: number, a: number, b: number): number {
  const m = Math.abs(v);
  let c = Math.round(Math.log(m / a + 1) / b);
  if (c > 127) c = 127;
  return v < 0 ? -c : c;
}

// ---- binary encoding ------------------------------------------------------------------------

class Writer {
  buf = new Uint8Array(1 << 16);
  n = 0;
  private grow(k: number) {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }
  u8(v: number) {
    this.grow(1);
    this.buf[this.n++] = v & 255;
  }
  varint(v: number) {
    v = v >>> 0;
    while (v >= 128) {
      this.u8((v & 127) | 128);
      v >>>= 7;
    }
    this.u8(v);
  }
  f32(v: number) {
    this.grow(4);
    new DataView(this.buf.buffer).setFloat32(this.n, v, true);
    this.n += 4;
  }
  bytes(b: Uint8Array) {
    this.grow(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

class Reader {
  n = 0;
  private readonly view: DataView;
  constructor(readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  u8(): number {
    return this.buf[this.n++]!;
  }
  varint(): number {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf[this.n++]!;
      v += (b & 127) * 2 ** shift;
      if (b < 128) return v;
      shift += 7;
    }
  }
  f32(): number {
    const v = this.view.getFloat32(this.n, true);
    this.n += 4;
    return v;
  }
}

const MAGIC = [0x4e, 0x45, 0x52, 0x36]; // "NER6"

export interface EncodeOptions {
  /** Weights with |w| below this fraction of the stage's largest weight are dropped. */
  threshold: number;
  /**
   * Keep at most this many features per stage, the most important first: importance is the
   * largest |weight| times the square root of how often the feature fired in training.
   */
  maxFeatures?: number;
}

/** Encodes a trained model to bytes (quantized, pruned). */
export function encodeModel(m: RawModel, opts: EncodeOptions): Uint8Array {
  const w = new Writer();
  for (const b of MAGIC) w.u8(b);
  const meta = asciiBytes(JSON.stringify(m.meta));
  w.varint(meta.length);
  w.bytes(meta);
  // Clusters: sorted unsigned hashes, delta varints; then 16-bit codes.
  const order = [...m.clusterHashes.keys()].sort((x, y) => (m.clusterHashes[x]! >>> 0) - (m.clusterHashes[y]! >>> 0));
  w.varint(order.length);
  let prev = 0;
  for (const i of order) {
    const h = m.clusterHashes[i]! >>> 0;
    w.varint(h - prev);
    prev = h;
  }
  for (const i of order) {
    const c = m.clusterCodes[i]!;
    w.u8(c & 255);
    w.u8(c >> 8);
  }
  // Gazetteer, in its packed order: first hashes as delta varints, then one info byte per entry,
  // then the further-token hashes (varints).
  const g = m.gazetteer;
  w.varint(g.firsts.length);
  prev = 0;
  for (let e = 0; e < g.firsts.length; e++) {
    const h = g.firsts[e]! >>> 0;
    w.varint(h - prev);
    prev = h;
  }
  w.bytes(g.info);
  w.varint(g.rest.length);
  for (let k = 0; k < g.rest.length; k++) w.varint(g.rest[k]! >>> 0);
  w.varint(m.stages.length);
  for (const st of m.stages) {
    let max = 0;
    for (const v of st.weights) max = Math.max(max, Math.abs(v));
    const a = (max * opts.threshold) / 2;
    const b = Math.log(max / a + 1) / 127;
    const thr = max * opts.threshold;
    let keep: number[] = [];
    const importance = new Float64Array(st.hashes.length);
    for (let f = 0; f < st.hashes.length; f++) {
      let big = 0;
      for (let l = 0; l < NUM_LABELS; l++) big = Math.max(big, Math.abs(st.weights[f * NUM_LABELS + l]!));
      if (big >= thr) keep.push(f);
      importance[f] = big * Math.sqrt(st.counts ? st.counts[f]! : 1);
    }
    if (opts.maxFeatures !== undefined && keep.length > opts.maxFeatures) {
      keep.sort((x, y) => importance[y]! - importance[x]! || x - y);
      keep = keep.slice(0, opts.maxFeatures);
    }
    keep.sort((x, y) => (st.hashes[x]! >>> 0) - (st.hashes[y]! >>> 0));
    w.u8(KINDS.indexOf(st.kind));
    w.f32(a);
    w.f32(b);
    w.varint(keep.length);
    for (const v of st.trans) w.f32(v);
    // Sorted hashes as delta varints; then a fixed 3-byte label mask per feature; then the codes.
    prev = 0;
    for (const f of keep) {
      const h = st.hashes[f]! >>> 0;
      w.varint(h - prev);
      prev = h;
    }
    const codes: number[] = [];
    for (const f of keep) {
      let bits = 0;
      for (let l = 0; l < NUM_LABELS; l++) {
        const v = st.weights[f * NUM_LABELS + l]!;
        const c = Math.abs(v) >= thr ? quantize(v, a, b) : 0;
        if (c !== 0) {
          bits |= 1 << l;
          codes.push(c & 255);
        }
      }
      w.u8(bits & 255);
      w.u8((bits >> 8) & 255);
      w.u8(bits >> 16);
    }
    w.varint(codes.length);
    w.bytes(Uint8Array.from(codes));
  }
  return w.result();
}

/** Decodes a model encoded by {@link encodeModel}. */
export function decodeModel(bytes: Uint8Array): NerModel {
  const r = new Reader(bytes);
  for (const b of MAGIC) if (r.u8() !== b) throw new Error('not a NER model');
  const metaLen = r.varint();
  let metaText = '';
  for (let i = 0; i < metaLen; i++) metaText += String.fromCharCode(bytes[r.n + i]!);
  const meta = JSON.parse(metaText) as Record<string, unknown>;
  r.n += metaLen;
  const buf = bytes;
  const nc = r.varint();
  const ck = new Int32Array(nc);
  let p = readVarints(buf, r.n, ck, true);
  // Cluster codes follow, 16 bits each.
  const cv = new Int32Array(nc);
  for (let i = 0; i < nc; i++, p += 2) cv[i] = buf[p]! | (buf[p + 1]! << 8);
  const cTable = openTable(ck, cv);
  const cMask = (cTable.length >> 1) - 1;
  r.n = p;
  const ng = r.varint();
  const firsts = new Int32Array(ng);
  p = readVarints(buf, r.n, firsts, true);
  const info = buf.slice(p, p + ng);
  p += ng;
  const restOff = new Int32Array(ng + 1);
  for (let e = 0; e < ng; e++) restOff[e + 1] = restOff[e]! + (info[e]! >> 5);
  r.n = p;
  const rest = new Int32Array(r.varint());
  r.n = readVarints(buf, r.n, rest, false);
  const gazetteer = new Gazetteer({ firsts, info, restOff, rest });
  const nStages = r.varint();
  const raw: {
    kind: StageKind;
    hashes: Int32Array;
    masks: Int32Array;
    offs: Int32Array;
    codes: Uint8Array;
    values: Float32Array;
    trans: Float32Array;
  }[] = [];
  for (let s = 0; s < nStages; s++) {
    const kind = KINDS[r.u8()] ?? 'base';
    const a = r.f32();
    const b = r.f32();
    const nf = r.varint();
    const trans = new Float32Array((NUM_LABELS + 1) * NUM_LABELS);
    for (let i = 0; i < trans.length; i++) trans[i] = r.f32();
    const hashes = new Int32Array(nf);
    p = readVarints(buf, r.n, hashes, true);
    const masks = new Int32Array(nf);
    const offs = new Int32Array(nf);
    let o = 0;
    for (let f = 0; f < nf; f++, p += 3) {
      const bits = buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16);
      masks[f] = bits;
      offs[f] = o;
      o += popcount(bits);
    }
    r.n = p;
    const nc = r.varint();
    const codes = bytes.subarray(r.n, r.n + nc);
    r.n += nc;
    raw.push({ kind, hashes, masks, offs, codes, values: codeTable(a, b), trans: constrain(trans) });
  }
  const features = jointFeatures(raw);
  const stages: WeightSet[] = raw.map((x) => ({ kind: x.kind, values: x.values, trans: x.trans, features: x.hashes.length }));
  return {
    stages,
    features,
    clusterCount: nc,
    gazetteer,
    meta,
    cluster: (h: number): number => probe(cTable, cMask, h, 0),
  };
}

/**
 * Reads `out.length` unsigned varints from `buf` at `p` (as running sums when `delta`); returns
 * the position after them. One shared loop for every section, so start-up warms up one loop.
 */
function readVarints(buf: Uint8Array, p: number, out: Int32Array, delta: boolean): number {
  let prev = 0;
  for (let i = 0; i < out.length; i++) {
    let b = buf[p++]!;
    let v = b & 127;
    let mul = 128;
    while (b >= 128) {
      b = buf[p++]!;
      v += (b & 127) * mul;
      mul *= 128;
    }
    if (delta) {
      prev += v;
      out[i] = prev | 0;
    } else out[i] = v | 0;
  }
  return p;
}

/** The {@link FeatureTable} of the decoded passes (each with its hashes sorted unsigned). */
function jointFeatures(passes: readonly { hashes: Int32Array; masks: Int32Array; offs: Int32Array; codes: Uint8Array }[]): FeatureTable {
  const joint = unionSorted(passes.map((x) => x.hashes));
  const S = passes.length;
  // Per joint feature and pass, the pass's feature index (−1: none).
  const index = new Int32Array(joint.length * S).fill(-1);
  let size = 0;
  passes.forEach((x, s) => {
    for (let f = 0, u = 0; f < x.hashes.length; f++) {
      while (joint[u] !== x.hashes[f]) u++;
      index[u * S + s] = f;
    }
    size += x.codes.length;
  });
  const rows = new Uint8Array(joint.length * S * 3 + size);
  const rowOf = new Int32Array(joint.length);
  let o = 0;
  for (let u = 0; u < joint.length; u++) {
    rowOf[u] = o;
    for (let s = 0; s < S; s++) {
      const f = index[u * S + s]!;
      const bits = f < 0 ? 0 : passes[s]!.masks[f]!;
      rows[o++] = bits & 255;
      rows[o++] = (bits >> 8) & 255;
      rows[o++] = bits >> 16;
    }
    for (let s = 0; s < S; s++) {
      const f = index[u * S + s]!;
      if (f < 0) continue;
      const x = passes[s]!;
      const k = popcount(x.masks[f]!);
      rows.set(x.codes.subarray(x.offs[f]!, x.offs[f]! + k), o);
      o += k;
    }
  }
  const table = openTable(joint, rowOf);
  return { table, slotMask: (table.length >> 1) - 1, rows, passes: S };
}

/** The union of arrays sorted by unsigned value, sorted the same way. */
function unionSorted(lists: readonly Int32Array[]): Int32Array {
  // Each list is sorted: merge them one by one, comparing unsigned (`>>> 0`).
  let acc = new Int32Array(0);
  for (const l of lists) {
    const out = new Int32Array(acc.length + l.length);
    let i = 0;
    let j = 0;
    let m = 0;
    while (i < acc.length || j < l.length) {
      const a = i < acc.length ? acc[i]! >>> 0 : Infinity;
      const b = j < l.length ? l[j]! >>> 0 : Infinity;
      const v = a <= b ? a : b;
      if (a === v) i++;
      if (b === v) j++;
      if (m === 0 || out[m - 1] !== (v | 0)) out[m++] = v | 0;
    }
    acc = out.subarray(0, m);
  }
  return acc;
}

/** JSON text as ASCII bytes (non-ASCII characters escaped). */
function asciiBytes(json: string): Uint8Array {
  const s = json.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

// ---- base64 (no Buffer/atob in the core) -----------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    out +=
      B64[a >> 2]! +
      B64[((a & 3) << 4) | (b >> 4)]! +
      (i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)]! : '=') +
      (i + 2 < bytes.length ? B64[c & 63]! : '=');
    if (out.length >= 4096) {
      parts.push(out);
      out = '';
    }
  }
  parts.push(out);
  return parts.join('');
}

export function fromBase64(s: string): Uint8Array {
  // Newer engines decode base64 natively.
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (typeof native === 'function') return native(s);
  // Otherwise the host's native UTF-8 encoder (Node, browsers) turns the base64 text into ASCII bytes at
  // once; decoding from a byte array is then much cheaper than per-character string access.
  const TE = (globalThis as unknown as { TextEncoder?: new () => { encode(s: string): Uint8Array } }).TextEncoder;
  const src: Uint8Array | null = typeof TE === 'function' ? new TE().encode(s) : null;
  const at = src ? (i: number) => src[i]! : (i: number) => s.charCodeAt(i);
  const rev = new Uint8Array(256);
  for (let i = 0; i < 64; i++) rev[B64.charCodeAt(i)] = i;
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let i = 0;
  if (src) {
    for (; i + 4 <= len; i += 4) {
      const v = (rev[src[i]!]! << 18) | (rev[src[i + 1]!]! << 12) | (rev[src[i + 2]!]! << 6) | rev[src[i + 3]!]!;
      out[o++] = v >> 16;
      out[o++] = (v >> 8) & 255;
      out[o++] = v & 255;
    }
  } else {
    for (; i + 4 <= len; i += 4) {
      const v =
        (rev[s.charCodeAt(i)]! << 18) | (rev[s.charCodeAt(i + 1)]! << 12) | (rev[s.charCodeAt(i + 2)]! << 6) | rev[s.charCodeAt(i + 3)]!;
      out[o++] = v >> 16;
      out[o++] = (v >> 8) & 255;
      out[o++] = v & 255;
    }
  }
  const rest = len - i;
  if (rest >= 2) {
    const v = (rev[at(i)]! << 18) | (rev[at(i + 1)]! << 12) | (rest === 3 ? rev[at(i + 2)]! << 6 : 0);
    out[o++] = v >> 16;
    if (rest === 3) out[o] = (v >> 8) & 255;
  }
  return out;
}
