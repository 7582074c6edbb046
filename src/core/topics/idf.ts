/**
 * Topic keyword weights (inverse document frequency): how rare a word is across news articles.
 * Keyphrases and section boundaries weigh words by it, so `the`, `said` and `year` count for little
 * and `soybeans` or `arms` for a lot. A built-in default table (word → weight numbers only, computed
 * from a mix of British and American news; see `scripts/build-idf.ts`) is used unless the caller
 * passes one built from the user's own articles with {@link buildIdfTable}.
 */
import { DEFAULT_IDF } from './idf-default';
import { TokenFlag, tokenize } from './tokens';

/** A word-weight table. Plain data: safe to cache, to share between analyses and to post to a worker. */
export interface IdfTable {
  /** Number of documents the table was computed from. */
  docCount: number;
  /** Weight of a word the table does not list (a rare word). */
  unseen: number;
  /** Lower-case word → weight, `ln(docCount / documentFrequency)`. */
  weights: ReadonlyMap<string, number>;
}

/** Below this many articles a workspace table is too noisy; use the default. */
export const MIN_IDF_DOCS = 20;

/** Weight of a lower-case word. */
export function idfOf(table: IdfTable, word: string): number {
  return table.weights.get(word) ?? table.unseen;
}

/**
 * Computes a table from article texts (e.g. every article in the workspace). Words are counted once
 * per article, lower-cased, possessive `'s` removed; numbers are ignored. Words found in fewer than
 * `minDf` articles are left out and weigh as `unseen`.
 */
export function buildIdfTable(texts: Iterable<string>, options: { minDf?: number } = {}): IdfTable {
  const b = new IdfBuilder();
  for (const text of texts) b.add(text);
  return b.table(options);
}

/** Document frequencies gathered one article at a time (for a background crawl of the workspace). */
export class IdfBuilder {
  private readonly df = new Map<string, number>();
  private docs = 0;

  get documents(): number {
    return this.docs;
  }

  add(text: string): void {
    this.docs++;
    const seen = new Set<string>();
    const t = tokenize(text);
    for (let i = 0; i < t.count; i++) if (!(t.flags[i]! & TokenFlag.Numeric)) seen.add(t.vocab[t.id[i]!]!);
    for (const w of seen) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }

  table(options: { minDf?: number } = {}): IdfTable {
    const minDf = options.minDf ?? 2;
    const n = Math.max(this.docs, 1);
    const weights = new Map<string, number>();
    for (const [w, d] of this.df) if (d >= minDf) weights.set(w, Math.log(n / d));
    // An unseen word is rarer than the rarest listed one.
    return { docCount: this.docs, unseen: Math.log(n / Math.max(1, minDf - 0.5)), weights };
  }
}

let defaultTable: IdfTable | null = null;

/** The built-in table (decoded once). */
export function defaultIdfTable(): IdfTable {
  return (defaultTable ??= decodeIdfTable(DEFAULT_IDF)!);
}

/** Reads a table written by {@link encodeIdfTable}; null when it is not one. */
export function decodeIdfTable(enc: unknown): IdfTable | null {
  if (!enc || typeof enc !== 'object') return null;
  const { docs, unseen, groups } = enc as Record<string, unknown>;
  if (typeof docs !== 'number' || typeof unseen !== 'number' || typeof groups !== 'string') return null;
  const weights = new Map<string, number>();
  for (const group of groups ? groups.split('|') : []) {
    const colon = group.indexOf(':');
    const w = Number(group.slice(0, colon)) / 10;
    if (colon < 0 || !Number.isFinite(w)) return null;
    for (const word of group.slice(colon + 1).split(' ')) if (word) weights.set(word, w);
  }
  return { docCount: docs, unseen, weights };
}

/** Encodes a table in the compact form of `idf-default.ts` (weights rounded to 0.1). */
export function encodeIdfTable(table: IdfTable): { docs: number; unseen: number; groups: string } {
  const byWeight = new Map<number, string[]>();
  for (const [word, w] of table.weights) {
    if (/[\s|:]/.test(word)) continue;
    const q = Math.round(w * 10);
    const list = byWeight.get(q) ?? [];
    list.push(word);
    byWeight.set(q, list);
  }
  const groups = [...byWeight.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([q, words]) => `${q}:${words.sort().join(' ')}`)
    .join('|');
  return { docs: table.docCount, unseen: Math.round(table.unseen * 10) / 10, groups };
}
