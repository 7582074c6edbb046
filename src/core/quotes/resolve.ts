/**
 * Who a speaker mention refers to: names → the linked entity; `he`/`she`/`who` → the nearest
 * compatible earlier person (gender-agnostic: no guessing from first names); `the minister` → the
 * nearest earlier person the text gives that role; `the two leaders`/`they` → the two most recent
 * people; anything else (`the Chinese readout`, `a source`) keeps its own words as its name.
 */
import type { Entity, EntityMention, Span } from '../types';
import { PERSON_ROLES, PLURAL_PERSON_HEADS, REPORTING_VERBS } from './lexicon';
import { isWordChar } from './detect';
import type { Sentences } from './tokens';
import { partitionPoint } from '../search';

export interface Resolved {
  name: string;
  entityIds: string[];
  /** The name was found by resolving a pronoun or a role noun to an earlier mention (less certain). */
  anaphoric?: boolean;
  /** For the previous quote's speaker: where that quote ends. */
  at?: number;
}

function anaphoric(r: Resolved | null): Resolved | null {
  return r && r.entityIds.length ? { name: r.name, entityIds: r.entityIds, anaphoric: true } : r;
}

export type MentionKind = 'pronoun' | 'plural-pronoun' | 'relative' | 'phrase';

const PLURAL_PRONOUNS = new Set(['they', 'them', 'we']);
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'who', 'whom', 'i']);

const MALE_TITLES = 'Mr|Sir|Lord|King|Prince|Duke|Baron|Earl|Monsieur|Señor|Herr';
const FEMALE_TITLES = 'Mrs|Ms|Miss|Madame|Dame|Lady|Queen|Princess|Duchess|Baroness|Countess|Señora|Frau';
const TITLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:(${MALE_TITLES})|(${FEMALE_TITLES}))\\.?\\s+$`, 'u');
const TITLE_AT = new RegExp(`^(?:(${MALE_TITLES})|(${FEMALE_TITLES}))\\.?\\s`, 'u');

/**
 * What the text itself says of a person's gender: a title written with a mention (`Mr Howard`,
 * `Mrs Sandra Howard`, `Baroness Scotland`). Nothing is guessed from first names.
 */
export function titleGender(text: string, m: Span): 'm' | 'f' | null {
  const r =
    TITLE_AT.exec(text.slice(m.start, Math.min(m.end, m.start + 14))) ?? TITLE_BEFORE.exec(text.slice(Math.max(0, m.start - 12), m.start));
  return r ? (r[1] ? 'm' : 'f') : null;
}

export class Resolver {
  private readonly mentions: EntityMention[];
  private readonly byId = new Map<string, Entity>();
  private readonly starts: number[];
  /** Per person entity: `m`/`f` when its titles in the text agree, `x` when they disagree. */
  private genders: Map<string, 'm' | 'f' | 'x'> | null = null;

  constructor(
    private readonly text: string,
    mentions: readonly EntityMention[],
    groups: readonly Entity[],
    private readonly quotes: readonly Span[],
    private readonly sentences: Sentences,
  ) {
    const ms = mentions.filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end);
    let sorted = true;
    for (let i = 1; i < ms.length; i++) if (ms[i]!.start < ms[i - 1]!.start) sorted = false;
    if (!sorted) ms.sort((a, b) => a.start - b.start || b.end - a.end);
    this.mentions = ms;
    this.starts = ms.map((m) => m.start);
    for (const g of groups) this.byId.set(g.id, g);
  }

  /** Resolves the mention `[s, e)`; `antecedent` is the phrase a relative pronoun refers to. */
  resolve(s: number, e: number, antecedent?: Span, lastSpeaker?: Resolved | null): Resolved {
    const surface = this.text.slice(s, e);
    const lower = surface.toLowerCase();
    if (antecedent && (lower === 'who' || lower === 'which' || lower === 'that')) return this.resolve(antecedent.start, antecedent.end);
    if (PLURAL_PRONOUNS.has(lower)) return anaphoric(this.plural(s) ?? this.singleOrg(s)) ?? { name: surface, entityIds: [] };
    if (PERSON_PRONOUNS.has(lower)) {
      if (lower === 'i') return { name: surface, entityIds: [] };
      const gender = lower === 'he' || lower === 'him' ? 'm' : lower === 'she' || lower === 'her' ? 'f' : null;
      return anaphoric(this.person(s, lastSpeaker, gender)) ?? { name: surface, entityIds: [] };
    }
    if (lower === 'it' || lower === 'which') return anaphoric(this.singleOrg(s)) ?? { name: surface, entityIds: [] };
    return this.phrase(s, e, surface, lastSpeaker);
  }

  private phrase(s: number, e: number, surface: string, lastSpeaker?: Resolved | null): Resolved {
    const inside = this.mentionsIn(s, e);
    const words = surface.split(/\s+/);
    const last = words[words.length - 1]!.replace(/[’']s$/, '');
    const lastLower = last.toLowerCase();
    const headIsLower = /^\p{Ll}/u.test(last);
    // The phrase ends in a run of capitalised words (`Cobain biographer Charles Cross`): that run is
    // the head; a person named before it is a modifier.
    const per = inside.filter((m) => m.type === 'PER');
    const head = /(?:^|\s)((?:\p{Lu}[\p{L}.’'-]*)(?:\s+\p{Lu}[\p{L}.’'-]*)*)$/u.exec(
      surface.replace(/\s*\([^)]*\)\s*$/, '').replace(/[,\s]+$/, ''),
    );
    if (head && per.length && !/^(?:The|A|An)$/.test(head[1]!)) {
      const hs = s + surface.lastIndexOf(head[1]!);
      const he = hs + head[1]!.length;
      const onHead = per.filter((m) => m.end > hs && m.start < he);
      if (onHead.length) return this.entityOf(onHead[onHead.length - 1]!);
      if (head[1]!.includes(' ') && per.every((m) => m.end <= hs)) return this.byName(head[1]!) ?? { name: head[1]!, entityIds: [] };
    }
    // A person named in the phrase, unless only as a possessor (`Trump’s campaign manager`).
    for (let i = per.length - 1; i >= 0; i--) {
      const m = per[i]!;
      const after = this.text.slice(m.end, e);
      const possessor = /^[’']s\b/.test(after) && headIsLower;
      if (!possessor) return this.entityOf(m);
    }
    const org = inside.filter((m) => m.type === 'ORG');
    if (org.length && !headIsLower) return this.entityOf(org[org.length - 1]!);
    // `the two leaders`, `both men`.
    if (PLURAL_PERSON_HEADS.has(lastLower) && /^(?:the|both|all|two|these|those)\b/i.test(surface)) {
      const p = anaphoric(this.plural(s));
      if (p) return p;
    }
    // `the minister`, `the Florida senator`: the nearest earlier person the text gives that role.
    if (/^(?:the|this|that)\s/i.test(surface) && PERSON_ROLES.has(lastLower) && !per.length) {
      const r = anaphoric(this.byRole(s, lastLower) ?? this.person(s, lastSpeaker));
      if (r) return r;
    }
    if (org.length) return this.entityOf(org[org.length - 1]!);
    // A capitalised name the recogniser missed: match a known person by surname.
    if (!headIsLower && /^\p{Lu}/u.test(last)) {
      const r = this.byName(last);
      if (r) return r;
    }
    return { name: surface.replace(/\s+/g, ' ').replace(/[,\s]+$/, ''), entityIds: [] };
  }

  /** A known person whose canonical name, surname or alias is `name`. */
  private byName(name: string): Resolved | null {
    const last = name.split(/\s+/).pop()!;
    for (const g of this.byId.values()) {
      if (g.type !== 'PER') continue;
      const cw = g.canonical.split(/\s+/);
      if (g.canonical === name || cw[cw.length - 1] === last || g.aliases.includes(name)) return { name: g.canonical, entityIds: [g.id] };
    }
    return null;
  }

  private entityOf(m: EntityMention): Resolved {
    const g = this.byId.get(m.entityId);
    return g ? { name: g.canonical, entityIds: [g.id] } : { name: m.text, entityIds: m.entityId ? [m.entityId] : [] };
  }

  /** Entity mentions inside `[s, e)`. */
  private mentionsIn(s: number, e: number): EntityMention[] {
    const out: EntityMention[] = [];
    let i = lowerBound(this.starts, s);
    // A mention may start a little before s and still overlap it.
    while (i > 0 && this.mentions[i - 1]!.end > s) i--;
    for (; i < this.mentions.length && this.mentions[i]!.start < e; i++) {
      const m = this.mentions[i]!;
      if (m.end > s) out.push(m);
    }
    return out;
  }

  /**
   * Person mentions outside quotes in `[a, b)`: the recogniser's, plus bare uses of a known
   * person's name it missed (`after Xi spoke` once `Xi Jinping` is known).
   */
  private peopleIn(a: number, b: number): EntityMention[] {
    const out = this.mentionsIn(a, b).filter((m) => m.type === 'PER' && m.start >= a && m.end <= b && !this.inQuote(m.start));
    const extra = this.missedNames();
    if (!extra.length) return out;
    let i = lowerBound(this.extraStarts!, a);
    let added = false;
    for (; i < extra.length && extra[i]!.start < b; i++) {
      if (extra[i]!.end <= b) {
        out.push(extra[i]!);
        added = true;
      }
    }
    if (added) out.sort((x, y) => x.start - y.start);
    return out;
  }

  private extra: EntityMention[] | undefined;
  private extraStarts: number[] | undefined;

  /** Uses of known people's names the recogniser missed, outside quotes; found once per text. */
  private missedNames(): EntityMention[] {
    if (this.extra) return this.extra;
    const extra: EntityMention[] = [];
    const names = this.knownNames();
    const text = this.text;
    if (names.size) {
      let k = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        // Word starts with a capital letter only.
        if (!(c >= 65 && c <= 90) && !(c >= 0xc0 && c <= 0xde)) continue;
        if (i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
        let e = i + 1;
        while (e < text.length && isWordChar(text.charCodeAt(e))) e++;
        const forms = names.get(text.slice(i, e));
        if (forms) {
          while (k < this.mentions.length && this.mentions[k]!.end <= i) k++;
          for (const [form, g] of forms) {
            const end = i + form.length;
            if (!text.startsWith(form, i) || (end < text.length && isWordChar(text.charCodeAt(end)))) continue;
            const m = this.mentions[k];
            if (!this.inQuote(i) && !(m && m.start < end && i < m.end)) {
              extra.push({ start: i, end, type: 'PER', text: form, confidence: 0.5, entityId: g.id, origin: 'model' });
            }
            break;
          }
        }
        i = e - 1;
      }
    }
    this.extraStarts = extra.map((m) => m.start);
    return (this.extra = extra);
  }

  private names: Map<string, [string, Entity][]> | undefined;

  /**
   * Surface forms that name exactly one known person (full names, aliases, surnames), by first
   * word, longest first.
   */
  private knownNames(): Map<string, [string, Entity][]> {
    if (this.names) return this.names;
    const byForm = new Map<string, Entity | null>();
    const add = (f: string, g: Entity) => {
      if (f.length < 2 || !/^\p{Lu}/u.test(f)) return;
      const cur = byForm.get(f);
      byForm.set(f, cur === undefined || cur === g ? g : null);
    };
    for (const g of this.byId.values()) {
      if (g.type !== 'PER') continue;
      add(g.canonical, g);
      for (const al of g.aliases) add(al, g);
      const w = g.canonical.split(/\s+/);
      if (w.length > 1) add(w[w.length - 1]!, g);
    }
    const names = new Map<string, [string, Entity][]>();
    for (const [f, g] of byForm) {
      if (!g) continue;
      const first = /^[^\s]+/.exec(f)![0]!.replace(/[^\p{L}\p{N}].*$/u, '');
      const list = names.get(first) ?? [];
      list.push([f, g]);
      names.set(first, list);
    }
    for (const list of names.values()) list.sort((x, y) => y[0].length - x[0].length);
    return (this.names = names);
  }

  private inQuote(pos: number): boolean {
    const q = this.quotes;
    const lo = partitionPoint(q.length, (mid) => q[mid]!.end <= pos);
    return lo < q.length && q[lo]!.start <= pos;
  }

  /** Sentence windows before `pos`, nearest first: the current sentence's part, then up to 4 earlier. */
  private *windowsBefore(pos: number): Generator<[number, number]> {
    let end = pos;
    for (let k = 0; k < 5 && end > 0; k++) {
      const start = this.sentences.startBefore(end, 600);
      if (start < end) yield [start, end];
      // Step over the boundary (period/newline) to the previous sentence.
      let p = start - 1;
      while (p > 0 && /\s/.test(this.text[p]!)) p--;
      if (p <= 0 || start === 0) return;
      end = p;
      if (end >= start) end = Math.min(end, start - 1);
      if (pos - end > 1500) return;
    }
  }

  /** Whether the text's titles rule the entity out for a pronoun of `gender`. */
  private otherGender(id: string, gender: 'm' | 'f' | null): boolean {
    if (!gender) return false;
    if (!this.genders) {
      const gs = new Map<string, 'm' | 'f' | 'x'>();
      for (const m of this.mentions) {
        if (m.type !== 'PER') continue;
        const g = titleGender(this.text, m);
        if (!g) continue;
        const cur = gs.get(m.entityId);
        gs.set(m.entityId, !cur || cur === g ? g : 'x');
      }
      this.genders = gs;
    }
    const g = this.genders.get(id);
    return !!g && g !== 'x' && g !== gender;
  }

  /**
   * A singular person pronoun: the subject-most person of the nearest sentence that has one, never
   * one the text's titles give the other gender (`gender` is the pronoun's, null for `who`).
   */
  private person(pos: number, lastSpeaker?: Resolved | null, gender: 'm' | 'f' | null = null): Resolved | null {
    // Salience of each person in the current sentence (before the pronoun) and up to four earlier
    // ones: nearer sentences score higher, a person in subject position (first in the sentence)
    // and the previous quote's speaker get a bonus — unless another person was reported speaking
    // since that quote (`Lloyd said the authority had no choice. “…,” he said.`): the new speaker.
    const last =
      lastSpeaker && lastSpeaker.entityIds.length === 1 && lastSpeaker.entityIds[0]!.startsWith('PER') ? lastSpeaker.entityIds[0]! : null;
    const seen: { m: EntityMention; sc: number }[] = [];
    let lastBonus = 8;
    let k = 0;
    for (const [a, b] of this.windowsBefore(pos)) {
      const ps = this.peopleIn(a, b);
      // `The Tory leader was asked … He replies:`: a role phrase opening the sentence is its subject.
      const role = this.roleSubject(a, b, ps[0]?.start ?? b);
      if (role) seen.push({ m: role, sc: 10 - 2 * k + 3 });
      ps.forEach((m, i) => {
        let sc = 10 - 2 * k;
        if (i === 0 && !role && this.nearStart(a, m.start)) sc += 3;
        seen.push({ m, sc });
        if (last && m.entityId !== last && lastSpeaker!.at !== undefined && m.start >= lastSpeaker!.at && this.reportedSpeaking(m))
          lastBonus = 0;
      });
      k++;
    }
    const score = new Map<string, number>();
    const first = new Map<string, EntityMention>();
    for (const { m, sc: base } of seen) {
      const sc = base + (m.entityId === last ? lastBonus : 0);
      if (sc > (score.get(m.entityId) ?? -Infinity)) {
        score.set(m.entityId, sc);
        first.set(m.entityId, m);
      }
    }
    if (last && !score.has(last)) score.set(last, lastBonus / 2);
    let best: string | null = null;
    for (const [id, sc] of score) {
      // `she` is not a person the text calls Mr.
      if (this.otherGender(id, gender)) continue;
      if (best === null || sc > score.get(best)!) best = id;
    }
    if (best === null) return null;
    const m = first.get(best);
    if (m) return this.entityOf(m);
    return lastSpeaker ?? null;
  }

  /**
   * A role phrase (`The Tory leader`, `the chancellor`) opening the sentence `[a, b)` before its
   * first person at `upto`: the person the text gives that role.
   */
  private roleSubject(a: number, b: number, upto: number): EntityMention | null {
    const r = /^(?:(?:But|And|However|Meanwhile|Later|Earlier),?\s+)?[Tt]he\s+(?:[\p{L}-]+\s+){0,2}?([\p{Ll}-]+)\b/u.exec(
      this.text.slice(a, Math.min(b, upto)),
    );
    if (!r || !PERSON_ROLES.has(r[1]!)) return null;
    return this.roleMention(a, r[1]!);
  }

  /** The person is the subject of a reporting verb: `Lloyd said`, `Lloyd, the council's leader, told`, `the member, Lloyd, said`. */
  private reportedSpeaking(m: EntityMention): boolean {
    const after = this.text.slice(m.end, m.end + 120);
    const r = /^(?:,[^,.;:!?\n"“”‘’]{1,80},|,)?\s+(?:(?:has|had|have|also|then|later|again)\s+)?([a-z]+)\b/.exec(after);
    return !!r && REPORTING_VERBS.has(r[1]!);
  }

  /** At most a few words (an introductory phrase) between the sentence start and `pos`. */
  private nearStart(a: number, pos: number): boolean {
    const before = this.text.slice(a, pos);
    return before.length < 40 || (/,\s*$/.test(before) && before.length < 90);
  }

  /** Two or more people of the nearest sentence naming at least two. */
  private plural(pos: number): Resolved | null {
    const seen: EntityMention[] = [];
    for (const [a, b] of this.windowsBefore(pos)) {
      const ps = this.peopleIn(a, b);
      for (let i = ps.length - 1; i >= 0; i--) {
        const m = ps[i]!;
        if (!seen.some((x) => x.entityId === m.entityId)) seen.push(m);
      }
      if (seen.length >= 2) break;
    }
    if (seen.length < 2) return null;
    const two = seen.slice(0, 2).sort((x, y) => x.start - y.start);
    const rs = two.map((m) => this.entityOf(m));
    return { name: rs.map((r) => r.name).join(' and '), entityIds: rs.flatMap((r) => r.entityIds) };
  }

  private singleOrg(pos: number): Resolved | null {
    for (const [a, b] of this.windowsBefore(pos)) {
      const os = this.mentionsIn(a, b).filter((m) => m.type === 'ORG' && !this.inQuote(m.start));
      if (os.length) return this.entityOf(os[0]!);
    }
    return null;
  }

  /** The nearest earlier person with `role` in the words around one of their mentions. */
  private byRole(pos: number, role: string): Resolved | null {
    const m = this.roleMention(pos, role);
    return m ? this.entityOf(m) : null;
  }

  /** The nearest person before `pos` the text gives the role (see {@link byRole}). */
  private roleMention(pos: number, role: string): EntityMention | null {
    const { re, title } = roleRegExps(role);
    const abbrev = ROLE_ABBREV[role];
    let i = lowerBound(this.starts, pos) - 1;
    for (let n = 0; i >= 0 && n < 60; i--, n++) {
      const m = this.mentions[i]!;
      if (m.type !== 'PER') continue;
      const g = this.byId.get(m.entityId);
      // `the chancellor` is not the shadow chancellor, nor a former one.
      const plain = (r: string) => re.test(r) && !QUALIFIED.test(r.slice(0, r.search(re) + 1));
      if (g && g.roles.some(plain)) return m;
      const before = this.text.slice(Math.max(0, m.start - 50), m.start);
      const after = this.text.slice(m.end, Math.min(this.text.length, m.end + 60));
      const appositive = /^,\s(?!(?:and|but|or|who|which|that)\b)[^,.;\n]*/.exec(after);
      if ((title.test(before) && plain(before)) || (abbrev && abbrev.test(before)) || (appositive && plain(appositive[0]))) return m;
    }
    return null;
  }
}

/** A qualifier that makes a role another one (`shadow chancellor`, `former president`), right before it. */
const QUALIFIED = /\b(?:shadow|former|ex|deputy|vice|assistant|acting|junior|would-be)[\s-]+(?:\p{L}+\s+){0,2}\p{L}$/iu;

const ROLE_ABBREV: Record<string, RegExp> = {
  senator: /\bSen\.\s*$/,
  governor: /\bGov\.\s*$/,
  representative: /\bRep\.\s*$/,
  congressman: /\bRep\.\s*$/,
  congresswoman: /\bRep\.\s*$/,
  president: /\bPres\.\s*$/,
  secretary: /\bSec\.\s*$/,
};

const ROLE_RES = new Map<string, { re: RegExp; title: RegExp }>();

/** `re` finds the role word; `title` the role directly before a name (`Finance Minister Lena Berg`). */
function roleRegExps(role: string): { re: RegExp; title: RegExp } {
  let r = ROLE_RES.get(role);
  if (!r) {
    const esc = escapeRegExp(role);
    const anyCase = `[${esc[0]!.toUpperCase()}${esc[0]}]${esc.slice(1)}`;
    r = { re: new RegExp(`\\b${esc}`, 'i'), title: new RegExp(`\\b${anyCase}\\.?(?:\\s+\\p{Lu}[\\p{L}.’'-]*)*\\s+$`, 'u') };
    ROLE_RES.set(role, r);
  }
  return r;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lowerBound(xs: readonly number[], x: number): number {
  return partitionPoint(xs.length, (mid) => xs[mid]! < x);
}
