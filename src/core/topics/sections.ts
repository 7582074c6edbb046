/**
 * The section outline: headline, lede, then runs of body paragraphs about the same thing. Adjacent
 * paragraphs merge when their entities and keyphrases overlap (cosine of TF-IDF vectors, with
 * article-wide terms such as the main actor discounted); a topic shift starts a new section. Each
 * section gets an editor-style label from its most specific entity and keyphrase
 * (`Taiwan arms sales`), or from a figure change the text states (`Soybeans: 12 → 20 million tonnes`).
 */
import type { Entity, EntityMention, EntityType, Figure, Quote, Section, Span, Subject } from '../types';
import { isRunBreak, isUrlRun } from '../webAddress';
import { idfOf, type IdfTable } from './idf';
import { candidates, contentMask, internWords, type PhraseContext, PhraseTable, STOPWORDS, type Words } from './keyphrases';
import { scoreEvents, TOP_COUNT, TOPICS } from './subjects';
import { doubled } from '../tokens';
import { TokenFlag, tokenAt, type Tokens } from './tokens';
import { partitionPoint } from '../search';

export interface SectionInput {
  entities: readonly EntityMention[];
  groups: readonly Entity[];
  figures: readonly Figure[];
  quotes: readonly Quote[];
}

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
  /** `trailer`: lines after the article (`Tags`, `Share this`); `aside`: a caption or credit inside it. */
  kind: 'headline' | 'text' | 'aside' | 'trailer';
}

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
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

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

/** A paragraph of one run of non-space characters that is a URL (at most 2,000 characters). */
function isUrlParagraph(text: string, p: Span): boolean {
  if (p.end - p.start > 2000) return false;
  for (let i = p.start; i < p.end; i++) if (isRunBreak(text.charCodeAt(i))) return false;
  return isUrlRun(text.slice(p.start, p.end));
}

/**
 * A byline: `By Isaac Mogotsi`, or a line that is one person's name (`SIYABONGA SITHOLE`), which a
 * clipped article often has between its source line and its body.
 */
function isByline(text: string, p: Span, mentions: readonly EntityMention[]): boolean {
  const line = text.slice(p.start, p.end);
  if (line.length > 60) return false;
  if (/^By\s+\p{Lu}/u.test(line)) return true;
  return mentions.some((m) => m.type === 'PER' && m.start === p.start && m.end === p.end);
}

/** Splits the text into paragraphs and classifies them. */
function classify(text: string, tokens: Tokens, mentions: readonly EntityMention[]): Para[] {
  const spans = paragraphSpans(text);
  const out: Para[] = spans.map((p) => ({ ...p, t0: tokenAt(tokens, p.start), t1: tokenAt(tokens, p.end), kind: 'text' as Para['kind'] }));
  // A paragraph that is only a web address (the source line of a clipped article) is no section
  // and no headline: it goes with the section after it. After such lines the headline is the next
  // paragraph when it reads as a title, not a sentence or a byline (`https://…` / title / body).
  for (const p of out) if (isUrlParagraph(text, p)) p.kind = 'aside';
  let first = 0;
  while (first < out.length && out[first]!.kind === 'aside') first++;
  if (first + 1 < out.length) {
    const h = out[first]!;
    const line = text.slice(h.start, h.end);
    if (first > 0 && isByline(text, h, mentions)) h.kind = 'aside';
    else if (h.end - h.start < 250 && line.indexOf('\n') < 0 && (first === 0 || !TERMINAL.test(line))) h.kind = 'headline';
  }
  // Non-article trailers: short lines without sentence punctuation at the end (`Tags`, `Share this`).
  for (let k = out.length - 1; k > 0; k--) {
    const p = out[k]!;
    const lines = text.slice(p.start, p.end).split('\n');
    const short = lines.every((l) => l.trim().length <= 40 && l.trim().split(/\s+/).length <= 4 && !TERMINAL.test(l.trim()));
    if (short && p.t1 - p.t0 <= 4 * lines.length) p.kind = 'trailer';
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

/** The items in text order (the input as is when it already is: recognisers emit in order). */
function sortedByStart<T extends { start: number }>(items: readonly T[]): T[] {
  for (let k = 1; k < items.length; k++) if (items[k]!.start < items[k - 1]!.start) return [...items].sort((a, b) => a.start - b.start);
  return items as T[];
}

/** The entity mentions in text order, and a quick "is this token inside a name" test. */
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
      out.push({
        start: s,
        end: s + name.length,
        type: 'MISC',
        text: name,
        confidence: 0.3,
        entityId: `name:${name.toLowerCase()}`,
        origin: 'model',
      });
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

const CONTINUATION =
  /^(?:he|she|it|they|this|these|that|those|his|her|their|its|but|and|also|so|such|the move|the deal|the firm|the company)\b/i;

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
function changeLabel(article: Article, start: number, end: number): string | null {
  const { text, tokens, figures } = article;
  // Figures are sorted by start (see readArticle): jump to the first one in the section.
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
      candidates(article.phrases, i, i + 1, () => (found = true));
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

/** What {@link buildSections} reads: the article, its tokens and analyses, and the article-level subject pass. */
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

/** An entity of the article as labels name it. */
interface EntityInfo {
  id: string;
  type: EntityType;
  /** The canonical name of its group (or the mention's text). */
  name: string;
  /** A person's shortest name the article uses (`Trump`, `Xi`); the name for others. */
  short: string;
}

/** The article's entities by index, and the entity index of each mention of the name index. */
interface EntityTable {
  list: EntityInfo[];
  /** Entity index of each mention, in the order of {@link NameIndex.sorted}. */
  ofMention: Int32Array;
}

/** What every step of the outline reads: one article's paragraphs, words, names, figures and phrases. */
interface Article {
  text: string;
  tokens: Tokens;
  paras: Para[];
  names: NameIndex;
  words: Words;
  /** Keyphrase finding over the article; its table gives every phrase its id. */
  phrases: PhraseContext;
  entities: EntityTable;
  /** The figures, sorted by start. */
  figures: readonly Figure[];
  /** Tokens right after a money or quantity figure (`$11 billion arms package`). */
  afterFigure: Uint8Array;
  /** Similarity terms are the word singulars `[0, wordTerms)`, then entity `e` as term `wordTerms + e`. */
  wordTerms: number;
  /** Scratch for aggregating by term or phrase id, shared by the steps (each starts its own batch). */
  agg: Aggregator;
}

/** Builds the section outline of an article. */
export function buildSections(args: SectionsArgs): Section[] {
  const article = readArticle(args);
  if (!article) return [];
  const features = paragraphFeatures(article);
  const sim = similarity(article, features);
  const groups = groupParagraphs(article, new RunningVector(features, sim));
  const sections: Section[] = [];
  const usedIds = new Set<string>();
  const scratch = new SectionScratch();
  for (const g of groups) {
    const first = article.paras[g.paras[0]!]!;
    const last = article.paras[g.paras[g.paras.length - 1]!]!;
    const { start } = first;
    const { end } = last;
    const mentions = mergeGroup(article, features, g, scratch.phrases);
    const chosen = chooseKeyphrases(article, sim, scratch);
    const label =
      g.role === 'headline'
        ? clip(article.text.slice(last.start, end).trim(), 90)
        : sectionLabel(article, sim, { start, end, phrases: chosen, mentions });
    const subject = sectionSubject(args.events, first.t0, last.t1, args.articleShare);
    let id = `${g.role}-${sections.length}-${hash(label)}`;
    while (usedIds.has(id)) id += '+';
    usedIds.add(id);
    sections.push({ id, start, end, label, role: g.role, subject, keyphrases: chosen.map((c) => c.surface) });
  }
  return sections;
}

/** Paragraphs, names, words and figures of the article (null when it has no paragraph). */
function readArticle(args: SectionsArgs): Article | null {
  const { text, tokens, input, idf } = args;
  const mentions = input.entities.length ? input.entities : pseudoEntities(text, tokens);
  const paras = classify(text, tokens, mentions);
  if (!paras.length) return null;
  const names = nameIndex(tokens, mentions);
  const words = internWords(tokens, (w) => idfOf(idf, w));
  const content = contentMask(text, tokens, words, names.inName);
  const entities = entityTable(mentions, input.groups, names);
  const figures = sortedByStart(input.figures);
  const wordTerms = words.text.length;
  return {
    text,
    tokens,
    paras,
    names,
    words,
    phrases: { tokens, words, content, table: new PhraseTable() },
    entities,
    figures,
    afterFigure: tokensAfterFigures(tokens, figures),
    wordTerms,
    agg: new Aggregator(Math.max(wordTerms + entities.list.length, 64)),
  };
}

/** Entities by index: type, display name, short name of a person (the shortest form the article uses: `Trump`, `Xi`). */
function entityTable(mentions: readonly EntityMention[], groups: readonly Entity[], names: NameIndex): EntityTable {
  const groupById = new Map<string, Entity>();
  for (const g of groups) groupById.set(g.id, g);
  const entityIds = new Map<string, number>();
  const list: EntityInfo[] = [];
  for (const m of mentions) {
    if (entityIds.has(m.entityId)) continue;
    const g = groupById.get(m.entityId);
    const type = g ? g.type : m.type;
    const name = g ? g.canonical : m.text;
    let short = name;
    if (type === 'PER') {
      const forms = g ? [g.canonical, ...g.aliases].filter((f) => f.length > 1 && !/\s/.test(f) && g.canonical.includes(f)) : [];
      short = forms.length ? forms.sort((a, b) => a.length - b.length)[0]! : name.split(/\s+/).pop()!;
    }
    entityIds.set(m.entityId, list.length);
    list.push({ id: m.entityId, type, name, short });
  }
  const ofMention = new Int32Array(names.sorted.length);
  names.sorted.forEach((m, k) => (ofMention[k] = entityIds.get(m.entityId) ?? 0));
  return { list, ofMention };
}

/** Tokens right after a money or quantity figure (`$11 billion arms package`); `figures` sorted by start. */
function tokensAfterFigures(tokens: Tokens, figures: readonly Figure[]): Uint8Array {
  const afterFigure = new Uint8Array(tokens.count);
  for (const f of figures) {
    if (f.kind !== 'money' && f.kind !== 'quantity') continue;
    const i = tokenAt(tokens, f.end);
    if (i < tokens.count && i > 0 && tokens.end[i - 1] === f.end) afterFigure[i] = 1;
  }
  return afterFigure;
}

/**
 * Per-paragraph features, flat: paragraph k owns `[off[k], off[k + 1])` of each column set
 * (`phraseOff` for `phrases`, `termOff` for the term columns, `entityOff` for the entity columns).
 */
interface ParagraphFeatures {
  /** Keyphrase occurrences aggregated per paragraph. */
  phrases: PhraseCols;
  phraseOff: Int32Array;
  /** Similarity terms (word singulars, then entities) and their counts. */
  termKey: IntCol;
  termCount: IntCol;
  termOff: Int32Array;
  /** Entities (by index) and their mention counts. */
  entity: IntCol;
  entityCount: IntCol;
  entityOff: Int32Array;
  /** How many paragraphs are body text (the others have no features). */
  textParas: number;
}

/** The keyphrases, similarity terms and entities of each body text paragraph. */
function paragraphFeatures(article: Article): ParagraphFeatures {
  const np = article.paras.length;
  const capacity = article.tokens.count;
  // Sized from the token count so the columns rarely grow (a phrase or term per content token at most).
  const f: ParagraphFeatures = {
    phrases: new PhraseCols(capacity),
    phraseOff: new Int32Array(np + 1),
    termKey: intCol(capacity),
    termCount: intCol(capacity),
    termOff: new Int32Array(np + 1),
    entity: intCol(),
    entityCount: intCol(),
    entityOff: new Int32Array(np + 1),
    textParas: 0,
  };
  for (let k = 0; k < np; k++) {
    const p = article.paras[k]!;
    f.phraseOff[k] = f.phrases.n;
    f.termOff[k] = f.termKey.n;
    f.entityOff[k] = f.entity.n;
    if (p.kind !== 'text') continue;
    f.textParas++;
    addParagraphPhrases(article, p, f.phrases);
    addParagraphTerms(article, p, f);
  }
  f.phraseOff[np] = f.phrases.n;
  f.termOff[np] = f.termKey.n;
  f.entityOff[np] = f.entity.n;
  return f;
}

/** The paragraph's keyphrase candidates, each with its count, weight and first occurrence. */
function addParagraphPhrases(article: Article, p: Para, ph: PhraseCols): void {
  const { tokens, words, afterFigure, agg } = article;
  const p0 = ph.n;
  agg.next();
  candidates(article.phrases, p.t0, p.t1, (from, to, key) => {
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
}

/** The paragraph's similarity terms (content words and entities) and its entities, with their counts. */
function addParagraphTerms(article: Article, p: Para, f: ParagraphFeatures): void {
  const { words, agg, wordTerms } = article;
  const { content } = article.phrases;
  const { ofMention } = article.entities;
  const { termKey, termCount, entity, entityCount } = f;
  // Content words on their own (for similarity only): `arms` links `arms sales` and `arms package`.
  agg.next();
  const t0 = termKey.n;
  const addTerm = (key: number) => {
    const at = agg.get(key);
    if (at >= t0) termCount.a[at]!++;
    else {
      agg.set(key, termKey.n);
      termKey.push(key);
      termCount.push(1);
    }
  };
  for (let i = p.t0; i < p.t1; i++) if (content[i]) addTerm(words.stemId[words.id[i]!]!);
  const e0 = entity.n;
  article.names.each(p.start, p.end, (_m, mention) => {
    const e = ofMention[mention]!;
    addTerm(wordTerms + e);
    let j = e0;
    while (j < entity.n && entity.a[j] !== e) j++;
    if (j < entity.n) entityCount.a[j]!++;
    else {
      entity.push(e);
      entityCount.push(1);
    }
  });
}

/** Paragraph frequencies of terms and phrases, and the similarity weights of the paragraphs' terms. */
interface Similarity {
  /** In how many paragraphs each similarity term occurs. */
  termParas: Int32Array;
  /** In how many paragraphs each phrase (by id) occurs. */
  phraseParas: Int32Array;
  /** Weight of each entry of {@link ParagraphFeatures.termKey}. */
  weight: Float64Array;
  /** Squared norm of each paragraph's term vector. */
  norm: Float64Array;
  /** How many paragraphs are body text. */
  textParas: number;
}

/** Similarity weights: TF × IDF (names: a constant by type) × within-article specificity. */
function similarity(article: Article, f: ParagraphFeatures): Similarity {
  const { wordTerms } = article;
  const ents = article.entities.list;
  const idf = article.words.idf;
  const { termKey, termCount, termOff, textParas } = f;
  // In how many paragraphs each similarity term and each phrase occurs.
  const termParas = new Int32Array(wordTerms + ents.length);
  for (let j = 0; j < termKey.n; j++) termParas[termKey.a[j]!]!++;
  const phraseParas = new Int32Array(article.phrases.table.size);
  for (let j = 0; j < f.phrases.n; j++) phraseParas[f.phrases.key.a[j]!]!++;
  const weight = new Float64Array(termKey.n);
  const np = article.paras.length;
  const norm = new Float64Array(np);
  for (let k = 0; k < np; k++) {
    let sq = 0;
    for (let j = termOff[k]!; j < termOff[k + 1]!; j++) {
      const key = termKey.a[j]!;
      const base = key < wordTerms ? 0.6 * idf[key]! : ENTITY_BASE[ents[key - wordTerms]!.type];
      const w = (1 + Math.log(termCount.a[j]!)) * base * specificity(termParas[key]!, textParas);
      weight[j] = w;
      sq += w * w;
    }
    norm[k] = sq;
  }
  return { termParas, phraseParas, weight, norm, textParas };
}

/** The term vector of the section being built: dense over the term space, reset per section. */
class RunningVector {
  private readonly run: Float64Array;
  private readonly touched: number[] = [];
  private sq = 0;
  constructor(
    private readonly f: ParagraphFeatures,
    private readonly sim: Similarity,
  ) {
    this.run = new Float64Array(sim.termParas.length);
  }
  reset(): void {
    for (const key of this.touched) this.run[key] = 0;
    this.touched.length = 0;
    this.sq = 0;
  }
  /** Adds paragraph `k`'s terms. */
  add(k: number): void {
    const { termOff, termKey } = this.f;
    const { weight } = this.sim;
    for (let j = termOff[k]!; j < termOff[k + 1]!; j++) {
      const key = termKey.a[j]!;
      const old = this.run[key]!;
      if (old === 0) this.touched.push(key);
      const now = old + weight[j]!;
      this.run[key] = now;
      this.sq += now * now - old * old;
    }
  }
  /** Cosine similarity of paragraph `k` to the section so far. */
  cosine(k: number): number {
    const { norm, weight } = this.sim;
    if (!this.sq || !norm[k]) return 0;
    const { termOff, termKey } = this.f;
    let dot = 0;
    for (let j = termOff[k]!; j < termOff[k + 1]!; j++) dot += this.run[termKey.a[j]!]! * weight[j]!;
    return dot / Math.sqrt(this.sq * norm[k]!);
  }
}

/** Paragraphs (indices into {@link Article.paras}) that make one section. */
interface Group {
  role: Section['role'];
  paras: number[];
}

/** Groups paragraphs: headline alone, lede alone, then greedy merging of body paragraphs. */
function groupParagraphs(article: Article, running: RunningVector): Group[] {
  const { text, paras } = article;
  const groups: Group[] = [];
  let pendingAsides: number[] = [];
  let ledeDone = false;
  let runningOn = false;
  let runningText = 0;
  let quoteOpen = false;
  for (let k = 0; k < paras.length; k++) {
    const p = paras[k]!;
    if (p.kind === 'trailer') continue;
    if (p.kind === 'headline') {
      // Source lines before the headline go with it (the label is the headline's own text).
      groups.push({ role: 'headline', paras: [...pendingAsides, k] });
      pendingAsides = [];
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
      let sim = running.cosine(k);
      if (CONTINUATION.test(ptext)) sim += 0.08;
      if (quoteOpen && /^["“‘']/.test(ptext)) sim += 1;
      merge = sim >= SECTION_TUNING.mergeThreshold && runningText < SECTION_TUNING.maxParagraphs;
    }
    if (merge) {
      last!.paras.push(...pendingAsides, k);
      running.add(k);
      runningText++;
    } else {
      const role: Section['role'] = ledeDone ? 'body' : 'lede';
      groups.push({ role, paras: [...pendingAsides, k] });
      running.reset();
      runningOn = role === 'body';
      if (runningOn) running.add(k);
      runningText = 1;
      ledeDone = true;
    }
    pendingAsides = [];
    quoteOpen = opensQuote(text, p.start, p.end);
  }
  // Asides after the last text paragraph join the last section.
  if (pendingAsides.length && groups.length) groups[groups.length - 1]!.paras.push(...pendingAsides);
  return groups;
}

/** Scratch reused from one section to the next. */
class SectionScratch {
  /** The section's phrases (merged from its paragraphs). */
  readonly phrases = new PhraseCols();
  /** Per section phrase: whether a longer phrase absorbs it. */
  absorbed = new Uint8Array(256);
  /** Per section phrase: its keyphrase score. */
  scores = new Float64Array(256);
}

/**
 * Merges the group's paragraph phrases into `sec` (positions kept in `article.agg`, where
 * {@link absorbSubPhrases} reads them) and returns the number of mentions per entity.
 */
function mergeGroup(article: Article, f: ParagraphFeatures, g: Group, sec: PhraseCols): Map<number, number> {
  const { agg } = article;
  const ph = f.phrases;
  sec.clear();
  agg.next();
  const ents = new Map<number, number>();
  for (const k of g.paras) {
    for (let j = f.phraseOff[k]!; j < f.phraseOff[k + 1]!; j++) {
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
    for (let j = f.entityOff[k]!; j < f.entityOff[k + 1]!; j++) {
      ents.set(f.entity.a[j]!, (ents.get(f.entity.a[j]!) ?? 0) + f.entityCount.a[j]!);
    }
  }
  return ents;
}

/** A chosen keyphrase: its score, word ids and text as the label shows it. */
interface Scored {
  score: number;
  ids: number[];
  surface: string;
}

/** The section's keyphrases (at most six), best first, none sharing its words with a better one. */
function chooseKeyphrases(article: Article, sim: Similarity, scratch: SectionScratch): Scored[] {
  const { table } = article.phrases;
  const sec = scratch.phrases;
  absorbSubPhrases(article, scratch);
  const order = rankPhrases(scratch, sim);
  const chosen: Scored[] = [];
  for (const j of order) {
    if (chosen.length >= 6) break;
    const ids = table.ids(sec.key.a[j]!);
    // Skip a phrase that shares its words with a better one (`arms` after `arms sales`).
    if (chosen.some((c) => overlaps(c.ids, ids, article.words))) continue;
    chosen.push({ score: scratch.scores[j]!, ids, surface: surfaceOf(article, sec.from.a[j]!, sec.to.a[j]!) });
  }
  return chosen;
}

/** A sub-phrase found only inside a longer phrase gives way to it (`rare earth minerals`, not `earth minerals`). */
function absorbSubPhrases(article: Article, scratch: SectionScratch): void {
  const { agg } = article;
  const { table } = article.phrases;
  const { stemId } = article.words;
  const sec = scratch.phrases;
  const n = sec.n;
  if (scratch.absorbed.length < n) scratch.absorbed = new Uint8Array(n * 2);
  const absorbed = scratch.absorbed;
  absorbed.fill(0, 0, n);
  const absorb = (sub: number, count: number) => {
    const at = sub >= 0 ? agg.get(sub) : -1;
    if (at >= 0 && sec.count.a[at]! <= count) absorbed[at] = 1;
  };
  const st = (id: number) => stemId[id]!;
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
}

/** How many best-scored phrases are kept for choosing keyphrases. */
const TOP_PHRASES = 16;

/**
 * Keyphrases: TF-IDF × within-article specificity; longer phrases preferred. Returns the positions
 * of the best few by score (a small insertion list, not a sort of every phrase).
 */
function rankPhrases(scratch: SectionScratch, sim: Similarity): number[] {
  const sec = scratch.phrases;
  const n = sec.n;
  const { absorbed } = scratch;
  if (scratch.scores.length < n) scratch.scores = new Float64Array(n * 2);
  const scores = scratch.scores;
  const order: number[] = [];
  const better = (x: number, y: number) => scores[x]! > scores[y]! || (scores[x] === scores[y] && sec.key.a[x]! < sec.key.a[y]!);
  for (let j = 0; j < n; j++) {
    if (absorbed[j]) continue;
    const len = sec.to.a[j]! - sec.from.a[j]!;
    const lengthBonus = len === 1 ? 1 : len === 2 ? 1.35 : 1.45;
    scores[j] =
      (1 + Math.log(sec.count.a[j]!)) * sec.base.a[j]! * specificity(sim.phraseParas[sec.key.a[j]!]!, sim.textParas) * lengthBonus;
    if (order.length === TOP_PHRASES && !better(j, order[TOP_PHRASES - 1]!)) continue;
    let at = order.length < TOP_PHRASES ? order.length : TOP_PHRASES - 1;
    while (at > 0 && better(j, order[at - 1]!)) at--;
    order.splice(at, 0, j);
    if (order.length > TOP_PHRASES) order.pop();
  }
  return order;
}

/** The text of tokens `[from, to)` as a keyphrase shows it, with a name written right before it. */
function surfaceOf(article: Article, from: number, to: number): string {
  const { text, tokens, names } = article;
  let s = text.slice(tokens.start[from]!, tokens.end[to - 1]!);
  if (tokens.flags[from]! & TokenFlag.SentenceStart && !/^.\p{Lu}/u.test(s)) s = s[0]!.toLowerCase() + s.slice(1);
  const prev = from - 1;
  if (prev >= 0 && !(tokens.flags[from]! & TokenFlag.Break) && names.inName(prev)) {
    let m: EntityMention | null = null;
    let e = -1;
    names.each(tokens.start[prev]!, tokens.end[prev]!, (x, k) => {
      if (!m) {
        m = x;
        e = article.entities.ofMention[k]!;
      }
    });
    // Any name right before the phrase belongs to it (`Chinese readout`, `Boeing aircraft deliveries`).
    if (e >= 0 && m!.end === tokens.end[prev]) s = `${text.slice(m!.start, m!.end)} ${s}`;
  }
  return s;
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

/** What a body section's label is made from. */
interface LabelInput {
  start: number;
  end: number;
  /** The section's keyphrases, best first. */
  phrases: Scored[];
  /** Mentions in the section per entity index. */
  mentions: Map<number, number>;
}

/** An entity of the section, scored for the label. */
interface LabelEntity {
  type: EntityType;
  name: string;
  short: string;
  score: number;
}

/** The label of a body section: a stated change, else its most specific entities and keyphrases. */
function sectionLabel(article: Article, sim: Similarity, input: LabelInput): string {
  const max = SECTION_TUNING.maxLabel;
  const change = changeLabel(article, input.start, input.end);
  if (change) return clip(change, max + 10);
  return clip(composeLabel(labelEntities(article, sim, input), input, article.text), max);
}

/** The section's entities by specificity to it, best first (weak MISC names and stopwords left out). */
function labelEntities(article: Article, sim: Similarity, input: LabelInput): LabelEntity[] {
  const { start, end } = input;
  const { list, ofMention } = article.entities;
  const firstMention = new Map<number, number>();
  article.names.each(start, end, (m, k) => {
    const e = ofMention[k]!;
    if (!firstMention.has(e)) firstMention.set(e, m.start);
  });
  const span = Math.max(1, end - start);
  return [...input.mentions.entries()]
    .map(([e, c]) => {
      const { type, name, short } = list[e]!;
      const first = firstMention.get(e) ?? end;
      const early = 1.25 - 0.25 * ((first - start) / span);
      const specific = specificity(sim.termParas[article.wordTerms + e]!, sim.textParas);
      const score = LABEL_ENTITY_WEIGHT * (1 + Math.log(c)) * ENTITY_BASE[type] * specific * early;
      return { type, name, short, score };
    })
    .filter((e) => (e.type !== 'MISC' || e.score > 2) && !STOPWORDS.has(e.name.toLowerCase()))
    .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1));
}

/** `Trump–Xi phone call`, `Taiwan: arms package`, `Arms sales (Taiwan)`, names alone, or the first words. */
function composeLabel(ranked: LabelEntity[], input: LabelInput, text: string): string {
  const max = SECTION_TUNING.maxLabel;
  const [e1, e2] = ranked;
  const [k1, k2] = input.phrases;
  const strongEntity = e1 && (!k1 || e1.score >= 0.45 * k1.score);
  const nameInPhrase = (e: { name: string }, k: { surface: string }) => k.surface.toLowerCase().includes(e.name.toLowerCase());
  const fits = (label: string, more: string, extra: number) => label.length + more.length + extra <= max;
  if (e1 && strongEntity && k1 && !nameInPhrase(e1, k1)) {
    const twoPeople = e2 && e1.type === 'PER' && e2.type === 'PER' && fullName(e1.name) && fullName(e2.name) && e2.score >= 0.6 * e1.score;
    if (twoPeople) {
      // Two people: `Trump–Xi phone call`.
      const label = `${e1.short}–${e2.short} ${k1.surface}`;
      return k2 && fits(label, k2.surface, 2) ? `${label}, ${k2.surface}` : label;
    }
    // `Taiwan: arms package`, `Iran: harsh crackdown` (a name written right before the phrase is already in it).
    let label = `${e1.type === 'PER' ? e1.short : e1.name}: ${k1.surface}`;
    // Other names of the same kind about as prominent (`Iran: harsh crackdown, Russia, Ukraine`).
    let added = 0;
    for (const e of ranked.slice(1, 3)) {
      if (e.type !== e1.type || e.score < 0.85 * e1.score || !fits(label, e.name, 2)) break;
      label += `, ${e.name}`;
      added++;
    }
    if (!added && k2 && k2.score >= 0.6 * k1.score && fits(label, k2.surface, 2)) label += `, ${k2.surface}`;
    return label;
  }
  if (k1) {
    let label = capitalise(k1.surface);
    if (k2 && fits(label, k2.surface, 2)) label += `, ${k2.surface}`;
    const e1Fits = e1 && e1.score >= 0.3 * k1.score && !label.toLowerCase().includes(e1.name.toLowerCase()) && fits(label, e1.name, 3);
    return e1Fits ? `${label} (${e1.name})` : label;
  }
  if (e1) {
    return ranked
      .slice(0, 3)
      .map((e) => e.name)
      .join(', ');
  }
  return text.slice(input.start, input.end).split(/\s+/).slice(0, 6).join(' ');
}
