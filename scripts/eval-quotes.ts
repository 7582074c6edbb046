/**
 * Quote detection and speaker attribution on PolNeAR (default: dev; `--split train` to tune).
 * Scores like `../shared/tools/check-contract quotes`: a gold quote is found when a predicted
 * quote overlaps it; its speaker is right when the predicted speaker mention overlaps the gold
 * Source span. Prints recall, overlap precision, speaker accuracy overall and per rule, kinds and
 * the speed of `findQuotes` alone (entities are computed beforehand, as in the pipeline).
 *   npm run eval:quotes [-- --split train] [--errors N] [--rule NAME] [--json]
 */
import { linkEntities } from '../src/core/entities/link';
import { recognizeEntities } from '../src/core/ner';
import { findQuotes, RULE_CONFIDENCE } from '../src/core/quotes';
import { titleGender } from '../src/core/quotes/resolve';
import { normalizeText } from '../src/core/text';
import type { Entity, EntityMention, Quote } from '../src/core/types';
import { loadPolnear } from './polnear';

const args = process.argv.slice(2);
const opt = (k: string, d: string): string => {
  const i = args.indexOf(k);
  return i >= 0 && args[i + 1] ? args[i + 1]! : d;
};
const split = opt('--split', 'dev');
const showErrors = Number(opt('--errors', '0'));
const onlyRule = opt('--rule', '');

const docs = loadPolnear(split);
if (!docs) {
  console.log('eval:quotes skipped: no PolNeAR data');
  process.exit(0);
}

interface Prepared {
  id: string;
  raw: string;
  text: string;
  toRaw: (o: number) => number;
  mentions: EntityMention[];
  groups: Entity[];
}
const prepared: Prepared[] = docs.map((d) => {
  const norm = normalizeText(d.text);
  const { mentions, groups } = linkEntities(norm.text, recognizeEntities(norm.text));
  return { id: d.id, raw: d.text, text: norm.text, toRaw: norm.toRaw, mentions, groups };
});

const ov = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
let total = 0;
let found = 0;
let withSrc = 0;
let right = 0;
let predicted = 0;
let predOverlapping = 0;
const perRule = new Map<string, { n: number; ok: number }>();
const byConfidence = new Map<string, { n: number; ok: number }>();
const kinds = new Map<string, number>();
const errors: string[] = [];
const allQuotes: Quote[][] = [];
for (let di = 0; di < prepared.length; di++) {
  const p = prepared[di]!;
  const gold = docs[di]!.quotes;
  const qs = findQuotes(p.text, p.mentions, p.groups);
  allQuotes.push(qs);
  // Offsets back to the file's text, as the CLI reports them.
  const P = qs.map((q) => ({
    ...q,
    start: p.toRaw(q.start),
    end: p.toRaw(q.end),
    speaker: q.speaker ? { ...q.speaker, start: p.toRaw(q.speaker.start), end: p.toRaw(q.speaker.end) } : null,
  }));
  predicted += P.length;
  for (const q of P) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
  predOverlapping += P.filter((q) => gold.some((g) => ov(q, g))).length;
  for (const g of gold) {
    total++;
    const q = P.find((x) => ov(x, g));
    if (!q) {
      if (showErrors && !onlyRule) errors.push(`MISSED ${p.id}: ${JSON.stringify(p.raw.slice(g.start, Math.min(g.end, g.start + 120)))}`);
      continue;
    }
    found++;
    if (!g.source) continue;
    withSrc++;
    const ok = !!q.speaker && ov(q.speaker, g.source);
    if (ok) right++;
    const bucket = q.confidence >= 0.8 ? '≥ 0.8' : q.confidence >= 0.5 ? '0.5–0.8' : '< 0.5';
    const b = byConfidence.get(bucket) ?? { n: 0, ok: 0 };
    b.n++;
    if (ok) b.ok++;
    byConfidence.set(bucket, b);
    const r = perRule.get(q.rule) ?? { n: 0, ok: 0 };
    r.n++;
    if (ok) r.ok++;
    perRule.set(q.rule, r);
    if (!ok && showErrors && (!onlyRule || onlyRule === q.rule)) {
      const ctxA = Math.max(0, Math.min(q.start, g.source.start) - 60);
      const ctxB = Math.min(p.raw.length, Math.max(q.end, g.source.end) + 60);
      const snippet = p.raw.slice(ctxA, ctxB).replace(/\n/g, '⏎');
      errors.push(
        `[${q.rule}] gold=${JSON.stringify(p.raw.slice(g.source.start, g.source.end))} ` +
          `got=${JSON.stringify(q.speaker ? p.raw.slice(q.speaker.start, q.speaker.end) : null)} ` +
          `(${q.speaker?.name ?? '-'})\n   ` +
          ` ${snippet.length > 500 ? snippet.slice(0, 250) + ' … ' + snippet.slice(-250) : snippet}`,
      );
    }
  }
}

// Pronoun resolution, measured by substitution: for a quote attributed to a named person with an
// earlier mention outside the quote's sentence (`…,” Sanders said`), the name is overwritten with a
// pronoun padded to the same length (`he     `), its entity mention removed, and the quote re-run:
// the resolver should name the same person. (Gender is not used, so `he` stands for any pronoun.)
let proTotal = 0;
let proRight = 0;
for (let di = 0; di < prepared.length; di++) {
  const p = prepared[di]!;
  const qs = allQuotes[di]!;
  for (const q of qs) {
    const sp = q.speaker;
    if (!sp || sp.entityIds.length !== 1 || !sp.entityIds[0]!.startsWith('PER:') || (q.rule !== 'x-said-after' && q.rule !== 'said-after'))
      continue;
    const m = p.mentions.find((x) => x.start === sp.start && x.end === sp.end);
    if (!m || m.end - m.start < 2) continue;
    const earlier = p.mentions.some((x) => x.entityId === m.entityId && x.end <= q.start - 200);
    if (!earlier) continue;
    // The pronoun the text's titles call for (`Ms Kelly` → she); `he` otherwise.
    const female = p.mentions.some((x) => x.entityId === m.entityId && titleGender(p.text, x) === 'f');
    const pron = (female ? 'she' : 'he').padEnd(m.end - m.start, ' ');
    const text = p.text.slice(0, m.start) + pron + p.text.slice(m.end);
    const mentions = p.mentions.filter((x) => x !== m);
    const again = findQuotes(text, mentions, p.groups).find((x) => x.start === q.start);
    proTotal++;
    if (again?.speaker && again.speaker.entityIds.length === 1 && again.speaker.entityIds[0] === m.entityId) proRight++;
  }
}

// Speed of findQuotes alone, entities precomputed.
let chars = 0;
for (const p of prepared) chars += p.text.length;
// Best of several rounds: the machine is shared, and the first round includes JIT warm-up.
let rounds = 0;
let best = Infinity;
const t0 = performance.now();
do {
  const t = performance.now();
  for (const p of prepared) findQuotes(p.text, p.mentions, p.groups);
  best = Math.min(best, performance.now() - t);
  rounds++;
} while ((performance.now() - t0 < 3000 || rounds < 3) && rounds < 30);
const cps = chars / (best / 1000);

const pct = (a: number, b: number) => ((100 * a) / (b || 1)).toFixed(1);
console.log(`PolNeAR ${split}: ${docs.length} articles, ${chars} chars`);
console.log(
  `quotes: gold ${total}, found ${found} (recall ${pct(found, total)}), predicted ${predicted} ` +
    `(overlap precision ${pct(predOverlapping, predicted)})`,
);
console.log(`speaker accuracy ${pct(right, withSrc)} (${right}/${withSrc})`);
console.log("per rule (gold quotes with a Source, matched): count, speaker accuracy, the rule's confidence");
for (const [rule, r] of [...perRule].sort((a, b) => b[1].n - a[1].n)) {
  const conf = (RULE_CONFIDENCE as Record<string, number>)[rule];
  console.log(
    `  ${rule.padEnd(14)} ${String(r.n).padStart(5)}  ${pct(r.ok, r.n).padStart(5)}%  ${conf === undefined ? '' : conf.toFixed(2)}`,
  );
}
console.log(
  'by confidence (mention right; pronoun confidences also include the name risk): ' +
    ['≥ 0.8', '0.5–0.8', '< 0.5']
      .map((k) => {
        const b = byConfidence.get(k) ?? { n: 0, ok: 0 };
        return `${k}: ${pct(b.ok, b.n)}% of ${b.n}`;
      })
      .join(', '),
);
console.log(`pronoun → person (substitution proxy): ${pct(proRight, proTotal)} (${proRight}/${proTotal})`);
console.log(
  'kinds: ' +
    [...kinds]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
);
console.log(`findQuotes speed: ${(cps / 1e6).toFixed(1)}M chars/s (best of ${rounds} rounds, entities precomputed)`);
if (showErrors) {
  console.log(`\n${errors.length} errors; first ${showErrors}:`);
  for (const e of errors.slice(0, showErrors)) console.log(e);
}
