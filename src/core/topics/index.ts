/**
 * Topics: whole-article IPTC subjects from curated keyword lists, and a section outline
 * (headline, lede, then runs of paragraphs about the same thing) labelled by their entities.
 */
import { paragraphs } from '../text';
import type { Entity, EntityMention, Figure, Quote, Section, Subject } from '../types';
import { scoreSubjects } from './subjects';
export { scoreSubjects };

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
