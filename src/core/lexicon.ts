/**
 * A user lexicon: names with a fixed type, from the user's accepted/added annotations in the
 * workspace's sidecars and from an optional `entities.yaml` registry. The recogniser treats a
 * lexicon match as authoritative, so the tool learns from its users.
 */
import type { EntityType } from './types';

export interface LexiconEntry {
  /** The surface form to find, matched case-sensitively on word boundaries. */
  name: string;
  type: EntityType;
  /** The canonical name this form refers to (defaults to `name`). */
  canonical?: string;
  /** Set for names the user rejected: never annotate this form as this type. */
  rejected?: boolean;
}

export interface LexiconMatch {
  start: number;
  end: number;
  entry: LexiconEntry;
}

/** Case-sensitive longest-match lookup of many names in a text. */
export class Lexicon {
  private readonly byFirstWord = new Map<string, LexiconEntry[]>();
  readonly size: number;

  constructor(entries: Iterable<LexiconEntry>) {
    const seen = new Map<string, LexiconEntry>();
    for (const e of entries) {
      const name = e.name.trim();
      if (!name) continue;
      // Last entry for a name+type wins; rejections and acceptances of the same form are both kept.
      seen.set(`${name}\u0000${e.type}\u0000${e.rejected ? 1 : 0}`, { ...e, name });
    }
    for (const e of seen.values()) {
      const first = firstWord(e.name);
      let list = this.byFirstWord.get(first);
      if (!list) this.byFirstWord.set(first, (list = []));
      list.push(e);
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : 1));
    this.size = seen.size;
  }

  /** All non-overlapping longest matches, left to right (rejections included, flagged). */
  find(text: string): LexiconMatch[] {
    const out: LexiconMatch[] = [];
    if (this.size === 0) return out;
    const word = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu;
    let m: RegExpExecArray | null;
    while ((m = word.exec(text))) {
      const start = m.index;
      if (start > 0 && isWordChar(text.charCodeAt(start - 1))) continue;
      const list = this.byFirstWord.get(firstWord(m[0]));
      if (!list) continue;
      for (const e of list) {
        const end = start + e.name.length;
        if (text.startsWith(e.name, start) && !isWordChar(text.charCodeAt(end))) {
          out.push({ start, end, entry: e });
          word.lastIndex = end;
          break;
        }
      }
    }
    return out;
  }
}

function firstWord(s: string): string {
  const m = /^[\p{L}\p{N}]+/u.exec(s);
  return m ? m[0] : s;
}

function isWordChar(c: number): boolean {
  if (Number.isNaN(c)) return false;
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}
