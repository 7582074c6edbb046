/**
 * Quote throughput (`findQuotes` alone; entity mentions are computed beforehand, so the figure
 * excludes the recogniser) on PolNeAR and BBC text. `benchQuotes()` returns the figures; run this
 * file directly to print them:  node scripts/run-ts.mjs bench/quotes.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { linkEntities } from '../src/core/entities/link';
import { recognizeEntities } from '../src/core/ner';
import { findQuotes } from '../src/core/quotes';
import { normalizeText } from '../src/core/text';
import type { Entity, EntityMention } from '../src/core/types';
import { sharedDir } from '../scripts/shared';

export interface QuoteBench {
  corpus: string;
  articles: number;
  chars: number;
  quotes: number;
  /** Best of several timed rounds (the machine is shared), characters per second. */
  charsPerSec: number;
  /** A plain regex word tokenizer over the same text, measured the same way in the same run. */
  baselineCharsPerSec: number;
}

interface Doc {
  text: string;
  mentions: EntityMention[];
  groups: Entity[];
}

function texts(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt')) out.push(normalizeText(fs.readFileSync(p, 'utf8')).text);
    }
  };
  walk(dir);
  return out;
}

/** Best-of-rounds throughput of `fn` over the texts, in characters per second. */
function best(docs: Doc[], fn: (d: Doc) => unknown, minMs: number): number {
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  for (const d of docs) fn(d); // warm-up
  let ms = Infinity;
  let rounds = 0;
  const t0 = performance.now();
  while (rounds < 3 || (performance.now() - t0 < minMs && rounds < 50)) {
    const t = performance.now();
    for (const d of docs) fn(d);
    ms = Math.min(ms, performance.now() - t);
    rounds++;
  }
  return chars / (ms / 1000);
}

function baseline(d: Doc): number {
  let n = 0;
  const re = /\p{L}+|\p{N}+/gu;
  while (re.exec(d.text)) n++;
  return n;
}

function measure(corpus: string, docs: Doc[], minMs: number): QuoteBench {
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  let quotes = 0;
  for (const d of docs) quotes += findQuotes(d.text, d.mentions, d.groups).length;
  const charsPerSec = best(docs, (d) => findQuotes(d.text, d.mentions, d.groups), minMs);
  const baselineCharsPerSec = best(docs, baseline, minMs / 2);
  return { corpus, articles: docs.length, chars, quotes, charsPerSec, baselineCharsPerSec };
}

/** Measures quote throughput on the shared corpora that are present. */
export function benchQuotes(minMs = 2000): QuoteBench[] {
  const out: QuoteBench[] = [];
  const corpora: [string, string][] = [
    ['PolNeAR', path.join(sharedDir(), 'corpus/quotes/polnear')],
    ['BBC', path.join(sharedDir(), 'corpus/news/bbc')],
  ];
  for (const [name, dir] of corpora) {
    if (!fs.existsSync(dir)) continue;
    const docs = texts(dir).map((text) => ({ text, ...linkEntities(text, recognizeEntities(text)) }));
    out.push(measure(name, docs, minMs));
  }
  return out;
}

if (/quotes\.c?[jt]s$/.test(process.argv[1] ?? '')) {
  const res = benchQuotes();
  if (!res.length) console.log(`quotes bench: skipped (no corpora under ${sharedDir()})`);
  for (const r of res) {
    console.log(
      `${r.corpus}: ${r.articles} articles, ${(r.chars / 1e6).toFixed(2)}M chars, ${r.quotes} quotes — ` +
        `findQuotes ${(r.charsPerSec / 1e6).toFixed(1)}M chars/s` +
        (` (${(r.charsPerSec / r.baselineCharsPerSec).toFixed(2)} × a regex word tokenizer ` +
          `at ${(r.baselineCharsPerSec / 1e6).toFixed(1)}M chars/s)`),
    );
  }
}
