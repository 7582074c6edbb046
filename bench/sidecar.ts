/**
 * Annotation files: size and write time for a 1 MB article, read time, and the largest file the
 * writer can produce for the editor's largest article (10 MB) read back by `check` in a fresh process
 * (time and peak memory).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { annotationsFromAnalysis, type Annotation } from '../src/core/sidecar/model';
import { loadSidecar, sidecarSource } from '../src/core/sidecar/session';
import { serializeSidecar, sidecarByteLimit, textHash } from '../src/core/sidecar/yaml';

function best(rounds: number, fn: () => void): number {
  let b = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    b = Math.min(b, performance.now() - t0);
  }
  return b;
}

export interface SidecarBench {
  articleChars: number;
  annotations: number;
  bytes: number;
  writeMs: number;
  readMs: number;
}

/** Write and read times of the annotation file of `text` (one in twenty suggestions decided, as in a reviewed article). */
export function benchSidecarFile(text: string): SidecarBench {
  const a = analyze(text);
  const anns = annotationsFromAnalysis(a);
  anns.forEach((x, i) => {
    if (i % 20 === 0) x.status = i % 40 === 0 ? 'accepted' : 'rejected';
  });
  let src = '';
  const writeMs = best(5, () => (src = sidecarSource('big.txt', a, anns)));
  const readMs = best(3, () => {
    const r = loadSidecar(src, text);
    if (r.problem) throw new Error(r.problem.message);
  });
  return { articleChars: text.length, annotations: anns.length, bytes: Buffer.byteLength(src), writeMs, readMs };
}

export interface LargestBench {
  bytes: number;
  limit: number;
  annotations: number;
  checkS: number;
  rssMB: number;
  ok: boolean;
}

/**
 * The largest annotation file the writer produces for a 10 MB article: every word of the text a
 * suggestion (denser than any analysis), written with the article's limit, then read by `check` (the
 * full reader, the offsets verified) in a fresh process.
 */
export function benchLargestSidecar(cli: string, articleChars = 10_000_000): LargestBench {
  const words = ['Porto', 'Vellano', 'Ferraro', 'Benedetti', 'Harbourline', 'Rome', 'Monday', 'union', 'strike'];
  let text = '';
  for (let i = 0; text.length < articleChars; i++) text += words[i % words.length] + (i % 12 === 11 ? '.\n' : ' ');
  const anns: Annotation[] = [];
  for (let m, re = /\S+?(?=[ .\n])/g; (m = re.exec(text));) {
    const i = anns.length;
    anns.push({
      id: `e${i.toString(16).padStart(10, '0')}`,
      kind: 'entity',
      type: 'PER',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      prefix: '',
      suffix: '',
      status: i % 50 ? 'suggested' : 'accepted',
      origin: 'model',
      anchor: 'ok',
    });
  }
  const limit = sidecarByteLimit(text.length);
  const src = serializeSidecar({ article: 'largest.txt', textHash: textHash(text), subjects: [], sections: [], annotations: anns }, limit);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-largest-'));
  fs.writeFileSync(path.join(dir, 'largest.txt'), text);
  fs.writeFileSync(path.join(dir, 'largest.annotations.yaml'), src);
  const child =
    `const t0=Date.now();` +
    `process.argv=[process.argv[0],${JSON.stringify(cli)},'check','-q',process.argv[1]];` +
    `process.on('exit',(c)=>require('fs').writeSync(2,'\\n'+` +
    `JSON.stringify({rssMB:process.resourceUsage().maxRSS/1024,s:(Date.now()-t0)/1000,code:process.exitCode??c})+'\\n'));` +
    `require(${JSON.stringify(cli)});`;
  const r = spawnSync(process.execPath, ['-e', child, path.join(dir, 'largest.txt')], { encoding: 'utf8', maxBuffer: 1 << 26 });
  fs.rmSync(dir, { recursive: true, force: true });
  const m = JSON.parse(r.stderr.trim().split('\n').pop()!) as { rssMB: number; s: number; code: number };
  const kept = src.split('\n').filter((l) => l.startsWith('  - {id:')).length;
  return { bytes: Buffer.byteLength(src), limit, annotations: kept, checkS: m.s, rssMB: m.rssMB, ok: m.code === 0 };
}
