/**
 * Named-entity recognition: finds PER / ORG / LOC / MISC mentions in raw article text.
 *
 * 1. A trained two-pass tagger (`tagger.ts`): averaged perceptron over BILOU labels with a
 *    Viterbi decoder; pass 2 also sees what pass 1 said about the same words elsewhere.
 * 2. Document consistency: a name recognised with confidence keeps its type at its other
 *    occurrences (also in ALL-CAPS / Title Case headlines); title words never start a person.
 * 3. The user's lexicon: its names are authoritative, its rejections suppress predictions.
 *
 * Offsets are UTF-16 indices into the normalized text, half-open.
 */
import type { Lexicon } from '../lexicon';
import type { Runs } from '../tokens';
import { ISO_CODES, LOCAL_PREFIX, LOCAL_SUFFIX } from '../figures/currency';
import { inUrl, inWebAddress } from '../webAddress';
import type { EntityType, Origin } from '../types';
import { CAP_ALL, CAP_INIT, isCapClass, lowerHashOf } from './features';
import { GAZ, hasCategory } from './gazetteer';
import { TYPES } from './labels';
import { decodeModel, fromBase64, type NerModel } from './model';
import { NER_MODEL } from './model-data';
import { tagText, type TagResult, type TaggedSpan } from './tagger';
import { TF_CAPS_LINE, TF_SENT_START, TF_TITLE_LINE } from './tokenize';

export interface RecognizedMention {
  start: number;
  end: number;
  type: EntityType;
  /** 0..1: how likely the span and type are right. */
  confidence: number;
  origin: Origin;
  /** For lexicon matches: the canonical name the user gave this form. */
  canonical?: string;
}

export interface NerOptions {
  /** User lexicon: its names are always recognised with their type; rejected forms never are. */
  lexicon?: Lexicon;
  /** Skip the document-consistency post-pass (for evaluation). */
  noConsistency?: boolean;
  /** The text's runs when the caller has scanned them already (the pipeline's `TextIndex`). */
  runs?: Runs;
}

let shipped: NerModel | null = null;

/** The shipped model, decoded on first use (not at import). */
export function shippedModel(): NerModel {
  if (!shipped) shipped = decodeModel(fromBase64(NER_MODEL));
  return shipped;
}

/** Finds entity mentions in `text` (normalized article text), sorted by start, non-overlapping. */
export function recognizeEntities(text: string, options: NerOptions = {}): RecognizedMention[] {
  return recognizeWith(shippedModel(), text, options);
}

/** Confidence of a span from its score margin, with the model's calibration. */
function confidenceOf(model: NerModel, margin: number): number {
  const cal = model.meta.calibration as { a: number; b: number } | undefined;
  const a = cal?.a ?? 0.5;
  const b = cal?.b ?? 0;
  const c = 1 / (1 + Math.exp(-(a * margin + b)));
  return Math.round(c * 1000) / 1000;
}

interface Working {
  first: number;
  last: number;
  type: number;
  confidence: number;
}

/** {@link recognizeEntities} with an explicit model (evaluation, tests). */
export function recognizeWith(model: NerModel, text: string, options: NerOptions = {}): RecognizedMention[] {
  if (!text) return [];
  const res = tagText(text, model, undefined, options.runs);
  let spans: Working[] = res.spans.map((s: TaggedSpan) => ({
    first: s.first,
    last: s.last,
    type: s.type,
    confidence: confidenceOf(model, s.margin),
  }));
  spans = trimTitles(res, spans);
  spans = dropAcrossSentences(text, res, spans);
  spans = joinDangling(text, res, spans);
  spans = completeKnownNames(res, spans);
  spans = completeKnownOrgs(res, spans);
  retypeKnownOrgs(res, spans);
  if (!options.noConsistency) spans = enforceConsistency(text, res, spans);
  const { tokens } = res;
  let out: RecognizedMention[] = spans.map((s) => ({
    start: tokens.start[s.first]!,
    end: tokens.end[s.last]!,
    type: TYPES[s.type]!,
    confidence: s.confidence,
    origin: 'model' as const,
  }));
  out = out.filter((m) => !inUrl(text, m.start, m.end) && !isCurrencyUnit(text, m.start, m.end));
  out = placesInCompounds(text, res, model, out);
  out = countryOfDollar(text, res, out);
  out = namesBeforeCompounds(text, out);
  if (options.lexicon && options.lexicon.size) out = applyLexicon(text, out, options.lexicon);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

const PER = 0;
const ORG = 1;
const MISC = 3;

const PLACE_BITS = (1 << (GAZ.country * 4 + 3)) | (1 << (GAZ.city * 4 + 3)) | (1 << (GAZ.region * 4 + 3));

/**
 * Places inside hyphenated compounds (`India-based`, `Algeria-Venezuela talks`, `U.S.-allied`):
 * the tokenizer keeps a compound whole, as CoNLL-2003 does, so a known country, city or region
 * written as one part of a compound that is no person, organisation or place is tagged on its
 * own (a MISC span over the compound, `Nairobi-based`, gives way to it). Not the first part when a
 * capitalised word comes right before it (`New York-based` is no place `York`), and nothing in a
 * web address (`…/news/4750/Iran-denounces-…`).
 */
function placesInCompounds(text: string, res: TagResult, model: NerModel, found: RecognizedMention[]): RecognizedMention[] {
  const { tokens, attrs } = res;
  const added: RecognizedMention[] = [];
  const replaced = new Set<RecognizedMention>();
  let k = 0;
  for (let i = 0; i < tokens.count; i++) {
    if (!isCapClass(attrs.cap[i]!)) continue;
    const s = tokens.start[i]!;
    const e = tokens.end[i]!;
    const dash = text.indexOf('-', s);
    if (dash < 0 || dash >= e) continue;
    while (k < found.length && found[k]!.end <= s) k++;
    const over = k < found.length && found[k]!.start < e ? found[k]! : null;
    if (over && (over.type !== 'MISC' || over.start !== s || over.end !== e)) continue;
    if (inWebAddress(text, s, e)) continue;
    const afterName = i > attrs.lineFrom[i]! && continuesName(text, res, i - 1) && tokens.end[i - 1]! < s;
    const places: RecognizedMention[] = [];
    for (let a = s; a < e;) {
      let b = text.indexOf('-', a);
      if (b < 0 || b > e) b = e;
      const c = text.charCodeAt(a);
      if (b - a >= 2 && c >= 65 && c <= 90 && !(a === s && afterName)) {
        const g = model.gazetteer.match(Int32Array.of(lowerHashOf(text, a, b)), Uint8Array.of(CAP_INIT), Int32Array.of(1), 1);
        if (g.lo[0]! & PLACE_BITS) places.push({ start: a, end: b, type: 'LOC', confidence: 0.6, origin: 'model' });
      }
      a = b + 1;
    }
    if (!places.length) continue;
    if (over) replaced.add(over);
    added.push(...places);
  }
  return added.length ? mergeMentions(found, added, replaced) : found;
}

/** `found` and `added` (each sorted by start) merged by start, without the mentions in `removed`; one pass. */
function mergeMentions(
  found: RecognizedMention[],
  added: RecognizedMention[],
  removed?: ReadonlySet<RecognizedMention>,
): RecognizedMention[] {
  const out: RecognizedMention[] = [];
  let j = 0;
  for (const m of found) {
    while (j < added.length && added[j]!.start <= m.start) out.push(added[j++]!);
    if (!removed?.has(m)) out.push(m);
  }
  while (j < added.length) out.push(added[j++]!);
  return out;
}

/** Second parts of a compound that make the name before them a modifier: `Modi-led`, `UK-based`. */
const COMPOUND_SUFFIX = new RegExp(
  '-(?:led|backed|based|listed|style|owned|run|funded|born|controlled|linked|allied|affiliated|dominated|sponsored|era|' +
    'headquartered|registered|appointed|brokered|made)(?![\\p{L}\\p{N}-])',
  'u',
);

/**
 * A name inside a compound is the name alone: `the Narendra Modi-led alliance` names Narendra Modi;
 * `UK-based Arm` names the UK and Arm (the tagger, which keeps a compound as one token as CoNLL-2003
 * does, tags `Narendra Modi-led` or `UK-based Arm` whole, often as MISC, which stays). The part
 * before the compound keeps the span's type; the part after it, if any, is a name of the same type.
 */
function namesBeforeCompounds(text: string, found: RecognizedMention[]): RecognizedMention[] {
  let out: RecognizedMention[] | null = null;
  for (let k = 0; k < found.length; k++) {
    const m = found[k]!;
    const span = text.slice(m.start, m.end);
    if (span.indexOf('-') < 0) {
      out?.push(m);
      continue;
    }
    const c = COMPOUND_SUFFIX.exec(span);
    if (!c || c.index === 0) {
      out?.push(m);
      continue;
    }
    out ??= found.slice(0, k);
    out.push({ ...m, end: m.start + c.index });
    let rest = m.start + c.index + c[0].length;
    while (rest < m.end && text.charCodeAt(rest) === 32) rest++;
    if (rest < m.end) out.push({ ...m, start: rest });
  }
  return out ?? found;
}

/**
 * A currency code or abbreviation written against an amount (`USD 29 million`, `Rs 5 lakh`,
 * `(Ksh 550)`, `550 Ksh`) names the money's unit, not an organisation or a person: the figures show it.
 */
function isCurrencyUnit(text: string, start: number, end: number): boolean {
  const form = text.slice(start, end);
  if (!ISO_CODES.has(form) && !Object.hasOwn(LOCAL_PREFIX, form) && !Object.hasOwn(LOCAL_SUFFIX, form)) return false;
  return /^\.?[ \u00a0]?\d/.test(text.slice(end, end + 3)) || /\d[ \u00a0]?$/.test(text.slice(Math.max(0, start - 2), start));
}

/**
 * `US$6.7 billion`: the tokenizer keeps `US$` whole, as CoNLL-2003 does (which never tags it), but
 * the country is named: world newswire's annotators tag it as a place (50 of 56 times in the world
 * dev set), and it links the amount to the article's other mentions of the United States.
 */
function countryOfDollar(text: string, res: TagResult, found: RecognizedMention[]): RecognizedMention[] {
  const { tokens } = res;
  const added: RecognizedMention[] = [];
  let k = 0;
  for (let i = 0; i < tokens.count; i++) {
    const s = tokens.start[i]!;
    const e = tokens.end[i]!;
    if (text.charCodeAt(e - 1) !== 36 || !/^(?:US|U\.S\.)\$$/.test(text.slice(s, e))) continue;
    while (k < found.length && found[k]!.end <= s) k++;
    if (k < found.length && found[k]!.start < e) continue;
    added.push({ start: s, end: e - 1, type: 'LOC', confidence: 0.9, origin: 'model' });
  }
  return added.length ? mergeMentions(found, added) : found;
}

/** Whether token `j` is a capitalised word that a name may go on from (`New` in `New York-based`, not `A` or a sentence's first word). */
function continuesName(text: string, res: TagResult, j: number): boolean {
  const { tokens, attrs } = res;
  const c = attrs.cap[j]!;
  if ((c !== CAP_INIT && c !== CAP_ALL) || tokens.flags[j]! & TF_SENT_START) return false;
  const s = tokens.start[j]!;
  const e = tokens.end[j]!;
  const dash = text.indexOf('-', s);
  return e - s >= 2 && (dash < 0 || dash >= e);
}

/** Person spans never start with a title word (`President Donald Trump` → `Donald Trump`). */
function trimTitles(res: TagResult, spans: Working[]): Working[] {
  for (const s of spans) {
    if (s.type !== PER) continue;
    while (s.first < s.last && isTitle(res, s.first)) s.first++;
  }
  return spans;
}

/** A name never runs across a sentence end or a dash (`Finally. Someone`, `Donald — USA`). */
function dropAcrossSentences(text: string, res: TagResult, spans: Working[]): Working[] {
  const { tokens } = res;
  return spans.filter((s) => {
    for (let i = s.first; i < s.last; i++) {
      const w = text.slice(tokens.start[i]!, tokens.end[i]!);
      if (/^(?:[.!?;]|[—–]|--+)$/.test(w)) return false;
    }
    return true;
  });
}

/** Words a name never ends with: `Central Bank of`, `Centre for`, `Universidad de`. */
const DANGLING = new Set([
  'of',
  'for',
  'de',
  'del',
  'do',
  'da',
  'dos',
  'das',
  'la',
  'le',
  'du',
  'and',
  'y',
  'e',
  'the',
  'on',
  'in',
  'at',
  'to',
  '&',
]);

/**
 * A span that ends with a connecting word goes on with the name right after it, whose words it
 * names (`Central Bank of` + `Somalia` → `Central Bank of Somalia`, typed as the head); with no
 * name next to it, the connecting words are dropped.
 */
function joinDangling(text: string, res: TagResult, spans: Working[]): Working[] {
  const { tokens } = res;
  const dangling = (i: number) => DANGLING.has(text.slice(tokens.start[i]!, tokens.end[i]!).toLowerCase());
  const out: Working[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    if (!dangling(s.last)) {
      out.push(s);
      continue;
    }
    const next = spans[k + 1];
    if (next && next.first === s.last + 1) {
      // The joined span may dangle again (`Union of` + `Nigerian` + …): look at it once more.
      spans[k + 1] = { first: s.first, last: next.last, type: s.type, confidence: Math.min(s.confidence, next.confidence) };
      continue;
    }
    let last = s.last;
    while (last > s.first && dangling(last)) last--;
    if (!dangling(last)) out.push({ ...s, last });
  }
  return out;
}

/**
 * Bit `pos` of token `i`'s gazetteer match for `category` (see `TokenAttrs.gazLo/gazHi`): 0 first
 * word of an entry, 1 inside, 2 last word, 3 a one-word entry.
 */
function gazBit(attrs: TagResult['attrs'], category: number, i: number, pos: number): number {
  const b = category * 4 + pos;
  return b < 32 ? (attrs.gazLo[i]! >>> b) & 1 : (attrs.gazHi[i]! >>> (b - 32)) & 1;
}

/**
 * Well-known full names (the gazetteer's people, e.g. `Xi Jinping`) are never split: a person span
 * inside such a match grows to cover it, and a match the tagger missed entirely is added when
 * every word of it is capitalised.
 */
function completeKnownNames(res: TagResult, spans: Working[]): Working[] {
  const { attrs } = res;
  const bit = (i: number, pos: number) => gazBit(attrs, GAZ.person, i, pos);
  const owner = new Int32Array(attrs.n).fill(-1);
  spans.forEach((s, k) => {
    for (let i = s.first; i <= s.last; i++) owner[i] = k;
  });
  const added: Working[] = [];
  for (let i = 0; i < attrs.n; i++) {
    if (!bit(i, 0)) continue;
    let j = i + 1;
    while (j < attrs.lineTo[i]! && bit(j, 1) && !bit(j, 2)) j++;
    if (j >= attrs.lineTo[i]! || !bit(j, 2)) continue;
    // The tokens [i, j] match a known name. Spans touching it must be persons inside it.
    const touching = new Set<number>();
    let capital = true;
    for (let k = i; k <= j; k++) {
      if (owner[k]! >= 0) touching.add(owner[k]!);
      if (!isCapClass(attrs.cap[k]!)) capital = false;
    }
    if (touching.size > 1) continue;
    if (touching.size === 1) {
      const s = spans[[...touching][0]!]!;
      if (s.type !== PER || s.first < i || s.last > j) continue;
      s.first = i;
      s.last = j;
    } else if (capital) {
      added.push({ first: i, last: j, type: PER, confidence: 0.7 });
    } else continue;
    for (let k = i; k <= j; k++) owner[k] = -2;
    i = j;
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.first - b.first) : spans;
}

/**
 * Well-known organisations (the gazetteer's, e.g. `Boeing`, `Truth Social`) that the tagger left
 * out are added when the text writes them as a name of their own: every word capitalised, no
 * capitalised word on either side; a one-word name also not at the start of a sentence or in a
 * headline, and never written in lower case in the article.
 */
function completeKnownOrgs(res: TagResult, spans: Working[]): Working[] {
  const { attrs, tokens } = res;
  const bit = (i: number, pos: number) => gazBit(attrs, GAZ.org, i, pos);
  const covered = new Uint8Array(attrs.n);
  for (const s of spans) for (let i = s.first; i <= s.last; i++) covered[i] = 1;
  const added: Working[] = [];
  for (let i = 0; i < attrs.n; i++) {
    const single = bit(i, 3) === 1;
    if (!single && !bit(i, 0)) continue;
    let j = i;
    if (!single) {
      j = i + 1;
      while (j < attrs.lineTo[i]! && bit(j, 1) && !bit(j, 2)) j++;
      if (j >= attrs.lineTo[i]! || !bit(j, 2)) continue;
    }
    // A one-word name must also not be a capitalised common word (`Apple` at a sentence start or
    // in a headline, `Shell` written `shell` elsewhere).
    let ok = !single || !(tokens.flags[i]! & (TF_SENT_START | TF_CAPS_LINE | TF_TITLE_LINE) || attrs.doc[i]! & 1);
    for (let k = i; k <= j && ok; k++) if (covered[k] || attrs.cap[k] !== CAP_INIT) ok = false;
    if (i > attrs.lineFrom[i]! && isCapClass(attrs.cap[i - 1]!)) ok = false;
    if (j + 1 < attrs.lineTo[j]! && isCapClass(attrs.cap[j + 1]!)) ok = false;
    if (!ok) continue;
    added.push({ first: i, last: j, type: ORG, confidence: 0.6 });
    i = j;
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.first - b.first) : spans;
}

/**
 * A span that is exactly a well-known organisation of the gazetteer (`Boeing`, `Truth Social`) and
 * that the tagger typed MISC is the organisation (`Boeing aircraft`: CoNLL-2003 types a company
 * named before a noun as the company); a longer MISC span (`Boeing 737`) stays MISC.
 */
function retypeKnownOrgs(res: TagResult, spans: Working[]): void {
  const bit = (i: number, pos: number) => gazBit(res.attrs, GAZ.org, i, pos);
  for (const s of spans) {
    if (s.type !== MISC) continue;
    let exact = s.first === s.last ? bit(s.first, 3) === 1 : bit(s.first, 0) === 1 && bit(s.last, 2) === 1;
    for (let k = s.first + 1; k < s.last && exact; k++) exact = bit(k, 1) === 1;
    if (exact) s.type = ORG;
  }
}

function isTitle(res: TagResult, i: number): boolean {
  return hasCategory(res.attrs.gazLo[i]!, res.attrs.gazHi[i]!, GAZ.title);
}

/**
 * Short forms of names written in full in the same article (both need the full name read with a
 * confidence of 0.75; world CV 77.93 at 0.9, 78.05 at 0.75, 78.04 at 0.6, for the first rule):
 *
 * - `Donald Trump … Trump said`: a one-word name that is the last word of a person named in full
 *   is that person, whatever the tagger made of it alone (`ORG:Trump` in `What is Trump’s view of
 *   NATO?` spread through a whole article); not when the full name starts with a nationality
 *   (`Swiss Re`).
 * - `Cairn Energy plc … Cairn`: a one-word name that is the first word of a company's name ending
 *   in a company suffix is that company, unless it is also such a surname.
 *
 * Never a word the gazetteer knows as a country, city, region or nationality (`George Washington …
 * Washington`), unless a title comes before it (`Ms Essex`), nor, for a person, an organisation.
 * Run with the document consistency below (`noConsistency` leaves both out).
 */
const FULL_NAME = 0.75;
function shortForms(text: string, res: TagResult, spans: Working[]): void {
  const { tokens, attrs } = res;
  const word = (i: number) => text.slice(tokens.start[i]!, tokens.end[i]!);
  const gaz = (category: number, i: number) => gazBit(attrs, category, i, 3);
  const place = (i: number) => (attrs.gazLo[i]! & PLACE_BITS) !== 0 || gaz(GAZ.demonym, i);
  const surnames = new Set<string>();
  const companies = new Set<string>();
  for (const s of spans) {
    if (s.last === s.first || s.confidence < FULL_NAME) continue;
    if (s.type === PER && isCapClass(attrs.cap[s.last]!) && !gazBit(attrs, GAZ.demonym, s.first, 0) && !gaz(GAZ.demonym, s.first)) {
      surnames.add(word(s.last));
    } else if (
      s.type === ORG &&
      isCapClass(attrs.cap[s.first]!) &&
      (gaz(GAZ.orgSuffix, s.last) || gazBit(attrs, GAZ.orgSuffix, s.last, 2))
    ) {
      companies.add(word(s.first));
    }
  }
  if (!surnames.size && !companies.size) return;
  for (const s of spans) {
    if (s.first !== s.last) continue;
    const i = s.first;
    const w = word(i);
    // A nationality is a surname only after a title (`Mr Irish`, not `Irish` beside Oliver Irish).
    const titled = i > 0 && isTitle(res, i - 1);
    if (s.type !== PER && surnames.has(w) && (titled || !place(i)) && !gaz(GAZ.org, i)) s.type = PER;
    else if (s.type !== ORG && companies.has(w) && !surnames.has(w) && !place(i)) s.type = ORG;
  }
}

/**
 * A name recognised with confidence keeps its type elsewhere in the document: other occurrences
 * of the same token sequence that the tagger left out are added, and weaker contradicting
 * labels are retyped. In ALL-CAPS / Title Case lines the comparison ignores case.
 */
function enforceConsistency(text: string, res: TagResult, spans: Working[]): Working[] {
  const { tokens, attrs } = res;
  const STRONG = 0.85;
  shortForms(text, res, spans);
  // Best confident type per exact surface (and per lower-cased surface for headlines).
  const byText = new Map<string, Working>();
  const byLower = new Map<string, Working>();
  for (const s of spans) {
    if (s.confidence < STRONG) continue;
    const surface = text.slice(tokens.start[s.first]!, tokens.end[s.last]!);
    const prev = byText.get(surface);
    if (!prev || prev.confidence < s.confidence) byText.set(surface, s);
    const lower = surface.toLowerCase();
    const pl = byLower.get(lower);
    if (!pl || pl.confidence < s.confidence) byLower.set(lower, s);
  }
  if (!byText.size) return spans;
  const covered = new Int32Array(tokens.count).fill(-1);
  spans.forEach((s, k) => {
    for (let i = s.first; i <= s.last; i++) covered[i] = k;
  });
  // Retype weaker spans with the same surface.
  for (const s of spans) {
    const surface = text.slice(tokens.start[s.first]!, tokens.end[s.last]!);
    const headline = (tokens.flags[s.first]! & (TF_CAPS_LINE | TF_TITLE_LINE)) !== 0;
    const ref = byText.get(surface) ?? (headline ? byLower.get(surface.toLowerCase()) : undefined);
    if (ref && ref !== s && ref.type !== s.type && s.confidence < ref.confidence - 0.2) {
      s.type = ref.type;
      s.confidence = Math.round(ref.confidence * 0.8 * 1000) / 1000;
    }
  }
  // Add missed occurrences: token sequences equal to a confident name, not overlapping a span.
  const added: Working[] = [];
  const maxLen = 6;
  for (let i = 0; i < tokens.count; i++) {
    if (covered[i]! >= 0 || !isCapClass(attrs.cap[i]!)) continue;
    const headline = (tokens.flags[i]! & (TF_CAPS_LINE | TF_TITLE_LINE)) !== 0;
    for (let j = Math.min(tokens.count - 1, i + maxLen - 1, attrs.lineTo[i]! - 1); j >= i; j--) {
      if (covered[j]! >= 0) continue;
      let free = true;
      for (let k = i; k <= j && free; k++) if (covered[k]! >= 0) free = false;
      if (!free) continue;
      const surface = text.slice(tokens.start[i]!, tokens.end[j]!);
      const ref = byText.get(surface) ?? (headline ? byLower.get(surface.toLowerCase()) : undefined);
      if (!ref) continue;
      // Whole tokens only: the neighbours must not extend the name (`New York` ≠ `York`).
      if (i > attrs.lineFrom[i]! && isCapClass(attrs.cap[i - 1]!) && !(tokens.flags[i]! & TF_SENT_START) && !isTitle(res, i - 1)) break;
      if (j + 1 < attrs.lineTo[j]! && isCapClass(attrs.cap[j + 1]!)) continue;
      const w: Working = { first: i, last: j, type: ref.type, confidence: Math.round(ref.confidence * 0.75 * 1000) / 1000 };
      added.push(w);
      for (let k = i; k <= j; k++) covered[k] = spans.length + added.length - 1;
      i = j;
      break;
    }
  }
  if (!added.length) return spans;
  return [...spans, ...added].sort((a, b) => a.first - b.first);
}

/** Lexicon names are authoritative (they replace overlapping predictions); rejections remove predictions. */
function applyLexicon(text: string, found: RecognizedMention[], lexicon: Lexicon): RecognizedMention[] {
  const rejected = new Set<string>();
  const accepted: RecognizedMention[] = [];
  for (const m of lexicon.find(text)) {
    if (m.entry.rejected) rejected.add(`${text.slice(m.start, m.end)}\u0000${m.entry.type}`);
    else
      accepted.push({
        start: m.start,
        end: m.end,
        type: m.entry.type,
        confidence: 1,
        origin: 'lexicon',
        ...(m.entry.canonical ? { canonical: m.entry.canonical } : {}),
      });
  }
  const out = found.filter(
    (m) => !rejected.has(`${text.slice(m.start, m.end)}\u0000${m.type}`) && !accepted.some((a) => a.start < m.end && m.start < a.end),
  );
  return [...out, ...accepted];
}
