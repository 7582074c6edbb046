/**
 * The tagger's model: hashed-feature weights per label (one set per pass), label transitions,
 * and a word-cluster table; its compact binary form (log-quantized 8-bit weights, delta-coded
 * sorted hashes, base64 in the bundle) and the decoder that builds lookup tables on first use.
 */
import { Gazetteer, type GazEntry } from './gazetteer';
import { NUM_LABELS, constrain } from './labels';

/**
 * How a pass computes its scores: `base` from the token features alone; `full` from the token
 * features plus the document-history features of the previous pass's labels.
 */
export type StageKind = 'base' | 'full';
const KINDS: StageKind[] = ['base', 'full'];

/** One pass's weights. */
export interface WeightSet {
  readonly kind: StageKind;
  /** Open-addressing table: feature hash → row (index into `weights` / NUM_LABELS), `-1` absent. */
  readonly keys: Int32Array;
  readonly rows: Int32Array;
  readonly mask: number;
  readonly weights: Float32Array;
  /** Constrained transitions, `(NUM_LABELS + 1) × NUM_LABELS` (last row: start). */
  readonly trans: Float32Array;
  readonly features: number;
}

export interface NerModel {
  readonly stages: readonly WeightSet[];
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
}

export interface RawModel {
  stages: RawStage[];
  /** Word-form hashes and their cluster codes (leading-1 path codes, < 2^16). */
  clusterHashes: Int32Array;
  clusterCodes: Uint16Array;
  gazetteer: GazEntry[];
  meta: Record<string, unknown>;
}

/** Finds the row of a feature hash, or -1. */
export function lookup(ws: WeightSet, h: number): number {
  const key = h === 0 ? 1 : h;
  const keys = ws.keys;
  const mask = ws.mask;
  let i = key & mask;
  for (;;) {
    const k = keys[i]!;
    if (k === key) return ws.rows[i]!;
    if (k === 0) return -1;
    i = (i + 1) & mask;
  }
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

const MAGIC = [0x4e, 0x45, 0x52, 0x34]; // "NER4"

export interface EncodeOptions {
  /** Weights with |w| below this are dropped (after scaling so that max |w| = 1). */
  threshold: number;
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
  // Gazetteer: entries sorted by first hash (delta varints); a byte of category (4 bits),
  // capital (1 bit) and the number of further tokens (3 bits); then those hashes.
  const gaz = [...m.gazetteer].sort((x, y) => (x.first >>> 0) - (y.first >>> 0) || x.category - y.category);
  w.varint(gaz.length);
  prev = 0;
  for (const e of gaz) {
    const h = e.first >>> 0;
    w.varint(h - prev);
    prev = h;
    w.u8(e.category | (e.capital ? 16 : 0) | (Math.min(e.rest.length, 7) << 5));
    for (let k = 0; k < Math.min(e.rest.length, 7); k++) w.varint(e.rest[k]! >>> 0);
  }
  w.varint(m.stages.length);
  for (const st of m.stages) {
    let max = 0;
    for (const v of st.weights) max = Math.max(max, Math.abs(v));
    const a = (max * opts.threshold) / 2;
    const b = Math.log(max / a + 1) / 127;
    const thr = max * opts.threshold;
    const keep: number[] = [];
    for (let f = 0; f < st.hashes.length; f++) {
      let any = false;
      for (let l = 0; l < NUM_LABELS; l++) if (Math.abs(st.weights[f * NUM_LABELS + l]!) >= thr) any = true;
      if (any) keep.push(f);
    }
    keep.sort((x, y) => (st.hashes[x]! >>> 0) - (st.hashes[y]! >>> 0));
    w.u8(KINDS.indexOf(st.kind));
    w.f32(a);
    w.f32(b);
    w.varint(keep.length);
    prev = 0;
    for (const f of keep) {
      const h = st.hashes[f]! >>> 0;
      w.varint(h - prev);
      prev = h;
    }
    for (const f of keep) {
      let bits = 0;
      const codes: number[] = [];
      for (let l = 0; l < NUM_LABELS; l++) {
        const v = st.weights[f * NUM_LABELS + l]!;
        const c = Math.abs(v) >= thr ? quantize(v, a, b) : 0;
        if (c !== 0) {
          bits |= 1 << l;
          codes.push(c);
        }
      }
      w.varint(bits);
      for (const c of codes) w.u8(c);
    }
    for (const v of st.trans) w.f32(v);
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
  let p = r.n;
  const nc = r.varint();
  p = r.n;
  const ck = new Int32Array(nc);
  let prev = 0;
  for (let i = 0; i < nc; i++) {
    let b = buf[p++]!;
    let v = b & 127;
    let mul = 128;
    while (b >= 128) {
      b = buf[p++]!;
      v += (b & 127) * mul;
      mul *= 128;
    }
    prev += v;
    ck[i] = prev | 0;
  }
  const cv = new Uint16Array(nc);
  for (let i = 0; i < nc; i++, p += 2) cv[i] = buf[p]! | (buf[p + 1]! << 8);
  const cTable = buildTable(ck);
  r.n = p;
  const ng = r.varint();
  const gaz: GazEntry[] = [];
  prev = 0;
  for (let i = 0; i < ng; i++) {
    prev += r.varint();
    const info = r.u8();
    const rest = new Int32Array(info >> 5);
    for (let k = 0; k < rest.length; k++) rest[k] = r.varint() | 0;
    gaz.push({ first: prev | 0, rest, category: info & 15, capital: (info & 16) !== 0 });
  }
  p = r.n;
  r.n = p;
  const nStages = r.varint();
  const stages: WeightSet[] = [];
  for (let s = 0; s < nStages; s++) {
    const kind = KINDS[r.u8()] ?? 'base';
    const a = r.f32();
    const b = r.f32();
    const table = codeTable(a, b);
    const nf = r.varint();
    p = r.n;
    const hashes = new Int32Array(nf);
    prev = 0;
    for (let i = 0; i < nf; i++) {
      let c = buf[p++]!;
      let v = c & 127;
      let mul = 128;
      while (c >= 128) {
        c = buf[p++]!;
        v += (c & 127) * mul;
        mul *= 128;
      }
      prev += v;
      hashes[i] = prev | 0;
    }
    const weights = new Float32Array(nf * NUM_LABELS);
    for (let f = 0; f < nf; f++) {
      // Label mask (17 bits, varint), then one code per set bit, lowest label first.
      let c = buf[p++]!;
      let bits = c & 127;
      let shift = 7;
      while (c >= 128) {
        c = buf[p++]!;
        bits |= (c & 127) << shift;
        shift += 7;
      }
      const base = f * NUM_LABELS;
      while (bits) {
        const l = 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        weights[base + l] = table[buf[p++]!]!;
      }
    }
    r.n = p;
    const trans = new Float32Array((NUM_LABELS + 1) * NUM_LABELS);
    for (let i = 0; i < trans.length; i++) trans[i] = r.f32();
    const t = buildTable(hashes);
    stages.push({ kind, keys: t.keys, rows: t.rows, mask: t.mask, weights, trans: constrain(trans), features: nf });
  }
  return {
    stages,
    clusterCount: nc,
    gazetteer: new Gazetteer(gaz),
    meta,
    cluster(h: number): number {
      const key = h === 0 ? 1 : h;
      let i = key & cTable.mask;
      for (;;) {
        const k = cTable.keys[i]!;
        if (k === key) return cv[cTable.rows[i]!]!;
        if (k === 0) return 0;
        i = (i + 1) & cTable.mask;
      }
    },
  };
}

function buildTable(hashes: Int32Array): { keys: Int32Array; rows: Int32Array; mask: number } {
  let size = 16;
  while (size < hashes.length * 2) size *= 2;
  const keys = new Int32Array(size);
  const rows = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let r = 0; r < hashes.length; r++) {
    const key = hashes[r] === 0 ? 1 : hashes[r]!;
    let i = key & mask;
    while (keys[i] !== 0 && keys[i] !== key) i = (i + 1) & mask;
    keys[i] = key;
    rows[i] = r;
  }
  return { keys, rows, mask };
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
    out += B64[a >> 2]! + B64[((a & 3) << 4) | (b >> 4)]! + (i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)]! : '=') + (i + 2 < bytes.length ? B64[c & 63]! : '=');
    if (out.length >= 4096) {
      parts.push(out);
      out = '';
    }
  }
  parts.push(out);
  return parts.join('');
}

export function fromBase64(s: string): Uint8Array {
  // The host's native decoder when there is one (Node ≥ 16, browsers), else plain JS.
  const native = (globalThis as unknown as { atob?: (s: string) => string }).atob;
  if (typeof native === 'function') {
    const bin = native(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  const rev = new Uint8Array(128);
  for (let i = 0; i < 64; i++) rev[B64.charCodeAt(i)] = i;
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const v = (rev[s.charCodeAt(i)]! << 18) | (rev[s.charCodeAt(i + 1)]! << 12) | (rev[s.charCodeAt(i + 2)]! << 6) | rev[s.charCodeAt(i + 3)]!;
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 255;
    out[o++] = v & 255;
  }
  const rest = len - i;
  if (rest >= 2) {
    const v = (rev[s.charCodeAt(i)]! << 18) | (rev[s.charCodeAt(i + 1)]! << 12) | (rest === 3 ? rev[s.charCodeAt(i + 2)]! << 6 : 0);
    out[o++] = v >> 16;
    if (rest === 3) out[o++] = (v >> 8) & 255;
  }
  return out;
}
