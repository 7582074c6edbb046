/**
 * Gazetteer matching for the tagger's features: longest case-insensitive matches of typed name
 * lists over token sequences (by lower-case token hashes), reported per token as category ×
 * position (B, I, L, U) bits. The lists (`scripts/ner/gazetteer-data.ts`) are hashed at training
 * time and travel inside the model, so nothing is tokenized at start-up.
 */
import { openTable, probe } from './hash';
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
  /** Lower-case hashes of the entry's tokens after the first (at most 7). */
  rest: Int32Array;
  category: number;
  /** The entry starts with a capital letter: a lower-case text word does not match it. */
  capital: boolean;
}

/**
 * Entries as flat arrays, sorted by first-token hash (unsigned), then longest first, then
 * category — the order they are stored in the model, so decoding needs no sorting or objects.
 */
export interface PackedGazetteer {
  firsts: Int32Array;
  /** Per entry: category (bits 0-3), capital (bit 4), number of further tokens (bits 5-7). */
  info: Uint8Array;
  /** Further-token hashes of entry `e` are `rest[restOff[e] .. restOff[e + 1])`. */
  restOff: Int32Array;
  rest: Int32Array;
}

export interface GazetteerMatch {
  lo: Int32Array;
  hi: Int32Array;
}

export class Gazetteer {
  private readonly p: PackedGazetteer;
  /** Open addressing: `[first hash, index of its first entry]`. */
  private readonly table: Int32Array;
  private readonly mask: number;
  readonly entries: number;

  constructor(packed: PackedGazetteer) {
    this.p = packed;
    const n = packed.firsts.length;
    // Each distinct first hash → its first entry (entries are sorted by first hash).
    const keys: number[] = [];
    const firstEntry: number[] = [];
    for (let e = 0; e < n; e++) {
      if (e > 0 && packed.firsts[e - 1] === packed.firsts[e]) continue;
      keys.push(packed.firsts[e]!);
      firstEntry.push(e);
    }
    this.table = openTable(keys, firstEntry);
    this.mask = (this.table.length >> 1) - 1;
    this.entries = n;
  }

  /** Packs (sorts, de-duplicates) entries. */
  static fromEntries(entries: readonly GazEntry[]): Gazetteer {
    const sorted = [...entries].sort(
      (a, b) => (a.first >>> 0) - (b.first >>> 0) || b.rest.length - a.rest.length || a.category - b.category,
    );
    const kept: GazEntry[] = [];
    for (const e of sorted) {
      const last = kept[kept.length - 1];
      if (e.rest.length > 7) continue;
      if (last && last.first === e.first && last.category === e.category && sameHashes(last.rest, e.rest)) continue;
      kept.push(e);
    }
    const restOff = new Int32Array(kept.length + 1);
    kept.forEach((e, i) => (restOff[i + 1] = restOff[i]! + e.rest.length));
    const rest = new Int32Array(restOff[kept.length]!);
    kept.forEach((e, i) => rest.set(e.rest, restOff[i]!));
    return new Gazetteer({
      firsts: Int32Array.from(kept.map((e) => e.first)),
      info: Uint8Array.from(kept.map((e) => e.category | (e.capital ? 16 : 0) | (e.rest.length << 5))),
      restOff,
      rest,
    });
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
    return Gazetteer.fromEntries(entries);
  }

  /** The packed entries (for the model file). */
  packed(): PackedGazetteer {
    return this.p;
  }

  /**
   * Marks, for every token, the categories of the longest entries covering it and the token's
   * position in them. `lower` are lower-case token hashes, `cap` capitalisation classes,
   * `lineTo` the end of each token's line (matches never cross lines).
   */
  match(lower: Int32Array, cap: Uint8Array, lineTo: Int32Array, n: number): GazetteerMatch {
    const lo = new Int32Array(n);
    const hi = new Int32Array(n);
    const { firsts, info, restOff, rest } = this.p;
    const table = this.table;
    const mask = this.mask;
    for (let i = 0; i < n; i++) {
      let e = probe(table, mask, lower[i]!, -1);
      if (e < 0) continue;
      let seenCats = 0;
      const lowerWord = cap[i] === CAP_LOWER;
      const limit = lineTo[i]!;
      for (; e < firsts.length && firsts[e] === lower[i]; e++) {
        const inf = info[e]!;
        const category = inf & 15;
        const bit = 1 << category;
        if (seenCats & bit) continue; // a longer match of this category already starts here
        if (inf & 16 && lowerWord) continue;
        const more = inf >> 5;
        const len = more + 1;
        if (i + len > limit) continue;
        let ok = true;
        const r0 = restOff[e]!;
        for (let k = 0; k < more; k++) {
          if (lower[i + 1 + k] !== rest[r0 + k]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        seenCats |= bit;
        for (let k = 0; k < len; k++) {
          const pos = len === 1 ? 3 : k === 0 ? 0 : k === len - 1 ? 2 : 1;
          const b = category * 4 + pos;
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
