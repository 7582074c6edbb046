/**
 * Figure evaluation.
 *  1. The hand-labelled gold set of invented sentences (test/fixtures/figures-gold.txt): precision,
 *     recall and F1 per kind (exact span and kind), and value accuracy (value, unit and range of
 *     the matched figures). Every miss, false positive and wrong value is listed.
 *  2. When the shared BBC folder is present: figures per kind, dates resolved/unresolved, chars/s,
 *     and a random sample of 30 hits to eyeball (printed only).
 *  3. When the shared world newswire dev half is present: money recall and precision and date
 *     recall per region (`scripts/eval-figures-world.ts`, which lists the misses when run alone).
 *   npm run eval:figures [-- --seed N] [-- --quiet]
 */
import path from 'node:path';
import { benchFigures, loadBbc } from '../bench/figures';
import { findFigures, resolveArticleDate } from '../src/core/figures';
import { FIGURE_KINDS, type Figure } from '../src/core/types';
import { evalWorldFigures } from './eval-figures-world';
import { loadGold, sameValue, type GoldFigure } from './figures-gold';
import { repoRoot } from './shared';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const seedArg = args.indexOf('--seed');
let seed = seedArg >= 0 ? Number(args[seedArg + 1]) : Date.now() % 100000;

function evaluate(title: string, file: string): void {
  const cases = loadGold(file);
  const per: Record<string, { gold: number; pred: number; tp: number }> = {};
  for (const k of FIGURE_KINDS) per[k] = { gold: 0, pred: 0, tp: 0 };
  let matched = 0;
  let rightValue = 0;
  const errors: string[] = [];
  for (const c of cases) {
    const { figures } = findFigures(c.text, c.options);
    for (const g of c.figures) per[g.kind]!.gold++;
    for (const p of figures) per[p.kind]!.pred++;
    for (const g of c.figures) {
      const p = figures.find((f) => f.start === g.start && f.end === g.end && f.kind === g.kind);
      if (!p) {
        const near = figures.find((f) => f.start < g.end && g.start < f.end);
        errors.push(`line ${c.line} MISS  ${show(g)}${near ? `   (got ${show(near)})` : ''}`);
        continue;
      }
      per[g.kind]!.tp++;
      matched++;
      if (sameValue(p.value, g.value) && p.unit === g.unit && sameValue(p.valueMax, g.valueMax)) rightValue++;
      else
        errors.push(
          `line ${c.line} VALUE ${show(g)}   got ${JSON.stringify(p.value)} ` +
            `${p.unit ?? '-'}${p.valueMax !== undefined ? ` max ${p.valueMax}` : ''}${p.note ? `   (${p.note})` : ''}`,
        );
    }
    for (const p of figures) {
      if (
        !c.figures.some((g) => g.start === p.start && g.end === p.end && g.kind === p.kind) &&
        !c.figures.some((g) => g.start < p.end && p.start < g.end)
      ) {
        errors.push(`line ${c.line} FALSE ${show(p)}   in: ${c.text}`);
      }
    }
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '—').padStart(6);
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  console.log(
    `${title}: ${cases.length} sentences, ${Object.values(per).reduce((n, x) => n + x.gold, 0)} figures ` +
      `(${cases.filter((c) => !c.figures.length).length} trap sentences with none)\n`,
  );
  console.log('kind       gold  pred    tp      P      R     F1');
  let G = 0,
    P = 0,
    T = 0;
  for (const k of FIGURE_KINDS) {
    const x = per[k]!;
    G += x.gold;
    P += x.pred;
    T += x.tp;
    const p = x.pred ? x.tp / x.pred : 0;
    const r = x.gold ? x.tp / x.gold : 0;
    console.log(
      `${k.padEnd(9)} ${String(x.gold).padStart(5)} ${String(x.pred).padStart(5)} ` +
        `${String(x.tp).padStart(5)} ${pct(x.tp, x.pred)} ${pct(x.tp, x.gold)} ` +
        `${(100 * f1(p, r)).toFixed(1).padStart(6)}`,
    );
  }
  console.log(
    `${'all'.padEnd(9)} ${String(G).padStart(5)} ${String(P).padStart(5)} ${String(T).padStart(5)} ` +
      `${pct(T, P)} ${pct(T, G)} ${(100 * f1(T / (P || 1), T / (G || 1))).toFixed(1).padStart(6)}`,
  );
  console.log(`\nvalue accuracy (value + unit + range of matched figures): ${rightValue}/${matched} = ${pct(rightValue, matched).trim()}%`);
  if (errors.length) console.log(`\n${errors.length} errors:\n  ${errors.join('\n  ')}`);
  console.log('');
}
const show = (f: GoldFigure | Figure) =>
  `${f.text} ${f.kind} ${JSON.stringify(f.value)} ${f.unit ?? '-'}${f.valueMax !== undefined ? ` max ${f.valueMax}` : ''}`;

evaluate('Figures gold set (development: written alongside the recogniser)', path.join(repoRoot(), 'test', 'fixtures', 'figures-gold.txt'));
evaluate(
  'Figures held-out set (written after the recogniser; first score recorded before fixes)',
  path.join(repoRoot(), 'test', 'fixtures', 'figures-gold-heldout.txt'),
);

// BBC
const texts = loadBbc();
if (texts) {
  const kinds: Record<string, number> = {};
  const res: Record<string, number> = {};
  const hits: string[] = [];
  let noAmount = 0;
  let crypto = 0;
  for (const t of texts) {
    // As the CLI does for a file copied today: the file date is doubted when the text names only old years.
    const d = resolveArticleDate(t, '2026-11-29');
    const r = findFigures(t, { articleDate: d.value, ...(d.source ? { articleDateSource: d.source } : {}), articleDateNote: d.label });
    for (const f of r.figures) {
      kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
      if (f.kind === 'date') res[f.resolution!] = (res[f.resolution!] ?? 0) + 1;
      if (f.noAmount) noAmount++;
      if (f.nonIso) crypto++;
      hits.push(
        `${f.kind.padEnd(8)} ${JSON.stringify(f.value)} ` +
          `${f.unit ?? ''}${f.valueMax !== undefined ? `–${f.valueMax}` : ''} | …` +
          `${t.slice(Math.max(0, f.start - 35), f.start).replace(/\n/g, ' ')}[[${f.text}]]` +
          `${t.slice(f.end, f.end + 25).replace(/\n/g, ' ')}…`,
      );
    }
  }
  const b = benchFigures(3)!;
  console.log(`\nBBC: ${b.files} articles, ${(b.chars / 1e6).toFixed(2)}M chars, ${hits.length} figures`);
  console.log(`  per kind: ${FIGURE_KINDS.map((k) => `${k} ${kinds[k] ?? 0}`).join(', ')}`);
  console.log(
    `  money: ${(kinds.money ?? 0) - noAmount} amounts, ${noAmount} currencies named without an amount, ${crypto} in a cryptocurrency`,
  );
  console.log(
    `  dates: ${Object.entries(res)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} (file date 2026-11-29 doubted where the text names only old years)`,
  );
  console.log(
    `  speed: ${(b.charsPerSec / 1e6).toFixed(1)}M chars/s single-thread wall clock (best of 3 passes, ` +
      `${(b.seconds * 1000).toFixed(0)} ms), ${(b.charsPerCpuSec / 1e6).toFixed(1)}M chars per CPU-second`,
  );
  if (!quiet) {
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    console.log(`\n30 random BBC hits (seed ${seedArg >= 0 ? args[seedArg + 1] : seed}):`);
    for (let i = 0; i < 30; i++) console.log('  ' + hits[Math.floor(rnd() * hits.length)]);
  }
}

console.log('\nWorld newswire dev half (money and dates, overlap with gold spans, as ../shared/tools/score-figures.js):');
evalWorldFigures();
