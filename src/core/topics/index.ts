/**
 * Topics: whole-article IPTC subjects from curated keyword lists, and a section outline
 * (headline, lede, then runs of paragraphs about the same thing) labelled by their entities.
 */
import { paragraphs } from '../text';
import type { Entity, EntityMention, Figure, Quote, Section, Subject } from '../types';
import { IPTC_TOP } from './iptc';

/** Curated keywords per top-level subject (lower case; a trailing `*` matches any ending). */
const KEYWORDS: Record<string, string> = {
  'medtop:01000000': 'film* music* album* actor* actress* singer* band festival* theatre* novel* oscar* award* tv television show* star* celebrity comedy drama art artist* museum* book*',
  'medtop:02000000': 'police crime* court* trial judge* jail* prison* murder* arrest* charged lawyer* convicted sentence*',
  'medtop:03000000': 'earthquake* flood* fire* crash* accident* disaster* rescue* victims hurricane*',
  'medtop:04000000': 'econom* market* trade* tariff* export* import* purchase* deal* company companies business* bank* shares profit* sales price* investor* growth inflation soybean* aircraft oil energy firm* billion million deliveries commercial',
  'medtop:05000000': 'school* universit* student* teacher* education* exam*',
  'medtop:06000000': 'climate emission* pollution environment* wildlife carbon',
  'medtop:07000000': 'health* hospital* doctor* patient* disease* virus* vaccine* nhs medical',
  'medtop:09000000': 'strike* union* wage* worker* employment unemployment job* labour labor',
  'medtop:11000000': 'president* minister* government* election* vote* party parties parliament* senate congress diplomat* relations policy political politic* talks leader* summit sanction*',
  'medtop:12000000': 'church* religio* muslim* christian* pope faith',
  'medtop:13000000': 'technolog* software internet computer* mobile phone* digital science* scientist* research* ai',
  'medtop:15000000': 'match* game* team* player* coach* league* cup champion* goal* season* win* tournament* olympic* football rugby tennis cricket',
  'medtop:16000000': 'war military army arms troops weapon* attack* conflict* tension* missile* defence* defense* unrest crackdown',
  'medtop:17000000': 'weather rain* storm* snow* temperature* forecast*',
};

interface Matcher {
  code: string;
  exact: Set<string>;
  prefixes: string[];
}
const MATCHERS: Matcher[] = Object.entries(KEYWORDS).map(([code, words]) => {
  const list = words.split(' ');
  return { code, exact: new Set(list.filter((w) => !w.endsWith('*'))), prefixes: list.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1)) };
});

/** Scores every subject on a span of text; returns subjects with a positive score, best first. */
export function scoreSubjects(text: string): Subject[] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    total++;
    for (const m of MATCHERS) {
      if (m.exact.has(w) || m.prefixes.some((p) => w.startsWith(p))) counts.set(m.code, (counts.get(m.code) ?? 0) + 1);
    }
  }
  const out: Subject[] = [];
  for (const t of IPTC_TOP) {
    const c = counts.get(t.code) ?? 0;
    if (c > 0) out.push({ code: t.code, label: t.label, score: Math.round((1000 * c) / Math.max(total, 1)) / 1000 });
  }
  return out.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
}

export interface TopicInput {
  entities: readonly EntityMention[];
  groups: readonly Entity[];
  figures: readonly Figure[];
  quotes: readonly Quote[];
}

/** Subjects of the whole article and its sections. */
export function analyzeTopics(text: string, input: TopicInput): { subjects: Subject[]; sections: Section[] } {
  const subjects = scoreSubjects(text);
  const paras = paragraphs(text);
  const sections: Section[] = [];
  paras.forEach((p, i) => {
    const role: Section['role'] = i === 0 && paras.length > 1 && p.end - p.start < 200 && !/\n/.test(text.slice(p.start, p.end)) ? 'headline' : sections.some((s) => s.role === 'lede') || i > 1 ? 'body' : 'lede';
    const inside = input.entities.filter((m) => m.start >= p.start && m.end <= p.end && m.type !== 'MISC');
    const freq = new Map<string, number>();
    for (const m of inside) freq.set(m.entityId, (freq.get(m.entityId) ?? 0) + 1);
    const names = [...freq.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([id]) => input.groups.find((g) => g.id === id)?.canonical ?? id);
    const label = role === 'headline' ? text.slice(p.start, p.end) : names.length ? names.join(', ') : text.slice(p.start, Math.min(p.end, p.start + 40));
    const subj = scoreSubjects(text.slice(p.start, p.end))[0] ?? null;
    sections.push({ id: `s${i}`, start: p.start, end: p.end, label, role, subject: subj, keyphrases: [] });
  });
  return { subjects, sections };
}
