/**
 * Agreement between two reviewers' annotation files of the same articles.
 *
 * Items. An item of a file is an annotation on its words (anchored, or edited) that the file does not
 * reject: accepted, added, or still suggested — the set the file would publish.
 *
 * Span agreement, per kind, per kind and type, and overall: the items of A and of B are matched one
 * to one — on exact spans (same start and end) and on overlapping spans (greedily, largest overlap
 * first) — and positive specific agreement is PSA = 2·matched / (items A + items B), which is the
 * F1 score of either file measured against the other. Within a kind row a match ignores the type
 * (the reviewers marked the same words); within a type row it requires it.
 *
 * Decision agreement: the annotations both files hold (same id — ids derive from the words and their
 * context — on their words in both) are rated by each file's status (suggested, accepted, rejected),
 * and Cohen's kappa compares the two ratings with what chance would give: κ = (pₒ − pₑ) / (1 − pₑ).
 * It is undefined (null) when chance already explains every answer (pₑ = 1: both files gave every
 * shared item the same one status).
 */
import { STATUSES, type Annotation, type AnnotationKind, type Status } from '../sidecar/model';

/** Cohen's kappa of a square confusion table (rows: rater A's category, columns: rater B's). */
export interface Kappa {
  /** Items rated by both. */
  n: number;
  /** Observed agreement (share of the diagonal); null without items. */
  observed: number | null;
  /** Agreement expected by chance from the two raters' margins; null without items. */
  expected: number | null;
  /** κ; null without items or when expected agreement is 1. */
  kappa: number | null;
}

export function cohensKappa(table: readonly (readonly number[])[]): Kappa {
  const k = table.length;
  let n = 0;
  let diag = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    if (table[i]!.length !== k) throw new Error('the confusion table must be square');
    for (let j = 0; j < k; j++) {
      const v = table[i]![j]!;
      if (!(v >= 0) || !Number.isFinite(v)) throw new Error('confusion table counts must be finite and non-negative');
      n += v;
      rows[i]! += v;
      cols[j]! += v;
      if (i === j) diag += v;
    }
  }
  if (n === 0) return { n, observed: null, expected: null, kappa: null };
  const observed = diag / n;
  let expected = 0;
  for (let i = 0; i < k; i++) expected += (rows[i]! / n) * (cols[i]! / n);
  const kappa = Math.abs(1 - expected) < 1e-12 ? null : (observed - expected) / (1 - expected);
  return { n, observed, expected, kappa };
}

/** Positive specific agreement 2m / (a + b) (= F1); null when neither side has an item. */
export function psa(matched: number, a: number, b: number): number | null {
  return a + b === 0 ? null : (2 * matched) / (a + b);
}

/** Counts for one row of the report. */
export interface AgreementCounts {
  itemsA: number;
  itemsB: number;
  exact: number;
  overlap: number;
  /** Confusion table of statuses over the shared annotations, in {@link STATUSES} order. */
  statuses: number[][];
}

export interface AgreementRow extends AgreementCounts {
  /** `all`, a kind (`entity`), or a kind and type (`entity PER`). */
  key: string;
  kind?: AnnotationKind;
  type?: string;
  psaExact: number | null;
  psaOverlap: number | null;
  kappa: Kappa;
}

const emptyTable = (): number[][] => STATUSES.map(() => STATUSES.map(() => 0));
const emptyCounts = (): AgreementCounts => ({ itemsA: 0, itemsB: 0, exact: 0, overlap: 0, statuses: emptyTable() });

/** The items of a file (see the module comment). */
export function items(list: readonly Annotation[]): Annotation[] {
  return list.filter((a) => a.status !== 'rejected' && (a.anchor === 'ok' || a.anchor === 'modified') && a.end > a.start);
}

/** Exact matches: pairs with the same span (and the same type when `byType`), one to one. */
function exactMatches(a: readonly Annotation[], b: readonly Annotation[], byType: boolean): number {
  const key = (x: Annotation) => `${x.kind}\u0000${byType ? x.type : ''}\u0000${x.start}\u0000${x.end}`;
  const left = new Map<string, number>();
  for (const x of a) left.set(key(x), (left.get(key(x)) ?? 0) + 1);
  let m = 0;
  for (const y of b) {
    const k = key(y);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      m++;
      left.set(k, n - 1);
    }
  }
  return m;
}

/** Overlap matches: one to one, the largest overlaps first (ties: earliest). */
function overlapMatches(a: readonly Annotation[], b: readonly Annotation[], byType: boolean): number {
  const bs = [...b].sort((x, y) => x.start - y.start);
  const maxLen = bs.reduce((m, x) => Math.max(m, x.end - x.start), 0);
  const pairs: { i: number; j: number; ov: number }[] = [];
  a.forEach((x, i) => {
    // Every y with y.start < x.end and y.end > x.start; y.start ≥ x.start − maxLen.
    let lo = 0;
    let hi = bs.length;
    const from = x.start - maxLen;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bs[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < bs.length && bs[j]!.start < x.end; j++) {
      const y = bs[j]!;
      if (y.kind !== x.kind || (byType && y.type !== x.type)) continue;
      const ov = Math.min(x.end, y.end) - Math.max(x.start, y.start);
      if (ov > 0) pairs.push({ i, j, ov });
    }
  });
  pairs.sort((p, q) => q.ov - p.ov || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let m = 0;
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    m++;
  }
  return m;
}

const placed = (x: Annotation) => x.anchor === 'ok' || x.anchor === 'modified';

/**
 * Counts for one article, by row key (`all`, each kind, each `kind type`). `b` null: the article
 * has no file on B's side (its items count for A only).
 */
export function compareArticle(a: readonly Annotation[] | null, b: readonly Annotation[] | null): Map<string, AgreementCounts> {
  const out = new Map<string, AgreementCounts>();
  const row = (k: string) => {
    let c = out.get(k);
    if (!c) out.set(k, (c = emptyCounts()));
    return c;
  };
  const ia = items(a ?? []);
  const ib = items(b ?? []);
  const groups: { key: string; pick: (x: Annotation) => boolean; byType: boolean }[] = [{ key: 'all', pick: () => true, byType: false }];
  const kinds = new Set([...ia, ...ib].map((x) => x.kind));
  const types = new Set([...ia, ...ib].map((x) => `${x.kind} ${x.type}`));
  for (const k of kinds) groups.push({ key: k, pick: (x) => x.kind === k, byType: false });
  for (const t of types) groups.push({ key: t, pick: (x) => `${x.kind} ${x.type}` === t, byType: true });
  for (const g of groups) {
    const ga = ia.filter(g.pick);
    const gb = ib.filter(g.pick);
    const c = row(g.key);
    c.itemsA += ga.length;
    c.itemsB += gb.length;
    c.exact += exactMatches(ga, gb, g.byType);
    c.overlap += overlapMatches(ga, gb, g.byType);
  }
  // Decisions on the annotations both hold.
  if (a && b) {
    const inB = new Map(b.filter(placed).map((x) => [x.id, x]));
    for (const x of a) {
      if (!placed(x)) continue;
      const y = inB.get(x.id);
      if (!y || y.kind !== x.kind) continue;
      const i = STATUSES.indexOf(x.status);
      const j = STATUSES.indexOf(y.status);
      for (const k of ['all', x.kind, `${x.kind} ${x.type}`]) row(k).statuses[i]![j]!++;
    }
  }
  return out;
}

/** Adds one article's counts into a running total. */
export function addCounts(total: Map<string, AgreementCounts>, one: ReadonlyMap<string, AgreementCounts>): void {
  for (const [k, c] of one) {
    let t = total.get(k);
    if (!t) total.set(k, (t = emptyCounts()));
    t.itemsA += c.itemsA;
    t.itemsB += c.itemsB;
    t.exact += c.exact;
    t.overlap += c.overlap;
    for (let i = 0; i < c.statuses.length; i++) for (let j = 0; j < c.statuses.length; j++) t.statuses[i]![j]! += c.statuses[i]![j]!;
  }
}

const KIND_ORDER: Record<string, number> = { all: 0, entity: 1, figure: 2, quote: 3 };

/** The rows of a report: `all`, then each kind followed by its types, in a fixed order. */
export function agreementRows(total: ReadonlyMap<string, AgreementCounts>): AgreementRow[] {
  const rows: AgreementRow[] = [];
  for (const [key, c] of total) {
    const [kind, type] = key.split(' ') as [string, string | undefined];
    const r: AgreementRow = {
      key,
      ...c,
      psaExact: psa(c.exact, c.itemsA, c.itemsB),
      psaOverlap: psa(c.overlap, c.itemsA, c.itemsB),
      kappa: cohensKappa(c.statuses),
    };
    if (kind !== 'all') r.kind = kind as AnnotationKind;
    if (type) r.type = type;
    rows.push(r);
  }
  return rows.sort(
    (x, y) =>
      (KIND_ORDER[x.kind ?? 'all'] ?? 9) - (KIND_ORDER[y.kind ?? 'all'] ?? 9) ||
      Number(!!x.type) - Number(!!y.type) ||
      (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
}

/** One article of a comparison, by name, with each side's annotations (null: no file on that side). */
export interface ArticlePair {
  name: string;
  a: readonly Annotation[] | null;
  b: readonly Annotation[] | null;
}

export interface AgreementReport {
  articles: { both: number; onlyA: number; onlyB: number };
  rows: AgreementRow[];
  /** Per article: the `all` row. */
  perArticle: { name: string; row: AgreementRow }[];
}

/** Agreement over many articles: counts summed over the articles (micro-average), then PSA and κ. */
export function agreementReport(pairs: readonly ArticlePair[]): AgreementReport {
  const total = new Map<string, AgreementCounts>();
  const perArticle: AgreementReport['perArticle'] = [];
  const articles = { both: 0, onlyA: 0, onlyB: 0 };
  for (const p of [...pairs].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) {
    if (p.a && p.b) articles.both++;
    else if (p.a) articles.onlyA++;
    else if (p.b) articles.onlyB++;
    else continue;
    const one = compareArticle(p.a, p.b);
    addCounts(total, one);
    const all = agreementRows(one).find((r) => r.key === 'all');
    if (all) perArticle.push({ name: p.name, row: all });
  }
  if (!total.has('all')) total.set('all', emptyCounts());
  return { articles, rows: agreementRows(total), perArticle };
}

/** The status categories of the kappa tables, in order. */
export const KAPPA_CATEGORIES: readonly Status[] = STATUSES;

function fixed(x: number | null, digits = 3): string {
  return x === null ? '—' : x.toFixed(digits);
}

/** The report as an aligned text table (plain ASCII digits; names are not printed). */
export function formatAgreement(r: AgreementReport, labels: { a: string; b: string }): string {
  const lines: string[] = [];
  lines.push(`A: ${labels.a}`);
  lines.push(`B: ${labels.b}`);
  lines.push(`articles: ${r.articles.both} in both, ${r.articles.onlyA} only in A, ${r.articles.onlyB} only in B`);
  lines.push('');
  const head = ['', 'items A', 'items B', 'exact', 'PSA/F1', 'overlap', 'PSA/F1', 'shared', 'agree', 'kappa'];
  const table: string[][] = [head];
  for (const row of r.rows) {
    table.push([
      row.type ? `  ${row.type}` : row.key,
      String(row.itemsA),
      String(row.itemsB),
      String(row.exact),
      fixed(row.psaExact),
      String(row.overlap),
      fixed(row.psaOverlap),
      String(row.kappa.n),
      fixed(row.kappa.observed),
      fixed(row.kappa.kappa),
    ]);
  }
  const widths = head.map((_, i) => Math.max(...table.map((t) => t[i]!.length)));
  for (const t of table)
    lines.push(
      t
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    );
  lines.push('');
  lines.push('Items: annotations not rejected. exact/overlap: items matched one to one on the same span / on overlapping');
  lines.push('spans (kind rows ignore the type, type rows require it); PSA = 2·matched/(items A + items B) = F1.');
  lines.push("shared: annotations in both files (same id); agree: share with the same status; kappa: Cohen's κ on");
  lines.push('their status (suggested / accepted / rejected); — where undefined.');
  return lines.join('\n') + '\n';
}
