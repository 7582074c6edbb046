/**
 * npm run bench — throughput and sizes, each with a baseline measured in the same run (a plain regex
 * word tokenizer over the same text) so that ratios hold on a noisy machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { repoRoot, sharedDir } from '../scripts/shared';
import { benchKeystroke } from './keystroke';

const root = repoRoot();

function readDirTexts(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt')) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** Runs `fn` over the texts repeatedly for at least `ms`; returns chars per second. */
function throughput(texts: string[], fn: (t: string) => unknown, ms = 1500): number {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  for (const t of texts) fn(t); // warm-up
  let done = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    for (const t of texts) fn(t);
    done += chars;
  }
  return done / ((performance.now() - t0) / 1000);
}

function baseline(t: string): number {
  let n = 0;
  const re = /\p{L}+|\p{N}+/gu;
  while (re.exec(t)) n++;
  return n;
}

const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : `${(x / 1e3).toFixed(0)}k`);

function report(name: string, texts: string[]): void {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const base = throughput(texts, baseline);
  const pipe = throughput(texts, (t) => analyze(t));
  console.log(`${name}: ${texts.length} articles, ${fmt(chars)} chars`);
  console.log(`  baseline regex tokenizer   ${fmt(base)} chars/s`);
  console.log(`  analyze (whole pipeline)   ${fmt(pipe)} chars/s  (${(pipe / base).toFixed(3)} × baseline)`);
}

const samples = readDirTexts(path.join(root, 'samples'));
report('samples', samples);

const seedPath = path.join(sharedDir(), 'corpus/seed/trump-xi-call.txt');
if (fs.existsSync(seedPath)) {
  const seed = fs.readFileSync(seedPath, 'utf8');
  for (let i = 0; i < 50; i++) analyze(seed);
  const runs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    analyze(seed);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(`seed article (warm): median ${runs[100]!.toFixed(2)} ms, p95 ${runs[190]!.toFixed(2)} ms`);
} else console.log(`seed article: skipped (${seedPath} not found)`);

const bbc = path.join(sharedDir(), 'corpus/news/bbc');
if (fs.existsSync(bbc)) report('BBC', readDirTexts(bbc));
else console.log(`BBC: skipped (${bbc} not found; set NEWS_ANNOTATOR_SHARED)`);

{
  // A 1 MB article made of the sample articles, repeated.
  let big = '';
  for (let i = 0; big.length < 1_000_000; i++) big += samples[i % samples.length] + '\n\n';
  const k = benchKeystroke(big);
  console.log(`keystroke → decoration ranges, ${fmt(k.chars)} chars, ${k.annotations} annotations: p50 ${k.p50.toFixed(2)} ms, p95 ${k.p95.toFixed(2)} ms, max ${k.max.toFixed(2)} ms`);
}

for (const f of ['dist/extension.js', 'dist/cli.js']) {
  const p = path.join(root, f);
  console.log(`${f}: ${fs.existsSync(p) ? `${(fs.statSync(p).size / 1024).toFixed(0)} kB` : 'not built (npm run build)'}`);
}
