/**
 * The Topics outline as plain data: subjects, then sections, then the entities, quotes and figures
 * inside each section. The editor renders it as a tree view and as document symbols. Labels are
 * plain text (never Markdown); ids are stable and unique; every node knows its parent.
 */
import { plainLabel } from './markdown';
import { formatAmount } from './hover';
import { typeIcon, typeTitle } from './labels';
import { awaitsDecision, isLive, type Annotation } from './sidecar/model';
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
  /** Set on sections built without their children (they come from `TopicTreeBuilder.childrenOf`). */
  lazy?: boolean;
}

export interface TopicFilter {
  kinds?: readonly ('entity' | 'quote' | 'figure')[];
  /** Case-insensitive text that a leaf's label or description must contain. */
  text?: string;
  /** Only annotations that wait for a reviewer (undecided suggestions, disagreements). */
  undecidedOnly?: boolean;
}

/**
 * Who decided on an annotation, for a leaf: a short mark for the description ("✓ Ana", "⚠ disputed")
 * and a sentence for the tooltip. Plain text (the view shows labels as text).
 */
function decisionMark(a: Annotation): { short: string; long: string } {
  if (a.conflict) {
    const c = a.conflict;
    return {
      short: '⚠ disputed',
      long: `Disputed: ${a.status}${a.by ? ` by ${a.by}` : ''} here, ${c.status}${c.by ? ` by ${c.by}` : ''} on the other branch`,
    };
  }
  if (a.status === 'suggested' && a.origin === 'model') return { short: '', long: 'Undecided suggestion' };
  const what = a.origin === 'user' ? 'Added' : a.status === 'accepted' ? 'Accepted' : 'Rejected';
  return { short: a.by ? `✓ ${a.by}` : '✓', long: `${what}${a.by ? ` by ${a.by}` : ''}` };
}

const SUBJECT_ICON = 'tag';

/** Builds the outline from an analysis and the live annotations (rejected ones are left out). */
export function buildTopicTree(analysis: Analysis, annotations: readonly Annotation[], filter: TopicFilter = {}): TopicNode[] {
  return new TopicTreeBuilder(analysis, annotations, filter).roots(false);
}

const KIND_ORDER: Record<string, number> = { entity: 0, quote: 1, figure: 2 };

/**
 * The outline, built in two steps so that a long article's tree view stays fast: {@link roots}
 * gives the subjects and the sections with their counts in one pass; {@link childrenOf} gives a
 * section's names, quotes and figures when the view asks for them.
 */
export class TopicTreeBuilder {
  private readonly live: Annotation[];
  private readonly needle: string;
  private readonly groupName: Map<string, string>;
  private readonly entityIdAt: Map<number, string>;
  /** The annotations inside each section (index in `live`: [from, to)). */
  private readonly ranges: [number, number][] = [];

  constructor(
    private readonly analysis: Analysis,
    annotations: readonly Annotation[],
    private readonly filter: TopicFilter = {},
  ) {
    this.needle = filter.text?.trim().toLowerCase() ?? '';
    this.live = annotations.filter((a) => isLive(a) && (!filter.undecidedOnly || awaitsDecision(a))).sort((a, b) => a.start - b.start);
    this.groupName = new Map(analysis.entityGroups.map((g) => [g.id, g.canonical]));
    this.entityIdAt = new Map(analysis.entities.map((m) => [spanKey(m), m.entityId]));
    // Sections are in text order and do not overlap: walk the annotations once alongside them.
    let cursor = 0;
    for (const sec of analysis.sections) {
      while (cursor < this.live.length && this.live[cursor]!.start < sec.start) cursor++;
      let to = cursor;
      while (to < this.live.length && this.live[to]!.start < sec.end) to++;
      this.ranges.push([cursor, to]);
    }
  }

  private get filtering(): boolean {
    return !!this.needle || !!this.filter.kinds?.length || !!this.filter.undecidedOnly;
  }

  private kindOk(k: 'entity' | 'quote' | 'figure'): boolean {
    return !this.filter.kinds || this.filter.kinds.length === 0 || this.filter.kinds.includes(k);
  }

  private textOk(label: string, description: string): boolean {
    return !this.needle || label.toLowerCase().includes(this.needle) || description.toLowerCase().includes(this.needle);
  }

  /** Top level. `lazy`: sections come without children (see {@link childrenOf}) unless a filter is on. */
  roots(lazy: boolean): TopicNode[] {
    const analysis = this.analysis;
    const roots: TopicNode[] = [];
    if (analysis.subjects.length && !this.filtering) {
      const group: TopicNode = {
        id: 'subjects',
        kind: 'subjects',
        label: 'Subjects',
        description: `${Math.min(analysis.subjects.length, 5)}`,
        tooltip: 'IPTC Media Topics for the whole article, best first',
        icon: 'tag',
        parentId: null,
        children: [],
      };
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
    analysis.sections.forEach((sec, si) => {
      const node: TopicNode = {
        id: `section:${si}:${sec.id}`,
        kind: 'section',
        label: plainLabel(sec.label, 80),
        description: '',
        tooltip: plainLabel(sectionTooltip(sec), 300),
        icon: sec.role === 'headline' ? 'megaphone' : sec.role === 'lede' ? 'book' : 'symbol-namespace',
        start: sec.start,
        end: sec.end,
        parentId: null,
        children: [],
      };
      if (lazy && !this.filtering) {
        node.description = describeCounts(this.counts(si));
        node.lazy = node.description !== '';
      } else {
        node.children = this.childrenOf(node, si);
        const n = { entity: 0, quote: 0, figure: 0 };
        for (const c of node.children) n[c.kind as 'entity' | 'quote' | 'figure']++;
        node.description = describeCounts(n);
        if (this.filtering && !node.children.length && !this.textOk(node.label, '')) return;
      }
      roots.push(node);
    });
    return roots;
  }

  /** Names (distinct referents), quotes and figures in section `si`, without building nodes. */
  private counts(si: number): { entity: number; quote: number; figure: number } {
    const [from, to] = this.ranges[si]!;
    const end = this.analysis.sections[si]!.end;
    const n = { entity: 0, quote: 0, figure: 0 };
    const seen = new Set<string>();
    for (let k = from; k < to; k++) {
      const a = this.live[k]!;
      if (a.end > end) continue;
      if (a.kind !== 'entity') n[a.kind]++;
      else {
        const key = this.entityIdAt.get(spanKey(a)) ?? `${a.type}:${a.entity ?? a.text}`;
        if (!seen.has(key)) {
          seen.add(key);
          n.entity++;
        }
      }
    }
    return n;
  }

  /** The names (one per referent, at its first mention), quotes and figures of a section node. */
  childrenOf(node: TopicNode, si = this.analysis.sections.findIndex((s, i) => node.id === `section:${i}:${s.id}`)): TopicNode[] {
    if (si < 0) return [];
    const [from, to] = this.ranges[si]!;
    const end = this.analysis.sections[si]!.end;
    const out: TopicNode[] = [];
    const seen = new Map<string, TopicNode>();
    const count = new Map<string, number>();
    const marks = new Map<string, string>();
    for (let k = from; k < to; k++) {
      const a = this.live[k]!;
      if (a.end > end) continue;
      if (a.kind === 'entity') {
        if (!this.kindOk('entity')) continue;
        const id = this.entityIdAt.get(spanKey(a));
        const key = id ?? `${a.type}:${a.entity ?? a.text}`;
        const existing = seen.get(key);
        if (existing) {
          const n = (count.get(key) ?? 1) + 1;
          count.set(key, n);
          existing.description = withMark(`${typeTitle(a.type)} ×${n}`, marks.get(key) ?? '');
          continue;
        }
        const name = (id !== undefined ? this.groupName.get(id) : undefined) ?? a.entity ?? a.text;
        const description = typeTitle(a.type);
        const mark = decisionMark(a);
        marks.set(key, mark.short);
        const leaf: TopicNode = {
          id: `${node.id}/e:${a.id}`,
          kind: 'entity',
          label: plainLabel(name, 60),
          description: withMark(description, mark.short),
          tooltip: plainLabel(`${description}: ${name} — ${mark.long} (first mention)`),
          icon: typeIcon(a.type, 'entity'),
          tone: a.type,
          start: a.start,
          end: a.end,
          parentId: node.id,
          children: [],
        };
        seen.set(key, leaf);
      } else if (a.kind === 'quote') {
        if (!this.kindOk('quote')) continue;
        const label = plainLabel(a.text, 60);
        const description = a.speaker ? plainLabel(`— ${a.speaker.name}`, 40) : '— speaker unknown';
        if (!this.textOk(label, description)) continue;
        const sure = (a.confidence ?? 0) >= 0.5 && !!a.speaker;
        const mark = decisionMark(a);
        out.push({
          id: `${node.id}/q:${a.id}`,
          kind: 'quote',
          label,
          description: withMark(description, mark.short),
          tooltip: plainLabel(`${a.text} ${description} — ${mark.long}`, 300),
          icon: 'quote',
          tone: sure ? 'sure' : 'unsure',
          start: a.start,
          end: a.end,
          parentId: node.id,
          children: [],
        });
      } else {
        if (!this.kindOk('figure')) continue;
        const label = plainLabel(a.text, 60);
        const v =
          typeof a.value === 'number'
            ? `${formatAmount(a.value)}${a.unit ? ' ' + a.unit : ''}`
            : typeof a.value === 'string'
              ? a.value
              : '';
        const description = plainLabel(`${typeTitle(a.type)}${v ? ': ' + v : ''}`, 50);
        if (!this.textOk(label, description)) continue;
        const mark = decisionMark(a);
        out.push({
          id: `${node.id}/f:${a.id}`,
          kind: 'figure',
          label,
          description: withMark(description, mark.short),
          tooltip: plainLabel(`${description} — ${mark.long}`, 300),
          icon: typeIcon(a.type, 'figure'),
          tone: a.type,
          start: a.start,
          end: a.end,
          parentId: node.id,
          children: [],
        });
      }
    }
    for (const leaf of seen.values()) if (this.textOk(leaf.label, leaf.description)) out.push(leaf);
    out.sort((x, y) => KIND_ORDER[x.kind]! - KIND_ORDER[y.kind]! || x.start! - y.start!);
    return out;
  }
}

/** A description with a decision mark after it ("Person · ✓ Ana"); the mark is cut, the description kept. */
/** A section's tooltip: its role and label, its subject and its first key phrases. */
function sectionTooltip(sec: Analysis['sections'][number]): string {
  const role = sec.role === 'headline' ? 'Headline' : sec.role === 'lede' ? 'Lede' : 'Section';
  const subject = sec.subject ? ` — ${sec.subject.label}` : '';
  const phrases = sec.keyphrases.length ? ` — ${sec.keyphrases.slice(0, 5).join(', ')}` : '';
  return `${role}: ${sec.label}${subject}${phrases}`;
}
function withMark(description: string, mark: string): string {
  return mark ? `${description} · ${plainLabel(mark, 30)}` : description;
}

/** Span → number key (offsets stay below 2^26, so start·2^26 + end is exact). */
function spanKey(x: { start: number; end: number }): number {
  return x.start * 67108864 + x.end;
}

function describeCounts(n: { entity: number; quote: number; figure: number }): string {
  const parts: string[] = [];
  if (n.entity) parts.push(`${n.entity} ${n.entity === 1 ? 'name' : 'names'}`);
  if (n.quote) parts.push(`${n.quote} ${n.quote === 1 ? 'quote' : 'quotes'}`);
  if (n.figure) parts.push(`${n.figure} ${n.figure === 1 ? 'figure' : 'figures'}`);
  return parts.join(', ');
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
