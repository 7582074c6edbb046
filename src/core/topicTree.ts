/**
 * The Topics outline as plain data: subjects, then sections, then the entities, quotes and figures
 * inside each section. The editor renders it as a tree view and as document symbols. Labels are
 * plain text (never Markdown); ids are stable and unique; every node knows its parent.
 */
import { plainLabel } from './markdown';
import { FIGURE_LABEL, ENTITY_LABEL, formatAmount } from './hover';
import type { Annotation } from './sidecar/model';
import type { Analysis } from './types';

export type TopicNodeKind = 'subjects' | 'subject' | 'section' | 'entity' | 'quote' | 'figure';

export interface TopicNode {
  id: string;
  kind: TopicNodeKind;
  label: string;
  description: string;
  tooltip: string;
  /** Codicon name. */
  icon: string;
  /** Extra icon colour key: the entity type, figure kind or quote confidence class. */
  tone?: string;
  /** Where a click goes (absent for group nodes). */
  start?: number;
  end?: number;
  parentId: string | null;
  children: TopicNode[];
}

export interface TopicFilter {
  kinds?: readonly ('entity' | 'quote' | 'figure')[];
  /** Case-insensitive text that a leaf's label or description must contain. */
  text?: string;
}

const SUBJECT_ICON = 'tag';

/** Builds the outline from an analysis and the live annotations (rejected ones are left out). */
export function buildTopicTree(analysis: Analysis, annotations: readonly Annotation[], filter: TopicFilter = {}): TopicNode[] {
  const roots: TopicNode[] = [];
  const needle = filter.text?.trim().toLowerCase() ?? '';
  const kindOk = (k: 'entity' | 'quote' | 'figure') => !filter.kinds || filter.kinds.length === 0 || filter.kinds.includes(k);
  const textOk = (label: string, description: string) => !needle || label.toLowerCase().includes(needle) || description.toLowerCase().includes(needle);

  if (analysis.subjects.length && !needle && !filter.kinds?.length) {
    const group: TopicNode = { id: 'subjects', kind: 'subjects', label: 'Subjects', description: `${Math.min(analysis.subjects.length, 5)}`, tooltip: 'IPTC Media Topics for the whole article, best first', icon: 'tag', parentId: null, children: [] };
    const top = analysis.subjects[0]!.score || 1;
    for (const s of analysis.subjects.slice(0, 5)) {
      group.children.push({
        id: `subject:${s.code}`,
        kind: 'subject',
        label: plainLabel(s.label),
        description: `${Math.round((100 * s.score) / top)}%`,
        tooltip: plainLabel(`${s.code} — ${s.label}`, 300),
        icon: SUBJECT_ICON,
        parentId: group.id,
        children: [],
      });
    }
    roots.push(group);
  }

  const live = annotations.filter((a) => a.status !== 'rejected' && (a.anchor === 'ok' || a.anchor === 'modified')).sort((a, b) => a.start - b.start);
  // Sections are in text order and do not overlap: walk the annotations once alongside them.
  let cursor = 0;
  const groupName = new Map(analysis.entityGroups.map((g) => [g.id, g.canonical]));
  const entityIdAt = new Map(analysis.entities.map((m) => [`${m.start}:${m.end}`, m.entityId]));
  analysis.sections.forEach((sec, si) => {
    const node: TopicNode = {
      id: `section:${si}:${sec.id}`,
      kind: 'section',
      label: plainLabel(sec.label, 80),
      description: '',
      tooltip: plainLabel(`${sec.role === 'headline' ? 'Headline' : sec.role === 'lede' ? 'Lede' : 'Section'}: ${sec.label}${sec.subject ? ` — ${sec.subject.label}` : ''}${sec.keyphrases.length ? ` — ${sec.keyphrases.slice(0, 5).join(', ')}` : ''}`, 300),
      icon: sec.role === 'headline' ? 'megaphone' : sec.role === 'lede' ? 'book' : 'symbol-namespace',
      start: sec.start,
      end: sec.end,
      parentId: null,
      children: [],
    };
    while (cursor < live.length && live[cursor]!.start < sec.start) cursor++;
    const inside: Annotation[] = [];
    for (let k = cursor; k < live.length && live[k]!.start < sec.end; k++) if (live[k]!.end <= sec.end) inside.push(live[k]!);
    // Entities: one node per referent, at its first mention in the section.
    if (kindOk('entity')) {
      const seen = new Map<string, TopicNode>();
      const count = new Map<string, number>();
      for (const a of inside.filter((x) => x.kind === 'entity')) {
        const key = entityIdAt.get(`${a.start}:${a.end}`) ?? `${a.type}:${a.entity ?? a.text}`;
        const existing = seen.get(key);
        if (existing) {
          const n = (count.get(key) ?? 1) + 1;
          count.set(key, n);
          existing.description = `${ENTITY_LABEL[a.type]?.title ?? a.type} ×${n}`;
          continue;
        }
        const name = (entityIdAt.has(`${a.start}:${a.end}`) ? groupName.get(entityIdAt.get(`${a.start}:${a.end}`)!) : undefined) ?? a.entity ?? a.text;
        const label = plainLabel(name, 60);
        const description = ENTITY_LABEL[a.type]?.title ?? a.type;
        const leaf: TopicNode = { id: `${node.id}/e:${a.id}`, kind: 'entity', label, description, tooltip: plainLabel(`${description}: ${name}`), icon: ENTITY_LABEL[a.type]?.icon ?? 'tag', tone: a.type, start: a.start, end: a.end, parentId: node.id, children: [] };
        seen.set(key, leaf);
      }
      for (const leaf of seen.values()) if (textOk(leaf.label, leaf.description)) node.children.push(leaf);
    }
    if (kindOk('quote')) {
      for (const a of inside.filter((x) => x.kind === 'quote')) {
        const label = plainLabel(a.text, 60);
        const description = a.speaker ? plainLabel(`— ${a.speaker.name}`, 40) : '— speaker unknown';
        if (!textOk(label, description)) continue;
        const sure = (a.confidence ?? 0) >= 0.5 && !!a.speaker;
        node.children.push({ id: `${node.id}/q:${a.id}`, kind: 'quote', label, description, tooltip: plainLabel(`${a.text} ${description}`, 300), icon: 'quote', tone: sure ? 'sure' : 'unsure', start: a.start, end: a.end, parentId: node.id, children: [] });
      }
    }
    if (kindOk('figure')) {
      for (const a of inside.filter((x) => x.kind === 'figure')) {
        const label = plainLabel(a.text, 60);
        const v = typeof a.value === 'number' ? `${formatAmount(a.value)}${a.unit ? ' ' + a.unit : ''}` : typeof a.value === 'string' ? a.value : '';
        const description = plainLabel(`${FIGURE_LABEL[a.type]?.title ?? a.type}${v ? ': ' + v : ''}`, 50);
        if (!textOk(label, description)) continue;
        node.children.push({ id: `${node.id}/f:${a.id}`, kind: 'figure', label, description, tooltip: description, icon: FIGURE_LABEL[a.type]?.icon ?? 'symbol-numeric', tone: a.type, start: a.start, end: a.end, parentId: node.id, children: [] });
      }
    }
    const order: Record<string, number> = { entity: 0, quote: 1, figure: 2 };
    node.children.sort((x, y) => order[x.kind]! - order[y.kind]! || x.start! - y.start!);
    const counts = (['entity', 'quote', 'figure'] as const).map((k) => [k, node.children.filter((c) => c.kind === k).length] as const).filter(([, n]) => n);
    node.description = counts.map(([k, n]) => `${n} ${k === 'entity' ? (n === 1 ? 'name' : 'names') : k === 'quote' ? (n === 1 ? 'quote' : 'quotes') : n === 1 ? 'figure' : 'figures'}`).join(', ');
    if ((needle || filter.kinds?.length) && !node.children.length && !textOk(node.label, '')) return;
    roots.push(node);
  });
  return roots;
}

/** Every node of the tree, depth first. */
export function flattenTree(nodes: readonly TopicNode[]): TopicNode[] {
  const out: TopicNode[] = [];
  const walk = (ns: readonly TopicNode[]) => {
    for (const n of ns) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** The deepest section node containing `offset`, for "follow the cursor". */
export function sectionAt(nodes: readonly TopicNode[], offset: number): TopicNode | undefined {
  return nodes.find((n) => n.kind === 'section' && n.start! <= offset && offset <= n.end!);
}
