/**
 * Hover cards: what is under the cursor, explained. The core produces a card in three parts so the
 * editor can keep trust boundaries: `header` and `actions` hold only our own vocabulary (safe to put
 * in a trusted Markdown string with icons and command links), `body` is Markdown in which every piece
 * of article or sidecar text has been escaped (it goes into an untrusted Markdown string).
 */
import { escapeMarkdown } from './markdown';
import type { Annotation } from './sidecar/model';
import type { Analysis, Entity, Figure, FigureRelation, Quote } from './types';

export type HoverAction = 'accept' | 'reject' | 'retype' | 'findMentions';

export interface HoverCard {
  start: number;
  end: number;
  /** Codicon name (our vocabulary only). */
  icon: string;
  /** Kind label, e.g. "Person" (our vocabulary only). */
  title: string;
  /** Escaped Markdown lines. */
  body: string[];
  /** Annotation the actions apply to. */
  annotationId: string | null;
  actions: HoverAction[];
}

export const ENTITY_LABEL: Record<string, { title: string; icon: string }> = {
  PER: { title: 'Person', icon: 'person' },
  ORG: { title: 'Organisation', icon: 'organization' },
  LOC: { title: 'Place', icon: 'location' },
  MISC: { title: 'Other name', icon: 'tag' },
};
export const FIGURE_LABEL: Record<string, { title: string; icon: string }> = {
  money: { title: 'Money', icon: 'credit-card' },
  percent: { title: 'Percentage', icon: 'percentage' },
  quantity: { title: 'Quantity', icon: 'dashboard' },
  count: { title: 'Count', icon: 'list-ordered' },
  date: { title: 'Date', icon: 'calendar' },
  number: { title: 'Number', icon: 'symbol-numeric' },
};

const e = escapeMarkdown;

/** Formats an amount for people: 11000000000 → "11 billion", 12500000 → "12.5 million", 1400 → "1,400". */
export function formatAmount(n: number): string {
  const abs = Math.abs(n);
  const scales: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [v, w] of scales) {
    if (abs >= v) return `${trim(n / v)} ${w}`;
  }
  return Number.isInteger(n) ? n.toLocaleString('en-US') : trim(n);
}

function trim(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

function statusLine(a: Annotation | undefined, confidence?: number): string {
  if (!a) return '';
  const who = a.origin === 'user' ? 'added by you' : a.status === 'suggested' ? `suggested${confidence !== undefined ? ` (${Math.round(confidence * 100)}% sure)` : ''}` : a.status === 'accepted' ? 'accepted' : 'rejected';
  const anchor = a.anchor === 'ok' ? '' : ` · ${a.anchor === 'modified' ? 'text edited since annotated' : a.anchor}`;
  return `_${who[0]!.toUpperCase() + who.slice(1)}${anchor}_`;
}

function entityBody(analysis: Analysis, g: Entity | undefined, ann: Annotation | undefined, mentionText: string): string[] {
  const lines: string[] = [];
  // The user's own link wins over the linker's grouping.
  const canonical = (ann?.entity && (ann.origin === 'user' || ann.status === 'accepted') ? ann.entity : undefined) ?? g?.canonical ?? ann?.entity ?? mentionText;
  lines.push(`**${e(canonical)}**`);
  if (g) {
    const others = g.aliases.filter((x) => x !== canonical);
    if (others.length) lines.push(`Also called: ${others.map((x) => e(x)).join(', ')}`);
    if (g.roles.length) lines.push(`Described as: ${g.roles.slice(0, 3).map((x) => e(x)).join('; ')}`);
    lines.push(`Mentioned ${g.mentions.length} time${g.mentions.length === 1 ? '' : 's'} in this article`);
    const said = analysis.quotes.filter((q) => q.speaker?.entityIds.includes(g.id));
    if (said.length) lines.push(`Quoted: ${said.slice(0, 3).map((q) => e(shorten(q.text, 60))).join(' · ')}${said.length > 3 ? ` and ${said.length - 3} more` : ''}`);
  }
  return lines;
}

function shorten(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function figureBody(f: Figure | undefined, ann: Annotation | undefined, analysis: Analysis, rels: FigureRelation[]): string[] {
  const lines: string[] = [];
  const value = f ? f.value : ann?.value ?? null;
  const unit = f ? f.unit : ann?.unit ?? null;
  const kind = f?.kind ?? ann?.type;
  if (kind === 'date') {
    if (value === null || value === undefined) lines.push(`**Unresolved date**${f?.note ? ` (${e(f.note)})` : ''}`);
    else {
      lines.push(`**${e(String(value))}**${f?.note ? ` (${e(f.note)})` : ''}`);
      const how =
        f?.resolution === 'absolute'
          ? 'stated in the text'
          : f?.resolution === 'article-date'
            ? `resolved against the article date ${e(analysis.articleDate?.value ?? '')}${analysis.articleDate?.source === 'inferred' ? ' (inferred from the text)' : analysis.articleDate?.source === 'dateline' ? ' (from the dateline)' : ''}`
            : f?.resolution === 'file-date'
              ? `resolved against the file date ${e(analysis.articleDate?.value ?? '')} (no date in the text)`
              : '';
      if (how) lines.push(how);
    }
  } else if (typeof value === 'number') {
    lines.push(`**${e(formatAmount(value))}${f?.valueMax !== undefined ? `–${e(formatAmount(f.valueMax))}` : ''}${unit ? ` ${e(unit)}` : ''}**`);
  } else if (value !== null && value !== undefined) {
    lines.push(`**${e(String(value))}**`);
  }
  for (const r of rels) {
    const from = analysis.figures[r.from]!;
    const to = analysis.figures[r.to]!;
    const u = from.unit ? ` ${e(from.unit)}` : '';
    const sign = r.delta >= 0 ? '+' : '−';
    lines.push(
      `Change: ${e(formatAmount(from.value as number))}${u} → ${e(formatAmount(to.value as number))}${u}: ${sign}${e(formatAmount(Math.abs(r.delta)))}${u}${r.percent === null ? '' : ` (${sign}${Math.abs(Math.round(r.percent))}%)`}`,
    );
  }
  return lines;
}

function quoteBody(q: Quote | undefined, ann: Annotation | undefined): string[] {
  const lines: string[] = [];
  const speaker = q?.speaker ?? ann?.speaker ?? null;
  const conf = q?.confidence ?? ann?.confidence ?? 0;
  if (speaker) {
    const mention = q?.speaker ? undefined : ann?.speaker?.text;
    lines.push(`Speaker: **${e(speaker.name)}**${mention && mention !== speaker.name ? ` (“${e(mention)}”)` : ''}`);
    lines.push(`${conf >= 0.75 ? 'Confident' : conf >= 0.5 ? 'Fairly sure' : 'Uncertain'} (${Math.round(conf * 100)}%)${q ? ` · rule: ${e(q.rule)}` : ''}${q?.cue ? ` · cue: “${e(q.cue.text)}”` : ''}`);
  } else {
    lines.push('Speaker: **unknown**');
  }
  return lines;
}

/** Cards for everything under `offset` (innermost last: an entity inside a quote comes after the quote). */
export function hoverCards(analysis: Analysis | null, annotations: readonly Annotation[], offset: number): HoverCard[] {
  const cards: HoverCard[] = [];
  const hits = annotations.filter((a) => a.start <= offset && offset < a.end && a.status !== 'rejected' && a.anchor !== 'orphaned' && a.anchor !== 'ambiguous');
  hits.sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const a of hits) {
    const exactEnt = analysis?.entities.findIndex((m) => m.start === a.start && m.end === a.end) ?? -1;
    if (a.kind === 'entity') {
      const m = exactEnt >= 0 ? analysis!.entities[exactEnt]! : undefined;
      const g = m ? analysis!.entityGroups.find((x) => x.id === m.entityId) : undefined;
      const label = ENTITY_LABEL[a.type] ?? ENTITY_LABEL.MISC!;
      const body = entityBody(analysis!, g, a, a.text);
      const st = statusLine(a, m?.confidence);
      if (st) body.push(st);
      cards.push({ start: a.start, end: a.end, icon: label.icon, title: label.title, body, annotationId: a.id, actions: ['accept', 'reject', 'retype', 'findMentions'] });
    } else if (a.kind === 'figure') {
      const fi = analysis?.figures.findIndex((f) => f.start === a.start && f.end === a.end) ?? -1;
      const f = fi >= 0 ? analysis!.figures[fi] : undefined;
      const rels = analysis ? analysis.figureRelations.filter((r) => r.from === fi || r.to === fi) : [];
      const label = FIGURE_LABEL[a.type] ?? FIGURE_LABEL.number!;
      const body = analysis ? figureBody(f, a, analysis, rels) : [];
      const st = statusLine(a);
      if (st) body.push(st);
      cards.push({ start: a.start, end: a.end, icon: label.icon, title: label.title, body, annotationId: a.id, actions: ['accept', 'reject', 'retype'] });
    } else {
      const q = analysis?.quotes.find((x) => x.start === a.start && x.end === a.end);
      const body = quoteBody(q, a);
      const st = statusLine(a);
      if (st) body.push(st);
      const kind = q?.kind ?? a.type;
      cards.push({ start: a.start, end: a.end, icon: 'quote', title: kind === 'direct' ? 'Quote' : `Quote (${kind})`, body, annotationId: a.id, actions: ['accept', 'reject', 'retype'] });
    }
  }
  return cards;
}
