/**
 * Figures throughput on the BBC articles (single thread): `findFigures` on each article as the
 * editor and CLI call it, after one warm-up pass; best of a few passes. Runs standalone:
 *   node scripts/run-ts.mjs bench/figures.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { findFigures } from '../src/core/figures';
import { normalizeText } from '../src/core/text';
import { sharedPath } from '../scripts/shared';

export interface FiguresBench {
  name: string;
  files: number;
  chars: number;
  figures: number;
  /** Best pass, wall-clock seconds. */
  seconds: number;
  /** chars / best wall-clock pass. */
  charsPerSec: number;
  /** chars / CPU time of the process per pass (user + system, best pass): steadier on a shared, loaded machine. */
  charsPerCpuSec: number;
}

/** Reads the BBC texts (normalized), or null when the shared data is missing. */
export function loadBbc(): string[] | null {
  const dir = sharedPath('corpus', 'news', 'bbc');
  if (!dir) return null;
  const out: string[] = [];
  for (const cat of fs.readdirSync(dir).sort()) {
    const d = path.join(dir, cat);
    if (!fs.statSync(d).isDirectory()) continue;
    for (const f of fs.readdirSync(d).sort())
      if (f.endsWith('.txt')) out.push(normalizeText(fs.readFileSync(path.join(d, f), 'utf8')).text);
  }
  return out;
}

export function benchFigures(passes = 5): FiguresBench | null {
  const texts = loadBbc();
  if (!texts) return null;
  const chars = texts.reduce((n, t) => n + t.length, 0);
  let figures = 0;
  for (const t of texts) figures += findFigures(t, { articleDate: '2005-06-01', articleDateSource: 'file' }).figures.length;
  let best = Infinity;
  let bestCpu = Infinity;
  for (let p = 0; p < passes; p++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const t of texts) findFigures(t, { articleDate: '2005-06-01', articleDateSource: 'file' });
    best = Math.min(best, (performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
  }
  return {
    name: 'figures (BBC)',
    files: texts.length,
    chars,
    figures,
    seconds: best,
    charsPerSec: chars / best,
    charsPerCpuSec: chars / bestCpu,
  };
}

if (/(?:^|[\\/])figures\.c?js$/.test(process.argv[1] ?? '')) {
  const r = benchFigures();
  if (!r) process.exit(0);
  console.log(
    `${r.name}: ${r.files} files, ${(r.chars / 1e6).toFixed(2)}M chars, ${r.figures} figures, best ` +
      `pass ${(r.seconds * 1000).toFixed(0)} ms → ${(r.charsPerSec / 1e6).toFixed(1)}M chars/s ` +
      `wall, ${(r.charsPerCpuSec / 1e6).toFixed(1)}M chars/s per CPU-second`,
  );
}
