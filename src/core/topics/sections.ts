/**
 * The section outline: headline, lede, then runs of body paragraphs about the same thing. Adjacent
 * paragraphs merge when their entities and keyphrases overlap (cosine of TF-IDF vectors, with
 * article-wide terms such as the main actor discounted); a topic shift starts a new section. Each
 * section gets an editor-style label from its most specific entity and keyphrase
 * (`Taiwan arms sales`), or from a figure change the text states (`Soybeans: 12 → 20 million tonnes`).
 */
import { paragraphs } from '../text';
import type { Entity, EntityMention, EntityType, Figure, Quote, Section, Subject } from '../types';
import { idfOf, type IdfTable } from './idf';
import { candidates, contentMask, internWords, PhraseTable, STOPWORDS, type Words } from './keyphrases';
import { scoreEvents, TOP_COUNT, TOPICS } from './subjects';
import { TokenFlag, tokenAt, type Tokens } from './tokens';

export interface SectionInput {
  entities: readonly EntityMention[];
  groups: readonly Entity[];
  figures: readonly Figure[];
  quotes: readonly Quote[];
}

/** Debug trace of merge decisions (off by default). */
export const DEBUG = { on: false, log: [] as string[] };

/** Tuning of the segmentation (exported for tests and experiments). */
export const SECTION_TUNING = {
  /** Merge a paragraph into the running section when the cosine similarity reaches this. */
  mergeThreshold: 0.16,
  /** Most paragraphs in one body section. */
  maxParagraphs: 6,
  /** Longest label, in characters. */
  maxLabel: 48,
};

interface Para {
  start: number;
  end: number;
  /** Token range. */
  t0: number;
  t1: number;
  kind: 'headline' | 'text' | 'aside' | 'tail';
}

/** A keyphrase of a paragraph or section: count, corpus weight and its first occurrence (tokens). */
/** A keyphrase of a paragraph or section: id in the phrase table, count, corpus weight, first occurrence (tokens). */
interface Phrase {
  key: number;
  count: number;
  /** Mean IDF of its words (×1.5 right after a figure). */
  base: number;
  from: number;
  to: number;
}

interface ParaFeatures {
  phrases: Phrase[];
  /** Similarity terms (word singulars `0..W-1`, entities `W + index`) and their weights once IDF-scaled. */
  termKeys: number[];
  termCounts: number[];
  /** Entity index → mentions in the paragraph. */
  entities: Map<number, number>;
}

/**
 * Sparse aggregation keyed by small integers without a Map: `slot[k]` holds the position of key `k`
 * in the current batch while `stamp[k]` equals the batch number.
 */
class Aggregator {
  private stamp: Int32Array;
  private slot: Int32Array;
  private batch = 0;
  constructor(size: number) {
    this.stamp = new Int32Array(size);
    this.slot = new Int32Array(size);
  }
  next(): void {
    this.batch++;
  }
  /** Position of `k` in the batch, or -1. */
  get(k: number): number {
    return this.stamp[k] === this.batch ? this.slot[k]! : -1;
  }
  set(k: number, pos: number): void {
    if (k >= this.stamp.length) {
      const n = Math.max(k + 1, this.stamp.length * 2);
      const st = new Int32Array(n);
      st.set(this.stamp);
      const sl = new Int32Array(n);
      sl.set(this.slot);
      this.stamp = st;
      this.slot = sl;
    }
    this.stamp[k] = this.batch;
    this.slot[k] = pos;
  }
}

const ENTITY_BASE: Record<EntityType, number> = { PER: 3, ORG: 3.2, LOC: 3.2, MISC: 1.5 };
/** Names lead labels more than they lead similarity. */
const LABEL_ENTITY_WEIGHT = 1.8;

/** FNV-1a hash in base 36, for stable ids. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const TERMINAL = /[.!?:;"”’')\]…]$/;

/** Splits the text into paragraphs and classifies them. */
function classify(text: string, tokens: Tokens): Para[] {
  const spans = paragraphs(text);
  const out: Para[] = spans.map((p) => ({ ...p, t0: tokenAt(tokens, p.start), t1: tokenAt(tokens, p.end), kind: 'text' as Para['kind'] }));
  if (out.length > 1) {
    const h = out[0]!;
    if (h.end - h.start < 250 && text.slice(h.start, h.end).indexOf('\n') < 0) h.kind = 'headline';
  }
  // Non-article tails: short lines without sentence punctuation at the end (`Tags`, `Share this`).
  for (let k = out.length - 1; k > 0; k--) {
    const p = out[k]!;
    const lines = text.slice(p.start, p.end).split('\n');
    const short = lines.every((l) => l.trim().length <= 40 && l.trim().split(/\s+/).length <= 4 && !TERMINAL.test(l.trim()));
    if (short && p.t1 - p.t0 <= 4 * lines.length) p.kind = 'tail';
    else break;
  }
  // Asides inside the article: short single lines without sentence punctuation (captions, credits).
  const texts = out.filter((q) => q.kind === 'text').length;
  for (const p of out) {
    if (p.kind !== 'text' || p.t1 - p.t0 > 10 || texts < 2) continue;
    const s = text.slice(p.start, p.end);
    if (!TERMINAL.test(s) && s.indexOf('\n') < 0) p.kind = 'aside';
  }
  return out;
}

/** Sorted entity mentions per token, and a quick "is this token inside a name" test. */
function nameIndex(tokens: Tokens, entities: readonly EntityMention[]): { inName: (i: number) => boolean; mentionsIn: (start: number, end: number) => EntityMention[] } {
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  const mark = new Uint8Array(tokens.count);
  for (const m of sorted) {
    for (let i = tokenAt(tokens, m.start); i < tokens.count && tokens.start[i]! < m.end; i++) mark[i] = 1;
  }
  // A capitalised word at a sentence start that is capitalised mid-sentence elsewhere, and never
  // written lower case, is a name too (`Rightmove said …`).
  for (let i = 0; i < tokens.count; i++) {
    const f = tokens.flags[i]!;
    const id = tokens.id[i]!;
    if (f & TokenFlag.Cap && f & TokenFlag.SentenceStart && tokens.capMid[id] && !tokens.lowSeen[id]) mark[i] = 1;
  }
  const starts = sorted.map((m) => m.start);
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    inName: (i) => mark[i] === 1,
    mentionsIn: (start, end) => {
      const out: EntityMention[] = [];
      for (let k = lowerBound(start); k < sorted.length && sorted[k]!.start < end; k++) if (sorted[k]!.end <= end) out.push(sorted[k]!);
      return out;
    },
  };
}

/** Names the recogniser did not give us: runs of capitalised words mid-sentence (used only when no entities are passed). */
function pseudoEntities(text: string, tokens: Tokens): EntityMention[] {
  const out: EntityMention[] = [];
  let i = 0;
  while (i < tokens.count) {
    const f = tokens.flags[i]!;
    if (f & TokenFlag.Cap && !(f & TokenFlag.SentenceStart) && tokens.lower[i]!.length > 1) {
      let j = i + 1;
      while (j < tokens.count && tokens.flags[j]! & TokenFlag.Cap && !(tokens.flags[j]! & TokenFlag.Break)) j++;
      const s = tokens.start[i]!;
      const e = tokens.end[j - 1]!;
      const name = text.slice(s, e).replace(/['’]s$/, '');
      out.push({ start: s, end: s + name.length, type: 'MISC', text: name, confidence: 0.3, entityId: `name:${name.toLowerCase()}`, origin: 'model' });
      i = j;
    } else i++;
  }
  return out;
}

function paraFeatures(
  tokens: Tokens,
  words: Words,
  table: PhraseTable,
  agg: Aggregator,
  p: Para,
  names: ReturnType<typeof nameIndex>,
  content: Uint8Array,
  entityIndex: (id: string) => number,
  figureEnds: Set<number>,
): ParaFeatures {
  const phrases: Phrase[] = [];
  agg.next();
  candidates(tokens, words, table, p.t0, p.t1, content, (from, to, key) => {
    let base = 0;
    for (let k = from; k < to; k++) base += words.idf[words.id[k]!]!;
    base /= to - from;
    // A phrase right after a figure is the news of its paragraph (`$11 billion arms package`).
    if (from > p.t0 && figureEnds.has(tokens.end[from - 1]!) && !(tokens.flags[from]! & TokenFlag.Break)) base *= 1.5;
    const at = agg.get(key);
    if (at >= 0) {
      const f = phrases[at]!;
      f.count++;
      if (base > f.base) f.base = base;
    } else {
      agg.set(key, phrases.length);
      phrases.push({ key, count: 1, base, from, to });
    }
  });
  // Content words on their own (for similarity only): `arms` links `arms sales` and `arms package`.
  const W = words.text.length;
  const termKeys: number[] = [];
  const termCounts: number[] = [];
  agg.next();
  const addTerm = (key: number) => {
    const at = agg.get(key);
    if (at >= 0) termCounts[at]!++;
    else {
      agg.set(key, termKeys.length);
      termKeys.push(key);
      termCounts.push(1);
    }
  };
  for (let i = p.t0; i < p.t1; i++) if (content[i]) addTerm(words.stemId[words.id[i]!]!);
  const entities = new Map<number, number>();
  for (const m of names.mentionsIn(p.start, p.end)) {
    const e = entityIndex(m.entityId);
    entities.set(e, (entities.get(e) ?? 0) + 1);
    addTerm(W + e);
  }
  return { phrases, termKeys, termCounts, entities };
}

/** Within-article specificity: 1 for a term in one paragraph, less for terms spread over the article. */
function specificity(pdf: number, paras: number): number {
  if (paras <= 1) return 1;
  return Math.log(1 + paras / Math.max(pdf, 1)) / Math.log(1 + paras);
}

/** A paragraph's similarity vector: term keys and TF-IDF × specificity weights. */
interface Vec {
  keys: number[];
  weights: Float64Array;
  normSq: number;
}

function vector(pf: ParaFeatures, pdf: Int32Array, nParas: number, words: Words, entityBase: (e: number) => number): Vec {
  const W = words.text.length;
  const weights = new Float64Array(pf.termKeys.length);
  let normSq = 0;
  pf.termKeys.forEach((key, j) => {
    const base = key < W ? 0.6 * words.idf[key]! : entityBase(key - W);
    const w = (1 + Math.log(pf.termCounts[j]!)) * base * specificity(pdf[key]!, nParas);
    weights[j] = w;
    normSq += w * w;
  });
  return { keys: pf.termKeys, weights, normSq };
}

/** The running vector of the section being built: dense over the term space, reset per section. */
class Running {
  readonly w: Float64Array;
  private touched: number[] = [];
  normSq = 0;
  constructor(size: number) {
    this.w = new Float64Array(size);
  }
  reset(): void {
    for (const k of this.touched) this.w[k] = 0;
    this.touched.length = 0;
    this.normSq = 0;
  }
  add(v: Vec): void {
    v.keys.forEach((k, j) => {
      const old = this.w[k]!;
      if (old === 0) this.touched.push(k);
      const now = old + v.weights[j]!;
      this.w[k] = now;
      this.normSq += now * now - old * old;
    });
  }
  cosine(v: Vec): number {
    if (!this.normSq || !v.normSq) return 0;
    let dot = 0;
    v.keys.forEach((k, j) => (dot += this.w[k]! * v.weights[j]!));
    return dot / Math.sqrt(this.normSq * v.normSq);
  }
}

const CONTINUATION = /^(?:he|she|it|they|this|these|that|those|his|her|their|its|but|and|also|so|such|the move|the deal|the firm|the company)\b/i;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The best top-level subject of a section: its own keyword evidence, nudged towards the article's subjects. */
function sectionSubject(events: readonly number[], t0: number, t1: number, articleShare: Float64Array): Subject | null {
  const raw = scoreEvents(events, t0, t1);
  let sum = 0;
  for (let t = 0; t < TOP_COUNT; t++) sum += raw[t]!;
  if (sum < 1) return null;
  let best = -1;
  let bestScore = 0;
  let total = 0;
  for (let t = 0; t < TOP_COUNT; t++) {
    const s = raw[t]! + 0.25 * articleShare[t]! * sum;
    total += s;
    if (s > bestScore) {
      bestScore = s;
      best = t;
    }
  }
  return best < 0 ? null : { code: TOPICS[best]!.code, label: TOPICS[best]!.label, score: round3(bestScore / total) };
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return (sp > max / 2 ? cut.slice(0, sp) : cut).replace(/[\s,;:–-]+$/, '') + '…';
}

/** `12 million tonnes`, `20 million tonnes` → `12 → 20 million tonnes`. */
function formatChange(a: string, b: string): string {
  const wa = a.split(/\s+/);
  const wb = b.split(/\s+/);
  let k = 0;
  while (k < wa.length - 1 && k < wb.length - 1 && wa[wa.length - 1 - k] === wb[wb.length - 1 - k]) k++;
  if (k === 0) return `${a} → ${b}`;
  return `${wa.slice(0, wa.length - k).join(' ')} → ${wb.join(' ')}`;
}

/**
 * A stated change inside the section (`from 12 million tonnes to 20 million tonnes`) and the noun
 * just before it (`soybeans`): `Soybeans: 12 → 20 million tonnes`.
 */
function changeLabel(text: string, tokens: Tokens, words: Words, table: PhraseTable, figures: readonly Figure[], start: number, end: number, content: Uint8Array): string | null {
  // Figures are sorted by start (see buildSections): jump to the first one in the section.
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (figures[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k + 1 < figures.length && figures[k]!.start < end; k++) {
    const a = figures[k]!;
    if (a.end > end) continue;
    if (a.kind !== 'quantity' && a.kind !== 'money' && a.kind !== 'percent') continue;
    const b = figures[k + 1]!;
    if (b.kind !== a.kind || b.unit !== a.unit || b.end > end) continue;
    const between = text.slice(a.end, b.start);
    if (!/^\s*(?:to|and)\s*$/.test(between)) continue;
    const before = text.slice(Math.max(start, a.start - 12), a.start);
    if (!/\bfrom\s*$/i.test(before)) continue;
    // The subject noun: the last content word before `from`, within the sentence.
    const fromTok = tokenAt(tokens, a.start) - 1;
    let noun: string | null = null;
    for (let i = fromTok - 1; i >= 0 && i >= fromTok - 6 && tokens.start[i]! >= start; i--) {
      let found = false;
      candidates(tokens, words, table, i, i + 1, content, () => (found = true));
      if (found) {
        noun = text.slice(tokens.start[i]!, tokens.end[i]!);
        break;
      }
      if (tokens.flags[i]! & TokenFlag.Break && /[.!?]/.test(text.slice(tokens.end[i - 1] ?? 0, tokens.start[i]!))) break;
    }
    const change = formatChange(a.text, b.text);
    return noun ? `${capitalise(noun)}: ${change}` : change;
  }
  return null;
}

export interface SectionsArgs {
  text: string;
  tokens: Tokens;
  input: SectionInput;
  idf: IdfTable;
  /** Article-level subject shares by topic index (top level), to nudge section subjects. */
  articleShare: Float64Array;
  /** Keyword matches of the article pass (`rawTopicScores` events), reused for section subjects. */
  events: readonly number[];
}

/** Builds the section outline of an article. */
export function buildSections(args: SectionsArgs): Section[] {
  const { text, tokens, input, idf, articleShare } = args;
  const paras = classify(text, tokens);
  if (!paras.length) return [];
  const entities = input.entities.length ? input.entities : pseudoEntities(text, tokens);
  const names = nameIndex(tokens, entities);
  const words = internWords(tokens, (w) => idfOf(idf, w));
  const content = contentMask(tokens, words, names.inName);

  // Entities by index: type, display name, short name of a person (the shortest form the article uses: `Trump`, `Xi`).
  const groupById = new Map<string, Entity>();
  for (const g of input.groups) groupById.set(g.id, g);
  const entityIds = new Map<string, number>();
  const ent: { id: string; type: EntityType; name: string; short: string }[] = [];
  const entityIndex = (id: string): number => entityIds.get(id) ?? -1;
  for (const m of entities) {
    if (entityIds.has(m.entityId)) continue;
    const g = groupById.get(m.entityId);
    const type = g ? g.type : m.type;
    const name = g ? g.canonical : m.text;
    let short = name;
    if (type === 'PER') {
      const forms = g ? [g.canonical, ...g.aliases].filter((f) => f.length > 1 && !/\s/.test(f) && g.canonical.includes(f)) : [];
      short = forms.length ? forms.sort((a, b) => a.length - b.length)[0]! : name.split(/\s+/).pop()!;
    }
    entityIds.set(m.entityId, ent.length);
    ent.push({ id: m.entityId, type, name, short });
  }
  const entityBase = (e: number) => ENTITY_BASE[ent[e]!.type];

  const figures = [...input.figures].sort((a, b) => a.start - b.start);
  const figureEnds = new Set<number>();
  for (const f of figures) if (f.kind === 'money' || f.kind === 'quantity') figureEnds.add(f.end);
  const table = new PhraseTable();
  const W = words.text.length;
  const agg = new Aggregator(Math.max(W + ent.length, 1024));
  const feats: (ParaFeatures | null)[] = paras.map((p) => (p.kind === 'text' ? paraFeatures(tokens, words, table, agg, p, names, content, entityIndex, figureEnds) : null));
  // In how many paragraphs each similarity term and each phrase occurs.
  const pdfTerm = new Int32Array(W + ent.length);
  const pdfPhrase = new Int32Array(table.size);
  let nText = 0;
  for (const f of feats) {
    if (!f) continue;
    nText++;
    for (const k of f.termKeys) pdfTerm[k]!++;
    for (const ph of f.phrases) pdfPhrase[ph.key]!++;
  }
  const vectors = feats.map((f) => (f ? vector(f, pdfTerm, nText, words, entityBase) : null));

  // Group paragraphs: headline alone, lede alone, then greedy merging of body paragraphs.
  interface Group {
    role: Section['role'];
    paras: number[];
  }
  const groups: Group[] = [];
  let pendingAsides: number[] = [];
  let ledeDone = false;
  const running = new Running(W + ent.length);
  let runningOn = false;
  let runningText = 0;
  let quoteOpen = false;
  for (let k = 0; k < paras.length; k++) {
    const p = paras[k]!;
    if (p.kind === 'tail') continue;
    if (p.kind === 'headline') {
      groups.push({ role: 'headline', paras: [k] });
      continue;
    }
    if (p.kind === 'aside') {
      pendingAsides.push(k);
      continue;
    }
    const v = vectors[k]!;
    const ptext = text.slice(p.start, Math.min(p.end, p.start + 40));
    const last = groups[groups.length - 1];
    let merge = false;
    if (ledeDone && last && last.role === 'body' && runningOn) {
      let sim = running.cosine(v);
      if (DEBUG.on) DEBUG.log.push(`${k}: sim ${sim.toFixed(3)} ${ptext}`);
      if (CONTINUATION.test(ptext)) sim += 0.08;
      if (quoteOpen && /^["“‘']/.test(ptext)) sim += 1;
      merge = sim >= SECTION_TUNING.mergeThreshold && runningText < SECTION_TUNING.maxParagraphs;
    }
    if (merge) {
      last!.paras.push(...pendingAsides, k);
      running.add(v);
      runningText++;
    } else {
      const role: Section['role'] = ledeDone ? 'body' : 'lede';
      groups.push({ role, paras: [...pendingAsides, k] });
      running.reset();
      runningOn = role === 'body';
      if (runningOn) running.add(v);
      runningText = 1;
      ledeDone = true;
    }
    pendingAsides = [];
    quoteOpen = opensQuote(text, p.start, p.end);
  }
  // Asides after the last text paragraph join the last section.
  if (pendingAsides.length && groups.length) groups[groups.length - 1]!.paras.push(...pendingAsides);

  const surfaceOf = (ph: Phrase): string => {
    let s = text.slice(tokens.start[ph.from]!, tokens.end[ph.to - 1]!);
    if (tokens.flags[ph.from]! & TokenFlag.SentenceStart && !/^.\p{Lu}/u.test(s)) s = s[0]!.toLowerCase() + s.slice(1);
    // A nationality right before the phrase belongs to it (`Chinese readout`).
    const prev = ph.from - 1;
    if (prev >= 0 && !(tokens.flags[ph.from]! & TokenFlag.Break) && names.inName(prev)) {
      const m = names.mentionsIn(tokens.start[prev]!, tokens.end[prev]!)[0];
      const e = m ? entityIndex(m.entityId) : -1;
      // Any name right before the phrase belongs to it (`Chinese readout`, `Boeing aircraft deliveries`).
      if (e >= 0 && m!.end === tokens.end[prev]) s = `${text.slice(m!.start, m!.end)} ${s}`;
    }
    return s;
  };

  const sections: Section[] = [];
  const usedIds = new Set<string>();
  for (const g of groups) {
    const first = paras[g.paras[0]!]!;
    const lastP = paras[g.paras[g.paras.length - 1]!]!;
    const start = first.start;
    const end = lastP.end;
    const t0 = first.t0;
    const t1 = lastP.t1;
    // Merge the paragraphs' phrases and entities.
    const merged: Phrase[] = [];
    const ents = new Map<number, number>();
    agg.next();
    for (const k of g.paras) {
      const f = feats[k];
      if (!f) continue;
      for (const ph of f.phrases) {
        const at = agg.get(ph.key);
        if (at < 0) {
          agg.set(ph.key, merged.length);
          merged.push({ ...ph });
        } else {
          const m = merged[at]!;
          m.count += ph.count;
          if (ph.base > m.base) m.base = ph.base;
        }
      }
      for (const [e, c] of f.entities) ents.set(e, (ents.get(e) ?? 0) + c);
    }
    // A sub-phrase found only inside a longer phrase gives way to it (`rare earth minerals`, not `earth minerals`).
    const absorbed = new Uint8Array(merged.length);
    const st = (id: number) => words.stemId[id]!;
    for (const long of merged) {
      const ids = table.ids(long.key);
      if (ids.length < 2) continue;
      const subs =
        ids.length === 2
          ? [table.lookup(ids[1]!), table.lookup(st(ids[0]!))]
          : [table.lookup(ids[1]!, ids[2]!), table.lookup(ids[2]!), table.lookup(ids[0]!, st(ids[1]!)), table.lookup(st(ids[0]!)), table.lookup(st(ids[1]!))];
      for (const sub of subs) {
        const at = sub >= 0 ? agg.get(sub) : -1;
        if (at >= 0 && merged[at]!.count <= long.count) absorbed[at] = 1;
      }
    }
    // Keyphrases: TF-IDF × within-article specificity; longer phrases preferred.
    const scored: Scored[] = [];
    merged.forEach((ph, j) => {
      if (absorbed[j]) return;
      const n = ph.to - ph.from;
      const score = (1 + Math.log(ph.count)) * ph.base * specificity(pdfPhrase[ph.key]!, nText) * (n === 1 ? 1 : n === 2 ? 1.35 : 1.45);
      scored.push({ ph, score, ids: [], surface: '' });
    });
    scored.sort((a, b) => b.score - a.score || a.ph.key - b.ph.key);
    const chosen: Scored[] = [];
    for (const sc of scored) {
      if (chosen.length >= 6) break;
      sc.ids = table.ids(sc.ph.key);
      // Skip a phrase that shares its head or a word with a better one (`arms` after `arms sales`).
      if (chosen.some((c) => overlaps(c.ids, sc.ids, words))) continue;
      sc.surface = surfaceOf(sc.ph);
      chosen.push(sc);
    }
    const keyphrases = chosen.map((c) => c.surface);

    let label: string;
    if (g.role === 'headline') label = clip(text.slice(start, end).trim(), 90);
    else {
      const firstMention = new Map<number, number>();
      for (const m of names.mentionsIn(start, end)) {
        const e = entityIndex(m.entityId);
        if (!firstMention.has(e)) firstMention.set(e, m.start);
      }
      label = sectionLabel(text, tokens, figures, start, end, content, words, table, chosen, ents, ent, pdfTerm, nText, firstMention);
    }
    const subject = sectionSubject(args.events, t0, t1, articleShare);
    let id = `${g.role}-${sections.length}-${hash(label)}`;
    while (usedIds.has(id)) id += '+';
    usedIds.add(id);
    sections.push({ id, start, end, label, role: g.role, subject, keyphrases });
  }
  return sections;
}

interface Scored {
  ph: Phrase;
  score: number;
  ids: number[];
  surface: string;
}

/** Whether one phrase's words (as singulars) contain the other's, contiguously. */
function overlaps(a: number[], b: number[], words: Words): boolean {
  const sa = a.map((x) => words.stemId[x]!);
  const sb = b.map((x) => words.stemId[x]!);
  const [short, long] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
  for (let i = 0; i + short.length <= long.length; i++) {
    let ok = true;
    for (let k = 0; k < short.length && ok; k++) ok = long[i + k] === short[k];
    if (ok) return true;
  }
  return false;
}

/** Whether a paragraph leaves a quotation open (news style: the next paragraph reopens it). */
function opensQuote(text: string, start: number, end: number): boolean {
  let curlyOpen = 0;
  let curlyClose = 0;
  let straight = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) curlyOpen++;
    else if (c === 0x201d) curlyClose++;
    else if (c === 34) straight++;
  }
  return curlyOpen ? curlyOpen + straight > curlyClose : straight % 2 === 1;
}

function sectionLabel(
  text: string,
  tokens: Tokens,
  figures: readonly Figure[],
  start: number,
  end: number,
  content: Uint8Array,
  words: Words,
  table: PhraseTable,
  phrases: Scored[],
  ents: Map<number, number>,
  ent: readonly { id: string; type: EntityType; name: string; short: string }[],
  pdfTerm: Int32Array,
  nText: number,
  firstMention: Map<number, number>,
): string {
  const max = SECTION_TUNING.maxLabel;
  const change = changeLabel(text, tokens, words, table, figures, start, end, content);
  if (change) return clip(change, max + 10);
  // Entities by specificity to this section.
  const span = Math.max(1, end - start);
  const ranked = [...ents.entries()]
    .map(([e, c]) => {
      const { type, name, short } = ent[e]!;
      const first = firstMention.get(e) ?? end;
      const early = 1.25 - 0.25 * ((first - start) / span);
      const score = LABEL_ENTITY_WEIGHT * (1 + Math.log(c)) * ENTITY_BASE[type] * specificity(pdfTerm[words.text.length + e]!, nText) * early;
      return { type, name, short, score };
    })
    .filter((e) => (e.type !== 'MISC' || e.score > 2) && !STOPWORDS.has(e.name.toLowerCase()))
    .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1));
  const e1 = ranked[0];
  const k1 = phrases[0];
  const k2 = phrases[1];
  const strongEntity = e1 && (!k1 || e1.score >= 0.45 * k1.score);
  const nameInPhrase = (e: { name: string }, k: { surface: string }) => k.surface.toLowerCase().includes(e.name.toLowerCase());
  let label: string;
  const e2 = ranked[1];
  if (e1 && e2 && e1.type === 'PER' && e2.type === 'PER' && e2.score >= 0.6 * e1.score && strongEntity && k1 && !nameInPhrase(e1, k1)) {
    // Two people: `Trump–Xi phone call`.
    label = `${e1.short}–${e2.short} ${k1.surface}`;
    if (k2 && label.length + k2.surface.length + 2 <= max) label += `, ${k2.surface}`;
  } else if (e1 && strongEntity && k1 && !nameInPhrase(e1, k1)) {
    // `Taiwan: arms package`, `Iran: harsh crackdown` (a name written right before the phrase is already in it).
    label = `${e1.type === 'PER' ? e1.short : e1.name}: ${k1.surface}`;
    if (e2 && e2.type === e1.type && e2.score >= 0.85 * e1.score && label.length + e2.name.length + 2 <= max) label += `, ${e2.name}`;
    else if (k2 && k2.score >= 0.6 * k1.score && label.length + k2.surface.length + 2 <= max) label += `, ${k2.surface}`;
  } else if (k1) {
    label = capitalise(k1.surface);
    if (k2 && label.length + k2.surface.length + 2 <= max) label += `, ${k2.surface}`;
    if (e1 && e1.score >= 0.3 * k1.score && !label.toLowerCase().includes(e1.name.toLowerCase()) && label.length + e1.name.length + 3 <= max) label = `${label} (${e1.name})`;
  } else if (e1) {
    label = ranked
      .slice(0, 3)
      .map((e) => e.name)
      .join(', ');
  } else {
    const words = text.slice(start, end).split(/\s+/).slice(0, 6).join(' ');
    label = words;
  }
  return clip(label, max);
}
