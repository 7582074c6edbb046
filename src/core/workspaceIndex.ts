/**
 * The workspace index: which entities each article of the workspace mentions, where, and which
 * names the user taught the tool. Fed with one record per article, built from the article's
 * annotations (sidecar or live editor state) or from a fresh entity-only analysis.
 *
 * Bounded memory: a record keeps only canonical names, types, the other names used in the article,
 * and mention offsets (packed in one `Uint32Array` per article) — never the article text. Every
 * stored string is copied flat, so no record keeps a slice of an article's text alive.
 *
 * Offsets are UTF-16 code units in the article's LF-normalized text, like everywhere in the core.
 */
import type { Lexicon, LexiconEntry } from './lexicon';
import { nameKey, type RegistryIndex } from './registry';
import { lexiconEntriesFrom, loadSidecar } from './sidecar/session';
import { isLive, type Annotation as SidecarAnnotation } from './sidecar/model';
import { parseSidecar, serializeSidecar } from './sidecar/yaml';
import type { Entity, EntityMention, EntityType } from './types';

/** One mention of an entity, whatever it came from. */
export interface EntityOccurrence {
  type: EntityType;
  /** The referent's canonical name in this article. */
  canonical: string;
  /** The words in the text. */
  text: string;
  start: number;
  end: number;
}

/** An entity of one article: its names and where its mentions are. */
export interface IndexedEntity {
  type: EntityType;
  canonical: string;
  /** Other names used for it in this article (sorted). */
  aliases: readonly string[];
  /** Index of its first `[start, end)` pair in {@link ArticleRecord.spans}. */
  first: number;
  count: number;
}

export type RecordSource = 'sidecar' | 'analysis' | 'editor';

export interface ArticleRecord {
  /** The article's URI (string form): the record's key. */
  uri: string;
  /** A short path for people (workspace-relative); untrusted text, escape before display. */
  label: string;
  source: RecordSource;
  /** Opaque freshness stamp (e.g. modification time and size) for incremental updates. */
  stamp: string;
  entities: readonly IndexedEntity[];
  /** Mention offsets, `[start0, end0, start1, end1, …]`, grouped by entity in text order. */
  spans: Uint32Array;
  /** Names the user accepted, added or rejected in this article. */
  lexicon: readonly LexiconEntry[];
}

export interface MentionLocation {
  uri: string;
  start: number;
  end: number;
}

/** A fresh flat copy: never a slice that keeps a whole article alive. */
function flat(s: string): string {
  return s.length <= 12 ? s : JSON.parse(JSON.stringify(s));
}

const TYPE_SET = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/** Live entity mentions of a set of annotations (rejected and unanchored ones left out). */
export function occurrencesFromAnnotations(annotations: readonly SidecarAnnotation[]): EntityOccurrence[] {
  const out: EntityOccurrence[] = [];
  for (const a of annotations) {
    if (a.kind !== 'entity' || !isLive(a) || !TYPE_SET.has(a.type)) continue;
    out.push({ type: a.type as EntityType, canonical: a.entity ?? a.text, text: a.text, start: a.start, end: a.end });
  }
  return out;
}

/** Entity mentions of an analysis (recognised and linked mentions). */
export function occurrencesFromEntities(mentions: readonly EntityMention[], groups: readonly Entity[]): EntityOccurrence[] {
  const canonical = new Map(groups.map((g) => [g.id, g.canonical]));
  return mentions.map((m) => ({ type: m.type, canonical: canonical.get(m.entityId) ?? m.text, text: m.text, start: m.start, end: m.end }));
}

/** Which article a record is of, for people and for freshness. */
export interface RecordKey {
  uri: string;
  label: string;
  source: RecordSource;
  stamp: string;
}

/** Builds the compact record of one article. */
export function buildRecord(key: RecordKey, occurrences: readonly EntityOccurrence[], lexicon: readonly LexiconEntry[]): ArticleRecord {
  const { uri, label, source, stamp } = key;
  const groups = new Map<string, { type: EntityType; canonical: string; aliases: Set<string>; spans: number[] }>();
  const sorted = [...occurrences].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const o of sorted) {
    if (!(o.end > o.start) || o.start < 0) continue;
    const key = `${o.type}\u0000${nameKey(o.canonical)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { type: o.type, canonical: o.canonical, aliases: new Set(), spans: [] }));
    if (o.text !== g.canonical) g.aliases.add(o.text);
    g.spans.push(o.start, o.end);
  }
  const total = [...groups.values()].reduce((n, g) => n + g.spans.length, 0);
  const spans = new Uint32Array(total);
  const entities: IndexedEntity[] = [];
  let at = 0;
  for (const g of groups.values()) {
    spans.set(g.spans, at);
    entities.push({
      type: g.type,
      canonical: flat(g.canonical),
      aliases: [...g.aliases].sort().map(flat),
      first: at / 2,
      count: g.spans.length / 2,
    });
    at += g.spans.length;
  }
  const lex = lexicon.map((e) => {
    const c: LexiconEntry = { name: flat(e.name), type: e.type };
    if (e.canonical !== undefined) c.canonical = flat(e.canonical);
    if (e.rejected) c.rejected = true;
    return c;
  });
  return { uri: flat(uri), label: flat(label), source, stamp: flat(stamp), entities, spans, lexicon: lex };
}

/** Record of an article from its annotations (sidecar or editor). */
export function recordFromAnnotations(key: RecordKey, annotations: readonly SidecarAnnotation[]): ArticleRecord {
  return buildRecord(key, occurrencesFromAnnotations(annotations), lexiconEntriesFrom(annotations));
}

/**
 * Finds and links the names of a text: the entity recogniser and name linking, passed in by the caller
 * (the editor loads them lazily; see `findNames` in `names.ts`).
 */
export type NameFinder = (text: string, lexicon: Lexicon | undefined) => { mentions: EntityMention[]; groups: Entity[] };

/**
 * Indexes one article from its text and its sidecar's source (null: none). A usable sidecar gives
 * the record (the user's decisions included), placed on this text. An article without one (or with a
 * broken one) gets an entity-only analysis — names and linking, no figures, quotes or topics — which
 * is what the index needs and a fraction of the full pipeline.
 */
export function indexArticle(
  key: Omit<RecordKey, 'source'>,
  text: string,
  sidecarSrc: string | null,
  names: NameFinder,
  opts: { lexicon?: Lexicon | (() => Lexicon | undefined); fullParserMaxBytes?: number } = {},
): ArticleRecord {
  const { lexicon, fullParserMaxBytes } = opts;
  if (sidecarSrc !== null) {
    const loaded = loadSidecar(sidecarSrc, text, fullParserMaxBytes === undefined ? {} : { fullParserMaxBytes });
    if (!loaded.problem) return recordFromAnnotations({ ...key, source: 'sidecar' }, loaded.annotations);
  }
  // The lexicon may be a getter: building it is only worth it when an analysis is needed.
  const lex = typeof lexicon === 'function' ? lexicon() : lexicon;
  const { mentions, groups } = names(text, lex);
  return buildRecord({ ...key, source: 'analysis' }, occurrencesFromEntities(mentions, groups), []);
}

/**
 * A sidecar's source with the entity annotations of `type` named by any of `names` pointing to
 * `newName` (their `entity:` field; the article text and spans are untouched). Null when the file
 * cannot be read safely or nothing changes.
 */
export function renameInSidecar(src: string, type: EntityType, names: readonly string[], newName: string): string | null {
  const r = parseSidecar(src);
  if (!r.ok) return null;
  const keys = new Set(names.map(nameKey));
  let changed = 0;
  for (const a of r.doc.annotations) {
    if (a.kind !== 'entity' || a.type !== type || a.entity === newName || !keys.has(nameKey(a.entity ?? a.text))) continue;
    a.entity = newName;
    changed++;
  }
  return changed ? serializeSidecar(r.doc) : null;
}

export interface IndexStats {
  articles: number;
  /** Distinct (type, canonical name) pairs. */
  entities: number;
  mentions: number;
  bySource: Record<RecordSource, number>;
}

/**
 * The index over all records. Queries take a type and one or more names (a registry entry's name and
 * aliases, or just the article's canonical name) and match canonical names exactly (after
 * {@link nameKey}): "Trump" in an article that never says "Donald Trump" is a different referent
 * unless the registry says they are one.
 */
export class WorkspaceIndex {
  private readonly records = new Map<string, ArticleRecord>();
  /** `type\0nameKey(canonical)` → URIs of articles with that entity. */
  private readonly byName = new Map<string, Set<string>>();
  private lexiconCache: { entries: LexiconEntry[]; signature: string } | null = null;
  private registry: RegistryIndex | null = null;
  /** One copy of each name across all records ("United States" is in thousands of articles). */
  private readonly names = new Map<string, string>();
  /** Increments on every change (for caches). */
  version = 0;

  /** The registry whose entries join the lexicon. */
  setRegistry(registry: RegistryIndex | null): void {
    this.registry = registry;
    this.lexiconCache = null;
    this.version++;
  }

  get size(): number {
    return this.records.size;
  }

  get(uri: string): ArticleRecord | undefined {
    return this.records.get(uri);
  }

  has(uri: string): boolean {
    return this.records.has(uri);
  }

  uris(): string[] {
    return [...this.records.keys()];
  }

  private intern(s: string): string {
    const have = this.names.get(s);
    if (have !== undefined) return have;
    this.names.set(s, s);
    return s;
  }

  /** Adds or replaces an article's record. */
  set(record: ArticleRecord): void {
    record = {
      ...record,
      entities: record.entities.map((e) => ({ ...e, canonical: this.intern(e.canonical), aliases: e.aliases.map((a) => this.intern(a)) })),
    };
    const taught = record.lexicon.length > 0 || (this.records.get(record.uri)?.lexicon.length ?? 0) > 0;
    this.removeNames(record.uri);
    this.records.set(record.uri, record);
    for (const e of record.entities) {
      const k = key(e.type, e.canonical);
      let set = this.byName.get(k);
      if (!set) this.byName.set(k, (set = new Set()));
      set.add(record.uri);
    }
    if (taught) this.lexiconCache = null;
    this.version++;
  }

  delete(uri: string): boolean {
    if (!this.records.has(uri)) return false;
    const had = this.records.get(uri)!.lexicon.length > 0;
    this.removeNames(uri);
    this.records.delete(uri);
    if (had) this.lexiconCache = null;
    this.version++;
    return true;
  }

  clear(): void {
    this.records.clear();
    this.byName.clear();
    this.names.clear();
    this.lexiconCache = null;
    this.version++;
  }

  private removeNames(uri: string): void {
    const old = this.records.get(uri);
    if (!old) return;
    for (const e of old.entities) {
      const k = key(e.type, e.canonical);
      const set = this.byName.get(k);
      set?.delete(uri);
      if (set && !set.size) this.byName.delete(k);
    }
  }

  /** URIs of the articles mentioning an entity known by any of `names`, sorted by label. */
  articlesMentioning(type: EntityType, names: readonly string[]): string[] {
    const out = new Set<string>();
    for (const n of names) for (const u of this.byName.get(key(type, n)) ?? []) out.add(u);
    return [...out].sort((a, b) => cmp(this.records.get(a)!.label, this.records.get(b)!.label) || cmp(a, b));
  }

  /**
   * How many articles other than `exceptUri` mention the entity, and the `k` first of them by label.
   * Cheap enough for every hover: no full sort, one pass over the matching articles.
   */
  summary(type: EntityType, names: readonly string[], exceptUri: string | null, k = 3): { count: number; sample: ArticleRecord[] } {
    const sets = names.map((n) => this.byName.get(key(type, n))).filter((x): x is Set<string> => !!x);
    let all: Iterable<string>;
    let count: number;
    if (sets.length === 1) {
      all = sets[0]!;
      count = sets[0]!.size - (exceptUri !== null && sets[0]!.has(exceptUri) ? 1 : 0);
    } else {
      const u = new Set<string>();
      for (const s of sets) for (const x of s) u.add(x);
      if (exceptUri !== null) u.delete(exceptUri);
      all = u;
      count = u.size;
    }
    const sample: ArticleRecord[] = [];
    for (const u of all) {
      if (u === exceptUri) continue;
      const r = this.records.get(u)!;
      if (sample.length < k) sample.push(r);
      else if (cmp(r.label, sample[k - 1]!.label) < 0) sample[k - 1] = r;
      else continue;
      sample.sort((a, b) => cmp(a.label, b.label));
    }
    return { count, sample };
  }

  /** Every mention of the entity across the workspace (optionally only in `uri`), in article then text order. */
  mentions(type: EntityType, names: readonly string[], uri?: string): MentionLocation[] {
    const keys = new Set(names.map((n) => key(type, n)));
    const out: MentionLocation[] = [];
    for (const u of uri ? (this.records.has(uri) ? [uri] : []) : this.articlesMentioning(type, names)) {
      const r = this.records.get(u)!;
      const here: MentionLocation[] = [];
      for (const e of r.entities) {
        if (!keys.has(key(e.type, e.canonical))) continue;
        for (let i = e.first; i < e.first + e.count; i++) here.push({ uri: u, start: r.spans[2 * i]!, end: r.spans[2 * i + 1]! });
      }
      here.sort((a, b) => a.start - b.start);
      out.push(...here);
    }
    return out;
  }

  /** The entity of `uri` with a mention covering `offset`, if any. */
  entityAt(uri: string, offset: number): IndexedEntity | undefined {
    const r = this.records.get(uri);
    if (!r) return undefined;
    for (const e of r.entities) {
      for (let i = e.first; i < e.first + e.count; i++) if (r.spans[2 * i]! <= offset && offset < r.spans[2 * i + 1]!) return e;
    }
    return undefined;
  }

  /** All other names used for the entity across the workspace (sorted, without the given names). */
  otherNames(type: EntityType, names: readonly string[]): string[] {
    const keys = new Set(names.map((n) => nameKey(n)));
    const out = new Set<string>();
    for (const u of this.articlesMentioning(type, names)) {
      for (const e of this.records.get(u)!.entities) {
        if (e.type !== type || !keys.has(nameKey(e.canonical))) continue;
        for (const a of e.aliases) if (!keys.has(nameKey(a))) out.add(a);
      }
    }
    return [...out].sort(cmp);
  }

  /**
   * The user lexicon: names accepted, added or rejected in any article, plus the registry's names
   * (each alias pointing to its canonical name). Cached until a record's lexicon or the registry changes.
   */
  /**
   * Names taught across the workspace (registry first, then every article's decisions). With
   * `exceptUri`, leaving out what that article alone taught: its own decisions are already in it, so
   * they must not make it look as if its analysis needed running again.
   */
  lexiconEntries(exceptUri?: string): LexiconEntry[] {
    if (exceptUri === undefined || !this.records.get(exceptUri)?.lexicon.length) return this.lexicon().entries;
    return this.buildLexicon(exceptUri).entries;
  }

  /** Changes exactly when {@link lexiconEntries} changes content. */
  lexiconSignature(): string {
    return this.lexicon().signature;
  }

  private lexicon(): { entries: LexiconEntry[]; signature: string } {
    return (this.lexiconCache ??= this.buildLexicon());
  }

  private buildLexicon(exceptUri?: string): { entries: LexiconEntry[]; signature: string } {
    const seen = new Map<string, LexiconEntry>();
    const add = (e: LexiconEntry) => seen.set(`${e.type}\u0000${e.name}\u0000${e.rejected ? 1 : 0}`, e);
    if (this.registry) {
      for (const r of this.registry.registry.entities)
        for (const n of [r.name, ...r.aliases])
          add(n === r.name ? { name: n, type: r.type } : { name: n, type: r.type, canonical: r.name });
    }
    // Articles in URI order so that the last decision for a name is deterministic.
    for (const u of [...this.records.keys()].sort(cmp)) if (u !== exceptUri) for (const e of this.records.get(u)!.lexicon) add(e);
    const entries = [...seen.entries()].sort((a, b) => cmp(a[0], b[0])).map(([, e]) => e);
    const signature = entries.map((e) => `${e.type}\u0001${e.name}\u0001${e.canonical ?? ''}\u0001${e.rejected ? 1 : 0}`).join('\u0002');
    return { entries, signature: `${entries.length}:${hashString(signature)}` };
  }

  stats(): IndexStats {
    let mentions = 0;
    const bySource: Record<RecordSource, number> = { sidecar: 0, analysis: 0, editor: 0 };
    for (const r of this.records.values()) {
      mentions += r.spans.length / 2;
      bySource[r.source]++;
    }
    return { articles: this.records.size, entities: this.byName.size, mentions, bySource };
  }
}

// ---------------------------------------------------------------------------------------------
// Keeping the index between sessions

const CACHE_FORMAT = 1;

/** The records as JSON for the extension's own storage (so a restart re-reads only changed files). */
export function serializeRecords(records: Iterable<ArticleRecord>, version: string): string {
  const list = [...records]
    .filter((r) => r.source !== 'editor')
    .map((r) => ({
      u: r.uri,
      l: r.label,
      s: r.source,
      t: r.stamp,
      e: r.entities.map((e) => [e.type, e.canonical, e.aliases, e.first, e.count]),
      p: Array.from(r.spans),
      x: r.lexicon,
    }));
  return JSON.stringify({ format: CACHE_FORMAT, version, records: list });
}

/**
 * Records from {@link serializeRecords}, or null when the cache is from another format or version
 * (the analyzers may have changed) or malformed. Every field is checked; nothing is trusted.
 */
export function parseRecords(src: string, version: string): ArticleRecord[] | null {
  let o: unknown;
  try {
    o = JSON.parse(src);
  } catch {
    return null;
  }
  if (!o || typeof o !== 'object') return null;
  const c = o as { format?: unknown; version?: unknown; records?: unknown };
  if (c.format !== CACHE_FORMAT || c.version !== version || !Array.isArray(c.records)) return null;
  const out: ArticleRecord[] = [];
  const str = (v: unknown): v is string => typeof v === 'string';
  for (const r of c.records as Record<string, unknown>[]) {
    if (
      !r ||
      typeof r !== 'object' ||
      !str(r.u) ||
      !str(r.l) ||
      (r.s !== 'sidecar' && r.s !== 'analysis') ||
      !str(r.t) ||
      !Array.isArray(r.e) ||
      !Array.isArray(r.p) ||
      !Array.isArray(r.x)
    )
      return null;
    const p = r.p as unknown[];
    if (p.length % 2 || !p.every((n) => Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) < 2 ** 32)) return null;
    const entities: IndexedEntity[] = [];
    for (const e of r.e as unknown[]) {
      if (!Array.isArray(e) || e.length !== 5) return null;
      const [type, canonical, aliases, first, count] = e as [unknown, unknown, unknown, unknown, unknown];
      if (!str(type) || !TYPE_SET.has(type) || !str(canonical) || !Array.isArray(aliases) || !aliases.every(str)) return null;
      if (
        !Number.isSafeInteger(first) ||
        !Number.isSafeInteger(count) ||
        (first as number) < 0 ||
        (count as number) < 0 ||
        ((first as number) + (count as number)) * 2 > p.length
      )
        return null;
      entities.push({ type: type as EntityType, canonical, aliases: aliases as string[], first: first as number, count: count as number });
    }
    const lexicon: LexiconEntry[] = [];
    for (const x of r.x as Record<string, unknown>[]) {
      if (!x || typeof x !== 'object' || !str(x.name) || !str(x.type) || !TYPE_SET.has(x.type)) return null;
      const entry: LexiconEntry = { name: x.name, type: x.type as EntityType };
      if (x.canonical !== undefined) {
        if (!str(x.canonical)) return null;
        entry.canonical = x.canonical;
      }
      if (x.rejected === true) entry.rejected = true;
      lexicon.push(entry);
    }
    out.push({ uri: r.u, label: r.l, source: r.s, stamp: r.t, entities, spans: Uint32Array.from(p as number[]), lexicon });
  }
  return out;
}

function key(type: string, name: string): string {
  return `${type}\u0000${nameKey(name)}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 53-bit string hash (cyrb53) for change detection, not security. */
function hashString(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
