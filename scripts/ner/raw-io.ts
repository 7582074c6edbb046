/** Saves / loads an unquantized model (training cache under `.cache/`, never shipped). */
import fs from 'node:fs';
import { Gazetteer } from '../../src/core/ner/gazetteer';
import type { RawModel, StageKind } from '../../src/core/ner/model';

export function saveRaw(file: string, m: RawModel): void {
  const parts: Buffer[] = [];
  const g = m.gazetteer;
  const header = JSON.stringify({
    gazetteer: { firsts: [...g.firsts], info: [...g.info], restOff: [...g.restOff], rest: [...g.rest] },
    meta: m.meta,
    stages: m.stages.map((s) => ({ kind: s.kind, n: s.hashes.length, t: s.trans.length, c: !!s.counts })),
    clusters: m.clusterHashes.length,
  });
  const hb = Buffer.from(header);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(hb.length);
  parts.push(len, hb);
  const raw = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  for (const s of m.stages) {
    parts.push(raw(s.hashes), raw(s.weights), raw(s.trans));
    if (s.counts) parts.push(raw(s.counts));
  }
  parts.push(raw(m.clusterHashes), raw(m.clusterCodes));
  fs.writeFileSync(file, Buffer.concat(parts));
}

export function loadRaw(file: string): RawModel {
  const b = fs.readFileSync(file);
  const hl = b.readUInt32LE(0);
  const h = JSON.parse(b.subarray(4, 4 + hl).toString()) as {
    gazetteer: { firsts: number[]; info: number[]; restOff: number[]; rest: number[] } | [number, number[], number, boolean][];
    meta: Record<string, unknown>;
    stages: { kind: StageKind; n: number; t: number; c?: boolean }[];
    clusters: number;
  };
  let p = 4 + hl;
  const take = (bytes: number) => {
    const ab = new ArrayBuffer(bytes);
    new Uint8Array(ab).set(b.subarray(p, p + bytes));
    p += bytes;
    return ab;
  };
  const stages = h.stages.map((s) => {
    const st = {
      kind: s.kind,
      hashes: new Int32Array(take(s.n * 4)),
      weights: new Float32Array(take(s.n * 17 * 4)),
      trans: new Float32Array(take(s.t * 4)),
    };
    return s.c ? { ...st, counts: new Int32Array(take(s.n * 4)) } : st;
  });
  const clusterHashes = new Int32Array(take(h.clusters * 4));
  const clusterCodes = new Uint16Array(take(h.clusters * 2));
  const g = h.gazetteer;
  // Older caches stored entries; pack them.
  const gazetteer = Array.isArray(g)
    ? Gazetteer.fromEntries(
        g.map(([first, rest, category, capital]) => ({ first, rest: Int32Array.from(rest), category, capital })),
      ).packed()
    : {
        firsts: Int32Array.from(g.firsts),
        info: Uint8Array.from(g.info),
        restOff: Int32Array.from(g.restOff),
        rest: Int32Array.from(g.rest),
      };
  return { stages, clusterHashes, clusterCodes, gazetteer, meta: h.meta };
}
