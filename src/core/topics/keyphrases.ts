/**
 * Keyphrase candidates: runs of adjective/noun-like words (no stopwords, no verbs, no names, no
 * numbers, not across punctuation), one to three words long, found without a part-of-speech
 * tagger by word lists and suffix rules. Scored by TF-IDF in `sections.ts`.
 */
import { isHostName, isRunBreak, isUrlRun } from '../webAddress';
import { doubled } from '../tokens';
import { TokenFlag, type Tokens } from './tokens';

const list = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Function words, pronouns, auxiliaries, quantifiers, frequent adverbs and generic news words. */
export const STOPWORDS = list(`
a about above across after afterwards again against ago ahead all almost alone along already also although always am among
amongst amid an and another any anybody anyone anything anyway anywhere are around as at away back be became because become
becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot could
did do does doing done down due during each either else elsewhere enough etc even ever every everyone everything everywhere
except few first for former formerly from further had has have having he hence her here hereby herein hers herself him himself
his how however i ie if in inc indeed instead into is it its itself just last later latter least less let like likely made
many may me meanwhile might mine more moreover most mostly much must my myself namely neither never nevertheless next no
nobody none noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves
out over own per perhaps please quite rather really same several she should since so some somehow someone something sometime
sometimes somewhere still such than that the their theirs them themselves then thence there thereafter thereby therefore
therein thereupon these they this those though through throughout thru thus to together too toward towards under unless
until up upon us very via was we well were what whatever when whence whenever where whereafter whereas whereby wherein whereupon
wherever whether which while whither who whoever whole whom whose why will with within without would yet you your yours
yourself yourselves despite whilst unlike versus regarding beneath alongside mr mrs ms dr sir st yes no ok okay oh
two three four five six seven eight nine ten eleven twelve twenty
thirty forty fifty hundred thousand million billion trillion half dozen second third fourth fifth once twice percent per cent
year years month months week weeks day days today yesterday tomorrow time times monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november december morning afternoon
evening night tonight earlier later recently currently previously already soon lot lots thing things way ways kind sort
number numbers part parts people person man men woman women someone something spokesman spokeswoman spokesperson statement
comment comments report reports reported news end beginning start side sides place places point points case cases fact
example matter issue issues question questions area areas level levels term terms group groups member members
'd 'll 're 's 've n't don't doesn't didn't isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't hasn't haven't
hadn't it's i'm he's she's that's there's they're we're you're i've we've they've let's he'll she'll they'll we'll you'll
i'll it'll that'll he'd she'd they'd we'd you'd i'd who's what's
`);

/** Verb forms that are rarely nouns (reporting verbs, auxiliaries' company, frequent actions). */
const VERB_BASES = `
say tell ask add carry note stress urge warn claim insist argue explain describe emphasise emphasize highlight mention announce
confirm deny suggest believe think know want need seem appear become remain continue expect hold keep get give take make
go come see look find bring put set let begin start stop try call seek help allow agree approve reaffirm frame hail discuss
handle address strengthen pledge ease advance experience raise finalise finalize include involve provide receive reach
decide plan hope wish intend prepare face meet join leave move turn follow lead win lose spend buy sell pay build create
open close cut grow rise fall drop increase decrease reduce boost hit launch release produce develop improve change
consider understand learn read write speak talk sit stand live die kill happen occur accuse criticise criticize welcome
reject refuse fail manage admit accept report respond reply react announce vow promise threaten demand require call
express share view mark signal point show prove remind believe feel suppose
`;
const IRREGULAR = list(`
said says told took taken gave given got gotten went gone came saw seen knew known thought brought put set let began begun
held kept made found left led won lost spent bought sold paid built grew grown rose risen fell fallen cut read wrote written
spoke spoken sat stood meant met ran run became broke broken chose chosen drew drawn drove driven forgot forgotten hid hidden
hung laid lay lit rode rang rung sang sung shook shaken shot shown shut slept slid sought stuck struck swore sworn taught
tore torn threw thrown understood woke worn wore withdrew withdrawn is are was were be been being am has have had having
do does did doing done will would shall should can could may might must according
`);

function inflections(base: string): string[] {
  const out = [base];
  if (base.endsWith('e')) out.push(base + 's', base + 'd', base.slice(0, -1) + 'ing');
  else if (/[^aeiou]y$/.test(base)) out.push(base.slice(0, -1) + 'ies', base.slice(0, -1) + 'ied', base + 'ing');
  else if (/(s|sh|ch|x|z)$/.test(base)) out.push(base + 'es', base + 'ed', base + 'ing');
  else out.push(base + 's', base + 'ed', base + 'ing');
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(base)) {
    const last = base[base.length - 1]!;
    out.push(base + last + 'ed', base + last + 'ing');
  }
  return out;
}

/** Verb forms that are mostly nouns in news keyphrases (`talks`, `cuts`, `funding`). */
const NOUNS_MORE_THAN_VERBS = list(`
talks cuts cut plans plan calls call views view increase rise fall drop release change changes help hold reach meeting
building spending funding hearing ruling offering finding findings opening closing trading warning warnings experience
demand demands report reports share shares set sets lead leads boost launch signal mark address welcome advance
advances win wins hit hits visit deal reply promise promises threat vow claim claims approval pledge pledges
`);

/** Verb forms: the irregular ones and the inflections of {@link VERB_BASES}, less those mostly nouns. */
export const VERBS: Set<string> = (() => {
  const s = new Set(IRREGULAR);
  for (const b of VERB_BASES.trim().split(/\s+/)) for (const f of inflections(b)) s.add(f);
  for (const n of NOUNS_MORE_THAN_VERBS) s.delete(n);
  return s;
})();

/** Common adjectives that make poor one-word keyphrases (`positive`, `important`). */
const WEAK_ADJECTIVES = list(`
good bad new old big small large great high low long short major minor important significant positive negative excellent
strong weak current recent latest early late possible likely unlikely real true clear full free open available different
similar certain main key top best worst better worse own various whole entire general special particular local national
international global public private personal official total final further additional previous former next past future
little huge massive vast serious severe hard easy simple difficult able ready sure right wrong fine nice poor rich
turbulent excellent recent violent different independent urgent prominent frequent efficient sufficient consistent
persistent evident apparent decent silent confident innocent ancient permanent transparent prudent dependent subsequent
imminent relevant vibrant reluctant abundant brilliant constant distant dominant pleasant redundant tolerant hesitant
formal total political national crucial critical social potential regional normal legal annual additional natural
commercial financial economic central federal virtual actual usual typical logical radical mutual
`);
const COPULAS = list(`
is are was were be been being become became becomes remain remains remained seem seems seemed look looks looked very
so too more most less rather quite fairly extremely highly
`);
/** Nouns ending like verbs in -ise/-ize. */
const ISE_NOUNS = list(`
enterprise enterprises expertise franchise franchises merchandise exercise exercises compromise premise premises
surprise surprises noise otherwise cruise size prize prizes seize promise promises treatise demise paradise
`);
const isIseVerb = (w: string) => w.length >= 7 && /i[sz](?:e|es|ed|ing)$/.test(w) && !ISE_NOUNS.has(w);
/** Evaluative adjectives add nothing to a keyphrase (`useful fix` → `fix`); classifying ones (`international`) stay as modifiers. */
const EVALUATIVE = list(`
good bad new old big small large great high low long short major minor important significant positive negative excellent
strong weak current recent latest early late possible likely unlikely real true clear full available different similar certain
main key top best worst better worse various whole entire particular huge massive vast serious severe hard easy simple
difficult sure right wrong fine nice excellent useful turbulent
`);
const ADJ_SUFFIX = /(?:ive|ous|ful|able|ible|ical|less|ish)$/;

/** Words after which an -ed/-ing word is a modifier (`the planned visit`, `in measured terms`), not a verb. */
const MODIFIER_CONTEXT = list(`
the a an of in on over for with about its their his her our your my this these those
by from into under after before amid against between among
`);
/** Words after which a content word is a verb (`to tempt buyers`, `will stagnate`). */
const VERB_CONTEXT = list('to will would can could may might must shall should');

/** Singular of a lower-case word, for grouping (`sales` → `sale`, `policies` → `policy`). */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is|ws)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Words ending in -ing/-ed that are nouns (`parking fees`, `housing market`). */
const NOUNS_ING_ED = list(`
parking shopping banking housing building buildings trading training spending funding marketing manufacturing mining printing
advertising engineering lending fishing farming gaming nursing recycling meeting meetings hearing hearings ruling rulings
offering offerings opening closing warning warnings beginning ending setting settings booking bookings rating ratings ceiling
evening morning thing things string spring king ring wedding clothing boxing sailing cycling swimming skiing rowing bowling
wrestling racing painting paintings writing writings reading readings earnings savings holdings proceedings findings
hundred kindred broadcasting accounting consulting catering logging licensing lobbying policing polling sentencing
`);
const isParticiple = (w: string) =>
  ((w.endsWith('ed') && w.length > 4 && !/(eed|ied)$/.test(w)) || (w.endsWith('ing') && w.length > 5)) && !NOUNS_ING_ED.has(w);
const NOT_ADVERBS = list(`
only early daily weekly monthly yearly quarterly family italy july rally supply reply ally holy belly jelly fly
assembly anomaly monopoly july bully
`);
const isAdverb = (w: string) => w.length > 4 && w.endsWith('ly') && !NOT_ADVERBS.has(w);

/** Word classes, one bit each, computed once per distinct word. */
const WF = {
  Stop: 1,
  Verb: 2,
  Adverb: 4,
  IseVerb: 8,
  Participle: 16,
  Evaluative: 32,
  Weak: 64,
  AdjSuffix: 128,
  ModifierContext: 256,
  VerbContext: 512,
  Copula: 1024,
  FulLess: 2048,
  PluralS: 4096,
  Short: 8192,
} as const;
const NOT_CONTENT = WF.Stop | WF.Verb | WF.Adverb | WF.IseVerb | WF.Short;

function classOf(w: string): number {
  let f = 0;
  if (w.length < 2) f |= WF.Short;
  if (STOPWORDS.has(w)) f |= WF.Stop;
  if (VERBS.has(w)) f |= WF.Verb;
  if (isAdverb(w)) f |= WF.Adverb;
  if (isIseVerb(w)) f |= WF.IseVerb;
  if (isParticiple(w)) f |= WF.Participle;
  if (EVALUATIVE.has(w)) f |= WF.Evaluative;
  if (WEAK_ADJECTIVES.has(w)) f |= WF.Weak;
  if (ADJ_SUFFIX.test(w)) f |= WF.AdjSuffix;
  if (MODIFIER_CONTEXT.has(w)) f |= WF.ModifierContext;
  if (VERB_CONTEXT.has(w)) f |= WF.VerbContext;
  if (COPULAS.has(w)) f |= WF.Copula;
  if (/(?:ful|less)$/.test(w)) f |= WF.FulLess;
  if (/[^s]s$/.test(w)) f |= WF.PluralS;
  return f;
}

/**
 * The distinct words of one text: an id per token, and per word its class bits, its singular's id
 * and its IDF weight — so each distinct word is looked up once, not once per occurrence.
 */
export interface Words {
  /** Word id of each token. */
  id: Int32Array;
  /** Lower-case word of each id. */
  text: string[];
  /** Class bits of each id (see WF). */
  cls: number[];
  /** Id of the singular (`sales` → id of `sale`). */
  stemId: number[];
  idf: number[];
}

/** Word classes are a pure function of the word: remembered across analyses (re-analysis on every edit). */
const CLASS_CACHE = new Map<string, number>();

/** The distinct words of the tokens, each described once: class bits, singular and IDF weight (`idfOf`). */
export function internWords(tokens: Tokens, idfOf: (w: string) => number): Words {
  // Token ids index the tokenizer's vocabulary; singulars not in it are appended.
  const text = tokens.vocab.slice();
  const ids = new Map<string, number>();
  const cls: number[] = [];
  const stemId: number[] = [];
  const idf: number[] = [];
  const describe = (id: number) => {
    const w = text[id]!;
    let c = CLASS_CACHE.get(w);
    if (c === undefined) {
      if (CLASS_CACHE.size > 100_000) CLASS_CACHE.clear();
      c = classOf(w);
      CLASS_CACHE.set(w, c);
    }
    cls[id] = c;
    idf[id] = idfOf(w);
    stemId[id] = id;
  };
  for (let id = 0; id < text.length; id++) describe(id);
  const n = text.length;
  for (let id = 0; id < n; id++) {
    const st = stem(text[id]!);
    if (st === text[id]) continue;
    if (!ids.size) for (let k = 0; k < n; k++) ids.set(text[k]!, k);
    let sid = ids.get(st);
    if (sid === undefined) {
      sid = text.length;
      text.push(st);
      ids.set(st, sid);
      describe(sid);
    }
    stemId[id] = sid;
  }
  return { id: tokens.id, text, cls, stemId, idf };
}

/**
 * Phrases of 1–3 word ids interned to small integers (open addressing over typed arrays, no
 * allocation per occurrence). The last word of a phrase is stored as its singular.
 */
export class PhraseTable {
  private slots = new Int32Array(1024).fill(-1);
  private pa = new Int32Array(256);
  private pb = new Int32Array(256);
  private pc = new Int32Array(256);
  size = 0;

  private static hash(a: number, b: number, c: number): number {
    return (Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 2, 0x85ebca6b) ^ Math.imul(c + 3, 0xc2b2ae35)) >>> 0;
  }

  /** The id of a phrase, or -1 when it was never interned. */
  lookup(a: number, b = -1, c = -1): number {
    const mask = this.slots.length - 1;
    for (let s = PhraseTable.hash(a, b, c) & mask; ; s = (s + 1) & mask) {
      const p = this.slots[s]!;
      if (p < 0) return -1;
      if (this.pa[p] === a && this.pb[p] === b && this.pc[p] === c) return p;
    }
  }

  /** The id of a phrase, interned when new. */
  intern(a: number, b = -1, c = -1): number {
    const mask = this.slots.length - 1;
    let s = PhraseTable.hash(a, b, c) & mask;
    for (; ; s = (s + 1) & mask) {
      const p = this.slots[s]!;
      if (p < 0) break;
      if (this.pa[p] === a && this.pb[p] === b && this.pc[p] === c) return p;
    }
    const id = this.size++;
    if (id === this.pa.length) {
      this.pa = doubled(this.pa);
      this.pb = doubled(this.pb);
      this.pc = doubled(this.pc);
    }
    this.pa[id] = a;
    this.pb[id] = b;
    this.pc[id] = c;
    this.slots[s] = id;
    if (this.size * 2 > this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2).fill(-1);
      const m = slots.length - 1;
      for (let p = 0; p < this.size; p++) {
        let t = PhraseTable.hash(this.pa[p]!, this.pb[p]!, this.pc[p]!) & m;
        while (slots[t]! >= 0) t = (t + 1) & m;
        slots[t] = p;
      }
      this.slots = slots;
    }
    return id;
  }

  /** Word ids of a phrase: first, second (-1 if none), third (-1 if none). */
  first(p: number): number {
    return this.pa[p]!;
  }
  second(p: number): number {
    return this.pb[p]!;
  }
  third(p: number): number {
    return this.pc[p]!;
  }

  /** The word ids of a phrase. */
  ids(p: number): number[] {
    const b = this.pb[p]!;
    const c = this.pc[p]!;
    return c >= 0 ? [this.pa[p]!, b, c] : b >= 0 ? [this.pa[p]!, b] : [this.pa[p]!];
  }
}

/** Whether token `i` can be part of a keyphrase at all. */
function isContent(tokens: Tokens, words: Words, i: number, inName: (i: number) => boolean): boolean {
  const f = tokens.flags[i]!;
  if (f & (TokenFlag.Numeric | TokenFlag.AllCaps)) return false;
  if (words.cls[words.id[i]!]! & NOT_CONTENT) return false;
  if (inName(i)) return false;
  // A capitalised word mid-sentence is a name (or part of one) the recogniser missed.
  if (f & TokenFlag.Cap && !(f & TokenFlag.SentenceStart)) return false;
  // A capitalised sentence start joined to a capitalised word starts a name (`Boeing Aircraft …`).
  if (f & TokenFlag.Cap && f & TokenFlag.SentenceStart && i + 1 < tokens.count) {
    const next = tokens.flags[i + 1]!;
    if (next & TokenFlag.Cap && !(next & TokenFlag.Break)) return false;
  }
  return true;
}

/** For every token, whether it can be part of a keyphrase (computed once per analysis). */
export function contentMask(text: string, tokens: Tokens, words: Words, inName: (i: number) => boolean): Uint8Array {
  const m = new Uint8Array(tokens.count);
  for (let i = 0; i < tokens.count; i++) if (isContent(tokens, words, i, inName)) m[i] = 1;
  clearWebAddresses(text, tokens, m);
  return m;
}

/**
 * No keyphrase is read from a web address: clears the tokens of a URL (`https`, `t.co`, the path
 * of `pic.twitter.com/…`, see `core/webAddress.ts`) and host names written as words
 * (`breitbart.com`). One pass: each run of non-space characters is read once.
 */
function clearWebAddresses(text: string, tokens: Tokens, m: Uint8Array): void {
  let runEnd = -1;
  let url = false;
  for (let i = 0; i < tokens.count; i++) {
    if (!m[i]) continue;
    const s = tokens.start[i]!;
    const e = tokens.end[i]!;
    if (s >= runEnd) {
      let a = s;
      while (a > 0 && !isRunBreak(text.charCodeAt(a - 1))) a--;
      runEnd = e;
      while (runEnd < text.length && !isRunBreak(text.charCodeAt(runEnd))) runEnd++;
      url = isUrlRun(text.slice(a, runEnd));
    }
    if (url || (hasDot(text, s, e) && isHostName(text.slice(s, e)))) m[i] = 0;
  }
}

/** Whether `text[s, e)` holds a `.` (read within the word only). */
function hasDot(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (text.charCodeAt(k) === 46) return true;
  return false;
}

/** What keyphrase finding reads (the tokens, their words, which can be content) and the table it interns phrases into. */
export interface PhraseContext {
  tokens: Tokens;
  words: Words;
  /** Whether each token can be part of a keyphrase (see {@link contentMask}). */
  content: Uint8Array;
  table: PhraseTable;
}

/**
 * Keyphrase candidates in tokens `[from, to)`: maximal content runs trimmed of leading verbs
 * (`highlighted commercial ties` → `commercial ties`) and trailing participles, at most 3 words
 * (the last three of a longer run, where English keeps its head noun). `emit` is called for each
 * candidate, and for the sub-phrases ending at the head noun (`aircraft deliveries` inside
 * `Boeing aircraft deliveries`), with the candidate's token range and its id in `ctx.table`.
 */
export function candidates(ctx: PhraseContext, from: number, to: number, emit: (from: number, to: number, key: number) => void): void {
  const { tokens, words, table, content } = ctx;
  const { id, cls, stemId } = words;
  const c = (i: number) => cls[id[i]!]!;
  const joined = (i: number) => i > 0 && !(tokens.flags[i]! & TokenFlag.Break);
  let i = from;
  while (i < to) {
    if (!content[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    // A participle after a content word starts a verb phrase (`gadget featuring characters`): the run ends before it.
    while (j < to && !(tokens.flags[j]! & TokenFlag.Break) && content[j] && !(c(j) & WF.Participle)) j++;
    let a = i;
    let b = j;
    // Leading participle: a modifier after `the`/`of`/…, a verb otherwise.
    while (a < b && c(a) & WF.Participle) {
      if (a === i && b - a > 1 && joined(a) && c(a - 1) & WF.ModifierContext) break;
      a++;
    }
    while (b > a && c(b - 1) & (WF.Participle | WF.Weak)) b--;
    while (b - a > 1 && c(a) & (WF.Evaluative | WF.FulLess)) a++;
    // After `to` or a modal the first word is a verb, unless it looks like a plural noun (`to investors`).
    if (a === i && a < b && joined(a) && c(a - 1) & WF.VerbContext && !(c(a) & WF.PluralS)) a++;
    // A lone word after a copula or degree adverb is a predicate adjective (`was turbulent`).
    if (b - a === 1 && joined(a) && c(a - 1) & WF.Copula) {
      i = j;
      continue;
    }
    if (b - a > 3) a = b - 3;
    const n = b - a;
    if (n > 0) {
      const head = stemId[id[b - 1]!]!;
      if (n === 1) {
        if (!(c(a) & (WF.Weak | WF.AdjSuffix))) emit(a, b, table.intern(head));
      } else if (n === 2) {
        emit(a, b, table.intern(id[a]!, head));
        emit(b - 1, b, table.intern(head));
      } else {
        emit(a, b, table.intern(id[a]!, id[a + 1]!, head));
        emit(b - 2, b, table.intern(id[b - 2]!, head));
        emit(b - 1, b, table.intern(head));
      }
    }
    i = j;
  }
}
