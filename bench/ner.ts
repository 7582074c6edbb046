/**
 * Entity-tagger benchmark: cold model init (a fresh process), tagging throughput on news text
 * (wall and CPU time, and as a ratio to a plain regex tokenizer measured in the same run, so
 * that figures hold on a busy machine), and what the model adds to the bundle.
 *
 *   node scripts/run-ts.mjs bench/ner.ts          (or import { benchNer } from './ner')
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { recognizeEntities, shippedModel } from '../src/core/ner';
import { NER_MODEL } from '../src/core/ner/model-data';
import { repoRoot, sharedDir } from '../scripts/shared';

export interface NerBench {
  /** Cold start in a fresh process: decoding the shipped model (median of runs), ms. */
  initMs: number;
  /** Same, CPU time of that process (includes the JIT's helper threads), ms. */
  initCpuMs: number;
  /** First `recognizeEntities` call in a fresh process, model init included, ms. */
  firstCallMs: number;
  /** Tagging throughput on news text, characters per second (wall clock / CPU time). */
  charsPerSec: number;
  cpuCharsPerSec: number;
  /** A regex word tokenizer over the same text in the same run, chars/s (for the ratio). */
  baselineCharsPerSec: number;
  corpus: string;
  corpusChars: number;
  /** Model size: raw bytes, and as shipped (base64 in the bundle). */
  modelBytes: number;
  modelBase64Bytes: number;
  /** Minified bytes of the model (dist/ner-model.js), and of all of src/core/ner. */
  bundleModelBytes: number;
  bundleNerBytes: number;
  features: number[];
  clusterWords: number;
}

const root = repoRoot();
// esbuild is loaded at run time (not bundled into this script): it locates its own binary.
const { buildSync } = createRequire(path.join(root, 'package.json'))('esbuild') as typeof import('esbuild');

function newsTexts(): { name: string; texts: string[] } {
  const out: string[] = [];
  const bbc = path.join(sharedDir(), 'corpus', 'news', 'bbc');
  if (fs.existsSync(bbc)) {
    for (const cat of fs.readdirSync(bbc).sort()) {
      const dir = path.join(bbc, cat);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const f of fs.readdirSync(dir).sort()) out.push(fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r\n?/g, '\n'));
    }
    return { name: 'BBC news', texts: out };
  }
  const seed = path.join(sharedDir(), 'corpus', 'seed', 'trump-xi-call.txt');
  if (fs.existsSync(seed)) return { name: 'seed article', texts: [fs.readFileSync(seed, 'utf8')] };
  return {
    name: 'built-in sample',
    texts: ['U.S. President Donald Trump spoke with Chinese President Xi Jinping on Wednesday about trade, Taiwan and Boeing.\n'],
  };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function throughput(texts: string[], fn: (t: string) => unknown, ms: number): { wall: number; cpu: number } {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  for (const t of texts) fn(t);
  let done = 0;
  const t0 = performance.now();
  const c0 = cpuMs();
  while (performance.now() - t0 < ms) {
    for (const t of texts) fn(t);
    done += chars;
  }
  return { wall: done / ((performance.now() - t0) / 1000), cpu: done / ((cpuMs() - c0) / 1000) };
}

function baseline(t: string): number {
  let n = 0;
  const re = /\p{L}+|\p{N}+/gu;
  while (re.exec(t)) n++;
  return n;
}

/** Cold init measured in fresh processes (the core bundled on its own). */
function coldInit(runs: number): { initMs: number; initCpuMs: number; firstCallMs: number } {
  const dir = path.join(root, '.cache', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'ner-cold.ts');
  const rel = path
    .relative(dir, path.join(root, 'src', 'core', 'ner'))
    .split(path.sep)
    .join('/');
  fs.writeFileSync(
    entry,
    `import { recognizeEntities, shippedModel } from '${rel}';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const c0 = cpu(); const t0 = performance.now();
shippedModel();
const t1 = performance.now(); const c1 = cpu();
recognizeEntities('U.S. President Donald Trump held a call with Chinese President Xi Jinping.');
const t2 = performance.now();
console.log(JSON.stringify({ initMs: t1 - t0, initCpuMs: c1 - c0, firstCallMs: t2 - t0 }));
`,
  );
  const outfile = path.join(dir, 'ner-cold.cjs');
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    minify: true,
    logLevel: 'warning',
  });
  const rows: { initMs: number; initCpuMs: number; firstCallMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
    if (r.status === 0) rows.push(JSON.parse(r.stdout.trim()));
  }
  const med = (f: (x: (typeof rows)[0]) => number) => {
    const v = rows.map(f).sort((a, b) => a - b);
    return v.length ? v[v.length >> 1]! : NaN;
  };
  return { initMs: med((x) => x.initMs), initCpuMs: med((x) => x.initCpuMs), firstCallMs: med((x) => x.firstCallMs) };
}

/** Minified bytes of the model and of the NER code, bundled whole (dist/ builds the model apart: dist/ner-model.js). */
function bundleBytes(): { model: number; ner: number } {
  const r = buildSync({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    write: false,
    metafile: true,
    outfile: path.join(root, '.cache', 'bench', 'cli.js'),
    logLevel: 'silent',
  });
  const out = Object.values(r.metafile!.outputs).find((o) => o.entryPoint);
  let model = 0;
  let ner = 0;
  for (const [file, info] of Object.entries(out?.inputs ?? {})) {
    if (file.endsWith('src/core/ner/model-data.ts')) model += info.bytesInOutput;
    if (file.includes('src/core/ner/')) ner += info.bytesInOutput;
  }
  return { model, ner };
}

function base64Bytes(s: string): number {
  return Math.floor((s.replace(/=+$/, '').length * 3) / 4);
}

/** Runs the benchmark; `ms` is the duration of each throughput measurement. */
export function benchNer(ms = 3000): NerBench {
  const cold = coldInit(5);
  const { name, texts } = newsTexts();
  const model = shippedModel();
  const base = throughput(texts, baseline, ms);
  const tag = throughput(texts, (t) => recognizeEntities(t), ms);
  const sizes = bundleBytes();
  return {
    ...cold,
    charsPerSec: tag.wall,
    cpuCharsPerSec: tag.cpu,
    baselineCharsPerSec: base.wall,
    corpus: name,
    corpusChars: texts.reduce((n, t) => n + t.length, 0),
    modelBytes: base64Bytes(NER_MODEL),
    modelBase64Bytes: NER_MODEL.length,
    bundleModelBytes: sizes.model,
    bundleNerBytes: sizes.ner,
    features: model.stages.map((s) => s.features),
    clusterWords: model.clusterCount,
  };
}

/** One-line-per-figure report. */
export function formatNerBench(b: NerBench): string {
  const m = (x: number) => `${(x / 1e6).toFixed(2)}M`;
  return [
    `NER cold init: ${b.initMs.toFixed(1)} ms wall, ${b.initCpuMs.toFixed(1)} ms CPU (model decode, ` +
      `fresh process, median of 5); first call ${b.firstCallMs.toFixed(1)} ms`,
    `NER tagging on ${b.corpus} (${m(b.corpusChars)} chars): ${m(b.charsPerSec)} chars/s ` +
      `wall, ${m(b.cpuCharsPerSec)} chars/s CPU; regex tokenizer ${m(b.baselineCharsPerSec)} chars/s ` +
      `(ratio ${(b.charsPerSec / b.baselineCharsPerSec).toFixed(3)})`,
    `NER model: ${b.modelBytes} bytes (${b.modelBase64Bytes} as base64); minified: ` +
      `model ${(b.bundleModelBytes / 1024).toFixed(0)} kB, all of ` +
      `src/core/ner ${(b.bundleNerBytes / 1024).toFixed(0)} kB; features ${b.features.join(' + ')}, ` +
      `cluster words ${b.clusterWords}`,
  ].join('\n');
}

if (/(?:^|[\\/])ner\.c?[jt]s$/.test(process.argv[1] ?? '')) console.log(formatNerBench(benchNer()));
