/**
 * Quotes and their speakers.
 *
 * 1. {@link detectQuotes} finds quoted spans (double quotes, headline single quotes, nested single
 *    quotes, multi-paragraph quotes as linked parts; nicknames and apostrophes excluded).
 * 2. The cascade in `attribute.ts` finds the speaker *mention* in the text around each quote — a
 *    name, a pronoun, or a noun phrase such as `the Chinese readout` — without relying on the entity
 *    recogniser; then quotes without a cue of their own continue the previous speaker.
 * 3. {@link Resolver} turns the mention into a name using the entity mentions and linked groups.
 *
 * A multi-paragraph quote is reported as one {@link Quote} per paragraph (so no quote spans a
 * paragraph break); the parts share `group` (the start offset of the first part) and one speaker.
 */
import type { Entity, EntityMention, Quote, QuoteKind, Span, Speaker } from '../types';
import {
  type Attribution,
  type QuoteContext,
  type QuoteScope,
  type Rule,
  attributeInSentence,
  startsWithVerb,
  contextOf,
  prevSentence,
  sentenceSubject,
  standalone,
} from './attribute';
import { detectQuotes, isWordChar, type RawQuote } from './detect';
import { Resolver, type Resolved } from './resolve';
import { Sentences, TokType } from './tokens';
import type { TextIndex } from '../textIndex';
import { partitionPoint } from '../search';

export { detectQuotes } from './detect';
export { REPORTING_VERBS } from './lexicon';

/**
 * Confidence of each rule: the share of its attributions whose speaker mention overlaps the gold
 * Source on PolNeAR train (`npm run eval:quotes -- --split train`), rounded down to 0.05. `headline`
 * is not measurable there (PolNeAR headlines carry no attributions) and is set by hand.
 */
export const RULE_CONFIDENCE: Readonly<Record<Rule, number>> = {
  'said-after': 0.95,
  'x-said-after': 0.95,
  'colon-intro': 0.9,
  'verb-before': 0.9,
  'comma-intro': 0.9,
  'according-to': 0.85,
  'prev-colon': 0.85,
  'verb-after': 0.8,
  subject: 0.75,
  possessive: 0.9,
  'colon-name': 0.7,
  'dash-after': 0.7,
  headline: 0.6,
  'prev-sentence': 0.75,
  continuation: 0.65,
  none: 0,
};

/**
 * When the speaker mention is a pronoun or role noun (`he`, `the minister`, `the two leaders`), the
 * name comes from an earlier mention and may be wrong even when the mention is right: the
 * confidence is multiplied by this rate, measured by the substitution proxy of `eval:quotes`
 * (a named speaker replaced by `he`, resolved back to the same person: 68 % on PolNeAR train, 65 %
 * on dev).
 */
export const ANAPHORA_CONFIDENCE = 0.65;

/** Finds quotes in `text` and attributes them to speakers, naming them from the linked `mentions`. */
export function findQuotes(text: string, mentions: readonly EntityMention[], groups: readonly Entity[], index?: TextIndex): Quote[] {
  const raw = detectQuotes(text);
  if (!raw.length) return [];
  const spans: Span[] = raw.map((q) => ({ start: q.start, end: q.end }));
  const sentences = new Sentences(text, spans, index);
  const resolver = new Resolver(text, mentions, groups, spans, sentences);

  // What the later steps need of each quote's sentence, kept instead of the sentence's tokens: in a
  // text of thousands of quotes close together (`"Hello "Hello …`), every sentence context held at
  // once took hundreds of bytes per character.
  const facts: SentenceFacts[] = [];
  const found: (Attribution | null)[] = [];
  const scope: QuoteScope = { text, quotes: spans, sentences };
  for (let i = 0; i < raw.length; i++) {
    const ctx = contextOf(text, spans, i, sentences);
    let a = attributeInSentence(scope, i, ctx, raw[i]!.headline);
    if (a && startsWithVerb(text, a.speaker)) a = null;
    found.push(a);
    facts.push(factsOf(ctx, !a));
  }
  // A multi-paragraph quote takes the best attribution of any of its parts.
  const byGroup = new Map<number, Attribution>();
  for (let i = 0; i < raw.length; i++) {
    const a = found[i];
    if (!a) continue;
    const g = raw[i]!.group;
    const cur = byGroup.get(g);
    if (!cur || RULE_CONFIDENCE[a.rule] > RULE_CONFIDENCE[cur.rule]) byGroup.set(g, a);
  }
  const lines = new Lines(text);
  const groupSize = new Map<number, number>();
  for (const q of raw) groupSize.set(q.group, (groupSize.get(q.group) ?? 0) + 1);
  const out: Quote[] = [];
  const last: { speaker: Speaker | null; end: number; anaphoric: boolean } = { speaker: null, end: 0, anaphoric: false };
  let lastResolved: Resolved | null = null;
  for (let i = 0; i < raw.length; i++) {
    const q = raw[i]!;
    let a = found[i] ?? null;
    let rule: Rule = a ? a.rule : 'none';
    if (!a && byGroup.has(q.group)) {
      // Another paragraph of the same quote was attributed: same speaker, same rule.
      a = byGroup.get(q.group)!;
      rule = a.rule;
    }
    let speaker: Speaker | null = null;
    let anaphoric = false;
    if (a) {
      const r = resolver.resolve(a.speaker.start, a.speaker.end, a.antecedent, lastResolved);
      speaker = { start: a.speaker.start, end: a.speaker.end, name: r.name, entityIds: r.entityIds };
      anaphoric = !!r.anaphoric;
    } else {
      // No cue of its own: a quote that is a sentence of its own continues the previous speaker;
      // one inside a sentence belongs to the sentence's subject.
      const alone = facts[i]!.alone;
      const sub = alone ? prevSentence(text, spans, i, sentences) : facts[i]!.subject;
      if (sub && !startsWithVerb(text, sub.speaker)) {
        a = sub;
        rule = sub.rule;
        const r = resolver.resolve(a.speaker.start, a.speaker.end, a.antecedent, lastResolved);
        speaker = { start: a.speaker.start, end: a.speaker.end, name: r.name, entityIds: r.entityIds };
        anaphoric = !!r.anaphoric;
      } else if (alone && last.speaker && continues(text, last.end, q.start)) {
        const p: Speaker = last.speaker;
        speaker = { start: p.start, end: p.end, name: p.name, entityIds: p.entityIds.slice() };
        anaphoric = last.anaphoric;
        rule = 'continuation';
      }
    }
    const quote: Quote = {
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      kind: kindOf(lines, q, i, facts[i]!, rule),
      speaker,
      confidence: speaker ? Math.round(RULE_CONFIDENCE[rule] * (anaphoric ? ANAPHORA_CONFIDENCE : 1) * 100) / 100 : 0,
      rule: speaker ? rule : 'none',
    };
    if (a?.cue) quote.cue = { ...a.cue, text: text.slice(a.cue.start, a.cue.end) };
    if ((groupSize.get(q.group) ?? 1) > 1) {
      quote.group = raw[q.group]!.start;
      quote.part = q.part;
    }
    if (!q.closed) quote.unclosed = true;
    if (q.nested.length) quote.nested = q.nested.map((s) => ({ start: s.start, end: s.end }));
    out.push(quote);
    if (speaker && !q.headline) {
      last.speaker = speaker;
      last.end = q.end;
      last.anaphoric = anaphoric;
      lastResolved = { name: speaker.name, entityIds: speaker.entityIds, at: q.end };
    }
  }
  return out;
}

/** What the attribution and the quote's kind need to know of the quote's sentence. */
interface SentenceFacts {
  /** The quote is a sentence of its own. */
  alone: boolean;
  /** The sentence's subject, for a quote inside a sentence that the cascade did not attribute. */
  subject: Attribution | null;
  /** Only punctuation or a colon before the quote in its sentence. */
  startsSentence: boolean;
  hasCue: boolean;
}

function factsOf(ctx: QuoteContext, unattributed: boolean): SentenceFacts {
  const alone = standalone(ctx);
  const { toks, qt } = ctx;
  return {
    alone,
    subject: unattributed && !alone ? sentenceSubject(ctx) : null,
    startsSentence: qt === 0 || toks.slice(0, qt).every((t) => t.type === TokType.Punct) || toks[qt - 1]?.w === ':',
    hasCue: ctx.hasCue,
  };
}

/**
 * A quote with no attribution of its own continues the previous speaker when nothing but quotes
 * and short connecting text lies between them, within the same or the next two paragraphs.
 */
function continues(text: string, from: number, to: number): boolean {
  if (to - from > 700) return false;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    // A blank line and a single line break both count as one paragraph break.
    if (text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) !== 10) breaks++;
  }
  return breaks <= 2;
}

/** Only white space in `[a, b)`, scanning back from `b` (stops at the first other character). */
function onlySpaceBetween(text: string, a: number, b: number): boolean {
  for (let i = b - 1; i >= a; i--) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 0xa0)) return false;
  }
  return true;
}

/** No letter or digit in `[a, b)` (stops at the first one). */
function noWordBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isWordChar(text.charCodeAt(i))) return false;
  return true;
}

const ATTACHED: ReadonlySet<Rule> = new Set<Rule>(['said-after', 'x-said-after', 'colon-intro', 'comma-intro', 'prev-colon']);

/** Words (runs of letters and digits, apostrophes and hyphens inside) in `s`. */
function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const w = isWordChar(s.charCodeAt(i));
    if (w && !inWord) n++;
    inWord = w || (inWord && /['’-]/.test(s[i]!) && i + 1 < s.length && isWordChar(s.charCodeAt(i + 1)));
  }
  return n;
}

/** Line bounds by binary search over the line breaks, computed once per text. */
class Lines {
  private readonly breaks: number[] = [];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.breaks.push(i);
  }

  /** `[start, end)` of the line holding `pos` (end at the line break). */
  around(pos: number): [number, number] {
    const b = this.breaks;
    const lo = partitionPoint(b.length, (mid) => b[mid]! < pos);
    return [lo > 0 ? b[lo - 1]! + 1 : 0, lo < b.length ? b[lo]! : this.text.length];
  }
}

/** The kind of quote `q` (at `index` among the quotes), in the text of `lines`. */
function kindOf(lines: Lines, q: RawQuote, index: number, facts: SentenceFacts, rule: Rule): QuoteKind {
  const text = lines.text;
  if (q.headline) return 'headline';
  const inner = text.slice(q.start + 1, q.end - (q.closed ? 1 : 0));
  const words = countWords(inner);
  const [ls, le] = lines.around(q.start);
  const alone = onlySpaceBetween(text, ls, q.start) && noWordBetween(text, q.end, le);
  const multi = q.part > 0 || (!q.closed && alone && q.group === index);
  if ((alone && words >= 6) || multi) return 'block';
  if (ATTACHED.has(rule) || (facts.startsSentence && words >= 3) || (words >= 4 && /^\p{Lu}/u.test(inner.trim()))) return 'direct';
  if (words <= 3 && !facts.hasCue && rule !== 'according-to') return 'scare';
  return 'partial';
}
