/**
 * Quotes and their speakers. First version: balanced double quotes (straight and curly) and
 * single-quoted headline quotes, attributed to the nearest named person in the same sentence
 * next to a reporting verb, else the closest person mentioned before.
 */
import type { Entity, EntityMention, Quote, QuoteKind, Speaker } from '../types';

const VERBS = /\b(?:said|says|say|told|tells|added|adds|stated|described|called|urged|warned|argued|noted|insisted|explained|according to|stressed|emphasised|emphasized|hailed|claimed)\b/i;

/** Finds quotes in `text` and attributes them to speakers among the linked `mentions`. */
export function findQuotes(text: string, mentions: readonly EntityMention[], groups: readonly Entity[]): Quote[] {
  const out: Quote[] = [];
  const re = /“[^“”]*”|"[^"\n]*"|(?<=^|\n)'[^'\n]+'(?=:)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const inner = m[0].slice(1, -1);
    if (!inner.trim()) continue;
    const words = inner.trim().split(/\s+/).length;
    const headline = m[0].startsWith("'");
    const kind: QuoteKind = headline ? 'headline' : words <= 3 ? 'partial' : 'direct';
    const { speaker, rule, confidence } = attribute(text, start, end, mentions, groups);
    out.push({ start, end, text: m[0], kind, speaker, confidence, rule });
  }
  return out;
}

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !/[.!?\n]/.test(text[e]!)) e++;
  return [s, e];
}

function attribute(
  text: string,
  start: number,
  end: number,
  mentions: readonly EntityMention[],
  groups: readonly Entity[],
): { speaker: Speaker | null; rule: string; confidence: number } {
  const [s, e] = sentenceBounds(text, start, end);
  const people = mentions.filter((m) => m.type === 'PER' && m.start >= s && m.end <= e && (m.end <= start || m.start >= end));
  const toSpeaker = (m: EntityMention): Speaker => {
    const g = groups.find((x) => x.id === m.entityId);
    return { start: m.start, end: m.end, name: g ? g.canonical : m.text, entityIds: [m.entityId] };
  };
  if (people.length && VERBS.test(text.slice(s, e))) {
    // Prefer the person before the quote (subject of "X said … “…”"), else the one after.
    const before = people.filter((m) => m.end <= start);
    const pick = before.length ? before[0]! : people[0]!;
    return { speaker: toSpeaker(pick), rule: before.length ? 'subject-verb' : 'verb-after', confidence: 0.8 };
  }
  if (people.length) return { speaker: toSpeaker(people[0]!), rule: 'same-sentence', confidence: 0.5 };
  // Headline or orphan quote: the first person of the text after it.
  const next = mentions.find((m) => m.type === 'PER' && m.start >= end);
  if (next && next.start - end < 200) return { speaker: toSpeaker(next), rule: 'nearby', confidence: 0.3 };
  return { speaker: null, rule: 'none', confidence: 0 };
}
