/**
 * Topic analysis benchmark: the reference article warm (budget < 1 ms), a BBC sample, and a 1 MB
 * article built by repeating BBC articles (budget: well under 100 ms, linear in size).
 *   node scripts/run-ts.mjs bench/topics.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { normalizeText } from '../src/core/text';
import { analyzeTopics, type TopicInput } from '../src/core/topics';
import { sharedDir } from '../scripts/shared';

export interface TopicBench {
  /** Reference article: characters, median and fastest warm time per call of `analyzeTopics` (ms). */
  /** CPU time (user + system, all threads) per call of the reference article, and of the big article. */
  seedCpuMs: number;
  bigCpuMs: number;
  seedChars: number;
  seedMs: number;
  seedMinMs: number;
  /** Mean warm time per BBC article (sample). */
  bbcArticles: number;
  bbcMsPerArticle: number;
  /** A ~1 MB article: characters, best-of-7 time, and the time of its first half (linearity check). */
  bigChars: number;
  bigMs: number;
  /** A plain regex word scan of the big article (best of 7), for the ratio. */
  baseMs: number;
  halfMs: number;
  /** Sections found in the big article. */
  bigSections: number;
}

const INVENTED = `Minister hails trade deal with neighbours

The government said on Monday it had agreed a trade deal that cuts tariffs on steel and farm exports, after talks in the capital.

The agreement raises soybean purchases from 12 million tonnes to 20 million tonnes over two years, officials said.

Opposition MPs criticised the deal, saying it would hurt domestic farmers and called for a vote in parliament.`;

function inputOf(text: string): TopicInput {
  const a = analyze(text);
  return { entities: a.entities, groups: a.entityGroups, figures: a.figures, quotes: a.quotes };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Wall-clock time of `fn` in ms. */
function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function readDir(dir: string, limit: number): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const cat of fs.readdirSync(dir).sort()) {
    for (const f of fs
      .readdirSync(path.join(dir, cat))
      .sort()
      .slice(0, Math.ceil(limit / 5)))
      out.push(normalizeText(fs.readFileSync(path.join(dir, cat, f), 'utf8')).text);
  }
  return out.slice(0, limit);
}

export function benchTopics(): TopicBench {
  const seedPath = path.join(sharedDir(), 'corpus', 'seed', 'trump-xi-call.txt');
  const seed = fs.existsSync(seedPath) ? normalizeText(fs.readFileSync(seedPath, 'utf8')).text : INVENTED;
  const seedInput = inputOf(seed);
  for (let i = 0; i < 50; i++) analyzeTopics(seed, seedInput);
  // 30 batches of 20 calls. On a shared machine the slower batches measure waiting for a core, so the
  // fastest batch is reported beside the median.
  const seedTimes: number[] = [];
  for (let b = 0; b < 30; b++)
    seedTimes.push(
      time(() => {
        for (let i = 0; i < 20; i++) analyzeTopics(seed, seedInput);
      }) / 20,
    );

  const bbc = readDir(path.join(sharedDir(), 'corpus', 'news', 'bbc'), 100);
  const bbcInputs = bbc.map(inputOf);
  bbc.forEach((t, i) => analyzeTopics(t, bbcInputs[i]!));
  const bbcTime = time(() => bbc.forEach((t, i) => analyzeTopics(t, bbcInputs[i]!)));

  // A 1 MB article: the sample's bodies one after another under one headline.
  const bodies = (bbc.length ? bbc : [seed]).map((t) => t.slice(t.indexOf('\n\n') + 2));
  let big = 'A very long article\n\n';
  for (let k = 0; big.length < 1_000_000; k++) big += bodies[k % bodies.length] + '\n\n';
  const half = big.slice(0, big.lastIndexOf('\n\n', big.length >> 1));
  const bigInput = inputOf(big);
  const halfInput = inputOf(half);
  // Baseline: a plain regex word scan of the same text, timed alongside (ratios hold on a busy machine).
  let baseMs = Infinity;
  for (let k = 0; k < 7; k++)
    baseMs = Math.min(
      baseMs,
      time(() => {
        const re = /\p{L}+|\p{N}+/gu;
        while (re.exec(big));
      }),
    );
  let bigMs = Infinity;
  let halfMs = Infinity;
  let bigSections = 0;
  for (let k = 0; k < 7; k++) {
    bigMs = Math.min(
      bigMs,
      time(() => (bigSections = analyzeTopics(big, bigInput).sections.length)),
    );
    halfMs = Math.min(
      halfMs,
      time(() => analyzeTopics(half, halfInput)),
    );
  }
  // CPU time of the same work: on a loaded shared machine wall time mostly measures waiting for a core.
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 400; i++) analyzeTopics(seed, seedInput);
  const cpu = process.cpuUsage(cpu0);
  const seedCpuMs = (cpu.user + cpu.system) / 1000 / 400;
  const cpu1 = process.cpuUsage();
  analyzeTopics(big, bigInput);
  const cpuBig = process.cpuUsage(cpu1);
  return {
    seedCpuMs,
    bigCpuMs: (cpuBig.user + cpuBig.system) / 1000,
    seedChars: seed.length,
    seedMs: median(seedTimes),
    seedMinMs: Math.min(...seedTimes),
    bbcArticles: bbc.length,
    bbcMsPerArticle: bbc.length ? bbcTime / bbc.length : 0,
    bigChars: big.length,
    bigMs,
    baseMs,
    halfMs,
    bigSections,
  };
}

if (/(?:^|[\\/])topics\.c?[jt]s$/.test(process.argv[1] ?? '')) {
  const r = benchTopics();
  console.log(
    `topics: reference article (${r.seedChars} chars) ${r.seedMs.toFixed(3)} ms warm (median of 30 ` +
      `batches of 20 calls; fastest batch ${r.seedMinMs.toFixed(3)} ms; budget < 1 ms)`,
  );
  console.log(
    `topics: CPU time: reference article ${r.seedCpuMs.toFixed(3)} ms per call, 1 MB ` +
      `article ${r.bigCpuMs.toFixed(1)} ms (includes GC threads)`,
  );
  console.log(`topics: BBC ${r.bbcMsPerArticle.toFixed(3)} ms per article (mean of ${r.bbcArticles}, warm)`);
  console.log(
    `topics: ${(r.bigChars / 1e6).toFixed(2)} MB article ${r.bigMs.toFixed(1)} ms best of 7 ` +
      `(${r.bigSections} sections; ${(r.bigMs / r.baseMs).toFixed(1)} × a plain regex word scan of ` +
      `it, ${r.baseMs.toFixed(1)} ms); its first half ${r.halfMs.toFixed(1)} ms ` +
      `(ratio ${(r.bigMs / r.halfMs).toFixed(2)}, 2.0 = linear)`,
  );
}
