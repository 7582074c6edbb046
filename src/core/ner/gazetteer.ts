/**
 * Gazetteer matching for the tagger's features: longest case-insensitive matches of typed name
 * lists over token sequences (by lower-case token hashes), reported per token as category ×
 * position (B, I, L, U) bits. Lists are in `gazetteer-data.ts`.
 */
import { CAP_LOWER, lowerHashOf } from './features';
import * as data from './gazetteer-data';
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

interface Entry {
  /** Lower-case hashes of the entry's tokens after the first. */
  rest: Int32Array;
  category: number;
  /** The entry starts with a capital letter: a lower-case text word does not match it. */
  capital: boolean;
}

export interface GazetteerMatch {
  lo: Int32Array;
  hi: Int32Array;
}

export class Gazetteer {
  private readonly byFirst = new Map<number, Entry[]>();
  readonly entries: number;

  constructor(lists: readonly (readonly [number, string])[]) {
    let count = 0;
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
        const c = text.charCodeAt(first);
        const entry: Entry = { rest: Int32Array.from(hashes.slice(1)), category, capital: c >= 65 && c <= 90 ? true : c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase() };
        let bucket = this.byFirst.get(hashes[0]!);
        if (!bucket) this.byFirst.set(hashes[0]!, (bucket = []));
        if (!bucket.some((b) => b.category === category && sameHashes(b.rest, entry.rest))) {
          bucket.push(entry);
          count++;
        }
      }
    }
    for (const bucket of this.byFirst.values()) bucket.sort((a, b) => b.rest.length - a.rest.length || a.category - b.category);
    this.entries = count;
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

let shared: Gazetteer | null = null;

/** The built-in gazetteer (built on first use). */
export function builtinGazetteer(): Gazetteer {
  if (!shared) {
    shared = new Gazetteer([
      [GAZ.country, data.COUNTRIES],
      [GAZ.city, data.CITIES],
      [GAZ.region, data.REGIONS],
      [GAZ.demonym, data.DEMONYMS],
      [GAZ.first, data.FIRST_NAMES],
      [GAZ.surname, data.SURNAMES],
      [GAZ.person, data.PEOPLE],
      [GAZ.org, data.ORGS],
      [GAZ.orgSuffix, data.ORG_SUFFIXES],
      [GAZ.orgWord, data.ORG_WORDS],
      [GAZ.title, data.TITLES],
      [GAZ.misc, data.MISC_NAMES],
      [GAZ.time, data.TIME_WORDS],
      [GAZ.particle, data.NAME_PARTICLES],
    ]);
  }
  return shared;
}
