/**
 * The speaker-attribution cascade. For one quote, tries in order (first match wins):
 *
 * | rule           | pattern                                                  |
 * |----------------|----------------------------------------------------------|
 * | `said-after`   | `"…," said X`                                            |
 * | `x-said-after` | `"…," X said` (also `"…," X, the minister, told …`)      |
 * | `colon-intro`  | `X said: "…"`                                            |
 * | `comma-intro`  | `X said, "…"` and the second half of `"…," X said, "…"`  |
 * | `according-to` | `according to X` in the sentence                         |
 * | `verb-before`  | `X said that … "…"`, `X called it "…"`                   |
 * | `verb-after`   | a reporting verb later in the sentence                   |
 * | `prev-colon`   | `X said:` ending the previous paragraph                  |
 * | `headline`     | a headline quote → the person the headline names         |
 * | `dash-after`   | `"…" ― Name`, or `- Name.` on the next line              |
 * | `colon-name`   | `Name: "…"` (no verb)                                    |
 *
 * Then, in `index.ts`, for a quote none of these attributes: a quote that is the content of a
 * possessed statement noun takes the possessor (`possessive`: `her remark that “…”`, `Trump’s
 * pledge to be “neutral”`); a quote inside a sentence takes the sentence's subject (`subject`); a
 * quote that is a sentence of its own takes the subject of a preceding sentence with a reporting
 * verb (`prev-sentence`) or continues the previous quote's speaker (`continuation`). Parts of a
 * multi-paragraph quote share the best attribution of the group.
 */
import { COORDINATORS, DETERMINERS, INTRO_WORDS, PERSON_ROLES, PLURAL_PERSON_HEADS, REPORTING_VERBS, WEAK_VERBS } from './lexicon';
import {
  clauseStart,
  firstPhrase,
  isCueTok,
  isNpWord,
  isPronoun,
  phraseLeft,
  phraseRight,
  subjectOf,
  withAppositiveName,
  type Subject,
  type TokRange,
} from './phrases';
import { type Sentences, type Tok, TokType, tokenize } from './tokens';
import type { Span } from '../types';

export type Rule =
  | 'said-after'
  | 'x-said-after'
  | 'colon-intro'
  | 'colon-name'
  | 'comma-intro'
  | 'according-to'
  | 'verb-before'
  | 'verb-after'
  | 'prev-colon'
  | 'prev-sentence'
  | 'dash-after'
  | 'headline'
  | 'subject'
  | 'possessive'
  | 'continuation'
  | 'none';

export interface Attribution {
  rule: Rule;
  /** The speaker mention. */
  speaker: Span;
  /** For a relative pronoun (`who`): the phrase it stands for. */
  antecedent?: Span;
  cue?: Span;
}

/** What the cascade needs to know about the quote's sentence, also used to pick the quote's kind. */
export interface QuoteContext {
  /** Tokens of the sentence (the quote itself is a quote token). */
  toks: Tok[];
  /** Index of the quote's token. */
  qt: number;
  /** The sentence has a (non-weak) reporting verb outside quotes. */
  hasCue: boolean;
}

function range(toks: readonly Tok[], r: TokRange): Span {
  return { start: toks[r.a]!.s, end: toks[r.b - 1]!.e };
}

function isP(t: Tok | undefined, c: string): boolean {
  return !!t && t.type === TokType.Punct && t.w === c;
}

function isStrongCue(t: Tok | undefined): boolean {
  return !!t && t.type === TokType.Word && REPORTING_VERBS.has(t.w) && !WEAK_VERBS.has(t.w);
}

function fromSubject(toks: readonly Tok[], s: Subject, rule: Rule, cue: Tok | null): Attribution {
  const a: Attribution = { rule, speaker: range(toks, s) };
  if (s.antecedent) a.antecedent = range(toks, s.antecedent);
  if (cue) a.cue = { start: cue.s, end: cue.e };
  return a;
}

/** Builds the sentence context of quote `qi`. */
export function contextOf(text: string, quotes: readonly Span[], qi: number, sentences: Sentences): QuoteContext {
  const q = quotes[qi]!;
  const a = sentences.startBefore(q.start);
  const b = sentences.endAfter(q.end);
  const toks = tokenize(text, a, b, quotes, sentences.runs);
  let qt = toks.findIndex((t) => t.type === TokType.Quote && t.q === qi);
  if (qt < 0) {
    toks.push({ s: q.start, e: q.end, type: TokType.Quote, w: '', cap: false, q: qi });
    toks.sort((x, y) => x.s - y.s);
    qt = toks.findIndex((t) => t.type === TokType.Quote && t.q === qi);
  }
  const hasCue = toks.some((t) => isStrongCue(t));
  return { toks, qt, hasCue };
}

/** The article's text, quotes and sentences: what the attribution of every quote shares. */
export interface QuoteScope {
  text: string;
  quotes: readonly Span[];
  sentences: Sentences;
}

/** Runs the sentence-level rules for quote `qi`. */
export function attributeInSentence(scope: QuoteScope, qi: number, ctx: QuoteContext, headline: boolean): Attribution | null {
  const { text, quotes, sentences } = scope;
  const { toks, qt } = ctx;
  const n = toks.length;
  if (headline) {
    const h = headlineSpeaker(toks, qt);
    if (h) return h;
  }
  const q = quotes[qi]!;
  // A transcript inside the quote: `"PENCE: Well, look, …"` is Pence's.
  const ts = transcriptSpeaker(text, q);
  if (ts) return ts;
  // “…” ― Name  /  “…”¶- Name.
  const dash = dashAfter(text, toks, qt, q);
  if (dash) return dash;
  // The quote's own punctuation says an attribution may follow: `“…,”`, `“…?”`, `“…!”`, `“…”,`.
  const openEnded = endsOpen(text, q) || isP(toks[qt + 1], ',');
  let r = qt + 1;
  if (isP(toks[r], ',')) r++;
  // Only a quote that starts its sentence or ends a clause can be followed by its attribution;
  // `an “excellent” phone call` cannot.
  const canTrail = openEnded || qt === 0 || endsSentencePunct(text, q) || isP(toks[qt - 1], ':') || isP(toks[qt - 1], ',');
  // "…," said X — but not `“…,” saying the city …` or `telling reporters`: a participle's speaker is its clause's subject.
  if (canTrail && (isCueTok(toks[r]) || (openEnded && isVerbLike(toks[r]))) && !toks[r]!.w.endsWith('ing')) {
    const np = phraseRight(toks, r + 1, n);
    if (np && toks[np.a]!.type === TokType.Word && (isCueTok(toks[r]) || personLike(toks, np))) {
      return { rule: 'said-after', speaker: range(toks, withAppositiveName(toks, np, n)), cue: { start: toks[r]!.s, end: toks[r]!.e } };
    }
  }
  // "…," X said
  const xs = canTrail ? xSaidAfter(toks, r, n, openEnded) : null;
  if (xs) return xs;
  // X said: "…" / X said, "…"
  const intro = introBefore(toks, qt);
  if (intro) return intro;
  // according to X
  for (let i = 0; i + 2 < n; i++) {
    if (toks[i]!.w === 'according' && toks[i + 1]!.w === 'to') {
      const np = phraseRight(toks, i + 2, n);
      if (np) return { rule: 'according-to', speaker: range(toks, np), cue: { start: toks[i]!.s, end: toks[i + 1]!.e } };
    }
  }
  // `The AP quoted Wassim Bouhlel as saying that “…”`: the words are Bouhlel's.
  for (let v = mainClauseStart(toks, qt); v < qt; v++) {
    const who = quotedPerson(toks, v, qt, true);
    if (who) return { rule: 'verb-before', speaker: range(toks, who), cue: { start: toks[v]!.s, end: toks[v]!.e } };
  }
  const before = verbBefore(toks, qt);
  if (before) return before;
  const after = verbAfter(toks, qt);
  if (after) return after;
  // X said:¶"…"
  if (qt === 0) {
    const pc = prevColon(text, quotes, qi, sentences);
    if (pc) return pc;
  }
  return null;
}

/** `X said: "…"`, `X said, "…"` (also `Name: "…"`): the quote token at `qt` after an introduction. */
function introBefore(toks: readonly Tok[], qt: number): Attribution | null {
  const before = toks[qt - 1];
  if (!before || !(isP(before, ':') || isP(before, ',') || isP(before, '—'))) return null;
  const rule: Rule = before.w === ':' ? 'colon-intro' : 'comma-intro';
  for (let v = qt - 2; v >= 0 && qt - v < 25; v--) {
    const t = toks[v]!;
    if (t.type === TokType.Quote) break;
    if (isCueTok(t) && isVerbCue(toks, v)) {
      // `Spicer said, adding, “…”`: the participle continues the reporting verb before it.
      const w = t.w.endsWith('ing') && isP(toks[v - 1], ',') && isCueTok(toks[v - 2]) && isVerbCue(toks, v - 2) ? v - 2 : v;
      // `She released a statement saying, “…”`: a participle's subject is its clause's (cueSubject).
      const s = cueSubject(toks, w, 0) ?? inverted(toks, w, qt - 1);
      if (s) return fromSubject(toks, s, rule, t);
      break;
    }
  }
  if (before.w === ':') {
    // "Pollsters agree - Carl Bialik: “…”", "More from Jones: “…”".
    const np = phraseLeft(toks, qt - 2, 0);
    if (np && personLike(toks, np)) return { rule: 'colon-name', speaker: range(toks, np) };
  }
  return null;
}

/**
 * X said that … "…": the outermost reporting verb of the main clause before the quote token at `qt`
 * (PolNeAR folds nested attributions into the outer one: `X said Y called it “…”` is X's).
 */
function verbBefore(toks: readonly Tok[], qt: number): Attribution | null {
  // Cues after an earlier quote of the sentence come first (`“…,” X added, saying it was “…”`);
  // a cue inside a relative clause (`Graham, who says …, tweeted`) only when nothing else is found.
  let lastQ = -1;
  for (let k = 0; k < qt; k++) if (toks[k]!.type === TokType.Quote) lastQ = k;
  const main = lastQ >= 0 ? lastQ + 1 : mainClauseStart(toks, qt);
  const near = subordinateCue(toks, main, qt);
  if (near) return near;
  let relative: Attribution | null = null;
  for (let pass = 0; pass < 2; pass++) {
    const lo = pass === 0 ? main : 0;
    const hi = pass === 0 ? qt : main;
    for (let v = lo; v < hi; v++) {
      const t = toks[v]!;
      if (!isStrongCue(t) || !isVerbCue(toks, v)) continue;
      let s = passiveAgent(toks, v, qt) ?? cueSubject(toks, v, 0) ?? (v === 0 || isP(toks[v - 1], ',') ? inverted(toks, v, qt) : null);
      if (!s) continue;
      // `Ban condemned what he called a “brazen breach”`: the name a clause gives inside another
      // speaker's statement is that speaker's (PolNeAR folds it into the outer attribution).
      if (toks[s.a - 1]?.w === 'what' && s.a - 1 > main) {
        const outer = firstPhrase(toks, mainClauseStart(toks, qt), s.a - 1);
        if (outer && personLike(toks, outer) && outer.b < s.a - 1) s = outer;
      }
      // `In a CNN/ORC poll released Monday, 31% of Republicans said they were “…”`: the words are
      // the poll's answers; the poll is the source.
      if (isShare(toks, s)) {
        const poll = pollPhrase(toks, qt);
        if (poll) s = poll;
      }
      const a = fromSubject(toks, s, 'verb-before', t);
      if (s.antecedent || RELATIVE.has(toks[s.a]!.w)) {
        relative ??= a;
        continue;
      }
      return a;
    }
  }
  return relative;
}

/** `Rubio was asked by moderator Gerard Baker whether …`: the agent of a passive reporting verb speaks. */
function passiveAgent(toks: readonly Tok[], v: number, hi: number): Subject | null {
  if (!/^(?:was|were|been|being|is|are)$/.test(toks[v - 1]?.w ?? '') || toks[v + 1]?.w !== 'by') return null;
  const np = phraseRight(toks, v + 2, hi);
  return np && personLike(toks, np) ? np : null;
}

const SAID_FORMS = new Set(['said', 'says', 'added', 'adds', 'wrote', 'writes', 'noted', 'notes', 'explained']);

/** A reporting verb later in the sentence than the quote token at `qt`. */
function verbAfter(toks: readonly Tok[], qt: number): Attribution | null {
  const n = toks.length;
  for (let v = qt + 1; v < n; v++) {
    const t = toks[v]!;
    if (!isStrongCue(t) || !isVerbCue(toks, v)) continue;
    // `…, said Alan Abramowitz, a demographer.`: after a comma, a said-verb followed by a person is inverted.
    const inv = isP(toks[v - 1], ',') && SAID_FORMS.has(t.w) ? inverted(toks, v, n) : null;
    if (inv) return fromSubject(toks, inv, 'verb-after', t);
    let s = subjectOf(toks, v, qt + 1);
    // `X dismissed it as “desperate”, while Y said …`: a verb with its own subject after a
    // conjunction belongs to another clause, and to another speaker.
    if (s && clauseBreak(toks, qt + 1, s.a)) break;
    if (!s && isP(toks[v - 1], ',')) s = inverted(toks, v, n);
    if (!s && qt > 0) s = firstPhrase(toks, 0, qt);
    if (s) return fromSubject(toks, s, 'verb-after', t);
  }
  return null;
}

/** `"PENCE: Well, …"`, `"JAKE TAPPER: …"`: a name in capitals and a colon opening the quoted text. */
const TRANSCRIPT = /^[\p{Lu}][\p{Lu}.'’-]+(?: [\p{Lu}][\p{Lu}.'’-]+){0,2}:\s/u;
function transcriptSpeaker(text: string, q: Span): Attribution | null {
  const s = q.start + 1;
  const c0 = text.charCodeAt(s);
  const c1 = text.charCodeAt(s + 1);
  if (!(c0 >= 65 && c0 <= 90) || !((c1 >= 65 && c1 <= 90) || c1 > 127)) return null; // two capitals first (cheap test)
  const m = TRANSCRIPT.exec(text.slice(s, s + 40));
  if (!m) return null;
  const name = m[0].slice(0, m[0].indexOf(':'));
  if (name.length < 2 || !/\p{Lu}{2}/u.test(name)) return null;
  return { rule: 'colon-name', speaker: { start: s, end: s + name.length } };
}

/** Common nouns for people who shout or say things in a crowd (`a man yelled`, `the heckler shouted`). */
const PEOPLE_HEADS = new Set(
  (
    'man woman men women someone somebody crowd audience heckler hecklers protester protesters supporter ' +
    'supporters voter voters reporter reporters fan fans'
  ).split(' '),
);

/** A share of people as a subject: `31% of Republicans`, `just 8 percent of Democrats`. */
function isShare(toks: readonly Tok[], s: TokRange): boolean {
  const share = (w: string | undefined) => !!w && (/^\d[\d.,]*%?$/.test(w) || w === 'percent' || w === '%');
  for (let k = s.a; k < s.b && k < s.a + 3; k++) if (share(toks[k]!.w)) return true;
  // `31% of voters`: the subject found may be the phrase after `of`.
  return toks[s.a - 1]?.w === 'of' && share(toks[s.a - 2]?.w);
}
/** The poll or survey the sentence names before the quote (`a national CNN/ORC poll`). */
function pollPhrase(toks: readonly Tok[], qt: number): TokRange | null {
  for (let k = 0; k < qt; k++) {
    const w = toks[k]!.w;
    if (w !== 'poll' && w !== 'survey' && w !== 'polls') continue;
    const np = phraseLeft(toks, k, 0);
    if (np && np.b === k + 1) return np;
  }
  return null;
}

/** Conjunctions that start a subordinate clause (`when`, `after`, `as` …). */
const SUBORDINATORS = new Set(['when', 'after', 'as', 'while', 'because', 'since', 'before', 'until', 'once', 'whenever']);

/**
 * The outermost reporting verb is the quote's, except when the quote belongs to a clause of its
 * own: `after Clinton argued that “…”`, `as the heckler yelled: “…”`, or the main clause after a
 * subordinate one (`when Rubio thanked Miami and said …, a man yelled “Stay there!”`), or `with X
 * saying “…”` after another clause's verb. Returns the
 * attribution by the reporting verb nearest the quote in such a case, else null.
 */
function subordinateCue(toks: readonly Tok[], main: number, qt: number): Attribution | null {
  let v = qt - 1;
  for (; v > main; v--) {
    const t = toks[v]!;
    if (isP(t, ',') || isP(t, ';') || t.type === TokType.Quote) return null;
    if (isStrongCue(t) && isVerbCue(toks, v)) break;
  }
  if (v <= main) return null;
  // `as a man yelled`: `as` here opens a clause (the subject search would read it as a preposition).
  const np = phraseLeft(toks, v - 1, main);
  const s: Subject | null = np && np.a > main && SUBORDINATORS.has(toks[np.a - 1]!.w) ? np : cueSubject(toks, v, main);
  if (
    !s ||
    s.a <= main ||
    s.antecedent ||
    !(personLike(toks, s) || PEOPLE_HEADS.has(toks[s.b - 1]!.w) || PERSON_ROLES.has(toks[s.b - 1]!.w))
  )
    return null;
  let earlier = false;
  for (let k = main; k < s.a; k++) if (isStrongCue(toks[k]) && isVerbCue(toks, k)) earlier = true;
  if (!earlier) return null;
  const before = toks[s.a - 1]!;
  // `…, with Sen. John McCain telling reporters he was “directly responsible”`: a clause of its own.
  // `…, but she cautions that “…”`, `…, although he tweeted that …`: a clause with its own subject and verb.
  let sub =
    before.type === TokType.Word &&
    (SUBORDINATORS.has(before.w) ||
      (before.w === 'with' && toks[v]!.w.endsWith('ing')) ||
      (CLAUSE_CONJUNCTIONS.has(before.w) && isP(toks[s.a - 2], ',')));
  if (!sub && isP(before, ',')) {
    // The clause before the comma opened with a subordinating conjunction.
    for (let k = s.a - 2; k >= main; k--) {
      const u = toks[k]!;
      if (isP(u, ',') || u.type === TokType.Quote) break;
      if (u.type === TokType.Word && SUBORDINATORS.has(u.w)) {
        sub = true;
        break;
      }
    }
  }
  return sub ? fromSubject(toks, s, 'verb-before', toks[v]!) : null;
}

/** Conjunctions that start a clause of its own (`…, while the Liberal Democrats said …`). */
const CLAUSE_CONJUNCTIONS = new Set(['while', 'whereas', 'but', 'although', 'though', 'whilst']);

/** Is there a conjunction starting a new clause in `[a, b)` (between a quote and a later subject)? */
function clauseBreak(toks: readonly Tok[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = toks[k]!;
    if (t.type === TokType.Quote) return false;
    // `…,” though, Allen did suggest`: an adverb between commas, not a new clause.
    if (t.type === TokType.Word && CLAUSE_CONJUNCTIONS.has(t.w) && !isP(toks[k + 1], ',')) return true;
  }
  return false;
}

/**
 * The last resort for a quote inside a sentence without a reporting verb: the sentence's subject
 * (`The agency declined to detail the “specific focus”`).
 */
export function sentenceSubject(ctx: QuoteContext): Attribution | null {
  const { toks, qt } = ctx;
  if (qt <= 0) return null;
  // `…, with Sen. John McCain calling it a “Chinese menu”`: the one doing it in the `with` phrase.
  for (let v = qt - 1; v > 1 && qt - v <= 8; v--) {
    const t = toks[v]!;
    if (t.type === TokType.Quote) break;
    if (t.type !== TokType.Word || !t.w.endsWith('ing') || t.w.length < 5) continue;
    const np = toks[v - 1]!.type === TokType.Word ? phraseLeft(toks, v - 1, 0) : null;
    if (np && toks[np.a - 1]?.w === 'with' && personLike(toks, np)) return fromSubject(toks, np, 'subject', null);
    break;
  }
  const pos = possessor(toks, qt);
  // `Trump stood by his comment that “…”`: a pronoun possessor stands for the subject, when the
  // sentence names one; a named possessor (`Trump’s pledge to be “neutral”`) is the speaker.
  if (pos && !(POSSESSIVE_PRONOUNS.has(toks.find((t) => t.s === pos.speaker.start)?.w ?? '') && namedSubject(toks, qt))) return pos;
  // The subject of the verb nearest before the quote (`… while the governor loves “Lilyhammer.”`).
  for (let v = qt - 1; v >= 0 && qt - v <= 8; v--) {
    const t = toks[v]!;
    if (t.type === TokType.Quote || isP(t, ';') || isP(t, ':')) break;
    if (!isVerbLike(t) && !IRREGULAR.has(t.w)) continue;
    const s = subjectOf(toks, v, 0);
    if (s && personLike(toks, s) && !EXPLETIVE.test(toks[s.a]!.w)) return fromSubject(toks, s, 'subject', null);
    break;
  }
  const s = firstPhrase(toks, mainClauseStart(toks, qt), qt) ?? firstPhrase(toks, 0, qt);
  return s && !(s.b - s.a === 1 && EXPLETIVE.test(toks[s.a]!.w)) ? fromSubject(toks, s, 'subject', null) : null;
}

/** Nouns for something said, whose possessor said it (`her remark that …`, `his call for …`). */
const STATEMENT_NOUNS = new Set(
  (
    'claim claims remark remarks comment comments promise promises pledge pledges call calls vow vows statement statements words ' +
    'assertion assertions contention argument insistence plea demand boast warning warnings suggestion description characterization ' +
    'accusation accusations charge declaration proclamation prediction threat tweet tweets line slogan quip joke refrain mantra'
  ).split(' '),
);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'my', 'our']);

/**
 * `her remark that “…”`, `his call for “a total ban”`, `Trump’s controversial pledge to be
 * “neutral”`: the quote is the content of a statement noun a few words before it, and the one
 * whose statement it is said it. The speaker mention is the possessor (`her`, `Trump’s`).
 */
function possessor(toks: readonly Tok[], qt: number): Attribution | null {
  let k = qt - 1;
  // Between the noun and the quote: `that …` (its content), or a few linking words (`to be`, `for`).
  let that = -1;
  for (let j = qt - 1; j >= 0 && qt - j <= 8; j--) {
    const t = toks[j]!;
    if (t.type === TokType.Quote || (t.type === TokType.Punct && t.w !== ',')) break;
    // (Right before the quote the noun may be its subject instead: `GM's argument "has no legs"`.)
    if (t.type === TokType.Word && STATEMENT_NOUNS.has(t.w) && j < qt - 1 && (toks[j + 1]!.w === 'that' || linking(toks, j + 1, qt))) {
      k = j;
      that = j;
      break;
    }
  }
  if (that < 0) return null;
  // The possessor: right before the noun, or before up to three modifiers (`her March comment`).
  for (let p = k - 1; p >= 0 && k - p <= 4; p--) {
    const u = toks[p]!;
    if (u.type !== TokType.Word) return null;
    if (POSSESSIVE_PRONOUNS.has(u.w)) return { rule: 'possessive', speaker: { start: u.s, end: u.e } };
    if (/[’']s$|s[’']$/.test(u.w) && u.cap) {
      // `Donald Trump’s`: the whole name.
      let a = p;
      while (a > 0 && toks[a - 1]!.type === TokType.Word && toks[a - 1]!.cap && p - a < 3) a--;
      return { rule: 'possessive', speaker: { start: toks[a]!.s, end: u.e } };
    }
    if (DETERMINERS.has(u.w) || isCueTok(u) || isVerbLike(u)) return null;
  }
  return null;
}
const LINKING = new Set(['to', 'be', 'of', 'for', 'about', 'on', 'as', ',', 'a', 'an', 'the']);
/** Only linking words in `[a, b)`: `promise to be`, `call for`, `description of … as`. */
function linking(toks: readonly Tok[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!LINKING.has(toks[k]!.w)) return false;
  return true;
}

/** The main clause before the quote starts with a name (`Trump stood by …`, `Sanders has pushed …`). */
function namedSubject(toks: readonly Tok[], qt: number): boolean {
  const s = firstPhrase(toks, mainClauseStart(toks, qt), qt);
  if (!s) return false;
  const h = toks[s.b - 1]!;
  return h.cap || PERSON_ROLES.has(h.w) || isPronoun(h);
}

/** `It’s`, `That’s`, `There’s`: not a speaker. */
const EXPLETIVE = /^(?:it|there|it[’']s|that[’']s|there[’']s|here[’']s|what[’']s|this)$/;

/** Common irregular past forms that govern a quote (`held an “excellent” call`). */
const IRREGULAR = new Set(
  (
    'held made gave took left put set kept found felt thought spoke wrote sang went came began drew ' +
    'chose won lost met ran sent brought bought'
  ).split(' '),
);

/**
 * A speaker mention without a capital letter that starts with a verb (`came`, `blasted`, `carrying
 * signs`, `made available`): a rule read the wrong words as the subject. Such a mention names
 * nobody, so it is not used (`retired neurosurgeon Ben Carson` names someone and is kept).
 */
export function startsWithVerb(text: string, speaker: Span): boolean {
  const mention = text.slice(speaker.start, speaker.end);
  if (mention.length > 120 || /\p{Lu}/u.test(mention)) return false;
  const m = /^\p{Ll}[\p{L}’'-]*/u.exec(mention);
  if (!m) return false;
  const w = m[0];
  return IRREGULAR.has(w) || (w.length > 5 && /(?:ed|ing)$/.test(w) && !w.endsWith('eed') && !NOUN_ING.has(w));
}
/** Nouns ending in -ing that can head a speaker mention (`building owners`, `morning show hosts`). */
const NOUN_ING = new Set([
  'building',
  'morning',
  'evening',
  'meeting',
  'wedding',
  'ceiling',
  'clothing',
  'funding',
  'housing',
  'polling',
  'ruling',
  'offering',
]);

/**
 * A quote that is a sentence of its own, after a sentence with a reporting verb and no quote:
 * `Lynch announced the lawsuit on Monday. “We are seeking a court order …”`.
 */
export function prevSentence(text: string, quotes: readonly Span[], qi: number, sentences: Sentences): Attribution | null {
  const q = quotes[qi]!;
  let p = q.start - 1;
  let breaks = 0;
  while (p >= 0 && /\s/.test(text[p]!)) {
    if (text[p] === '\n') breaks++;
    p--;
  }
  if (p < 0 || breaks > 2) return null;
  if (qi > 0 && quotes[qi - 1]!.end > p) return null;
  const a = sentences.startBefore(p);
  const toks = tokenize(text, a, p + 1, quotes, sentences.runs);
  if (toks.some((t) => t.type === TokType.Quote)) return null;
  const main = mainClauseStart(toks, toks.length);
  for (let v = main; v < toks.length; v++) {
    const t = toks[v]!;
    if (!isStrongCue(t) || !isVerbCue(toks, v)) continue;
    const s = subjectOf(toks, v, 0) ?? (v === 0 ? inverted(toks, v, toks.length) : null);
    if (s) return fromSubject(toks, s, 'prev-sentence', t);
  }
  return null;
}

/** The quote is a sentence of its own: no words before or after it in its sentence. */
export function standalone(ctx: QuoteContext): boolean {
  const { toks, qt } = ctx;
  // Other quotes run together with it (`"It was a shame. "By all accounts …"`) leave it alone.
  for (let i = 0; i < toks.length; i++) if (i !== qt && toks[i]!.type !== TokType.Punct && toks[i]!.type !== TokType.Quote) return false;
  return true;
}

const RELATIVE = new Set(['who', 'which', 'that']);

/**
 * The subject of a cue: for a participle (`…, saying`, `He sent a memo explaining …`) the clause's
 * subject, unless `with X saying`.
 */
function cueSubject(toks: readonly Tok[], v: number, lo: number): Subject | null {
  const t = toks[v]!;
  if (t.w.endsWith('ing') && v > lo && isP(toks[v - 1], ',')) {
    // `“…,” said Rep. Ann Fisk (D-Va.), adding that “…”`: the inverted speaker of the clause.
    let k = clauseStart(toks, v, lo);
    while (k < v && toks[k]!.type === TokType.Punct) k++;
    if (k < v - 1 && isCueTok(toks[k]) && isStrongCue(toks[k])) {
      const np = phraseRight(toks, k + 1, v);
      if (np && personLike(toks, np)) return np;
    }
  }
  if (t.w.endsWith('ing') && v > lo) {
    const p = toks[v - 1]!;
    if (p.type === TokType.Word && !isPronoun(p)) {
      const np = phraseLeft(toks, v - 1, lo);
      const w = np ? toks[np.a - 1] : undefined;
      // `…, both men issued a statement – Ryan saying he was “very encouraged”`: a clause of its own, with its own subject.
      if (np && personLike(toks, np) && w && (isP(w, '–') || isP(w, '—') || isP(w, ',') || w.w === 'and')) return np;
      if (!(w && (w.w === 'with' || w.w === 'without'))) {
        const s = firstPhrase(toks, mainClauseStart(toks, v), v);
        if (s) return s;
      } else if (np && personLike(toks, np)) return np; // `…, with Sen. John McCain calling it a “Chinese menu”`
    }
  }
  return subjectOf(toks, v, lo);
}

const DASHES = '―—–-';

/**
 * A signature after the quote: `“…” ― Sonya Herridge`, `“…”—Ann Fisk, Leeds`, or a line of its own
 * right after the quote's paragraph: `- Bernie Sanders.`
 */
function dashAfter(text: string, toks: readonly Tok[], qt: number, q: Span): Attribution | null {
  const d = toks[qt + 1];
  if (d && d.type === TokType.Punct && DASHES.includes(d.w)) {
    const t = toks[qt + 2];
    if (t && t.type === TokType.Word && t.cap) {
      const np = phraseRight(toks, qt + 2, toks.length);
      if (np) return { rule: 'dash-after', speaker: range(toks, np) };
    }
    return null;
  }
  if (qt + 1 < toks.length) return null;
  // The quote ends its line: look at the next line.
  let i = q.end;
  while (i < text.length && text[i] !== '\n') {
    if (!/\s|[.,]/.test(text[i]!)) return null;
    i++;
  }
  const m = /^\n\s*[―—–-]\s?(\p{Lu}[\p{L}.’'-]*(?:\s\p{Lu}[\p{L}.’'-]*){0,3})[.,]?[^\n]{0,60}(?:\n|$)/u.exec(text.slice(i, i + 120));
  if (!m) return null;
  const start = i + m[0].indexOf(m[1]!);
  return { rule: 'dash-after', speaker: { start, end: start + m[1]!.length } };
}

/** Reporting-verb forms that are as often nouns (`his remarks`, `the report`, `a warning`). */
const NOUNISH = new Set(
  (
    'comment comments claim claims report reports note notes tweet tweets warning warnings call calls post posts ' +
    'promise promises vow vows pledge pledges answer answers charge charges joke jokes reply replies point points ' +
    'state states thought thoughts remark remarks plea pleas release releases finding findings estimate estimates ' +
    'cry cries echo echoes counter counters boast boasts saying writing thinking reporting ruling quote quotes'
  ).split(' '),
);

/** Is the reporting-verb token at `v` a verb here (not `his remarks`, `the report`)? */
export function isVerbCue(toks: readonly Tok[], v: number): boolean {
  const t = toks[v]!;
  if (!NOUNISH.has(t.w)) return true;
  const p = toks[v - 1];
  const nx = toks[v + 1];
  if (p && p.type === TokType.Word) {
    if (/^(?:he|she|they|it|we|i|you|who|which|that|also|has|have|had|then|later|often|repeatedly|frequently)$/.test(p.w)) return true;
    if (DETERMINERS.has(p.w) || /[’']s$/.test(p.w) || /s[’']$/.test(p.w)) return false;
    // `32% of Republican claims`: a capitalised adjective inside a noun phrase.
    const pp = toks[v - 2];
    if (p.cap && pp && (pp.w === 'of' || /^\d|%$/.test(pp.w))) return false;
    if (p.cap || PERSON_ROLES.has(p.w) || PLURAL_PERSON_HEADS.has(p.w)) return true;
  }
  if (nx && nx.type === TokType.Word && /^(?:were|are|was|is|of|about|from|by|have|had|on|in|to|for|and|made)$/.test(nx.w)) return false;
  if (!p || p.type !== TokType.Word) return !!p && (isP(p, ',') || isP(p, ')'));
  return !!nx && (nx.w === 'that' || nx.type === TokType.Quote || isP(nx, ':') || isP(nx, ','));
}

/** A word that starts a clause's subject after a conjunction: a name, a pronoun, a determiner (not `soon after …,`). */
function opensClause(t: Tok | undefined): boolean {
  return !!t && t.type === TokType.Word && (t.cap || isPronoun(t) || DETERMINERS.has(t.w)) && !INTRO_WORDS.has(t.w);
}

/** The first token of the main clause: after an introductory phrase ending in a comma. */
function mainClauseStart(toks: readonly Tok[], qt: number): number {
  let start = 0;
  for (let round = 0; round < 3; round++) {
    const t = toks[start];
    if (!t || t.type !== TokType.Word) return start;
    const participle = t.w.length > 5 && (t.w.endsWith('ing') || t.w.endsWith('ed')) && !isCueTok(t);
    if (!INTRO_WORDS.has(t.w) && !participle) return start;
    // `But B&B – which has … – said that while …, the sector “…”`: a conjunction opens the clause, not an introductory phrase.
    if (COORDINATORS.has(t.w) && opensClause(toks[start + 1])) {
      start++;
      continue;
    }
    let next = -1;
    for (let k = start + 1; k < qt && k - start < 25; k++) {
      const u = toks[k]!;
      if (u.type === TokType.Quote) return start;
      if (isP(u, ',')) {
        next = k + 1;
        break;
      }
    }
    if (next < 0) return start;
    start = next;
  }
  return start;
}

/** `Said Dorothy Poynter, …, “…”`, `…, said X`: the phrase after the verb. */
function inverted(toks: readonly Tok[], v: number, hi: number): Subject | null {
  const np = phraseRight(toks, v + 1, hi);
  return np && personLike(toks, np) ? np : null;
}

/** A lower-case word that looks like a finite verb (`barked`, `fumes`), not a known function word. */
function isVerbLike(t: Tok | undefined): boolean {
  return (
    !!t && t.type === TokType.Word && !t.cap && /(?:ed|es|s)$/.test(t.w) && t.w.length > 3 && isNpWord(t) && !/(?:ss|us|is)$/.test(t.w)
  );
}

/** Does the quote's text end with `.` (or `?`, `!`) before its closing mark? */
function endsSentencePunct(text: string, q: Span): boolean {
  let k = q.end - 2;
  while (k > q.start && (text.charCodeAt(k) === 0x2019 || text.charCodeAt(k) === 39 || text.charCodeAt(k) === 32)) k--;
  const c = text[k];
  return c === '.' || c === '?' || c === '!';
}

/** Does the quote's text end with `,` `?` `!` `—` `…` before its closing mark? */
function endsOpen(text: string, q: Span): boolean {
  let k = q.end - 2;
  while (k > q.start && (text.charCodeAt(k) === 0x2019 || text.charCodeAt(k) === 39 || text.charCodeAt(k) === 32)) k--;
  const c = text[k];
  return c === ',' || c === '?' || c === '!' || c === '—' || c === '–' || c === '…' || c === '-';
}

/** `"…," X said`, `"…," X, a spokesman, told …`, `"…," X later added`; `"…!" X barked` when open-ended. */
function xSaidAfter(toks: readonly Tok[], r: number, n: number, openEnded: boolean): Attribution | null {
  const t = toks[r];
  if (!t || t.type !== TokType.Word) return null;
  const np = isPronoun(t) ? { a: r, b: r + 1 } : isNpWord(t) ? phraseRightBeforeVerb(toks, r, n) : null;
  if (!np) return null;
  let k = np.b;
  if (isP(toks[k], ',')) {
    // An appositive or relative clause: up to the next comma.
    let j = k + 1;
    while (j < n && j - k < 30 && !isP(toks[j], ',') && toks[j]!.type !== TokType.Quote) j++;
    if (j < n && isP(toks[j], ',')) k = j + 1;
    else return null;
  }
  const pv = k === np.b ? verbAfterPhrase(toks, np, n) : -1;
  if (pv >= 0) {
    const v = toks[pv]!;
    return { rule: 'x-said-after', speaker: range(toks, withAppositiveName(toks, { a: np.a, b: pv }, pv)), cue: { start: v.s, end: v.e } };
  }
  while (k < n && toks[k]!.type === TokType.Word && !isCueTok(toks[k]) && isAuxOrAdverb(toks[k]!)) k++;
  const v = toks[k];
  // `“…,” the newspaper quoted chief executive Geoff Dixon as saying`: the words are Dixon's.
  const quoted = quotedPerson(toks, k, n);
  if (quoted) return { rule: 'x-said-after', speaker: range(toks, quoted), cue: { start: v!.s, end: v!.e } };
  if (
    (isCueTok(v) && isVerbCue(toks, k)) ||
    (openEnded && isVerbLike(v) && personLike(toks, np) && np.b - np.a <= 6) ||
    (phrasalCue(toks, k) && personLike(toks, np))
  ) {
    return { rule: 'x-said-after', speaker: range(toks, withAppositiveName(toks, np, k)), cue: { start: v!.s, end: v!.e } };
  }
  return null;
}

/**
 * `quoted X as saying`, and after a quote `quoted X.`: X, the person whose words a source reports
 * (`v` is `quoted`); before the quote only with `as saying`. PolNeAR credits such words to the
 * reporting source (neutral there); the product names the person who said them.
 */
function quotedPerson(toks: readonly Tok[], v: number, hi: number, saying = false): Subject | null {
  const t = toks[v];
  if (!t || (t.w !== 'quoted' && t.w !== 'quoting')) return null;
  const np = phraseRight(toks, v + 1, hi);
  if (!np || !personLike(toks, np)) return null;
  let k = np.b;
  if (isP(toks[k], ',')) {
    // An appositive: `Wassim Bouhlel, a Nice native, as saying`.
    let j = k + 1;
    while (j < hi && j - k < 12 && !isP(toks[j], ',') && toks[j]!.type !== TokType.Quote) j++;
    if (isP(toks[j], ',') && toks[j + 1]?.w === 'as') k = j + 1;
  }
  if (toks[k]?.w === 'as' && /^(?:saying|telling|stating|writing)$/.test(toks[k + 1]?.w ?? '')) return withAppositiveName(toks, np, hi);
  return !saying && (k >= hi || isP(toks[k], '.')) ? withAppositiveName(toks, np, hi) : null;
}

const PP_IN_SUBJECT = new Set(['in', 'at', 'from', 'on', 'for', 'with']);

/**
 * A prepositional phrase between a subject and its reporting verb: `“…,” a voice-over in the ad
 * states`, `David Noone from Intervoice said`. The verb's index, or −1; only for a subject `np` that
 * is a name or starts with a determiner.
 */
function verbAfterPhrase(toks: readonly Tok[], np: TokRange, n: number): number {
  const head = toks[np.a]!;
  if (!PP_IN_SUBJECT.has(toks[np.b]?.w ?? '') || !(head.cap || DETERMINERS.has(head.w))) return -1;
  const pp = phraseRight(toks, np.b + 1, n);
  if (!pp || pp.b - pp.a > 4 || !isCueTok(toks[pp.b])) return -1;
  const after = toks[pp.b + 1];
  return isVerbCue(toks, pp.b) || !after || after.type === TokType.Punct ? pp.b : -1;
}

/** Speech verbs made of a verb and a particle: `“…,” Trump shot back`, `he went on`, `she chimed in`. */
const PHRASAL_VERBS = new Set([
  'shot',
  'fired',
  'hit',
  'went',
  'chimed',
  'piped',
  'snapped',
  'cut',
  'broke',
  'pushed',
  'doubled',
  'struck',
]);
const PARTICLES = new Set(['back', 'on', 'in', 'up', 'off', 'down']);
function phrasalCue(toks: readonly Tok[], k: number): boolean {
  const v = toks[k];
  const p = toks[k + 1];
  return !!v && !!p && v.type === TokType.Word && p.type === TokType.Word && PHRASAL_VERBS.has(v.w) && PARTICLES.has(p.w);
}

/**
 * `phraseRight`, but when the phrase's last word is verb-like and the phrase is longer than one
 * word, the verb is given back (`Trump barked` → `Trump`).
 */
function phraseRightBeforeVerb(toks: readonly Tok[], r: number, n: number): TokRange | null {
  const np = phraseRight(toks, r, n);
  if (!np) return null;
  for (let k = np.a + 1; k < np.b; k++) {
    if (
      (isVerbLike(toks[k]) || phrasalCue(toks, k)) &&
      !toks[k]!.cap &&
      toks[k - 1]!.type === TokType.Word &&
      (toks[k - 1]!.cap || isPronoun(toks[k - 1]))
    )
      return { a: np.a, b: k };
  }
  return np;
}

/** Auxiliaries and adverbs that may stand between a subject and its verb (`had`, `also`, `reportedly`). */
const AUX_OR_ADVERB = new RegExp(
  '^(?:has|had|have|was|is|also|later|then|once|again|previously|recently|reportedly|further|' +
    'would|will|could|might|may|did|does|do|not|just|simply|first|finally|often|had|had)$',
);
function isAuxOrAdverb(t: Tok): boolean {
  return AUX_OR_ADVERB.test(t.w) || (t.w.length > 4 && t.w.endsWith('ly'));
}

/** `Cruz continued:` ending the paragraph before a paragraph that is a quote. */
function prevColon(text: string, quotes: readonly Span[], qi: number, sentences: Sentences): Attribution | null {
  const q = quotes[qi]!;
  let p = q.start - 1;
  while (p >= 0 && /\s/.test(text[p]!)) p--;
  if (p < 0 || text[p] !== ':') return null;
  const a = sentences.startBefore(p);
  const toks = tokenize(text, a, p + 1, quotes, sentences.runs);
  for (let v = toks.length - 1; v >= 0; v--) {
    if (isCueTok(toks[v])) {
      const s = subjectOf(toks, v, 0) ?? inverted(toks, v, toks.length);
      if (s) return fromSubject(toks, s, 'prev-colon', toks[v]!);
      break;
    }
  }
  const s = firstPhrase(toks, 0, toks.length);
  return s && personLike(toks, s) ? fromSubject(toks, s, 'prev-colon', null) : null;
}

/** A headline quote: the subject of the headline's verb after the quote, else its first name. */
function headlineSpeaker(toks: readonly Tok[], qt: number): Attribution | null {
  for (let v = qt + 1; v < toks.length; v++) {
    if (!isCueTok(toks[v])) continue;
    const s = subjectOf(toks, v, qt + 1);
    if (s) return fromSubject(toks, s, 'headline', toks[v]!);
  }
  // `'A great day': Mayor Ann Fisk praises …`: the name after the quote and its colon. A phrase
  // right after the quote is what the quote describes (`fight 'heartless' library closures`).
  let i = qt + 1;
  while (i < toks.length && toks[i]!.type === TokType.Punct) i++;
  const np = i > qt + 1 ? phraseRight(toks, i, toks.length) : null;
  if (np) return { rule: 'headline', speaker: range(toks, np) };
  // `Blair backs 'pre-election budget'`: the headline's subject before the quote.
  if (qt > 0) {
    const s = firstPhrase(toks, 0, qt);
    if (s && personLike(toks, s)) {
      // Headlines put verbs in the present (`Blair backs`): give the verb back.
      let b = s.b;
      while (b - s.a > 1 && (isVerbLike(toks[b - 1]) || isCueTok(toks[b - 1]) || HEADLINE_VERBS.has(toks[b - 1]!.w)) && toks[b - 2]!.cap)
        b--;
      return fromSubject(toks, { a: s.a, b }, 'headline', null);
    }
  }
  for (let v = qt + 1; v < toks.length; v++) {
    const t = toks[v]!;
    if (t.type === TokType.Word && t.cap) {
      const r = phraseRight(toks, v, toks.length);
      if (r) return { rule: 'headline', speaker: range(toks, r) };
    }
  }
  return null;
}

/** Verbs headlines use in the base form (`Councillors back …`). */
const HEADLINE_VERBS = new Set('back attack reject blast defend praise criticise criticize deny hit quit join win lose face'.split(' '));

/** A pronoun, a capitalised name, or a phrase ending in a person noun. */
function personLike(toks: readonly Tok[], r: TokRange): boolean {
  if (r.b - r.a === 1 && isPronoun(toks[r.a]) && toks[r.a]!.w !== 'it') return true;
  for (let i = r.a; i < r.b; i++) {
    const t = toks[i]!;
    if (t.cap && (i > 0 || !/^(?:the|a|an|this|that)$/.test(t.w))) return true;
  }
  return false;
}
