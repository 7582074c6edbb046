/**
 * Reads the PolNeAR attribution corpus (brat standoff) from the shared data folder, the same way
 * `../shared/tools/score-quotes.js` does: gold quotes are Content spans holding a double quote mark,
 * their first fragment only; the Source is the attribution's Source span (first fragment), if any.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sharedPath } from './shared';

export interface GoldQuote {
  start: number;
  end: number;
  source: { start: number; end: number } | null;
}

export interface PolnearDoc {
  id: string;
  /** The file's text as read (offsets of the .ann files refer to it). */
  text: string;
  quotes: GoldQuote[];
}

/** The documents of a split (`train`, `dev`), or null when the shared data is missing. */
export function loadPolnear(split: string): PolnearDoc[] | null {
  const dir = sharedPath('corpus', 'quotes', 'polnear', split);
  if (!dir) return null;
  const anns = fs.readdirSync(path.join(dir, 'attributions')).sort();
  const docs: PolnearDoc[] = [];
  for (const tf of fs.readdirSync(path.join(dir, 'text')).sort()) {
    const base = tf.replace(/\.txt$/, '');
    const af = anns.find((a) => a.startsWith(base + '_') || a === base + '.ann');
    if (!af) continue;
    const text = fs.readFileSync(path.join(dir, 'text', tf), 'utf8');
    const spans = new Map<string, { type: string; start: number; end: number }>();
    const lines = fs.readFileSync(path.join(dir, 'attributions', af), 'utf8').split('\n');
    for (const l of lines) {
      const m = /^(T\d+)\t(\w+) (\d+) (\d+)(?:;\d+ \d+)*\t/.exec(l);
      if (m) spans.set(m[1]!, { type: m[2]!, start: +m[3]!, end: +m[4]! });
    }
    const quotes: GoldQuote[] = [];
    for (const l of lines) {
      if (!/^E\d+\t/.test(l)) continue;
      const roles = Object.fromEntries(
        l
          .split('\t')[1]!
          .split(' ')
          .map((x) => x.split(':')),
      );
      const c = spans.get(roles.Content);
      const s = roles.Source ? spans.get(roles.Source) : undefined;
      if (!c || !/["“”]/.test(text.slice(c.start, c.end))) continue;
      quotes.push({ start: c.start, end: c.end, source: s ? { start: s.start, end: s.end } : null });
    }
    docs.push({ id: base, text, quotes });
  }
  return docs;
}
