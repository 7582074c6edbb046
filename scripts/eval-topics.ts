/**
 * Topic evaluation: IPTC subject → BBC category accuracy on ../shared/corpus/news/bbc through the
 * core directly (no CLI), with a confusion matrix and per-category accuracy; the outline of the
 * reference article and of 3 random BBC articles; the time per article.
 *
 * Honesty check: the keyword lists were curated looking only at the "dev" half of the shared BBC
 * files (file number ≡ 1 mod 4: 001, 005, 009, …); the "held-out" half (≡ 3 mod 4) was never
 * inspected — this script prints its errors only with --show-heldout.
 *
 *   npm run eval:topics [-- --errors] [--seed N] [--show-heldout]
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { normalizeText } from '../src/core/text';
import { analyzeTopics, scoreSubjects } from '../src/core/topics';
import type { Analysis, Section } from '../src/core/types';
import { sharedPath } from './shared';

const CATS = ['business', 'entertainment', 'politics', 'sport', 'tech'] as const;
type Cat = (typeof CATS)[number];
const CODE_TO_CAT: Record<string, Cat> = {
  'medtop:04000000': 'business',
  'medtop:01000000': 'entertainment',
  'medtop:11000000': 'politics',
  'medtop:15000000': 'sport',
  'medtop:13000000': 'tech',
};

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const showHeldout = args.includes('--show-heldout');
const seedArg = args.indexOf('--seed');
let rng = seedArg >= 0 ? Number(args[seedArg + 1]) : 20260204;
/** mulberry32: a small seeded generator, so the sample is reproducible. */
const random = () => {
  rng = (rng + 0x6d2b79f5) | 0;
  let t = Math.imul(rng ^ (rng >>> 15), 1 | rng);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const dir = sharedPath('corpus', 'news', 'bbc');
if (!dir) process.exit(0);

interface Doc {
  id: string;
  cat: Cat;
  text: string;
  half: 'dev' | 'heldout';
}
const docs: Doc[] = [];
for (const cat of CATS) {
  for (const f of fs.readdirSync(path.join(dir, cat)).sort()) {
    const n = parseInt(f, 10);
    docs.push({
      id: `${cat}/${f}`,
      cat,
      text: normalizeText(fs.readFileSync(path.join(dir, cat, f), 'utf8')).text,
      half: n % 4 === 1 ? 'dev' : 'heldout',
    });
  }
}

function predict(text: string): Cat | null {
  for (const s of scoreSubjects(text)) {
    const c = CODE_TO_CAT[s.code];
    if (c) return c;
  }
  return null;
}

const matrix = new Map<string, number>();
const right = { all: 0, dev: 0, heldout: 0 };
const total = { all: 0, dev: 0, heldout: 0 };
const errors: string[] = [];
const t0 = performance.now();
for (const d of docs) {
  const p = predict(d.text);
  matrix.set(`${d.cat}>${p}`, (matrix.get(`${d.cat}>${p}`) ?? 0) + 1);
  total.all++;
  total[d.half]++;
  if (p === d.cat) {
    right.all++;
    right[d.half]++;
  } else if (d.half === 'dev' || showHeldout) {
    const subs = scoreSubjects(d.text)
      .slice(0, 4)
      .map((s) => `${s.label.split(',')[0]} ${s.score}`)
      .join('; ');
    errors.push(`${d.half === 'dev' ? '' : '[held-out] '}${d.id} ${d.cat} → ${p}: ${d.text.slice(0, d.text.indexOf('\n'))}  [${subs}]`);
  }
}
const subjectMs = (performance.now() - t0) / docs.length;
const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}% (${a}/${b})`;

console.log(`BBC subject → category accuracy: ${pct(right.all, total.all)}`);
console.log(`  dev half (curated on, file no. ≡ 1 mod 4):     ${pct(right.dev, total.dev)}`);
console.log(`  held-out half (never inspected, ≡ 3 mod 4):   ${pct(right.heldout, total.heldout)}`);
console.log('\nconfusion (rows gold, columns predicted):');
const cols = [...CATS, 'null'];
console.log('               ' + cols.map((c) => c.slice(0, 7).padStart(8)).join(''));
for (const g of CATS) {
  const row = cols.map((p) => String(matrix.get(`${g}>${p}`) ?? 0).padStart(8)).join('');
  const n = docs.filter((d) => d.cat === g).length;
  console.log(`${g.padEnd(15)}${row}   ${pct(matrix.get(`${g}>${g}`) ?? 0, n)}`);
}
if (showErrors) console.log('\nerrors:\n' + errors.join('\n'));

// Timing of the whole topic analysis (subjects + sections) per article, warm, with entity input.
const analyses: Analysis[] = docs.slice(0, 200).map((d) => analyze(d.text));
for (let k = 0; k < 2; k++)
  for (const a of analyses) analyzeTopics(a.text, { entities: a.entities, groups: a.entityGroups, figures: a.figures, quotes: a.quotes });
const t1 = performance.now();
for (const a of analyses) analyzeTopics(a.text, { entities: a.entities, groups: a.entityGroups, figures: a.figures, quotes: a.quotes });
const topicMs = (performance.now() - t1) / analyses.length;
console.log(
  `\ntime per article: subjects ${subjectMs.toFixed(3)} ms (first pass, cold included); full topic ` +
    `analysis ${topicMs.toFixed(3)} ms (warm, mean of ${analyses.length})`,
);

function printOutline(title: string, a: Analysis): void {
  console.log(`\n== ${title}`);
  console.log(
    `subjects: ${a.subjects
      .slice(0, 4)
      .map((s) => `${s.label} ${s.score}${s.subtopics ? ` (${s.subtopics.map((x) => x.label).join(', ')})` : ''}`)
      .join('; ')}`,
  );
  for (const s of a.sections) console.log(formatSection(a.text, s));
}

function formatSection(text: string, s: Section): string {
  const first = text.slice(s.start, Math.min(s.end, s.start + 60)).replace(/\n/g, ' ');
  return (
    `  ${s.role.padEnd(8)} ${s.label}  [${s.subject ? s.subject.label.split(',')[0] : '—'}]  ` +
    `{${s.keyphrases.slice(0, 4).join(', ')}}  @${s.start}-${s.end} “${first}…”`
  );
}

const seedFile = sharedPath('corpus', 'seed', 'trump-xi-call.txt');
if (seedFile) printOutline('reference article (seed/trump-xi-call.txt)', analyze(normalizeText(fs.readFileSync(seedFile, 'utf8')).text));
for (let k = 0; k < 3; k++) {
  const d = docs[Math.floor(random() * docs.length)]!;
  printOutline(`bbc/${d.id}`, analyze(d.text));
}
