/**
 * Money and dates on the world newswire dev half (`corpus/ner/worldwide-dev.jsonl` in the shared
 * folder): recall of gold MONEY / DATE spans by an overlapping figure of that kind, and money
 * precision (predicted money figures overlapping a gold MONEY span) — the same matching as the
 * shared `score-figures.js`, but run on the core directly, per outlet region, with the misses and
 * false alarms listed. Gold offsets are UTF-16 indices into the raw CRLF text; they are mapped onto
 * the normalized text the core reads.
 * Run by `npm run eval:figures` (summary), or alone with the misses listed:
 *   node scripts/run-ts.mjs scripts/eval-figures-world.ts [--list] [--dates]
 */
import fs from 'node:fs';
import { findFigures, resolveArticleDate } from '../src/core/figures';
import { normalizeText } from '../src/core/text';
import { sharedPath } from './shared';

/** Outlet prefix → region. Prefixes not listed count under their own name. */
const REGION: Record<string, string> = {
  af: 'Africa',
  alg: 'Africa',
  eg: 'Africa',
  et: 'Africa',
  ghana: 'Africa',
  kenya: 'Africa',
  mauritius: 'Africa',
  nm: 'Africa',
  panaf: 'Africa',
  sa: 'Africa',
  asia: 'Asia',
  bangladesh: 'Asia',
  cn: 'Asia',
  in: 'Asia',
  jp: 'Asia',
  kr: 'Asia',
  mong: 'Asia',
  my: 'Asia',
  th: 'Asia',
  tw: 'Asia',
  arg: 'Latin America',
  chile: 'Latin America',
  col: 'Latin America',
  cosric: 'Latin America',
  cosrica: 'Latin America',
  cuba: 'Latin America',
  ecuador: 'Latin America',
  elsalv: 'Latin America',
  hond: 'Latin America',
  mex: 'Latin America',
  nic: 'Latin America',
  pan: 'Latin America',
  paraguay: 'Latin America',
  peru: 'Latin America',
  uruguay: 'Latin America',
  ven: 'Latin America',
  iran: 'Middle East',
  israel: 'Middle East',
  jr: 'Middle East',
  kw: 'Middle East',
  oman: 'Middle East',
  qt: 'Middle East',
  saud: 'Middle East',
  uae: 'Middle East',
  aus: 'Oceania',
  nz: 'Oceania',
  canada: 'North America',
};
interface Gold {
  start: number;
  end: number;
  type: string;
  text: string;
}
interface Tally {
  mG: number;
  mF: number;
  mP: number;
  mTP: number;
  dG: number;
  dF: number;
  /** currencies named without an amount: predicted, on a gold MONEY span */ nP: number;
  nTP: number;
}
const zero = (): Tally => ({ mG: 0, mF: 0, mP: 0, mTP: 0, dG: 0, dF: 0, nP: 0, nTP: 0 });
/** Scores money and dates on the world dev half and prints the table (and, on request, every miss). */
export function evalWorldFigures(list = false, listDates = false): void {
  const file = sharedPath('corpus', 'ner', 'worldwide-dev.jsonl');
  if (!file) return;
  const by = new Map<string, Tally>();
  const all = zero();
  const misses: string[] = [];
  const falses: string[] = [];
  const dateMisses: string[] = [];
  const ov = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  const ctx = (t: string, s: number, e: number) =>
    `…${t.slice(Math.max(0, s - 40), s)}[[${t.slice(s, e)}]]${t.slice(e, e + 30)}…`.replace(/\n/g, ' ');

  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { id: string; text: string; entities: Gold[] };
    const norm = normalizeText(doc.text);
    const t = norm.text;
    const d = resolveArticleDate(t, null);
    const { figures } = findFigures(t, {
      articleDate: d.value,
      ...(d.source ? { articleDateSource: d.source } : {}),
      articleDateNote: d.label,
    });
    const prefix = doc.id.replace(/^wwn-/, '').split('_')[0]!;
    const region = REGION[prefix] ?? prefix;
    const r = by.get(region) ?? zero();
    by.set(region, r);
    const gold = doc.entities
      .filter((g) => g.type === 'MONEY' || g.type === 'DATE')
      .map((g) => ({ ...g, start: norm.fromRaw(g.start), end: norm.fromRaw(g.end) }));
    for (const f of figures) {
      if (f.kind !== 'money') continue;
      const hit = gold.some((g) => g.type === 'MONEY' && ov(f, g));
      for (const x of [r, all]) {
        x.mP++;
        if (hit) x.mTP++;
        if (f.noAmount) {
          x.nP++;
          if (hit) x.nTP++;
        }
      }
      if (!hit)
        falses.push(`${doc.id} ${f.unit ?? '-'} ${f.value}${f.valueMax !== undefined ? `–${f.valueMax}` : ''} ${ctx(t, f.start, f.end)}`);
    }
    for (const g of gold) {
      const kind = g.type === 'MONEY' ? 'money' : 'date';
      const hit = figures.some((f) => f.kind === kind && ov(f, g));
      for (const x of [r, all]) {
        if (kind === 'money') {
          x.mG++;
          if (hit) x.mF++;
        } else {
          x.dG++;
          if (hit) x.dF++;
        }
      }
      if (!hit) (kind === 'money' ? misses : dateMisses).push(`${doc.id} ${ctx(t, g.start, g.end)}`);
    }
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '—').padStart(6);
  console.log('region           money gold   R      P      date gold   R');
  for (const [k, x] of [...by.entries()].sort((a, b) => b[1].mG - a[1].mG)) {
    console.log(
      `${k.padEnd(16)} ${String(x.mG).padStart(9)} ${pct(x.mF, x.mG)} ${pct(x.mTP, x.mP)} ${String(x.dG).padStart(11)} ${pct(x.dF, x.dG)}`,
    );
  }
  console.log(
    `${'all'.padEnd(16)} ${String(all.mG).padStart(9)} ${pct(all.mF, all.mG)} ${pct(all.mTP, all.mP)} ` +
      `${String(all.dG).padStart(11)} ${pct(all.dF, all.dG)}`,
  );
  console.log(`\nmoney recall ${all.mF}/${all.mG}, precision ${all.mTP}/${all.mP}, date recall ${all.dF}/${all.dG}`);
  console.log(
    `currencies named without an amount: ${all.nP} predicted, ${all.nTP} on a gold MONEY span (amounts ` +
      `alone: precision ${all.mTP - all.nTP}/${all.mP - all.nP})`,
  );
  if (list) {
    console.log(`\n${misses.length} money misses:\n  ${misses.join('\n  ')}`);
    console.log(`\n${falses.length} money figures not on a gold MONEY span:\n  ${falses.join('\n  ')}`);
  }
  if (listDates) console.log(`\n${dateMisses.length} date misses:\n  ${dateMisses.join('\n  ')}`);
}

// Standalone (`node scripts/run-ts.mjs scripts/eval-figures-world.ts`): the bundle is named after this file.
if (/eval-figures-world\.c?js$/.test(process.argv[1] ?? ''))
  evalWorldFigures(process.argv.includes('--list'), process.argv.includes('--dates'));
