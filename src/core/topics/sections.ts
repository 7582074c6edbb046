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
import { candidates, contentMask, stem, STOPWORDS } from './keyphrases';
import { scoreEvents, TOP_COUNT, TOPICS } from './subjects';
import { TokenFlag, tokenAt, type Tokens } from './tokens';

export interface SectionInput {
  entities: readonly EntityMention[];
  groups: readonly Entity[];
  figures: readonly Figure[];
  quotes: readonly Quote[];
}

/** Tuning of the segmentation (exported for tests and experiments). */
/** Debug trace of merge decisions (off by default). */
export const DEBUG = { on: false, log: [] as string[] };

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

interface Feature {
  key: string;
  count: number;
  /** Corpus weight (idf for phrases, a constant for names). */
  base: number;
}

interface ParaFeatures {
  features: Map<string, Feature>;
  /** Surface form of each phrase key (first occurrence). */
  surface: Map<string, string>;
  entities: Map<string, number>;
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
  for (const p of out) {
    if (p.kind !== 'text') continue;
    const s = text.slice(p.start, p.end);
    if (p.t1 - p.t0 <= 10 && !TERMINAL.test(s) && s.indexOf('\n') < 0 && out.some((q) => q.kind === 'text' && q !== p)) p.kind = 'aside';
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
  const capMid = new Set<string>();
  const lowSeen = new Set<string>();
  for (let i = 0; i < tokens.count; i++) {
    const f = tokens.flags[i]!;
    if (!(f & TokenFlag.Cap)) lowSeen.add(tokens.lower[i]!);
    else if (!(f & TokenFlag.SentenceStart)) capMid.add(tokens.lower[i]!);
  }
  for (let i = 0; i < tokens.count; i++) {
    const f = tokens.flags[i]!;
    if (f & TokenFlag.Cap && f & TokenFlag.SentenceStart && capMid.has(tokens.lower[i]!) && !lowSeen.has(tokens.lower[i]!)) mark[i] = 1;
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

function paraFeatures(text: string, tokens: Tokens, p: Para, tokIdf: Float64Array, names: ReturnType<typeof nameIndex>, content: Uint8Array, typeOf: Map<string, EntityType>, figureEnds: Set<number>): ParaFeatures {
  const typeOfMention = (i: number): EntityType | null => {
    const m = names.mentionsIn(tokens.start[i]!, tokens.end[i]!)[0];
    return m ? (typeOf.get(m.entityId) ?? m.type) : null;
  };
  const features = new Map<string, Feature>();
  const surface = new Map<string, string>();
  for (const c of candidates(tokens, p.t0, p.t1, content)) {
    let base = 0;
    for (let k = c.from; k < c.to; k++) base += tokIdf[k]!;
    base /= c.to - c.from;
    // A phrase right after a figure is the news of its paragraph (`$11 billion arms package`).
    if (figureEnds.has(tokens.end[c.from - 1] ?? -1) && c.from > p.t0 && !(tokens.flags[c.from]! & TokenFlag.Break)) base *= 1.5;
    const f = features.get(c.key);
    if (f) {
      f.count++;
      f.base = Math.max(f.base, base);
    } else {
      features.set(c.key, { key: c.key, count: 1, base });
      let s = text.slice(tokens.start[c.from]!, tokens.end[c.to - 1]!);
      if (tokens.flags[c.from]! & TokenFlag.SentenceStart && !/^.\p{Lu}/u.test(s)) s = s[0]!.toLowerCase() + s.slice(1);
      // A nationality right before the phrase belongs to it (`Chinese readout`).
      const prev = c.from - 1;
      if (prev >= p.t0 && !(tokens.flags[c.from]! & TokenFlag.Break) && names.inName(prev) && typeOfMention(prev) === 'MISC') s = `${text.slice(tokens.start[prev]!, tokens.end[prev]!)} ${s}`;
      surface.set(c.key, s);
    }
  }
  // Content words on their own (for similarity only): `arms` links `arms sales` and `arms package`.
  for (let i = p.t0; i < p.t1; i++) {
    if (!content[i]) continue;
    const key = `w:${stem(tokens.lower[i]!)}`;
    const f = features.get(key);
    if (f) f.count++;
    else features.set(key, { key, count: 1, base: 0.6 * tokIdf[i]! });
  }
  const entities = new Map<string, number>();
  for (const m of names.mentionsIn(p.start, p.end)) {
    entities.set(m.entityId, (entities.get(m.entityId) ?? 0) + 1);
    const key = `e:${m.entityId}`;
    const type = typeOf.get(m.entityId) ?? m.type;
    const f = features.get(key);
    if (f) f.count++;
    else features.set(key, { key, count: 1, base: ENTITY_BASE[type] });
  }
  return { features, surface, entities };
}

/** Within-article specificity: 1 for a term in one paragraph, less for terms spread over the article. */
function specificity(pdf: number, paras: number): number {
  if (paras <= 1) return 1;
  return Math.log(1 + paras / Math.max(pdf, 1)) / Math.log(1 + paras);
}

function vector(pf: ParaFeatures, pdf: Map<string, number>, nParas: number): Map<string, number> {
  const v = new Map<string, number>();
  for (const f of pf.features.values()) {
    // Words and names only: phrases repeat their words and would dilute the overlap.
    if (!f.key.startsWith('w:') && !f.key.startsWith('e:')) continue;
    const w = (1 + Math.log(f.count)) * f.base * specificity(pdf.get(f.key) ?? 1, nParas);
    v.set(f.key, w);
  }
  return v;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, x] of a) {
    na += x * x;
    const y = b.get(k);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
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
function changeLabel(text: string, tokens: Tokens, figures: readonly Figure[], start: number, end: number, content: Uint8Array): string | null {
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
      const cands = candidates(tokens, i, i + 1, content);
      if (cands.length) {
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
  const content = contentMask(tokens, names.inName);
  const tokIdf = new Float64Array(tokens.count);
  for (let i = 0; i < tokens.count; i++) if (content[i]) tokIdf[i] = idfOf(idf, tokens.lower[i]!);
  const groupById = new Map<string, Entity>();
  for (const g of input.groups) groupById.set(g.id, g);
  const typeOf = new Map<string, EntityType>();
  const nameOf = new Map<string, string>();
  // Short name of a person: the shortest form the article uses (`Trump`, `Xi`).
  const shortOf = new Map<string, string>();
  for (const g of input.groups) {
    const forms = [g.canonical, ...g.aliases].filter((f) => f.length > 1 && !/\s/.test(f) && g.canonical.includes(f));
    if (g.type === 'PER' && forms.length) shortOf.set(g.id, forms.sort((a, b) => a.length - b.length)[0]!);
    else if (g.type === 'PER') shortOf.set(g.id, g.canonical.split(/\s+/).pop()!);
  }
  for (const m of entities) {
    const g = groupById.get(m.entityId);
    if (!typeOf.has(m.entityId)) typeOf.set(m.entityId, g ? g.type : m.type);
    if (!nameOf.has(m.entityId)) nameOf.set(m.entityId, g ? g.canonical : m.text);
  }

  const figures = [...input.figures].sort((a, b) => a.start - b.start);
  const figureEnds = new Set<number>();
  for (const f of figures) if (f.kind === 'money' || f.kind === 'quantity') figureEnds.add(f.end);
  const feats: (ParaFeatures | null)[] = paras.map((p) => (p.kind === 'text' ? paraFeatures(text, tokens, p, tokIdf, names, content, typeOf, figureEnds) : null));
  const pdf = new Map<string, number>();
  let nText = 0;
  for (const f of feats) {
    if (!f) continue;
    nText++;
    for (const k of f.features.keys()) pdf.set(k, (pdf.get(k) ?? 0) + 1);
  }
  const vectors = feats.map((f) => (f ? vector(f, pdf, nText) : null));

  // Group paragraphs: headline alone, lede alone, then greedy merging of body paragraphs.
  interface Group {
    role: Section['role'];
    paras: number[];
  }
  const groups: Group[] = [];
  let pendingAsides: number[] = [];
  let ledeDone = false;
  let running: Map<string, number> | null = null;
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
    const ptext = text.slice(p.start, p.end);
    const last = groups[groups.length - 1];
    let merge = false;
    if (ledeDone && last && last.role === 'body' && running) {
      let sim = cosine(running, v);
      if (DEBUG.on) DEBUG.log.push(`${k}: sim ${sim.toFixed(3)} ${ptext.slice(0, 40)}`);
      if (CONTINUATION.test(ptext)) sim += 0.08;
      if (quoteOpen && /^["“‘']/.test(ptext)) sim += 1;
      const textParas = last.paras.filter((x) => paras[x]!.kind === 'text').length;
      merge = sim >= SECTION_TUNING.mergeThreshold && textParas < SECTION_TUNING.maxParagraphs;
    }
    if (merge) {
      last!.paras.push(...pendingAsides, k);
      for (const [key, x] of v) running!.set(key, (running!.get(key) ?? 0) + x);
    } else {
      const role: Section['role'] = ledeDone ? 'body' : 'lede';
      groups.push({ role, paras: [...pendingAsides, k] });
      running = role === 'body' ? new Map(v) : null;
      if (role === 'lede') {
        ledeDone = true;
      }
    }
    pendingAsides = [];
    // An opening quote mark without its closing one continues into the next paragraph.
    const opens = (ptext.match(/[“"]/g) ?? []).length;
    const closes = (ptext.match(/[”]/g) ?? []).length;
    quoteOpen = /“/.test(ptext) ? opens > closes : opens % 2 === 1;
  }
  // Asides after the last text paragraph join the last section.
  if (pendingAsides.length && groups.length) groups[groups.length - 1]!.paras.push(...pendingAsides);

  const sections: Section[] = [];
  const usedIds = new Set<string>();
  for (const g of groups) {
    const first = paras[g.paras[0]!]!;
    const lastP = paras[g.paras[g.paras.length - 1]!]!;
    const start = first.start;
    const end = lastP.end;
    const t0 = first.t0;
    const t1 = lastP.t1;
    // Merge the paragraphs' features.
    const merged = new Map<string, Feature>();
    const surface = new Map<string, string>();
    const ents = new Map<string, number>();
    for (const k of g.paras) {
      const f = feats[k];
      if (!f) continue;
      for (const feat of f.features.values()) {
        const m = merged.get(feat.key);
        if (m) m.count += feat.count;
        else merged.set(feat.key, { ...feat });
      }
      for (const [key, s] of f.surface) if (!surface.has(key)) surface.set(key, s);
      for (const [id, c] of f.entities) ents.set(id, (ents.get(id) ?? 0) + c);
    }
    // Keyphrases: TF-IDF × within-article specificity; longer phrases preferred; sub-phrases of chosen ones dropped.
    const scored: { key: string; score: number; surface: string }[] = [];
    for (const f of merged.values()) {
      if (f.key.startsWith('e:') || f.key.startsWith('w:')) continue;
      const words = f.key.split(' ').length;
      const score = (1 + Math.log(f.count)) * f.base * specificity(pdf.get(f.key) ?? 1, nText) * (words === 1 ? 1 : words === 2 ? 1.35 : 1.45);
      scored.push({ key: f.key, score, surface: surface.get(f.key) ?? f.key });
    }
    // A sub-phrase found only inside a longer phrase gives way to it (`rare earth minerals`, not `earth minerals`).
    const absorbed = new Set<string>();
    for (const long of merged.values()) {
      if (long.key.startsWith('e:') || long.key.startsWith('w:') || long.key.indexOf(' ') < 0) continue;
      const w = long.key.split(' ');
      for (let i = 0; i < w.length; i++) {
        for (let j = i + 1; j <= w.length; j++) {
          if (j - i === w.length) continue;
          const sub = j === w.length ? w.slice(i).join(' ') : [...w.slice(i, j - 1), stem(w[j - 1]!)].join(' ');
          const short = merged.get(sub);
          if (short && short.count <= long.count) absorbed.add(sub);
        }
      }
    }
    const kept = scored.filter((x) => !absorbed.has(x.key));
    scored.length = 0;
    scored.push(...kept);
    scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
    const chosen: { key: string; score: number; surface: string }[] = [];
    for (const s of scored) {
      if (chosen.length >= 6) break;
      if (chosen.some((c) => ` ${c.key} `.includes(` ${s.key} `) || ` ${s.key} `.includes(` ${c.key} `))) continue;
      chosen.push(s);
    }
    const keyphrases = chosen.map((c) => c.surface);

    let label: string;
    if (g.role === 'headline') label = clip(text.slice(start, end).trim(), 90);
    else {
      const firstMention = new Map<string, number>();
      for (const m of names.mentionsIn(start, end)) if (!firstMention.has(m.entityId)) firstMention.set(m.entityId, m.start);
      label = sectionLabel(text, tokens, figures, start, end, content, chosen, ents, typeOf, nameOf, pdf, nText, firstMention, shortOf);
    }
    const subject = sectionSubject(args.events, t0, t1, articleShare);
    let id = `${g.role}-${sections.length}-${hash(label)}`;
    while (usedIds.has(id)) id += '+';
    usedIds.add(id);
    sections.push({ id, start, end, label, role: g.role, subject, keyphrases });
  }
  return sections;
}

function sectionLabel(
  text: string,
  tokens: Tokens,
  figures: readonly Figure[],
  start: number,
  end: number,
  content: Uint8Array,
  phrases: { key: string; score: number; surface: string }[],
  ents: Map<string, number>,
  typeOf: Map<string, EntityType>,
  nameOf: Map<string, string>,
  pdf: Map<string, number>,
  nText: number,
  firstMention: Map<string, number>,
  shortOf: Map<string, string>,
): string {
  const max = SECTION_TUNING.maxLabel;
  const change = changeLabel(text, tokens, figures, start, end, content);
  if (change) return clip(change, max + 10);
  // Entities by specificity to this section.
  const span = Math.max(1, end - start);
  const ranked = [...ents.entries()]
    .map(([id, c]) => {
      const type = typeOf.get(id) ?? 'MISC';
      const first = firstMention.get(id) ?? end;
      const early = 1.25 - 0.25 * ((first - start) / span);
      const score = LABEL_ENTITY_WEIGHT * (1 + Math.log(c)) * ENTITY_BASE[type] * specificity(pdf.get(`e:${id}`) ?? 1, nText) * early;
      return { id, type, name: nameOf.get(id) ?? id, short: shortOf.get(id) ?? nameOf.get(id) ?? id, score };
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
    // `Taiwan arms package`, but `Iran: harsh crackdown` when the phrase opens with an adjective.
    const adjectival = /(?:sh|ful|ous|ive|al|ic|ing|ed)$/.test(k1.key.split(' ')[0]!) && k1.key.indexOf(' ') > 0;
    label = e1.type === 'PER' || adjectival ? `${e1.type === 'PER' ? e1.short : e1.name}: ${k1.surface}` : `${e1.name} ${k1.surface}`;
    if (e2 && e2.type === e1.type && e2.score >= 0.85 * e1.score && label.length + e2.name.length + 2 <= max) label += `, ${e2.name}`;
    else if (k2 && k2.score >= 0.6 * k1.score && label.length + k2.surface.length + 2 <= max) label += `, ${k2.surface}`;
  } else if (k1) {
    label = capitalise(k1.surface);
    if (k2 && label.length + k2.surface.length + 2 <= max) label += `, ${k2.surface}`;
    if (e1 && e1.score >= 0.3 * k1.score && label.length + e1.name.length + 3 <= max) label = `${label} (${e1.name})`;
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
