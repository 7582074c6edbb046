/**
 * Subject scoring: the curated keyword lists of `keywords.ts` compiled into lookup tables, and a
 * scorer that walks the word tokens once (phrases first, then words), so the cost is linear in the
 * text and a 1 MB article scores in a few tens of milliseconds.
 */
import type { Subject } from '../types';
import { IPTC_SUBTOPICS, IPTC_TOP } from './iptc';
import { SUBJECT_KEYWORDS, SUBTOPIC_KEYWORDS } from './keywords';
import { TokenFlag, tokenize, type Tokens } from './tokens';
import { partitionPoint } from '../search';

/** How a keyword's case must match: any case, capitalised only (a name), not capitalised mid-sentence. */
const enumMode = { any: 0, cap: 1, lower: 2 } as const;
type Mode = (typeof enumMode)[keyof typeof enumMode];

interface Hit {
  /** The keyword as written in the list (for explanations). */
  term: string;
  /** Index into the per-call count array. */
  id: number;
  /** Index into {@link TOPICS}. */
  topic: number;
  weight: number;
  mode: Mode;
}

interface Phrase {
  /** Lower-case words after the first. */
  rest: string[];
  /** The last word is a prefix. */
  prefixLast: boolean;
  hits: Hit[];
}

/** Every scored topic: the 17 top-level subjects first, then the narrower ones. */
export const TOPICS: readonly { code: string; label: string; parent: number }[] = [
  ...IPTC_TOP.map((t) => ({ code: t.code, label: t.label, parent: -1 })),
  ...IPTC_SUBTOPICS.map((t) => ({ code: t.code, label: t.label, parent: IPTC_TOP.findIndex((p) => p.code === t.parent) })),
];
/** How many top-level subjects there are: the first entries of {@link TOPICS}. */
export const TOP_COUNT = IPTC_TOP.length;

interface CompiledLexicon {
  words: Map<string, Hit[]>;
  prefixes: Map<string, Hit[]>;
  phrases: Map<string, Phrase[]>;
  hitCount: number;
  maxPrefix: number;
  byId: Hit[];
}

let compiled: CompiledLexicon | null = null;

/** Parses and indexes the keyword lists (once, on first use). */
function lexicon(): CompiledLexicon {
  if (compiled) return compiled;
  const words = new Map<string, Hit[]>();
  const prefixes = new Map<string, Hit[]>();
  const phrases = new Map<string, Phrase[]>();
  const phraseByText = new Map<string, Phrase>();
  let id = 0;
  let maxPrefix = 0;
  const add = (topic: number, list: string) => {
    for (const raw of list.split(/[,\n]/)) {
      const entry = raw.trim();
      if (!entry) continue;
      const eq = entry.lastIndexOf('=');
      const weight = eq > 0 ? Number(entry.slice(eq + 1)) : 1;
      let term = (eq > 0 ? entry.slice(0, eq) : entry).trim();
      if (!Number.isFinite(weight)) throw new Error(`bad keyword weight: ${entry}`);
      let mode: Mode = enumMode.any;
      if (term.startsWith('~')) {
        mode = enumMode.lower;
        term = term.slice(1);
      } else if (/^\p{Lu}/u.test(term)) mode = enumMode.cap;
      const prefix = term.endsWith('*');
      if (prefix) term = term.slice(0, -1);
      // Lower-case words as the tokenizer gives them (possessive `'s` dropped).
      const parts = term
        .toLowerCase()
        .replace(/’/g, "'")
        .split(/\s+/)
        .map((w) => (w.length > 2 && w.endsWith("'s") ? w.slice(0, -2) : w))
        .filter(Boolean);
      if (!parts.length) continue;
      const hit: Hit = { term: entry, id: id++, topic, weight, mode };
      if (parts.length === 1) {
        const table = prefix ? prefixes : words;
        const key = parts[0]!;
        if (prefix) maxPrefix = Math.max(maxPrefix, key.length);
        const list = table.get(key);
        if (list) list.push(hit);
        else table.set(key, [hit]);
      } else {
        const rest = parts.slice(1);
        const whole = `${prefix ? '*' : ''}${parts.join(' ')}`;
        const same = phraseByText.get(whole);
        if (same) same.hits.push(hit);
        else {
          const ph: Phrase = { rest, prefixLast: prefix, hits: [hit] };
          phraseByText.set(whole, ph);
          const list = phrases.get(parts[0]!);
          if (list) list.push(ph);
          else phrases.set(parts[0]!, [ph]);
        }
      }
    }
  };
  for (const [code, list] of Object.entries(SUBJECT_KEYWORDS)) {
    const topic = TOPICS.findIndex((t) => t.code === `medtop:${code}`);
    if (topic < 0) throw new Error(`unknown subject ${code}`);
    add(topic, list);
  }
  for (const [key, list] of Object.entries(SUBTOPIC_KEYWORDS)) {
    const topic = TOPICS.findIndex((t) => t.code === `medtop:${key.split('|')[0]}`);
    if (topic < 0) throw new Error(`unknown subtopic ${key}`);
    add(topic, list);
  }
  // Longest phrases first, so the first match is the longest.
  for (const list of phrases.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  const byId: Hit[] = [];
  for (const l of [...words.values(), ...prefixes.values()]) for (const h of l) byId[h.id] = h;
  for (const l of phrases.values()) for (const p of l) for (const h of p.hits) byId[h.id] = h;
  compiled = { words, prefixes, phrases, hitCount: id, maxPrefix, byId };
  return compiled;
}

const NO_HITS: Hit[] = [];
/** Per-word hits, shared across calls (the lexicon is fixed), and a reusable count array. */
const wordCache = new Map<string, Hit[]>();
let scratch: Float64Array | null = null;

/** Hits of one lower-case word: exact entries, then the longest matching prefix per topic. */
function wordHits(lex: CompiledLexicon, cache: Map<string, Hit[]>, low: string): Hit[] {
  const cached = cache.get(low);
  if (cached) return cached;
  let out: Hit[] = lex.words.get(low) ?? NO_HITS;
  if (low.length >= 3) {
    let seen: Set<number> | null = null;
    for (let len = Math.min(low.length, lex.maxPrefix); len >= 3; len--) {
      const hits = lex.prefixes.get(len === low.length ? low : low.slice(0, len));
      if (!hits) continue;
      if (!seen) {
        seen = new Set(out.map((h) => h.topic));
        out = out.slice();
      }
      for (const h of hits) {
        if (!seen.has(h.topic)) {
          out.push(h);
          seen.add(h.topic);
        }
      }
    }
  }
  // Hyphenated words without an entry of their own count through their parts (`tax-free` → tax).
  if (!out.length && low.indexOf('-') > 0) {
    const parts = low.split('-');
    const merged: Hit[] = [];
    for (const p of parts) if (p.length > 1) merged.push(...wordHits(lex, cache, p));
    out = merged.length ? merged : NO_HITS;
  }
  cache.set(low, out);
  return out;
}

function modeOk(mode: Mode, flags: number): boolean {
  if (mode === enumMode.any) return true;
  if (mode === enumMode.cap) return (flags & TokenFlag.Cap) !== 0;
  return (flags & TokenFlag.Cap) === 0 || (flags & TokenFlag.SentenceStart) !== 0;
}

/** One matched keyword: the topic it counts for, its weighted count and its contribution. */
export interface KeywordEvidence {
  topic: string;
  term: string;
  count: number;
  score: number;
}

/** What {@link rawTopicScores} scores, and where it reports what it matched. */
export interface TopicScoreOptions {
  /** The tokens scored are `[from, to)`: all of them by default. */
  from?: number;
  to?: number;
  /** Tokens before `headlineEnd` count {@link HEADLINE_WEIGHT} times, then up to `ledeEnd` {@link LEDE_WEIGHT} times. */
  regions?: { headlineEnd: number; ledeEnd: number };
  /** Receives every matched keyword with its count and contribution. */
  explain?: KeywordEvidence[];
  /** Receives the matches as pairs (token index, keyword id), in token order (see {@link scoreEvents}). */
  events?: number[];
}

/**
 * Raw keyword evidence per topic (index into {@link TOPICS}) for the tokens of `options` (all by
 * default), headline and lede weighted by `options.regions`. Each keyword contributes
 * `weight × log2(1 + occurrences)`, so one word repeated cannot swamp the rest.
 */
export function rawTopicScores(tokens: Tokens, options: TopicScoreOptions = {}): Float64Array {
  const { from = 0, to = tokens.count, regions = { headlineEnd: 0, ledeEnd: 0 }, explain, events } = options;
  const lex = lexicon();
  if (!scratch || scratch.length !== lex.hitCount) scratch = new Float64Array(lex.hitCount);
  const counts = scratch;
  const used: Hit[] = [];
  if (wordCache.size > 200_000) wordCache.clear();
  const cache = wordCache;
  const count = (h: Hit, w: number) => {
    if (counts[h.id] === 0) used.push(h);
    counts[h.id] += w;
  };
  const { flags, vocab } = tokens;
  const ids = tokens.id;
  // Lexicon entries per distinct word of this text, looked up once.
  const phrasesOf: (Phrase[] | null)[] = new Array(tokens.vocab.length);
  const hitsOf: Hit[][] = new Array(tokens.vocab.length);
  for (let i = from; i < to; i++) {
    const low = vocab[ids[i]!]!;
    const f = flags[i]!;
    if (f & TokenFlag.Numeric && low.length < 3) continue;
    const w = i < regions.headlineEnd ? HEADLINE_WEIGHT : i < regions.ledeEnd ? LEDE_WEIGHT : 1;
    const vid = tokens.id[i]!;

    let cands = phrasesOf[vid];
    if (cands === undefined) cands = phrasesOf[vid] = lex.phrases.get(low) ?? null;
    let matched = 0;
    if (cands) {
      for (const p of cands) {
        const n = p.rest.length;
        if (i + n >= to) continue;
        let ok = true;
        for (let j = 0; j < n && ok; j++) {
          const k = i + 1 + j;
          if (flags[k]! & TokenFlag.Break) ok = false;
          else if (p.prefixLast && j === n - 1) ok = vocab[ids[k]!]!.startsWith(p.rest[j]!);
          else ok = vocab[ids[k]!] === p.rest[j];
        }
        if (!ok) continue;
        for (const h of p.hits) {
          if (!modeOk(h.mode, f)) continue;
          count(h, w);
          if (events) events.push(i, h.id);
        }
        matched = n;
        break;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    let hits = hitsOf[vid];
    if (!hits) hits = hitsOf[vid] = wordHits(lex, cache, low);
    for (const h of hits) {
      if (!modeOk(h.mode, f)) continue;
      count(h, w);
      if (events) events.push(i, h.id);
    }
  }
  const out = new Float64Array(TOPICS.length);
  for (const h of used) {
    const c = counts[h.id]!;
    counts[h.id] = 0;
    const v = h.weight * Math.log2(1 + c);
    out[h.topic] += v;
    if (explain) explain.push({ topic: TOPICS[h.topic]!.label, term: h.term, count: c, score: v });
  }
  return out;
}

/**
 * Raw topic scores of tokens `[from, to)` from the match events of an earlier {@link rawTopicScores}
 * pass (pairs token index, keyword id), each token weighing 1: no second scan of the text.
 */
export function scoreEvents(events: readonly number[], from: number, to: number): Float64Array {
  const lex = lexicon();
  const counts = new Map<number, number>();
  // Events are in token order: find the first one at or after `from`.
  const lo = partitionPoint(events.length >> 1, (mid) => events[2 * mid]! < from);
  for (let k = 2 * lo; k < events.length && events[k]! < to; k += 2) counts.set(events[k + 1]!, (counts.get(events[k + 1]!) ?? 0) + 1);
  const out = new Float64Array(TOPICS.length);
  for (const [id, c] of counts) {
    const h = lex.byId[id]!;
    out[h.topic] += h.weight * Math.log2(1 + c);
  }
  return out;
}

/** Where the headline and the lede are: the first paragraph when it is one short line, then the next paragraph. */
export function headlineAndLede(tokens: Tokens, text: string): { headlineEnd: number; ledeEnd: number } {
  let headlineEnd = 0;
  let ledeEnd = 0;
  let firstPara = tokens.count;
  for (let i = 1; i < tokens.count; i++) {
    if (tokens.flags[i]! & TokenFlag.ParagraphStart) {
      firstPara = i;
      break;
    }
  }
  if (firstPara < tokens.count && firstPara > 0) {
    const end = tokens.end[firstPara - 1]!;
    const start = tokens.start[0]!;
    if (end - start < 250 && text.slice(start, end).indexOf('\n') < 0) {
      headlineEnd = firstPara;
      ledeEnd = tokens.count;
      for (let i = firstPara + 1; i < tokens.count; i++) {
        if (tokens.flags[i]! & TokenFlag.ParagraphStart) {
          ledeEnd = i;
          break;
        }
      }
    }
  }
  return { headlineEnd, ledeEnd };
}

/** Weight of headline tokens relative to the body. */
export const HEADLINE_WEIGHT = 3;
/** Weight of lede tokens relative to the body. */
export const LEDE_WEIGHT = 2;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Ranks subjects from raw topic scores: top-level subjects whose share of the evidence is at least
 * `minShare`, best first; `score` is that share (0..1). Narrower topics with enough evidence are
 * listed under their parent in `subtopics`.
 */
export function rankSubjects(raw: Float64Array, minShare = 0.01): Subject[] {
  let total = 0;
  for (let t = 0; t < TOP_COUNT; t++) total += raw[t]!;
  if (total <= 0) return [];
  const out: Subject[] = [];
  for (let t = 0; t < TOP_COUNT; t++) {
    const share = raw[t]! / total;
    if (share < minShare || share <= 0) continue;
    const s: Subject = { code: TOPICS[t]!.code, label: TOPICS[t]!.label, score: round3(share) };
    const subs: Subject[] = [];
    for (let k = TOP_COUNT; k < TOPICS.length; k++) {
      if (TOPICS[k]!.parent !== t) continue;
      const r = raw[k]!;
      if (r >= 2 && r >= 0.2 * raw[t]!)
        subs.push({ code: TOPICS[k]!.code, label: TOPICS[k]!.label, score: round3(Math.min(1, r / total)) });
    }
    if (subs.length) s.subtopics = subs.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
    out.push(s);
  }
  return out.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
}

/** Raw scores of a whole article: headline ×3, lede ×2. */
export function articleTopicScores(
  text: string,
  tokens: Tokens = tokenize(text),
  explain?: KeywordEvidence[],
  events?: number[],
): Float64Array {
  return rawTopicScores(tokens, { from: 0, to: tokens.count, regions: headlineAndLede(tokens, text), explain, events });
}

/** The keyword evidence behind {@link scoreSubjects}: each matched keyword with its weighted count and contribution, largest first. */
export function explainSubjects(text: string): KeywordEvidence[] {
  const out: KeywordEvidence[] = [];
  articleTopicScores(text, tokenize(text), out);
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Scores the IPTC subjects of a text from the curated keyword lists: subjects with at least 1% of
 * the keyword evidence, best first, `score` = share of the evidence (0..1). When the text starts
 * with a one-line headline, the headline counts three times and the next paragraph (the lede) twice.
 */
export function scoreSubjects(text: string): Subject[] {
  return rankSubjects(articleTopicScores(text));
}
