/**
 * Name linking: groups mentions of the same referent under one canonical name and keeps the roles
 * the text gives them, for the hover.
 *
 * - People: a partial name links to the fullest name it is part of (`Trump`, `President Trump` →
 *   Donald Trump by surname; `Xi` → Xi Jinping by family name first), preferring the nearest
 *   earlier full name when several fit.
 * - Places and organisations: known aliases (`U.S.`, `US`, `America` → United States), acronyms of
 *   longer names in the same article (`WHO` → World Health Organization), and longer names that
 *   end with the mention (`the Commission` → European Commission) for organisations.
 * - Possessives never reach a mention (`Trump’s` is tagged `Trump`), but are stripped defensively.
 * - Roles: a title before the name (`U.S. President Donald Trump` → `U.S. President`,
 *   `Chinese President Xi Jinping`) or an apposition after it (`Vladimir Putin, Russia's president,`).
 */
import type { RecognizedMention } from '../ner';
import { partitionPoint } from '../search';
import { countLessOrEqual } from '../text';
import type { Entity, EntityMention, EntityType } from '../types';

/** Surface forms of the same place or organisation. Keys are lower-case forms; values canonical names. */
const ALIASES: Record<string, string> = {
  'u.s.': 'United States',
  'u.s': 'United States',
  us: 'United States',
  'u.s.a.': 'United States',
  'u.s.a': 'United States',
  usa: 'United States',
  america: 'United States',
  'united states': 'United States',
  'united states of america': 'United States',
  'the united states': 'United States',
  'u.k.': 'United Kingdom',
  'u.k': 'United Kingdom',
  uk: 'United Kingdom',
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
  'united kingdom': 'United Kingdom',
  'e.u.': 'European Union',
  eu: 'European Union',
  'european union': 'European Union',
  'u.n.': 'United Nations',
  'u.n': 'United Nations',
  un: 'United Nations',
  'united nations': 'United Nations',
  nato: 'NATO',
  'north atlantic treaty organization': 'NATO',
  prc: 'China',
  "people's republic of china": 'China',
  'mainland china': 'China',
  'russian federation': 'Russia',
  uae: 'United Arab Emirates',
  'u.a.e.': 'United Arab Emirates',
  'south korea': 'South Korea',
  rok: 'South Korea',
  dprk: 'North Korea',
  'czech republic': 'Czechia',
  holland: 'Netherlands',
  'the netherlands': 'Netherlands',
  burma: 'Myanmar',
  'ivory coast': "Côte d'Ivoire",
  "cote d'ivoire": "Côte d'Ivoire",
  türkiye: 'Turkey',
  kiev: 'Kyiv',
  who: 'World Health Organization',
  'world health organisation': 'World Health Organization',
  imf: 'International Monetary Fund',
  wto: 'World Trade Organization',
  ecb: 'European Central Bank',
  fed: 'Federal Reserve',
  'the fed': 'Federal Reserve',
  'us federal reserve': 'Federal Reserve',
  ccp: 'Chinese Communist Party',
  cpc: 'Chinese Communist Party',
  'communist party of china': 'Chinese Communist Party',
  pla: "People's Liberation Army",
  idf: 'Israel Defense Forces',
  irgc: 'Islamic Revolutionary Guard Corps',
  isis: 'Islamic State',
  isil: 'Islamic State',
  daesh: 'Islamic State',
};

/** Words that name a role (matched case-insensitively, as the last word of a role phrase). */
const ROLE_NOUNS = new Set(
  (
    'president president-elect premier chancellor minister secretary secretary-general senator congressman congresswoman ' +
    'representative governor mayor ambassador envoy consul commissioner chairman chairwoman chair chief ceo executive director ' +
    'director-general spokesman spokeswoman spokesperson speaker leader judge justice prosecutor attorney king queen prince princess ' +
    'emperor sultan emir sheikh ayatollah imam pope cardinal archbishop bishop rabbi general admiral colonel commander marshal officer ' +
    'coach manager captain striker midfielder defender goalkeeper skipper founder owner analyst economist editor correspondent ' +
    'reporter professor lawyer adviser advisor aide deputy vice-president vice-chairman head boss mp lawmaker'
  ).split(' '),
);

/** Words that may precede a role noun inside a role phrase. */
const ROLE_MODIFIERS = new Set(
  (
    'former acting then deputy vice outgoing incoming interim foreign defence defense finance interior home prime trade health energy ' +
    'economy education justice transport culture environment agriculture commerce labour labor treasury state chief executive general ' +
    'supreme grand crown senior top junior first second assistant associate managing national regional party opposition majority ' +
    'minority communist shadow and of for the'
  ).split(' '),
);

/**
 * Longer names than this (in characters) are never given to other mentions as their canonical name:
 * real ones are far shorter (the longest in 3,700 BBC, PolNeAR and CoNLL texts: 65 characters, 12
 * words), while a run of thousands of capitalised words tagged as one name would otherwise be
 * repeated for every short mention linked to it (in the CLI's records, annotation files and hovers:
 * 400 MB of JSON for 120 kB of `Xi Xi … Xi said. Xi said. …`).
 */
const MAX_LINKED_NAME = 200;

/** Stable id for an entity from its type and canonical name. */
export function entityId(type: EntityType, canonical: string): string {
  return `${type}:${canonical}`;
}

/** The mention text without a trailing possessive. */
function baseForm(s: string): string {
  return s.replace(/[’']s?$/u, '').trim();
}

function splitWords(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/**
 * Initials of the capitalised words of a name of two words or more (`World Health Organization` →
 * `WHO`), or null when it has one word or more initials than an acronym looked up here can have
 * (six): a long name is not read to its end.
 */
function acronymOf(name: string): string | null {
  const word = /\S+/g;
  let n = 0;
  let ini = '';
  for (let m = word.exec(name); m; m = word.exec(name)) {
    n++;
    if (!/^\p{Lu}/u.test(m[0])) continue;
    ini += m[0][0];
    if (ini.length > 6) return null;
  }
  return n >= 2 ? ini : null;
}

/** Links recognised mentions into referents; returns the mentions (with entity ids) and the groups. */
export function linkEntities(text: string, found: readonly RecognizedMention[]): { mentions: EntityMention[]; groups: Entity[] } {
  // Each distinct name is split into words once (a long name met by many mentions or compared with
  // many others would otherwise be split again each time). The lists are never modified.
  const wordCache = new Map<string, string[]>();
  const words = (s: string): string[] => {
    let w = wordCache.get(s);
    if (!w) wordCache.set(s, (w = splitWords(s)));
    return w;
  };
  const mentions: EntityMention[] = found.map((m) => ({
    start: m.start,
    end: m.end,
    type: m.type,
    text: text.slice(m.start, m.end),
    confidence: m.confidence,
    entityId: '',
    origin: m.origin,
  }));
  const canonicalOf: string[] = new Array(mentions.length);
  const forms = mentions.map((m) => baseForm(m.text));

  // 1. Explicit canonical names (lexicon) and known aliases.
  mentions.forEach((m, i) => {
    const given = found[i]!.canonical;
    if (given) canonicalOf[i] = given;
    else if (m.type !== 'PER' && m.type !== 'MISC') {
      const alias = ALIASES[forms[i]!.toLowerCase()];
      if (alias) canonicalOf[i] = alias;
    }
  });
  const ctx: Linking = { text, mentions, forms, canonicalOf, words };
  linkPeople(ctx);
  linkOrganisationsAndPlaces(ctx);
  return { mentions, groups: groupMentions(ctx) };
}

/** What the steps of {@link linkEntities} share. */
interface Linking {
  text: string;
  mentions: EntityMention[];
  /** Each mention's base form. */
  forms: string[];
  /** Each mention's canonical name, once a step has found it. */
  canonicalOf: string[];
  /** The words of a name (split once per distinct name; never modify the list). */
  words: (s: string) => string[];
}

/**
 * People: partial names link to the fullest name containing them. Work per distinct form, so a
 * long text with a name mentioned a thousand times costs no more than a short one.
 */
function linkPeople(ctx: Linking): void {
  const { mentions, forms, canonicalOf, words } = ctx;
  const people = mentions.map((m, i) => (m.type === 'PER' ? i : -1)).filter((i) => i >= 0);
  const personForms = new Map<string, number[]>(); // form → mention starts, in text order
  for (const i of people) {
    const f = forms[i]!;
    let list = personForms.get(f);
    if (!list) personForms.set(f, (list = []));
    list.push(mentions[i]!.start);
  }
  // Longer names indexed by their trailing words and by their first word: the only ones a partial
  // name can belong to (looked up, not compared with every name sharing its last word).
  const personLengths = wordCounts(personForms.keys(), words);
  const tails = new TailIndex();
  const byFirst = new Map<string, string[]>();
  for (const g of personForms.keys()) {
    const cw = words(g);
    if (cw.length < 2 || g.length > MAX_LINKED_NAME) continue;
    tails.add(g, cw, personLengths.below(cw.length));
    let list = byFirst.get(cw[0]!);
    if (!list) byFirst.set(cw[0]!, (list = []));
    list.push(g);
  }
  const candidatesOf = new Map<string, Candidates>();
  for (const f of personForms.keys()) {
    const w = words(f);
    if (!w.length) continue;
    // Surname(s) at the end (`Trump` ⊂ `Donald Trump`), or family name first (`Xi` ⊂ `Xi Jinping`).
    const list: Candidate[] = tails
      .longerEndingWith(w)
      .map((g) => ({ form: g, tail: true, len: words(g).length, starts: personForms.get(g)! }));
    if (w.length === 1) {
      const seen = new Set(list.map((c) => c.form));
      for (const g of byFirst.get(w[0]!) ?? [])
        if (!seen.has(g)) list.push({ form: g, tail: false, len: words(g).length, starts: personForms.get(g)! });
    }
    if (list.length) candidatesOf.set(f, new Candidates(list));
  }
  for (const i of people) {
    if (canonicalOf[i]) continue;
    canonicalOf[i] = candidatesOf.get(forms[i]!)?.best(mentions[i]!.start) ?? forms[i]!;
  }
}

/**
 * Organisations and places: acronyms of longer names, and for organisations longer names ending
 * with the mention (again per distinct form).
 */
function linkOrganisationsAndPlaces(ctx: Linking): void {
  const { mentions, forms, canonicalOf, words } = ctx;
  // Organisation names by their trailing words; multi-word names by their initials (the last one wins;
  // only initials that can spell a looked-up acronym are kept).
  const orgForms = new Set<string>();
  mentions.forEach((m, i) => {
    if (m.type === 'ORG' && words(forms[i]!).length) orgForms.add(forms[i]!);
  });
  const orgLengths = wordCounts(orgForms, words);
  const orgTails = new TailIndex();
  for (const f of orgForms) if (f.length <= MAX_LINKED_NAME) orgTails.add(f, words(f), orgLengths.below(words(f).length));
  const byInitials = new Map<string, string>();
  // Keys made once per type and name: a long name that many mentions link to would otherwise be read
  // and hashed again for each of them.
  const acronymKeys = new ByTypeAndName<string | null>();
  mentions.forEach((m, i) => {
    const g = canonicalOf[i] ?? forms[i]!;
    const key = acronymKeys.get(m.type, g, () => {
      const a = g.length <= MAX_LINKED_NAME ? acronymOf(g) : null;
      return a === null ? null : `${m.type}\u0000${a}`;
    });
    if (key !== null) byInitials.set(key, g);
  });
  const resolved = new Map<string, string>();
  mentions.forEach((m, i) => {
    if (canonicalOf[i]) return;
    const f = forms[i]!;
    const key = `${m.type}\u0000${f}`;
    let best = resolved.get(key);
    if (best === undefined) {
      let pick: string | null = null;
      if (/^\p{Lu}{2,6}$/u.test(f)) pick = byInitials.get(key) ?? null;
      else if (m.type === 'ORG') {
        // The longest organisation name ending with this one (the first of equally long ones).
        for (const g of orgTails.longerEndingWith(words(f))) if (!pick || words(g).length > words(pick).length) pick = g;
      }
      best = pick ?? f;
      resolved.set(key, best);
    }
    canonicalOf[i] = best;
  });
}

/** Groups, aliases and roles: one entity per type and canonical name, in order of first mention. */
function groupMentions(ctx: Linking): Entity[] {
  const { text, mentions, canonicalOf } = ctx;
  // 4. Groups, aliases and roles.
  const index = new MentionIndex(mentions);
  const groups = new Map<string, Entity>();
  const longLists = new Map<string[], Set<string>>();
  // One id string per type and canonical name: building it for every mention would hash (and keep)
  // a copy of a long name per mention.
  const ids = new ByTypeAndName<string>();
  mentions.forEach((m, i) => {
    const canonical = canonicalOf[i]!;
    const id = ids.get(m.type, canonical, () => entityId(m.type, canonical));
    m.entityId = id;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { id, type: m.type, canonical, aliases: [], roles: [], mentions: [] }));
    g.mentions.push(i);
    if (m.text !== canonical) pushNew(g.aliases, m.text, longLists);
    if (m.type === 'PER') for (const r of rolesOf(text, m, index)) pushNew(g.roles, r, longLists);
  });
  const list = [...groups.values()];
  for (const g of list) g.aliases.sort();
  list.sort((a, b) => mentions[a.mentions[0]!]!.start - mentions[b.mentions[0]!]!.start);
  return list;
}

/**
 * Appends `item` to `list` unless it is there already. A long list gets a set beside it (in `sets`): a
 * name written a thousand different ways is not compared a million times.
 */
function pushNew(list: string[], item: string, sets: Map<string[], Set<string>>): void {
  if (list.length < 16) {
    if (!list.includes(item)) list.push(item);
    return;
  }
  let set = sets.get(list);
  if (!set) sets.set(list, (set = new Set(list)));
  if (set.has(item)) return;
  set.add(item);
  list.push(item);
}

/** Values made once per entity type and name (a name string keeps its hash, so a long one is hashed once). */
class ByTypeAndName<V> {
  private readonly byType = new Map<EntityType, Map<string, V>>();

  get(type: EntityType, name: string, make: () => V): V {
    let byName = this.byType.get(type);
    if (!byName) this.byType.set(type, (byName = new Map()));
    if (byName.has(name)) return byName.get(name)!;
    const v = make();
    byName.set(name, v);
    return v;
  }
}

/** Distinct word counts of a set of names, to ask which shorter lengths exist below a given one. */
function wordCounts(names: Iterable<string>, words: (s: string) => string[]): { below(len: number): number } {
  const counts = [...new Set(Array.from(names, (n) => words(n).length))].sort((a, b) => a - b);
  return {
    /** The largest count smaller than `len` (0 when there is none). */
    below: (len) => {
      const k = partitionPoint(counts.length, (i) => counts[i]! < len);
      return k > 0 ? counts[k - 1]! : 0;
    },
  };
}

interface TailNode {
  next: Map<string, TailNode>;
  /** Names whose last words are the path to this node and that have more words than that. */
  names: string[];
}

/**
 * Names indexed by their trailing words, from the last one back (`Donald Trump` under `Trump`), so
 * the longer names ending with a given name are found in one walk of its words, not by comparing it
 * with every name that shares its last word.
 */
class TailIndex {
  private readonly root: TailNode = { next: new Map(), names: [] };

  /** Indexes `name` (its words `ws`) under its proper tails of up to `depth` words (longer ones are never looked up). */
  add(name: string, ws: readonly string[], depth: number): void {
    let node = this.root;
    for (let t = 1; t < ws.length && t <= depth; t++) {
      const w = ws[ws.length - t]!;
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { next: new Map(), names: [] }));
      child.names.push(name);
      node = child;
    }
  }

  /** The names added that have more words than `ws` and end with them, in the order added. */
  longerEndingWith(ws: readonly string[]): readonly string[] {
    let node: TailNode | undefined = this.root;
    for (let t = 1; t <= ws.length && node; t++) node = node.next.get(ws[ws.length - t]!);
    return node && ws.length ? node.names : [];
  }
}

/** A longer name a partial person name may stand for, with the starts of its mentions (sorted). */
interface Candidate {
  form: string;
  tail: boolean;
  len: number;
  starts: number[];
}

/** Candidates of the same score before distance: their mention starts merged, each with its candidate. */
interface CandidateGroup {
  base: number;
  /** Every mention start of the group's candidates, sorted, and the index of the candidate it belongs to. */
  starts: number[];
  owners: number[];
  /** The first mention start of each candidate, sorted, and its candidate. */
  firsts: number[];
  firstOwners: number[];
}

/**
 * The candidates of one partial name. A mention takes the candidate with the best score: tail matches
 * first, then longer names, then the nearest mention of the name before it (any mention before beats
 * one after: the 5-point penalty outweighs any distance); among equal scores the first candidate.
 * Candidates of equal tail and length are searched together, so a name with thousands of candidates
 * (`Smith` beside a thousand `… Smith`) costs a few binary searches per mention, not a thousand.
 */
class Candidates {
  private groups: CandidateGroup[] | null = null;

  constructor(private readonly list: readonly Candidate[]) {}

  /** The canonical name for a mention at `at`, or null when there is no candidate. */
  best(at: number): string | null {
    if (!this.list.length) return null;
    let bestScore = -Infinity;
    let best = -1;
    const consider = (score: number, owner: number) => {
      if (score > bestScore || (score === bestScore && owner < best)) {
        bestScore = score;
        best = owner;
      }
    };
    for (const g of (this.groups ??= this.group())) {
      const k = countLessOrEqual(g.starts, at);
      // The nearest mention before, of any candidate of the group that has one.
      if (k > 0) consider(g.base - (at - g.starts[k - 1]!) / 1e6, g.owners[k - 1]!);
      // The nearest first mention after, of the candidates that have none before.
      const j = countLessOrEqual(g.firsts, at);
      if (j < g.firsts.length) consider(g.base - (5 + (g.firsts[j]! - at) / 1e6), g.firstOwners[j]!);
    }
    return this.list[best]!.form;
  }

  private group(): CandidateGroup[] {
    const byBase = new Map<number, { starts: [number, number][]; firsts: [number, number][] }>();
    this.list.forEach((c, idx) => {
      const base = (c.tail ? 1000 : 0) + c.len * 10;
      let g = byBase.get(base);
      if (!g) byBase.set(base, (g = { starts: [], firsts: [] }));
      for (const s of c.starts) g.starts.push([s, idx]);
      g.firsts.push([c.starts[0]!, idx]);
    });
    const bySite = (a: [number, number], b: [number, number]) => a[0] - b[0];
    return Array.from(byBase, ([base, g]) => {
      g.starts.sort(bySite);
      g.firsts.sort(bySite);
      return {
        base,
        starts: g.starts.map((x) => x[0]),
        owners: g.starts.map((x) => x[1]),
        firsts: g.firsts.map((x) => x[0]),
        firstOwners: g.firsts.map((x) => x[1]),
      };
    });
  }
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu;

/** Mentions (sorted by start) looked up by position, so role finding stays linear in long texts. */
class MentionIndex {
  private readonly byEnd = new Map<number, EntityMention>();
  constructor(readonly all: readonly EntityMention[]) {
    for (const m of all) if (m.type !== 'PER' && !this.byEnd.has(m.end)) this.byEnd.set(m.end, m);
  }
  /** A non-person mention ending exactly at `end`. */
  nonPersonEndingAt(end: number): EntityMention | undefined {
    return this.byEnd.get(end);
  }
  /** Is there a person mention starting in `[from, to)`? */
  personStartsIn(from: number, to: number): boolean {
    for (let k = partitionPoint(this.all.length, (i) => this.all[i]!.start < from); k < this.all.length && this.all[k]!.start < to; k++) {
      if (this.all[k]!.type === 'PER') return true;
    }
    return false;
  }
}

/** Roles the text gives a person mention: a title phrase before it, an apposition after it. */
function rolesOf(text: string, m: EntityMention, all: MentionIndex): string[] {
  const out: string[] = [];
  const pre = rolePrefix(text, m.start, all);
  if (pre) out.push(pre);
  const app = apposition(text, m.end, all);
  if (app) out.push(app);
  return out;
}

/**
 * `U.S. President` in `U.S. President Donald Trump`: walking back on the line from the name over
 * role nouns and modifiers (`former`, `Foreign`, `Secretary of State`), then taking a place or
 * nationality mention (or its possessive) that leads them (`U.S.`, `Chinese`, `Russia's`).
 */
function rolePrefix(text: string, start: number, all: MentionIndex): string | null {
  // The line break nearest before the name, looked for within the 100 characters read (a search
  // back to the line start would read a whole long line again for every name on it).
  let base = Math.max(0, start - 100);
  for (let p = start - 1; p >= base; p--) {
    if (text.charCodeAt(p) === 10) {
      base = p + 1;
      break;
    }
  }
  const left = text.slice(base, start);
  const toks: { s: number; e: number; w: string }[] = [];
  WORD.lastIndex = 0;
  for (let mm = WORD.exec(left); mm; mm = WORD.exec(left)) toks.push({ s: mm.index, e: mm.index + mm[0].length, w: mm[0] });
  if (!toks.length || left.slice(toks[toks.length - 1]!.e) !== ' ') return null;
  // A word ending in a period ends a sentence unless it is a short abbreviation (`Gen.`, `Sen.`).
  const endsSentence = (w: string) => w.endsWith('.') && !/^[A-Z][a-z]{1,3}\.$/.test(w);
  if (endsSentence(toks[toks.length - 1]!.w)) return null;
  const norm = (w: string) => w.toLowerCase().replace(/\.$/, '');
  const isNoun = (w: string) => ROLE_NOUNS.has(norm(w));
  const isMod = (w: string) => ROLE_MODIFIERS.has(norm(w)) && !/^(?:the|and|of|for)$/.test(norm(w));
  let k = toks.length - 1;
  // `Secretary of State Marco Rubio`, `Minister of Foreign Affairs X`: `<noun> of <Capitalised…>`.
  let end = k;
  for (let j = k; j >= Math.max(0, k - 3); j--) {
    if (toks[j]!.w === 'of' && j > 0 && isNoun(toks[j - 1]!.w) && toks.slice(j + 1, k + 1).every((t) => /^\p{Lu}/u.test(t.w))) {
      end = j - 1;
      break;
    }
  }
  if (!isNoun(toks[end]!.w)) return null;
  k = end;
  while (
    k - 1 >= 0 &&
    left.slice(toks[k - 1]!.e, toks[k]!.s) === ' ' &&
    !endsSentence(toks[k - 1]!.w) &&
    (isNoun(toks[k - 1]!.w) || isMod(toks[k - 1]!.w))
  )
    k--;
  let from = base + toks[k]!.s;
  // A leading place / nationality / organisation: a non-person mention ending right before (or its
  // possessive), e.g. `U.S.`, `Chinese`, `Russia's`, `Trade and Industry`.
  const at1 = all.nonPersonEndingAt(from - 1);
  const at3 = all.nonPersonEndingAt(from - 3);
  const lead = at1 ?? (at3 && /^[’']s $/u.test(text.slice(at3.end, from)) ? at3 : undefined);
  if (
    lead &&
    text
      .slice(lead.end, from)
      .trim()
      .replace(/^[’']s$/u, '') === ''
  )
    from = lead.start;
  const phrase = text
    .slice(from, start)
    .trim()
    .replace(/^(?:the|The) /, '');
  return phrase || null;
}

/** `Vladimir Putin, Russia's president,` → `Russia's president`. */
function apposition(text: string, end: number, all: MentionIndex): string | null {
  const m = /^,\s+((?:the |a |an |his |her |its |their )?[^,.;:\n"“”()]{2,80}?)(?=[,.;:\n)]|$)/u.exec(text.slice(end, end + 100));
  if (!m) return null;
  const phrase = m[1]!.trim();
  const ws = splitWords(phrase);
  if (ws.length > 10) return null;
  // It must contain a role noun, and must not read as a clause (`Trump, who said …`, `Trump, meanwhile`).
  if (/^(?:who|which|that|whose|where|when|meanwhile|however|though|and|but|or|said|says|told|added|also)\b/i.test(phrase)) return null;
  if (!ws.some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[’']s$/, '')))) return null;
  // Not another person (`Trump, Xi and Putin`).
  const absStart = end + m[0].indexOf(m[1]!);
  if (all.personStartsIn(absStart, absStart + phrase.length)) return null;
  return phrase.replace(/^(?:the|a|an) /i, '');
}
