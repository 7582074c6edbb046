/**
 * Name linking: groups mentions of the same referent under one canonical name
 * (`Trump`, `President Trump` → Donald Trump; `U.S.`, `US`, `America` → United States) and keeps
 * the role the text gives (`U.S. President`).
 */
import type { Entity, EntityMention, EntityType } from '../types';
import type { RecognizedMention } from '../ner';

/** Surface forms of the same place or organisation. Keys are lower-case forms; values canonical names. */
const ALIASES: Record<string, string> = {
  'u.s.': 'United States',
  us: 'United States',
  'u.s.a.': 'United States',
  usa: 'United States',
  america: 'United States',
  'united states': 'United States',
  'united states of america': 'United States',
  'u.k.': 'United Kingdom',
  uk: 'United Kingdom',
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
  'united kingdom': 'United Kingdom',
  'e.u.': 'European Union',
  eu: 'European Union',
  'european union': 'European Union',
  'u.n.': 'United Nations',
  un: 'United Nations',
  'united nations': 'United Nations',
  prc: "People's Republic of China",
  'mainland china': 'China',
};

const ROLE_WORDS =
  /(?:(?:former|acting|then|deputy|vice|outgoing|incoming)\s+)*(?:[A-Z][\w.’'-]*\s+)*(?:President|Prime Minister|Minister|Chancellor|Secretary(?: of State)?|Senator|Governor|Mayor|King|Queen|Prince|Pope|Premier|leader|spokesman|spokeswoman|spokesperson|chief executive|CEO|chairman|chairwoman|director|ambassador|envoy|general|coach|manager|captain|striker|judge)\s+$/i;

/** Stable id for an entity from its type and canonical name. */
export function entityId(type: EntityType, canonical: string): string {
  return `${type}:${canonical}`;
}

/** Links recognised mentions into referents; returns the mentions (with entity ids) and the groups. */
export function linkEntities(text: string, found: readonly RecognizedMention[]): { mentions: EntityMention[]; groups: Entity[] } {
  const mentions: EntityMention[] = found.map((m) => ({ ...m, text: text.slice(m.start, m.end), entityId: '' }));
  // Candidate canonical names: the longest multi-word names of each type.
  const canonicalOf = new Map<number, string>();
  const fullNames = new Map<EntityType, string[]>();
  mentions.forEach((m, i) => {
    const alias = ALIASES[m.text.toLowerCase()];
    if (alias && m.type !== 'PER') {
      canonicalOf.set(i, alias);
      return;
    }
    const list = fullNames.get(m.type) ?? [];
    if (!list.includes(m.text)) list.push(m.text);
    fullNames.set(m.type, list);
  });
  mentions.forEach((m, i) => {
    if (canonicalOf.has(i)) return;
    const words = m.text.split(/\s+/);
    let best = m.text;
    if (m.type === 'PER' || m.type === 'ORG') {
      for (const cand of fullNames.get(m.type) ?? []) {
        if (cand.length <= best.length) continue;
        const cw = cand.split(/\s+/);
        // "Trump" → "Donald Trump" (last name); "Xi" → "Xi Jinping" (family name first).
        const sameTail = cw.slice(-words.length).join(' ') === m.text;
        const sameHead = m.type === 'PER' && words.length === 1 && cw[0] === m.text;
        if (sameTail || sameHead) best = cand;
      }
    }
    canonicalOf.set(i, best);
  });
  const groups = new Map<string, Entity>();
  mentions.forEach((m, i) => {
    const canonical = canonicalOf.get(i)!;
    const id = entityId(m.type, canonical);
    m.entityId = id;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { id, type: m.type, canonical, aliases: [], roles: [], mentions: [] }));
    g.mentions.push(i);
    if (m.text !== canonical && !g.aliases.includes(m.text)) g.aliases.push(m.text);
    if (m.type === 'PER') {
      const role = ROLE_WORDS.exec(text.slice(Math.max(0, m.start - 60), m.start));
      if (role) {
        const r = role[0].trim().replace(/^(?:the|The)\s+/, '');
        if (!g.roles.includes(r)) g.roles.push(r);
      }
    }
  });
  const list = [...groups.values()];
  for (const g of list) g.aliases.sort();
  list.sort((a, b) => mentions[a.mentions[0]!]!.start - mentions[b.mentions[0]!]!.start);
  return { mentions, groups: list };
}
