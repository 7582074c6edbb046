/**
 * Gazetteer matching for the tagger's features: longest case-insensitive matches of typed name
 * lists over token sequences (by lower-case token hashes), reported per token as category ×
 * position (B, I, L, U) bits. The lists (`scripts/ner/gazetteer-data.ts`) are hashed at training
 * time and travel inside the model, so nothing is tokenized at start-up.
 */
import { CAP_LOWER, lowerHashOf } from './features';
import { tokenize } from './tokenize';

/** Category ids (bit groups); order is part of the model's features. */
export const GAZ = {
  country: 0,
  city: 1,
  region: 2,
  demonym: 3,
  first: 4,
  surname: 5,
  person: 6,
  org: 7,
  orgSuffix: 8,
  orgWord: 9,
  title: 10,
  misc: 11,
  time: 12,
  particle: 13,
} as const;

/** Whether a token's gazetteer bits (see `TokenAttrs.gazLo/gazHi`) include a category, at any position. */
export function hasCategory(lo: number, hi: number, category: number): boolean {
  const bit = category * 4;
  return bit < 32 ? ((lo >>> bit) & 15) !== 0 : ((hi >>> (bit - 32)) & 15) !== 0;
}

/** One hashed entry. */
export interface GazEntry {
  /** Lower-case hash of the first token. */
  first: number;
  /** Lower-case hashes of the entry's tokens after the first. */
  rest: Int32Array;
  category: number;
  /** The entry starts with a capital letter: a lower-case text word does not match it. */
  capital: boolean;
}
type Entry = GazEntry;

export interface GazetteerMatch {
  lo: Int32Array;
  hi: Int32Array;
}

export class Gazetteer {
  private readonly byFirst = new Map<number, Entry[]>();
  readonly entries: number;

  constructor(entries: readonly GazEntry[]) {
    let count = 0;
    for (const entry of entries) {
      let bucket = this.byFirst.get(entry.first);
      if (!bucket) this.byFirst.set(entry.first, (bucket = []));
      if (!bucket.some((b) => b.category === entry.category && sameHashes(b.rest, entry.rest))) {
        bucket.push(entry);
        count++;
      }
    }
    for (const bucket of this.byFirst.values()) bucket.sort((a, b) => b.rest.length - a.rest.length || a.category - b.category);
    this.entries = count;
  }

  /** Hashes name lists (`|`-separated names per category) with the tagger's tokenizer. */
  static fromLists(lists: readonly (readonly [number, string])[]): Gazetteer {
    const entries: GazEntry[] = [];
    for (const [category, list] of lists) {
      const names = list.split('|').filter((s) => s.length > 0);
      // Tokenize all names at once, one per line; the trailing `|` keeps a final period attached.
      const text = names.map((s) => s + ' |').join('\n');
      const toks = tokenize(text);
      let i = 0;
      for (let li = 0; li < names.length; li++) {
        const hashes: number[] = [];
        let first = -1;
        while (i < toks.count && toks.line[i] === li) {
          const s = toks.start[i]!;
          const e = toks.end[i]!;
          if (!(e - s === 1 && text.charCodeAt(s) === 124)) {
            if (first < 0) first = s;
            hashes.push(lowerHashOf(text, s, e));
          }
          i++;
        }
        if (!hashes.length) continue;
        const c = text.charAt(first);
        entries.push({ first: hashes[0]!, rest: Int32Array.from(hashes.slice(1)), category, capital: c !== c.toLowerCase() });
      }
    }
    return new Gazetteer(entries);
  }

  /** All entries (for serialization). */
  all(): GazEntry[] {
    const out: GazEntry[] = [];
    for (const bucket of this.byFirst.values()) out.push(...bucket);
    return out;
  }

  /**
   * Marks, for every token, the categories of the longest entries covering it and the token's
   * position in them. `lower` are lower-case token hashes, `cap` capitalisation classes,
   * `lineTo` the end of each token's line (matches never cross lines).
   */
  match(lower: Int32Array, cap: Uint8Array, lineTo: Int32Array, n: number): GazetteerMatch {
    const lo = new Int32Array(n);
    const hi = new Int32Array(n);
    let seenCats = 0;
    for (let i = 0; i < n; i++) {
      const bucket = this.byFirst.get(lower[i]!);
      if (!bucket) continue;
      seenCats = 0;
      const lowerWord = cap[i] === CAP_LOWER;
      const limit = lineTo[i]!;
      for (const e of bucket) {
        const bit = 1 << e.category;
        if (seenCats & bit) continue; // a longer match of this category already starts here
        if (e.capital && lowerWord) continue;
        const len = e.rest.length + 1;
        if (i + len > limit) continue;
        let ok = true;
        for (let k = 0; k < e.rest.length; k++) {
          if (lower[i + 1 + k] !== e.rest[k]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        seenCats |= bit;
        for (let k = 0; k < len; k++) {
          const pos = len === 1 ? 3 : k === 0 ? 0 : k === len - 1 ? 2 : 1;
          const b = e.category * 4 + pos;
          if (b < 32) lo[i + k]! |= 1 << b;
          else hi[i + k]! |= 1 << (b - 32);
        }
      }
    }
    return { lo, hi };
  }
}

function sameHashes(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
