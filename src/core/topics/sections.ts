/**
 * The section outline: headline, lede, then runs of body paragraphs about the same thing. Adjacent
 * paragraphs merge when their entities and keyphrases overlap (cosine of TF-IDF vectors, with
 * article-wide terms such as the main actor discounted); a topic shift starts a new section. Each
 * section gets an editor-style label from its most specific entity and keyphrase
 * (`Taiwan arms sales`), or from a figure change the text states (`Soybeans: 12 → 20 million tonnes`).
 */
import type { Entity, EntityMention, EntityType, Figure, Quote, Section, Subject } from '../types';
import { idfOf, type IdfTable } from './idf';
import { candidates, contentMask, internWords, PhraseTable, STOPWORDS, type Words } from './keyphrases';
import { scoreEvents, TOP_COUNT, TOPICS } from './subjects';
import { doubled, TokenFlag, tokenAt, type Tokens } from './tokens';
import { partitionPoint } from '../search';

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
/** Growable typed columns (no object per entry: a 1 MB article has hundreds of thousands). */
class Col<A extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>> {
  n = 0;
  constructor(public a: A) {}
  push(x: number): void {
    if (this.n === this.a.length) this.a = doubled(this.a);
    this.a[this.n++] = x;
  }
}
type IntCol = Col<Int32Array<ArrayBuffer>>;
type NumCol = Col<Float64Array<ArrayBuffer>>;
const intCol = (capacity = 64): IntCol => new Col(new Int32Array(Math.max(16, capacity)));
const numCol = (capacity = 64): NumCol => new Col(new Float64Array(Math.max(16, capacity)));

/** Keyphrase occurrences aggregated per paragraph (or per section): phrase id, count, weight, first occurrence. */
class PhraseCols {
  key: IntCol;
  count: IntCol;
  /** Mean IDF of its words (×1.5 right after a figure). */
  base: NumCol;
  from: IntCol;
  to: IntCol;
  constructor(capacity = 64) {
    this.key = intCol(capacity);
    this.count = intCol(capacity);
    this.base = numCol(capacity);
    this.from = intCol(capacity);
    this.to = intCol(capacity);
  }
  get n(): number {
    return this.key.n;
  }
  clear(): void {
    this.key.n = this.count.n = this.base.n = this.from.n = this.to.n = 0;
  }
  push(key: number, count: number, base: number, from: number, to: number): void {
    this.key.push(key);
    this.count.push(count);
    this.base.push(base);
    this.from.push(from);
    this.to.push(to);
  }
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

/** The characters `text.ts` trims from paragraphs. */
const isTrim = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
/** White space as the regex class `\s` knows it (a line of only these is blank). */
const isWs = (c: number) =>
  (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * Paragraphs: maximal runs of non-blank lines, trimmed of white space (the same spans as
 * `paragraphs` in `text.ts`, found by one linear scan instead of a backtracking regex).
 */
export function paragraphSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = -1;
  let end = -1;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = n;
    let blank = true;
    for (let k = i; k < nl && blank; k++) if (!isWs(text.charCodeAt(k))) blank = false;
    if (!blank) {
      if (start < 0) {
        start = i;
        while (isTrim(text.charCodeAt(start))) start++;
      }
      let b = nl;
      while (b > start && isTrim(text.charCodeAt(b - 1))) b--;
      end = b;
    } else if (start >= 0) {
      out.push({ start, end });
      start = -1;
    }
    if (nl === n) break;
    i = nl + 1;
  }
  if (start >= 0) out.push({ start, end });
  return out;
}

/** Splits the text into paragraphs and classifies them. */
function classify(text: string, tokens: Tokens): Para[] {
  const spans = paragraphSpans(text);
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
/** The items in text order (the input as is when it already is: recognisers emit in order). */
function sortedByStart<T extends { start: number }>(items: readonly T[]): T[] {
  for (let k = 1; k < items.length; k++) if (items[k]!.start < items[k - 1]!.start) return [...items].sort((a, b) => a.start - b.start);
  return items as T[];
}

interface NameIndex {
  /** Whether token `i` is part of a name. */
  inName: (i: number) => boolean;
  /** Mentions inside `[start, end)`, in text order, each with its position in {@link sorted}. */
  each: (start: number, end: number, fn: (m: EntityMention, k: number) => void) => void;
  /** The mentions sorted by start. */
  sorted: EntityMention[];
}

function nameIndex(tokens: Tokens, entities: readonly EntityMention[]): NameIndex {
  const sorted = sortedByStart(entities);
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
    return partitionPoint(starts.length, (mid) => starts[mid]! < x);
  };
  return {
    inName: (i) => mark[i] === 1,
    each: (start, end, fn) => {
      for (let k = lowerBound(start); k < sorted.length && sorted[k]!.start < end; k++) if (sorted[k]!.end <= end) fn(sorted[k]!, k);
    },
    sorted,
  };
}

/** Names the recogniser did not give us: runs of capitalised words mid-sentence (used only when no entities are passed). */
function pseudoEntities(text: string, tokens: Tokens): EntityMention[] {
  const out: EntityMention[] = [];
  let i = 0;
  while (i < tokens.count) {
    const f = tokens.flags[i]!;
    if (f & TokenFlag.Cap && !(f & TokenFlag.SentenceStart) && tokens.vocab[tokens.id[i]!]!.length > 1) {
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

/** Within-article specificity: 1 for a term in one paragraph, less for terms spread over the article. */
function specificity(pdf: number, paras: number): number {
  if (paras <= 1) return 1;
  return Math.log(1 + paras / Math.max(pdf, 1)) / Math.log(1 + paras);
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

/** A person's name with a given name and a surname (`Xi Jinping`), not a lone word the recogniser may have mistyped. */
const fullName = (name: string) => /^\p{Lu}\S*\s+\p{Lu}/u.test(name);

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
  const lo = partitionPoint(figures.length, (mid) => figures[mid]!.start < start);
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
      candidates({ tokens, words, table, content }, i, i + 1, () => (found = true));
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
  // Entity index of each mention, in the name index's order.
  const entOf = new Int32Array(names.sorted.length);
  names.sorted.forEach((m, k) => (entOf[k] = entityIds.get(m.entityId) ?? 0));

  const figures = sortedByStart(input.figures);
  // Tokens right after a money or quantity figure (`$11 billion arms package`).
  const afterFigure = new Uint8Array(tokens.count);
  for (const f of figures) {
    if (f.kind !== 'money' && f.kind !== 'quantity') continue;
    const i = tokenAt(tokens, f.end);
    if (i < tokens.count && i > 0 && tokens.end[i - 1] === f.end) afterFigure[i] = 1;
  }
  const table = new PhraseTable();
  const W = words.text.length;
  const T = W + ent.length; // similarity terms: word singulars, then entities
  const agg = new Aggregator(Math.max(T, 64));
  const np = paras.length;
  // Per-paragraph features, flat: paragraph k owns [off[k], off[k + 1]) of each column set.
  // Sized from the token count so the columns rarely grow (a phrase or term per content token at most).
  const ph = new PhraseCols(tokens.count);
  const phOff = new Int32Array(np + 1);
  const tKey = intCol(tokens.count);
  const tCount = intCol(tokens.count);
  const tOff = new Int32Array(np + 1);
  const eIdx = intCol();
  const eCount = intCol();
  const eOff = new Int32Array(np + 1);
  let nText = 0;
  for (let k = 0; k < np; k++) {
    const p = paras[k]!;
    phOff[k] = ph.n;
    tOff[k] = tKey.n;
    eOff[k] = eIdx.n;
    if (p.kind !== 'text') continue;
    nText++;
    const p0 = ph.n;
    agg.next();
    candidates({ tokens, words, table, content }, p.t0, p.t1, (from, to, key) => {
      let base = 0;
      for (let i = from; i < to; i++) base += words.idf[words.id[i]!]!;
      base /= to - from;
      // A phrase right after a figure is the news of its paragraph (`$11 billion arms package`).
      if (from > p.t0 && afterFigure[from] && !(tokens.flags[from]! & TokenFlag.Break)) base *= 1.5;
      const at = agg.get(key);
      if (at >= p0) {
        ph.count.a[at]!++;
        if (base > ph.base.a[at]!) ph.base.a[at] = base;
      } else {
        agg.set(key, ph.n);
        ph.push(key, 1, base, from, to);
      }
    });
    // Content words on their own (for similarity only): `arms` links `arms sales` and `arms package`.
    agg.next();
    const t0 = tKey.n;
    const addTerm = (key: number) => {
      const at = agg.get(key);
      if (at >= t0) tCount.a[at]!++;
      else {
        agg.set(key, tKey.n);
        tKey.push(key);
        tCount.push(1);
      }
    };
    for (let i = p.t0; i < p.t1; i++) if (content[i]) addTerm(words.stemId[words.id[i]!]!);
    const e0 = eIdx.n;
    names.each(p.start, p.end, (_m, mk) => {
      const e = entOf[mk]!;
      addTerm(W + e);
      let j = e0;
      while (j < eIdx.n && eIdx.a[j] !== e) j++;
      if (j < eIdx.n) eCount.a[j]!++;
      else {
        eIdx.push(e);
        eCount.push(1);
      }
    });
  }
  phOff[np] = ph.n;
  tOff[np] = tKey.n;
  eOff[np] = eIdx.n;

  // In how many paragraphs each similarity term and each phrase occurs.
  const pdfTerm = new Int32Array(T);
  for (let j = 0; j < tKey.n; j++) pdfTerm[tKey.a[j]!]!++;
  const pdfPhrase = new Int32Array(table.size);
  for (let j = 0; j < ph.n; j++) pdfPhrase[ph.key.a[j]!]!++;
  // Similarity weights: TF × IDF (names: a constant by type) × within-article specificity.
  const tW = new Float64Array(tKey.n);
  const norm = new Float64Array(np);
  for (let k = 0; k < np; k++) {
    let sq = 0;
    for (let j = tOff[k]!; j < tOff[k + 1]!; j++) {
      const key = tKey.a[j]!;
      const base = key < W ? 0.6 * words.idf[key]! : entityBase(key - W);
      const w = (1 + Math.log(tCount.a[j]!)) * base * specificity(pdfTerm[key]!, nText);
      tW[j] = w;
      sq += w * w;
    }
    norm[k] = sq;
  }
  // The running vector of the section being built: dense over the term space, reset per section.
  const run = new Float64Array(T);
  const touched: number[] = [];
  let runSq = 0;
  const runReset = () => {
    for (const key of touched) run[key] = 0;
    touched.length = 0;
    runSq = 0;
  };
  const runAdd = (k: number) => {
    for (let j = tOff[k]!; j < tOff[k + 1]!; j++) {
      const key = tKey.a[j]!;
      const old = run[key]!;
      if (old === 0) touched.push(key);
      const now = old + tW[j]!;
      run[key] = now;
      runSq += now * now - old * old;
    }
  };
  const runCosine = (k: number) => {
    if (!runSq || !norm[k]) return 0;
    let dot = 0;
    for (let j = tOff[k]!; j < tOff[k + 1]!; j++) dot += run[tKey.a[j]!]! * tW[j]!;
    return dot / Math.sqrt(runSq * norm[k]!);
  };

  // Group paragraphs: headline alone, lede alone, then greedy merging of body paragraphs.
  interface Group {
    role: Section['role'];
    paras: number[];
  }
  const groups: Group[] = [];
  let pendingAsides: number[] = [];
  let ledeDone = false;
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
    const ptext = text.slice(p.start, Math.min(p.end, p.start + 40));
    const last = groups[groups.length - 1];
    let merge = false;
    if (ledeDone && last && last.role === 'body' && runningOn) {
      let sim = runCosine(k);
      if (DEBUG.on) DEBUG.log.push(`${k}: sim ${sim.toFixed(3)} ${ptext}`);
      if (CONTINUATION.test(ptext)) sim += 0.08;
      if (quoteOpen && /^["“‘']/.test(ptext)) sim += 1;
      merge = sim >= SECTION_TUNING.mergeThreshold && runningText < SECTION_TUNING.maxParagraphs;
    }
    if (merge) {
      last!.paras.push(...pendingAsides, k);
      runAdd(k);
      runningText++;
    } else {
      const role: Section['role'] = ledeDone ? 'body' : 'lede';
      groups.push({ role, paras: [...pendingAsides, k] });
      runReset();
      runningOn = role === 'body';
      if (runningOn) runAdd(k);
      runningText = 1;
      ledeDone = true;
    }
    pendingAsides = [];
    quoteOpen = opensQuote(text, p.start, p.end);
  }
  // Asides after the last text paragraph join the last section.
  if (pendingAsides.length && groups.length) groups[groups.length - 1]!.paras.push(...pendingAsides);

  const surfaceOf = (from: number, to: number): string => {
    let s = text.slice(tokens.start[from]!, tokens.end[to - 1]!);
    if (tokens.flags[from]! & TokenFlag.SentenceStart && !/^.\p{Lu}/u.test(s)) s = s[0]!.toLowerCase() + s.slice(1);
    const prev = from - 1;
    if (prev >= 0 && !(tokens.flags[from]! & TokenFlag.Break) && names.inName(prev)) {
      let m: EntityMention | null = null;
      let e = -1;
      names.each(tokens.start[prev]!, tokens.end[prev]!, (x, k) => {
        if (!m) {
          m = x;
          e = entOf[k]!;
        }
      });
      // Any name right before the phrase belongs to it (`Chinese readout`, `Boeing aircraft deliveries`).
      if (e >= 0 && m!.end === tokens.end[prev]) s = `${text.slice(m!.start, m!.end)} ${s}`;
    }
    return s;
  };

  const sections: Section[] = [];
  const usedIds = new Set<string>();
  const sec = new PhraseCols();
  let absorbed = new Uint8Array(256);
  let scores = new Float64Array(256);
  for (const g of groups) {
    const first = paras[g.paras[0]!]!;
    const lastP = paras[g.paras[g.paras.length - 1]!]!;
    const start = first.start;
    const end = lastP.end;
    const t0 = first.t0;
    const t1 = lastP.t1;
    // Merge the paragraphs' phrases and entities.
    sec.clear();
    agg.next();
    const ents = new Map<number, number>();
    for (const k of g.paras) {
      for (let j = phOff[k]!; j < phOff[k + 1]!; j++) {
        const key = ph.key.a[j]!;
        const at = agg.get(key);
        if (at < 0) {
          agg.set(key, sec.n);
          sec.push(key, ph.count.a[j]!, ph.base.a[j]!, ph.from.a[j]!, ph.to.a[j]!);
        } else {
          sec.count.a[at]! += ph.count.a[j]!;
          if (ph.base.a[j]! > sec.base.a[at]!) sec.base.a[at] = ph.base.a[j]!;
        }
      }
      for (let j = eOff[k]!; j < eOff[k + 1]!; j++) ents.set(eIdx.a[j]!, (ents.get(eIdx.a[j]!) ?? 0) + eCount.a[j]!);
    }
    const n = sec.n;
    // A sub-phrase found only inside a longer phrase gives way to it (`rare earth minerals`, not `earth minerals`).
    if (absorbed.length < n) absorbed = new Uint8Array(n * 2);
    absorbed.fill(0, 0, n);
    const absorb = (sub: number, count: number) => {
      const at = sub >= 0 ? agg.get(sub) : -1;
      if (at >= 0 && sec.count.a[at]! <= count) absorbed[at] = 1;
    };
    const st = (id: number) => words.stemId[id]!;
    for (let j = 0; j < n; j++) {
      const key = sec.key.a[j]!;
      const a1 = table.first(key);
      const b1 = table.second(key);
      const c1 = table.third(key);
      if (b1 < 0) continue;
      const cnt = sec.count.a[j]!;
      if (c1 < 0) {
        absorb(table.lookup(b1), cnt);
        absorb(table.lookup(st(a1)), cnt);
      } else {
        absorb(table.lookup(b1, c1), cnt);
        absorb(table.lookup(c1), cnt);
        absorb(table.lookup(a1, st(b1)), cnt);
        absorb(table.lookup(st(a1)), cnt);
        absorb(table.lookup(st(b1)), cnt);
      }
    }
    // Keyphrases: TF-IDF × within-article specificity; longer phrases preferred.
    if (scores.length < n) scores = new Float64Array(n * 2);
    // The best few by score (a small insertion list, not a sort of every phrase).
    const TOP = 16;
    const order: number[] = [];
    const better = (x: number, y: number) => scores[x]! > scores[y]! || (scores[x] === scores[y] && sec.key.a[x]! < sec.key.a[y]!);
    for (let j = 0; j < n; j++) {
      if (absorbed[j]) continue;
      const len = sec.to.a[j]! - sec.from.a[j]!;
      scores[j] = (1 + Math.log(sec.count.a[j]!)) * sec.base.a[j]! * specificity(pdfPhrase[sec.key.a[j]!]!, nText) * (len === 1 ? 1 : len === 2 ? 1.35 : 1.45);
      if (order.length === TOP && !better(j, order[TOP - 1]!)) continue;
      let at = order.length < TOP ? order.length : TOP - 1;
      while (at > 0 && better(j, order[at - 1]!)) at--;
      order.splice(at, 0, j);
      if (order.length > TOP) order.pop();
    }
    const chosen: Scored[] = [];
    for (const j of order) {
      if (chosen.length >= 6) break;
      const ids = table.ids(sec.key.a[j]!);
      // Skip a phrase that shares its words with a better one (`arms` after `arms sales`).
      if (chosen.some((c) => overlaps(c.ids, ids, words))) continue;
      chosen.push({ score: scores[j]!, ids, surface: surfaceOf(sec.from.a[j]!, sec.to.a[j]!) });
    }
    const keyphrases = chosen.map((c) => c.surface);

    let label: string;
    if (g.role === 'headline') label = clip(text.slice(start, end).trim(), 90);
    else {
      const firstMention = new Map<number, number>();
      names.each(start, end, (m, k) => {
        const e = entOf[k]!;
        if (!firstMention.has(e)) firstMention.set(e, m.start);
      });
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
  if (e1 && e2 && e1.type === 'PER' && e2.type === 'PER' && fullName(e1.name) && fullName(e2.name) && e2.score >= 0.6 * e1.score && strongEntity && k1 && !nameInPhrase(e1, k1)) {
    // Two people: `Trump–Xi phone call`.
    label = `${e1.short}–${e2.short} ${k1.surface}`;
    if (k2 && label.length + k2.surface.length + 2 <= max) label += `, ${k2.surface}`;
  } else if (e1 && strongEntity && k1 && !nameInPhrase(e1, k1)) {
    // `Taiwan: arms package`, `Iran: harsh crackdown` (a name written right before the phrase is already in it).
    label = `${e1.type === 'PER' ? e1.short : e1.name}: ${k1.surface}`;
    // Other names of the same kind about as prominent (`Iran: harsh crackdown, Russia, Ukraine`).
    let added = 0;
    for (const e of ranked.slice(1, 3)) {
      if (e.type !== e1.type || e.score < 0.85 * e1.score || label.length + e.name.length + 2 > max) break;
      label += `, ${e.name}`;
      added++;
    }
    if (!added && k2 && k2.score >= 0.6 * k1.score && label.length + k2.surface.length + 2 <= max) label += `, ${k2.surface}`;
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
