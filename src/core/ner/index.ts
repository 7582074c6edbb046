/**
 * Named-entity recognition: finds PER / ORG / LOC / MISC mentions in raw article text.
 *
 * First version: capitalised-phrase chunking with typed word lists and contextual cues
 * (titles, organisation suffixes). The trained tagger replaces the typing step.
 */
import type { EntityType, Origin } from '../types';
import type { Lexicon } from '../lexicon';

export interface RecognizedMention {
  start: number;
  end: number;
  type: EntityType;
  confidence: number;
  origin: Origin;
}

export interface NerOptions {
  /** User lexicon: its names are always recognised with their type; rejected forms never are. */
  lexicon?: Lexicon;
}

const LOC = new Set(
  'Afghanistan Africa Albania Algeria America Argentina Asia Australia Austria Bangladesh Beijing Belgium Berlin Brazil Britain Brussels Canada Chile China Colombia Cuba Delhi Denmark Egypt England Ethiopia Europe France Gaza Germany Ghana Greece Hungary India Indonesia Iran Iraq Ireland Israel Italy Japan Jordan Kenya Kyiv Lebanon London Malaysia Mexico Moscow Nigeria Norway Pakistan Paris Peru Philippines Poland Portugal Qatar Romania Russia Scotland Seoul Singapore Spain Sweden Switzerland Syria Taiwan Tehran Thailand Tokyo Turkey Ukraine Venezuela Vietnam Wales Washington Yemen Zimbabwe'.split(' '),
);
const MISC = new Set(
  'American Asian Australian British Canadian Chinese Egyptian English European French German Indian Iranian Irish Israeli Italian Japanese Korean Mexican Palestinian Russian Saudi Scottish Spanish Syrian Taiwanese Turkish Ukrainian Welsh Christian Muslim Jewish Olympics Olympic Brexit'.split(' '),
);
const ORG_SUFFIX = /^(?:Inc|Corp|Corporation|Ltd|plc|Group|Party|Ministry|University|Bank|Council|Association|Agency|Commission|Committee|Company|Co|Airlines|Airways|Motors|Federation|Union|Institute|Foundation|Parliament|Congress|Senate|Court|Army|Police|Club|United|FC|Social|Times|Post|News)\.?$/;
const ORG_WORDS = new Set('NATO UN EU BBC Reuters Boeing Airbus Google Apple Microsoft Amazon Facebook Meta Tesla Toyota FIFA UEFA OPEC IMF WHO Nasa NASA'.split(' '));
const TITLES = /(?:President|Prime Minister|Minister|Chancellor|Secretary|Senator|Governor|Mayor|King|Queen|Prince|Pope|Mr|Mrs|Ms|Dr|Sir|Lord|Judge|General|Chairman|Chief Executive|spokesman|spokeswoman|leader)\.?\s+$/;
const NOT_NAMES = new Set(
  'The A An All And But Or If In On At For Of To By With From As It Its He She They We I You This That These Those There Here When While After Before During Both Some Many Most Other Analysts Tags Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Mr Mrs Ms Dr President Minister'.split(
    ' ',
  ),
);

const TITLE_WORDS = new Set('President Minister Chancellor Secretary Senator Governor Mayor King Queen Prince Pope Premier Mr Mrs Ms Dr Sir Lord Judge General'.split(' '));

function lastIndexWhere<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i]!)) return i;
  return -1;
}

/** Finds entity mentions in `text` (normalized article text). */
export function recognizeEntities(text: string, options: NerOptions = {}): RecognizedMention[] {
  const out: RecognizedMention[] = [];
  const taken: boolean[] = [];
  const rejected = new Set<string>();
  for (const m of options.lexicon?.find(text) ?? []) {
    if (m.entry.rejected) {
      rejected.add(`${text.slice(m.start, m.end)}\u0000${m.entry.type}`);
      continue;
    }
    out.push({ start: m.start, end: m.end, type: m.entry.type, confidence: 1, origin: 'lexicon' });
    for (let i = m.start; i < m.end; i++) taken[i] = true;
  }
  // Capitalised words (with initials like U.S.), joined by single spaces or "of"/"and" inside names.
  const phrase = /(?:[A-Z][\p{L}'’-]*\.?|[A-Z]\.(?:[A-Z]\.)+)(?:\s(?:of\s(?:the\s)?)?(?:[A-Z][\p{L}'’-]*\.?|[A-Z]\.(?:[A-Z]\.)+))*/gu;
  for (let m = phrase.exec(text); m; m = phrase.exec(text)) {
    let start = m.index;
    let surface = m[0];
    // A final period ends the sentence unless the last word is an initialism (U.S.).
    if (surface.endsWith('.') && !/(?:^|\s)(?:[A-Z]\.)+$/.test(surface)) surface = surface.slice(0, -1);
    if (/[’']s$/.test(surface)) surface = surface.slice(0, -2);
    const words = surface.split(' ');
    while (words.length && NOT_NAMES.has(words[0]!)) {
      start += words[0]!.length + 1;
      words.shift();
    }
    while (words.length && (NOT_NAMES.has(words[words.length - 1]!) || words[words.length - 1] === 'of')) words.pop();
    if (!words.length) continue;
    // "U.S. President Donald Trump": the words before a title are their own phrase, the name follows it.
    const t = lastIndexWhere(words, (w) => TITLE_WORDS.has(w));
    if (t >= 0 && t < words.length - 1) {
      const pre = words.slice(0, t);
      if (pre.length) {
        const preName = pre.join(' ');
        const preType = classify(text, start, pre);
        if (preType && preType !== 'PER') out.push({ start, end: start + preName.length, type: preType, confidence: 0.7, origin: 'model' });
      }
      start += words.slice(0, t + 1).join(' ').length + 1;
      words.splice(0, t + 1);
    }
    const name = words.join(' ');
    const end = start + name.length;
    if (taken[start] || taken[end - 1]) continue;
    const type = classify(text, start, words);
    if (!type || rejected.has(`${name}\u0000${type}`)) continue;
    out.push({ start, end, type, confidence: type === 'PER' && words.length === 1 ? 0.6 : 0.8, origin: 'model' });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

function classify(text: string, start: number, words: string[]): EntityType | null {
  const name = words.join(' ');
  const last = words[words.length - 1]!;
  const before = text.slice(Math.max(0, start - 40), start);
  if (words.length === 1 && LOC.has(name)) return 'LOC';
  if (words.length === 1 && MISC.has(name)) return 'MISC';
  if (ORG_WORDS.has(name) || ORG_SUFFIX.test(last)) return 'ORG';
  if (/^(?:U\.S\.|US|UK|U\.K\.|EU)$/.test(name)) return name === 'EU' ? 'ORG' : 'LOC';
  if (TITLES.test(before)) return 'PER';
  if (words.length >= 2 && words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) return 'PER';
  // A single capitalised word mid-sentence, unknown: a person's surname is the likeliest reading.
  const sentenceStart = /(?:^|[.!?:]["”’]?\s+|\n\s*)$/.test(before);
  if (words.length === 1 && !sentenceStart && /^\p{Lu}\p{Ll}{2,}$/u.test(name)) return 'PER';
  return null;
}
