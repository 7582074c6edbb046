/**
 * npm run bench — every speed and size figure of the product in one run. Throughputs come with a
 * baseline measured in the same run on the same text (a plain regex word tokenizer), so the ratios
 * hold on a noisy machine. Budgets are in the issues; this prints, it does not assert.
 *   npm run bench [-- --quick]     (--quick skips the slow parts: 10 MB memory, index, CLI runs)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { linkEntities } from '../src/core/entities/link';
import { findFigures } from '../src/core/figures';
import { recognizeEntities } from '../src/core/ner';
import { findQuotes } from '../src/core/quotes';
import { normalizeText } from '../src/core/text';
import { analyzeTopics } from '../src/core/topics';
import { repoRoot, sharedDir } from '../scripts/shared';
import { PATHOLOGIES } from '../test/unit/pathological';
import { measureScaling, peakMemoryOf } from '../test/unit/scaling-harness';
import { benchActivation } from './activation';
import { benchHover, benchIndex } from './hover';
import { benchKeystroke } from './keystroke';
import { benchNer } from './ner';
import { benchLargestSidecar, benchSidecarFile } from './sidecar';

const root = repoRoot();
const quick = process.argv.includes('--quick');
const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : `${(x / 1e3).toFixed(0)}k`);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const kb = (f: string) =>
  fs.existsSync(path.join(root, f)) ? `${(fs.statSync(path.join(root, f)).size / 1024).toFixed(0)} kB` : 'not built';

function readDirTexts(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt') && !e.name.endsWith('.annotations.yaml')) out.push(normalizeText(fs.readFileSync(p, 'utf8')).text);
    }
  };
  walk(dir);
  return out;
}

/** Best of a few timed rounds of `fn` over all texts, in chars/s. */
function throughput(texts: readonly string[], fn: (t: string, i: number) => unknown, rounds = 3): number {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  texts.forEach((t, i) => fn(t, i)); // warm-up
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    texts.forEach((t, i) => fn(t, i));
    best = Math.min(best, performance.now() - t0);
  }
  return chars / (best / 1000);
}

function baseline(t: string): number {
  let n = 0;
  const re = /\p{L}+|\p{N}+/gu;
  while (re.exec(t)) n++;
  return n;
}

const bbcDir = path.join(sharedDir(), 'corpus/news/bbc');
const haveBbc = fs.existsSync(bbcDir);
const corpus = haveBbc ? readDirTexts(bbcDir) : readDirTexts(path.join(root, 'samples'));
const corpusName = haveBbc ? `BBC (${corpus.length} articles)` : 'samples (no ../shared)';
console.log(
  `News Annotator benchmark — ${new Date().toISOString().slice(0, 16)} — ${os.cpus().length} cores, ` +
    `load ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}`,
);

// 1. Throughput of each analyzer and of the whole pipeline, against the baseline.
{
  const chars = corpus.reduce((n, t) => n + t.length, 0);
  console.log(`\nThroughput on ${corpusName}, ${fmt(chars)} chars, single thread (best of 3 rounds):`);
  const base = throughput(corpus, baseline);
  const found = corpus.map((t) => recognizeEntities(t));
  const linked = corpus.map((t, i) => linkEntities(t, found[i]!));
  const figs = corpus.map((t) => findFigures(t, { articleDate: '2026-01-01' }).figures);
  const quotes = corpus.map((t, i) => findQuotes(t, linked[i]!.mentions, linked[i]!.groups));
  const rows: [string, number][] = [
    ['baseline regex tokenizer', base],
    ['entities (tagger)', throughput(corpus, (t) => recognizeEntities(t))],
    ['name linking', throughput(corpus, (t, i) => linkEntities(t, found[i]!))],
    ['figures', throughput(corpus, (t) => findFigures(t, { articleDate: '2026-01-01' }))],
    ['quotes', throughput(corpus, (t, i) => findQuotes(t, linked[i]!.mentions, linked[i]!.groups))],
    [
      'topics',
      throughput(corpus, (t, i) =>
        analyzeTopics(t, { entities: linked[i]!.mentions, groups: linked[i]!.groups, figures: figs[i]!, quotes: quotes[i]! }),
      ),
    ],
    ['figures + quotes', throughput(corpus, (t, i) => (findFigures(t, {}), findQuotes(t, linked[i]!.mentions, linked[i]!.groups)))],
    ['whole pipeline (analyze)', throughput(corpus, (t) => analyze(t))],
  ];
  for (const [name, v] of rows)
    console.log(
      `  ${name.padEnd(28)} ${fmt(v).padStart(8)} chars/s  ${name.startsWith('baseline') ? '' : `(${(v / base).toFixed(3)} × baseline)`}`,
    );
}

// 2. The reference article, warm.
{
  const seedPath = path.join(sharedDir(), 'corpus/seed/trump-xi-call.txt');
  if (fs.existsSync(seedPath)) {
    const seed = normalizeText(fs.readFileSync(seedPath, 'utf8')).text;
    for (let i = 0; i < 50; i++) analyze(seed);
    const runs: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      analyze(seed);
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    console.log(`\nReference article (${seed.length} chars), warm: median ${ms(runs[100]!)}, p95 ${ms(runs[190]!)}`);
  } else console.log('\nReference article: skipped (../shared not found)');
}

// 2b. Pathological inputs (test/unit/pathological.ts): the whole pipeline at n and 4n, as the scaling
// suite measures it but on larger inputs (4× its sizes; --quick: its sizes).
{
  const scale = quick ? 1 : 4;
  console.log(`\nPathological inputs, whole pipeline (analyze), CPU time best of 3 (×4 = linear; the scaling suite allows ×6):`);
  for (const p of PATHOLOGIES) {
    const small = p.make(scale * p.n);
    const large = p.make(4 * scale * p.n);
    let peak = 0;
    const s = measureScaling(
      small,
      large,
      (x) => x.length,
      (x) => analyze(normalizeText(x).text),
      { warmups: 1, minMs: 25, onFirstLarge: (call) => (peak = peakMemoryOf(call).peak) },
    );
    const each = s.reps > 1 ? ` (${s.reps} calls)` : '';
    console.log(
      `  ${p.name.padEnd(26)} ${fmt(s.n).padStart(5)}: ${ms(s.t1).padStart(8)}${each} ` +
        ` ${fmt(s.n4).padStart(5)}: ${ms(s.t4).padStart(8)}  ×${s.ratio.toFixed(2)}  ` +
        `peak ${(peak / 1048576).toFixed(0)} MB at 4n (${(peak / s.n4).toFixed(0)} B/char)`,
    );
  }
}

// 3. Cold start: the extension's activation and the tagger's model.
{
  const act = benchActivation(path.join(root, 'dist/extension.js'));
  console.log(
    `\nActivation (fresh process, median of 5): load ${ms(act.loadMs)} + activate ${ms(act.activateMs)} ` +
      `= ${ms(act.loadMs + act.activateMs)}`,
  );
  const ner = benchNer(1000);
  console.log(
    `Entity model cold init (fresh process, median): ${ms(ner.initMs)}; first ` +
      `call ${ms(ner.firstCallMs)}; model ${(ner.modelBytes / 1024).toFixed(0)} kB ` +
      `(${(ner.bundleNerBytes / 1024).toFixed(0)} kB of bundle with the tagger)`,
  );
}

// 4. Editing: keystroke → decoration ranges on a 1 MB article; hover on a 1 MB article.
{
  let big = '';
  for (let i = 0; big.length < 1_000_000; i++) big += corpus[i % corpus.length] + '\n\n';
  const k = benchKeystroke(big);
  console.log(
    `\nKeystroke → decoration ranges, 1 MB article (${k.annotations} annotations, adapter work replayed ` +
      `in Node): p50 ${ms(k.p50)}, p95 ${ms(k.p95)}, max ${ms(k.max)}`,
  );
  const h = benchHover();
  console.log(
    `Hover on a 1 MB article (${h.annotations} annotations): median ${ms(h.warm.median)}, ` +
      `p95 ${ms(h.warm.p95)}; first after an edit ${ms(h.coldMs)}`,
  );
  const sc = benchSidecarFile(big.slice(0, 1_000_000));
  console.log(
    `Annotation file of a 1 MB article (${sc.annotations} annotations): ${(sc.bytes / 1e6).toFixed(2)} ` +
      `MB (${(sc.bytes / sc.articleChars).toFixed(2)} bytes per character), written in ${ms(sc.writeMs)}, ` +
      `read and placed in ${ms(sc.readMs)} (best of 5 / 3)`,
  );
}

if (!quick) {
  // 5. Peak memory for a 10 MB article (fresh process: the whole pipeline on one 10 MB text).
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'na-bench-'));
  const tenMb = path.join(tmp, 'ten-mb.txt');
  let ten = '';
  for (let i = 0; ten.length < 10_000_000; i++) ten += corpus[i % corpus.length] + '\n\n';
  fs.writeFileSync(tenMb, ten);
  // The CLI in a child process (its main thread and the worker it gives a long article), peak RSS at exit.
  const child =
    `const t0=Date.now();` +
    `process.argv=[process.argv[0],${JSON.stringify(path.join(root, 'dist/cli.js'))},'analyze','--json',process.argv[1]];` +
    `process.on('exit',()=>require('fs').writeSync(2,'\\n'+` +
    `JSON.stringify({rssMB:process.resourceUsage().maxRSS/1024,s:(Date.now()-t0)/1000})+'\\n'));` +
    `require(${JSON.stringify(path.join(root, 'dist/cli.js'))});`;
  const r = spawnSync(process.execPath, ['-e', child, tenMb], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  try {
    const m = JSON.parse(r.stderr.trim().split('\n').pop()!) as { rssMB: number; s: number };
    console.log(
      `\n10 MB article through the CLI (analyze --json, fresh process): peak memory (max ` +
        `RSS) ${m.rssMB.toFixed(0)} MB, ${m.s.toFixed(1)} s`,
    );
  } catch {
    console.log(`\n10 MB article: failed (${r.stderr.slice(0, 200)})`);
  }

  // The largest annotation file the writer produces for a 10 MB article, read back in a fresh process.
  const lg = benchLargestSidecar(path.join(root, 'dist/cli.js'));
  console.log(
    `Largest annotation file for a 10 MB article (${lg.annotations} annotations, ` +
      `limit ${(lg.limit / 1e6).toFixed(1)} MB): ${(lg.bytes / 1e6).toFixed(1)} MB, ` +
      `check ${lg.ok ? 'passes' : 'FAILS'} in ${lg.checkS.toFixed(2)} s, peak ` +
      `memory ${lg.rssMB.toFixed(0)} MB`,
  );

  // 6. The CLI over the BBC folder, all cores and one.
  if (haveBbc) {
    // Default threads (one per core), then one; best of two runs each (the machine is noisy).
    for (const threads of [...new Set([os.availableParallelism(), 1])]) {
      let best = Infinity;
      for (let r = 0; r < 2; r++) {
        const t0 = performance.now();
        execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'analyze', '--json', `--threads=${threads}`, bbcDir], {
          maxBuffer: 1 << 30,
        });
        best = Math.min(best, performance.now() - t0);
      }
      console.log(
        `CLI analyze --json on the BBC folder (${corpus.length} files), ${threads} ` +
          `thread${threads > 1 ? 's' : ''}${threads === os.availableParallelism() ? ' (default)' : ''}: ${(best / 1000).toFixed(2)} ` +
          `s wall (best of 2)`,
      );
    }
    // 7. The workspace index of the BBC folder.
    const ix = benchIndex();
    if (ix)
      console.log(
        `Workspace index of the BBC folder: ${(ix.buildMs / 1000).toFixed(2)} s, ${ix.articles} articles, ` +
          `heap kept ${ix.heapMB.toFixed(1)} MB`,
      );
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

console.log(
  `\nBundles: dist/extension.js ${kb('dist/extension.js')} (loaded at activation), ` +
    `dist/analysis.js ${kb('dist/analysis.js')} (on the first article), dist/cli.js ${kb('dist/cli.js')}, ` +
    `dist/ner-model.js ${kb('dist/ner-model.js')} (the entity model, loaded by the analysis bundle and the CLI)`,
);
