/**
 * Hover cards: what is under the cursor, explained, with what the rest of the workspace knows.
 *
 * Trust boundary. A card has three parts: a header (icon, kind and status — our vocabulary only),
 * a body (Markdown in which every piece of article, sidecar, registry or file-name text is escaped),
 * and actions (command links whose labels are our vocabulary and whose arguments are opaque ids and
 * numbers). {@link renderHover} turns cards into parts with the trust each may have: the editor puts
 * bodies in untrusted Markdown strings (no commands, no HTML, no theme icons) and only the action
 * parts in a trusted one restricted to our commands.
 */
import { currencyName } from './figures/currencyNames';
import { commandHref, escapeMarkdown, plainLabel, shorten, shortenMiddle } from './markdown';
import { KNOWN_LINKS, type KnownLink } from './registry';
import { TYPE_LABELS } from './labels';
import { annotationsAt, isLive, type Annotation } from './sidecar/model';
import type { Analysis, Entity, EntityType, Figure } from './types';

export type HoverAction = 'accept' | 'reject' | 'retype' | 'findMentions' | 'otherArticles' | 'describe' | 'openLink' | 'revealSpeaker';
export const HOVER_ACTIONS: readonly HoverAction[] = [
  'accept',
  'reject',
  'retype',
  'findMentions',
  'otherArticles',
  'describe',
  'openLink',
  'revealSpeaker',
];

/** What the workspace knows about an entity (supplied by the editor from the index and registry). */
export interface EntityFacts {
  /** Registry entry, when the registry knows the entity. */
  registry?: { name: string; description?: string; aliases: readonly string[]; links: Readonly<Record<string, string>> };
  /**
   * Other articles of the workspace that mention it: how many, and a few of their labels
   * (untrusted); partial while the index is being built.
   */
  otherArticles: { count: number; sample: readonly string[]; partial?: boolean };
}

export interface HoverContext {
  /** Facts about an entity known in this article as `canonical`. */
  entity?(type: EntityType, canonical: string): EntityFacts | undefined;
}

export interface HoverCard {
  start: number;
  end: number;
  /** Codicon name (our vocabulary only). */
  icon: string;
  /** Kind label, e.g. "Person" (our vocabulary only). */
  title: string;
  /** Status, e.g. "suggested · 80% sure" (our vocabulary and numbers only). */
  badge: string;
  /** Escaped Markdown lines. */
  body: string[];
  /** Annotation the review actions apply to. */
  annotationId: string | null;
  actions: HoverAction[];
  /** The entity the knowledge actions apply to (untrusted text: the editor swaps it for an opaque id). */
  entity?: { type: EntityType; name: string };
  /** Number of other workspace articles mentioning the entity. */
  otherArticles?: number;
  /** Links the registry gives that the editor can open. */
  links?: KnownLink[];
  /** Whether the registry has an entry (the describe action then reads "Edit description"). */
  registered?: boolean;
  /** Where the quote's speaker is named. */
  speakerSpan?: { start: number; end: number };
}

/** The attribution rules of the quote finder, for people (unknown ones are shown by name, escaped). */
const RULE_LABEL: Record<string, string> = {
  'said-after': '“…,” said X',
  'x-said-after': '“…,” X said',
  'colon-intro': 'X said: “…”',
  'comma-intro': 'X said, “…”',
  'according-to': 'according to X',
  'verb-before': 'X said that … “…”',
  'verb-after': 'reporting verb later in the sentence',
  'prev-colon': 'X said: at the end of the previous paragraph',
  'prev-sentence': 'speaker of the previous sentence',
  continuation: 'continues the previous quote',
  subject: 'subject of the sentence',
  possessive: 'whose remark, claim or pledge it is',
  headline: 'the person the headline names',
  'dash-after': '“…” — X',
  'colon-name': 'X: “…”',
  'plural-pronoun': 'they, the people named before',
  pronoun: 'pronoun resolved',
  'same-sentence': 'person in the same sentence',
  nearby: 'nearest person',
  none: 'no speaker found',
};
const CURRENCY_SYMBOL: Record<string, string> = { USD: '$', GBP: '£', EUR: '€', JPY: '¥', INR: '₹' };

const e = escapeMarkdown;

/**
 * Untrusted text in bold. Text with nothing visible left after escaping (only control characters or
 * spaces) is named as such: an empty `****` would render as a horizontal rule.
 */
function bold(s: string, max: number): string {
  const shown = e(s, max);
  return shown ? `**${shown}**` : '**(no visible characters)**';
}

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
  return Number.isInteger(n) ? groupThousands(n) : trim(n);
}

/** 1400 → "1,400" (not `toLocaleString`: its first call loads locale data, ~100 ms, in a hover). */
function groupThousands(n: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function trim(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** A normalized value with its unit for people: "£40 million", "12.5%", "20 million t", "3 pp". Plain text (escape it). */
export function formatValue(value: number, unit: string | null, valueMax?: number): string {
  const amount = formatAmount(value) + (valueMax !== undefined ? `–${formatAmount(valueMax)}` : '');
  if (!unit) return amount;
  if (unit === '%') return `${amount}%`;
  const sym = CURRENCY_SYMBOL[unit];
  if (sym) return `${sym}${amount}`;
  return `${amount} ${unit}`;
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** ` · 80% sure` for a finite model confidence, else nothing. */
function sureness(confidence: number | undefined): string {
  if (confidence === undefined || !Number.isFinite(confidence)) return '';
  return ` · ${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}% sure`;
}

/** The status badge: our vocabulary and numbers only. */
function badgeOf(a: Annotation | undefined, confidence?: number): string {
  if (!a) return '';
  const who =
    a.origin === 'user'
      ? 'added by a reviewer'
      : a.status === 'accepted'
        ? 'accepted'
        : a.status === 'rejected'
          ? 'rejected'
          : a.origin === 'import'
            ? 'imported suggestion'
            : `suggested${sureness(confidence)}`;
  const anchor = a.anchor === 'modified' ? ' · text edited since annotated' : '';
  return who + anchor + (a.conflict ? ' · disputed' : '');
}

function noteLine(a: Annotation | undefined): string | null {
  return a?.note ? `*Your note:* ${e(a.note, 300)}` : null;
}

/** One decision in words: "accepted as ORG by Ana" (the reviewer's name escaped). */
function decisionWords(status: string, type: string | undefined, by: string | undefined): string {
  return `${status}${type ? ` as ${e(type, 12)}` : ''}${by ? ` by ${bold(by, 80)}` : ''}`;
}

/**
 * Who decided, and a disagreement from a merge with both decisions: after the note in every card.
 * Every name is escaped (it comes from the annotation file).
 */
function decisionLines(a: Annotation | undefined, lines: string[]): void {
  if (!a) return;
  const note = noteLine(a);
  if (note) lines.push(note);
  if (a.conflict) {
    const c = a.conflict;
    const typesDiffer = c.type !== undefined && c.type !== a.type;
    const here = decisionWords(a.origin === 'user' ? 'added' : a.status, typesDiffer ? a.type : undefined, a.by);
    const there = decisionWords(c.status, typesDiffer ? c.type : undefined, c.by);
    lines.push(`*Disagreement:* here ${here}; on the other branch ${there} — keep one with the lightbulb (Ctrl+.)`);
  } else if (a.by && (a.status !== 'suggested' || a.origin === 'user')) {
    lines.push(`*Decided by* ${bold(a.by, 80)} (${a.origin === 'user' ? 'added' : a.status})`);
  }
}

/**
 * Lookups into an analysis. Plain scans, no index built per analysis: the analysis is replaced
 * after every pause in typing, and on a 1 MB article (~20,000 annotations) a scan costs a fraction
 * of a millisecond while building maps would cost tens on the first hover after each analysis.
 */
function indexAt<T extends { start: number; end: number }>(list: readonly T[], a: { start: number; end: number }): number {
  for (let i = 0; i < list.length; i++) if (list[i]!.start === a.start && list[i]!.end === a.end) return i;
  return -1;
}

function groupOf(analysis: Analysis, id: string): Entity | undefined {
  for (const g of analysis.entityGroups) if (g.id === id) return g;
  return undefined;
}

function entityCard(a: Annotation, analysis: Analysis | null, annotations: readonly Annotation[], ctx: HoverContext): HoverCard {
  const label = TYPE_LABELS[a.type]?.kind === 'entity' ? TYPE_LABELS[a.type]! : TYPE_LABELS.MISC!;
  const mi = analysis ? indexAt(analysis.entities, a) : -1;
  const m = mi >= 0 ? analysis!.entities[mi] : undefined;
  const g = m ? groupOf(analysis!, m.entityId) : undefined;
  // The user's own link wins over the linker's grouping; a suggestion follows the latest linking.
  const canonical =
    (a.entity && (a.origin === 'user' || a.status === 'accepted') ? a.entity : undefined) ?? g?.canonical ?? a.entity ?? a.text;
  const type = (TYPE_LABELS[a.type]?.kind === 'entity' ? a.type : 'MISC') as EntityType;
  const facts = ctx.entity?.(type, canonical);
  const reg = facts?.registry;
  const lines: string[] = [];

  // Name line: canonical (registry name first), with the role the text gives.
  const shownName = reg?.name ?? canonical;
  const roles = (g?.roles ?? []).filter(plausibleRole);
  const role = roles[0];
  lines.push(`${bold(shownName, 120)}${role ? ` — ${e(role, 80)}` : ''}`);
  // Other names used here.
  const others = new Set<string>();
  if (reg && reg.name !== canonical) others.add(canonical);
  for (const x of g?.aliases ?? []) if (x !== shownName) others.add(x);
  if (!g && a.text !== shownName) others.add(a.text);
  if (others.size)
    lines.push(
      `Also here: ${[...others]
        .slice(0, 4)
        .map((x) => `“${e(x, 60)}”`)
        .join(', ')}${others.size > 4 ? ` and ${others.size - 4} more` : ''}`,
    );
  if (roles.length > 1)
    lines.push(
      `Described as: ${roles
        .slice(1, 3)
        .map((x) => e(x, 60))
        .join('; ')}`,
    );

  // Counts: here, quoted, elsewhere.
  const mentionCount = g
    ? g.mentions.length
    : annotations.filter((x) => x.kind === 'entity' && isLive(x) && x.type === a.type && (x.entity ?? x.text) === canonical).length;
  const said = g ? analysis!.quotes.filter((q) => q.speaker?.entityIds.includes(g.id)) : [];
  const facts1 = [`${plural(mentionCount, 'mention')} here`];
  if (said.length) facts1.push(`quoted ${times(said.length)}`);
  const other = facts?.otherArticles;
  if (other && other.count) {
    // File names: invisible characters revealed first, then cut in the middle so the name's end shows.
    const sample = other.sample.slice(0, 3).map((s) => e(shortenMiddle(plainLabel(s, 1000), 60), 60));
    const list = sample.length ? `: ${sample.join(', ')}${other.count > sample.length ? ', …' : ''}` : '';
    facts1.push(`in ${other.partial ? 'at least ' : ''}${plural(other.count, 'other article')}${list}`);
  } else if (other) facts1.push(other.partial ? 'in no other article so far (indexing)' : 'in no other article');
  lines.push(facts1.join(' · '));
  // Plain lines, not a Markdown list: a list would swallow the lines after it.
  for (const q of said.slice(0, 2)) lines.push(`› “${e(shorten(stripQuotes(q.text), 90), 100)}”`);
  if (said.length > 2) lines.push(`› and ${plural(said.length - 2, 'more quote')}`);

  if (reg) {
    const bits: string[] = [];
    if (reg.description) bits.push(e(reg.description, 300));
    const links = Object.keys(reg.links).sort();
    if (links.length)
      bits.push(
        `(${links
          .slice(0, 4)
          .map((k) => `${e(k, 32)} ${e(reg.links[k]!, 80)}`)
          .join(', ')})`,
      );
    lines.push(`*Registry:* ${bits.length ? bits.join(' ') : 'no description yet'}`);
  }
  decisionLines(a, lines);

  const actions: HoverAction[] = ['accept', 'reject', 'retype', 'findMentions'];
  const links = reg ? KNOWN_LINKS.filter((k) => reg.links[k] !== undefined) : [];
  if (other && other.count) actions.push('otherArticles');
  actions.push('describe');
  if (links.length) actions.push('openLink');
  const card: HoverCard = {
    start: a.start,
    end: a.end,
    icon: label.icon,
    title: label.title,
    badge: badgeOf(a, m?.confidence),
    body: lines,
    annotationId: a.id,
    actions,
    entity: { type, name: canonical },
    registered: !!reg,
  };
  if (other) card.otherArticles = other.count;
  if (links.length) card.links = links;
  return card;
}

/** A role phrase worth showing: short, one clause ("U.S. President", "Council leader"). */
function plausibleRole(r: string): boolean {
  return (
    r.length <= 48 &&
    r.split(/\s+/).length <= 5 &&
    /^(?:\p{Lu}|(?:former|acting|then|deputy|vice|outgoing|incoming)\s)/u.test(r) &&
    !/[.!?;:"“”]\s|[,;:"“”]/.test(r.replace(/\b[A-Z]\.(?=[A-Z]\.|\s|$)/g, ''))
  );
}

function stripQuotes(s: string): string {
  return s.replace(/^["“‘'«]+|["”’'»]+$/g, '').replace(/[,;:]$/, '');
}

function figureCard(a: Annotation, analysis: Analysis | null): HoverCard {
  const label = TYPE_LABELS[a.type]?.kind === 'figure' ? TYPE_LABELS[a.type]! : TYPE_LABELS.number!;
  const fi = analysis ? indexAt(analysis.figures, a) : -1;
  const f: Figure | undefined = fi >= 0 ? analysis!.figures[fi] : undefined;
  const lines: string[] = [];
  const value = f ? f.value : (a.value ?? null);
  const unit = f ? f.unit : (a.unit ?? null);
  const written = `written “${e(a.text, 60)}”`;
  const asWritten = (shown: string) => (shown === a.text.trim() ? '' : ` · ${written}`);
  if (a.type === 'date' || f?.kind === 'date') {
    if (value === null || value === undefined || value === '') lines.push(`**Unresolved date** · ${written}`);
    else lines.push(`${bold(String(value), 40)}${asWritten(String(value))}`);
    const how =
      f?.resolution === 'absolute'
        ? 'stated in the text'
        : f?.resolution === 'article-date'
          ? `resolved against ${againstArticleDate(analysis?.articleDate)}`
          : f?.resolution === 'file-date'
            ? `resolved against the file date ${e(analysis?.articleDate?.value ?? '', 20)} (no date in the text)`
            : f?.resolution === 'unresolved'
              ? 'not resolved: it would need a guess'
              : '';
    if (how || f?.note) lines.push(`How: ${how}${how && f?.note ? '; ' : ''}${f?.note ? e(f.note, 100) : ''}`);
  } else if (f?.kind === 'money' && f.noAmount) {
    lines.push(`Currency: ${currencyNamed(f)} — no amount · ${written}`);
    moneyLines(f, lines);
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    const shown = (f?.approximate ? '≈ ' : '') + formatValue(value, unit, f?.valueMax);
    const cur = f?.currency;
    const ambiguous =
      cur?.basis === 'ambiguous'
        ? ` (${
            cur.candidates?.length
              ? cur.candidates
                  .slice(0, 4)
                  .map((c) => e(c, 8))
                  .join(' or ')
              : 'currency'
          }?)`
        : '';
    lines.push(`${bold(shown, 80)}${unit && CURRENCY_SYMBOL[unit] ? ` (${e(unit, 8)})` : ambiguous}${asWritten(shown)}`);
    if (f?.kind === 'money') moneyLines(f, lines);
  } else if (value !== null && value !== undefined && value !== '') {
    lines.push(`${bold(String(value), 80)}${asWritten(String(value))}`);
  } else {
    lines.push(written[0]!.toUpperCase() + written.slice(1));
  }
  for (const r of fi >= 0 ? analysis!.figureRelations.filter((x) => x.from === fi || x.to === fi) : []) {
    const from = analysis!.figures[r.from];
    const to = analysis!.figures[r.to];
    if (!from || !to || typeof from.value !== 'number' || typeof to.value !== 'number') continue;
    const sign = r.delta >= 0 ? '+' : '−';
    const percent = r.percent === null ? '' : ` (${sign}${Math.abs(Math.round(r.percent))}%)`;
    const delta = `${sign}${e(formatValue(Math.abs(r.delta), from.unit))}${percent}`;
    const change = `${e(formatValue(from.value, from.unit))} → ${e(formatValue(to.value, to.unit))}: ${delta}`;
    lines.push(`${r.to === fi ? 'Changed from' : 'Changes to'}: ${change}`);
  }
  decisionLines(a, lines);
  return {
    start: a.start,
    end: a.end,
    icon: label.icon,
    title: label.title,
    badge: badgeOf(a),
    body: lines,
    annotationId: a.id,
    actions: ['accept', 'reject', 'retype'],
  };
}

/** `**US dollar** (USD)`, `**Bitcoin** (BTC)`, or for an ambiguous one the candidates (`**AUD or USD?**`). */
function currencyNamed(f: Figure): string {
  if (!f.unit) {
    const c = f.currency?.candidates ?? [];
    return c.length ? bold(`${c.slice(0, 4).join(' or ')}?`, 40) : '**unknown**';
  }
  const name = currencyName(f.unit);
  return name ? `${bold(name, 60)} (${e(f.unit, 8)})` : bold(f.unit, 8);
}

/** The article date a date was resolved against, and how it was found (from the text, or the dateline). */
function againstArticleDate(date: { value: string; source: string } | null | undefined): string {
  const origin = date?.source === 'inferred' ? ' (inferred from the text)' : date?.source === 'dateline' ? ' (from the dateline)' : '';
  return `the article date ${e(date?.value ?? '', 20)}${origin}`;
}

/** Money: other renderings in brackets, how vague it is, how its currency was read, a unit that is no ISO code. */
function moneyLines(f: Figure, lines: string[]): void {
  if (f.nonIso && f.unit) {
    const name = f.noAmount ? '' : ` (${e(currencyName(f.unit) ?? f.unit, 40)})`;
    lines.push(`${e(f.unit, 8)} is a cryptocurrency${name}, not an ISO 4217 currency code`);
  }
  for (const q of (f.equivalents ?? []).slice(0, 3)) {
    if (typeof q.value !== 'number' || !Number.isFinite(q.value)) continue;
    const amount = (q.approximate ? '≈ ' : '') + formatValue(q.value, q.unit, q.valueMax);
    const cur =
      q.currency?.basis === 'ambiguous'
        ? ` (${(q.currency.candidates ?? [])
            .slice(0, 4)
            .map((c) => e(c, 8))
            .join(' or ')}?)`
        : q.unit && CURRENCY_SYMBOL[q.unit]
          ? ` (${e(q.unit, 8)})`
          : '';
    lines.push(`Same amount: ${e(amount, 60)}${cur} · written “${e(q.text, 40)}”`);
  }
  if (f.approximate)
    lines.push(
      f.note === 'at least'
        ? 'At least this amount'
        : f.valueMax !== undefined
          ? 'Vague amount: the range is its order of magnitude'
          : 'Approximate amount',
    );
  const cur = f.currency;
  if (cur?.basis === 'ambiguous')
    lines.push(
      `Currency ambiguous${
        cur.candidates?.length
          ? `: ${cur.candidates
              .slice(0, 6)
              .map((c) => e(c, 8))
              .join(', ')}`
          : ''
      }${cur.evidence ? ` — ${e(cur.evidence, 140)}` : ''}`,
    );
  else if (cur) {
    const basis = cur.basis === 'default' ? 'the usual reading of how it is written' : 'from the article';
    lines.push(`Currency ${e(f.unit ?? '', 8)}: ${basis}${cur.evidence ? ` — ${e(cur.evidence, 140)}` : ''}`);
  }
}

function quoteCard(a: Annotation, analysis: Analysis | null): HoverCard {
  const qi = analysis ? indexAt(analysis.quotes, a) : -1;
  const q = qi >= 0 ? analysis!.quotes[qi] : undefined;
  const lines: string[] = [];
  const speaker = q?.speaker ?? a.speaker ?? null;
  const conf = q?.confidence ?? a.confidence ?? 0;
  let speakerSpan: { start: number; end: number } | undefined;
  if (speaker) {
    const mention = q?.speaker ? analysis!.text.slice(q.speaker.start, q.speaker.end) : a.speaker?.text;
    const ids = q?.speaker?.entityIds ?? [];
    if (ids.length > 1) {
      // A group (`the two leaders`): its own label, the members after it, no one member's role.
      const label = mention && /^\p{Ll}/u.test(mention.trim()) && mention !== speaker.name ? mention.trim() : null;
      lines.push(label ? `Speaker: ${bold(label, 100)} (${e(speaker.name, 120)})` : `Speaker: ${bold(speaker.name, 120)}`);
    } else {
      const g = ids.length ? groupOf(analysis!, ids[0]!) : undefined;
      const role = g?.roles.find(plausibleRole);
      const written = mention && mention !== speaker.name ? ` (“${e(mention, 60)}”)` : '';
      lines.push(`Speaker: ${bold(speaker.name, 100)}${written}${role ? ` — ${e(role, 60)}` : ''}`);
    }
    if (speaker.end > speaker.start) speakerSpan = { start: speaker.start, end: speaker.end };
  } else lines.push('Speaker: **unknown**');
  const sure = conf >= 0.75 ? 'confident' : conf >= 0.5 ? 'fairly sure' : 'uncertain';
  const bits = [`Attribution ${sure} (${Math.round(Math.min(1, Math.max(0, conf)) * 100)}%)`];
  if (q) bits.push(`rule: ${RULE_LABEL[q.rule] ? RULE_LABEL[q.rule]! : e(q.rule, 40)}`);
  if (q?.cue) bits.push(`cue “${e(q.cue.text, 30)}”`);
  lines.push(bits.join(' · '));
  decisionLines(a, lines);
  const kind = q?.kind ?? a.type;
  const card: HoverCard = {
    start: a.start,
    end: a.end,
    icon: 'quote',
    title: TYPE_LABELS[kind]?.kind === 'quote' ? TYPE_LABELS[kind]!.title : 'Quote',
    badge: badgeOf(a),
    body: lines,
    annotationId: a.id,
    actions: speakerSpan ? ['accept', 'reject', 'retype', 'revealSpeaker'] : ['accept', 'reject', 'retype'],
  };
  if (speakerSpan) card.speakerSpan = speakerSpan;
  return card;
}

export function hoverCards(
  analysis: Analysis | null,
  annotations: readonly Annotation[],
  offset: number,
  ctx: HoverContext = {},
  opts: { includeRejected?: boolean } = {},
): HoverCard[] {
  return annotationsAt(annotations, offset, opts).map((a) =>
    a.kind === 'entity'
      ? entityCard(a, analysis, annotations, ctx)
      : a.kind === 'figure'
        ? figureCard(a, analysis)
        : quoteCard(a, analysis),
  );
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** One Markdown string of a hover, with the trust the editor must give it. */
export interface HoverPart {
  role: 'header' | 'body' | 'actions';
  markdown: string;
  /** Only `actions` parts are trusted, and only for `enabledCommands`. */
  trusted: boolean;
  themeIcons: boolean;
  enabledCommands: string[];
}

export interface RenderOptions {
  /** Opaque id of the document (never its URI or name). */
  doc: string;
  /** Opaque id for an entity (the editor remembers what it stands for). */
  entityRef(type: EntityType, name: string): string;
  /** Command id per action. */
  commands: Record<HoverAction, string>;
}

const LINK_LABEL: Record<KnownLink, string> = { wikidata: 'Wikidata', wikipedia: 'Wikipedia', website: 'Website' };

/** Renders cards into hover parts: per card a header, an escaped body, and a trusted line of actions. */
export function renderHover(cards: readonly HoverCard[], o: RenderOptions): HoverPart[] {
  const parts: HoverPart[] = [];
  for (const card of cards) {
    parts.push({
      role: 'header',
      markdown: `$(${card.icon}) **${card.title}**${card.badge ? ` · ${card.badge}` : ''}`,
      trusted: false,
      themeIcons: true,
      enabledCommands: [],
    });
    if (card.body.length)
      parts.push({ role: 'body', markdown: card.body.join('  \n'), trusted: false, themeIcons: false, enabledCommands: [] });
    const review: string[] = [];
    const knowledge: string[] = [];
    const used = new Set<string>();
    const link = (icon: string, label: string, action: HoverAction, args: unknown) => {
      const command = o.commands[action];
      used.add(command);
      return `[$(${icon}) ${label}](${commandHref(command, [args])})`;
    };
    const target = card.annotationId ? { doc: o.doc, id: card.annotationId } : null;
    const ref = card.entity ? o.entityRef(card.entity.type, card.entity.name) : null;
    for (const a of card.actions) {
      if ((a === 'accept' || a === 'reject' || a === 'retype' || a === 'findMentions') && !target) continue;
      if ((a === 'otherArticles' || a === 'describe' || a === 'openLink') && !ref) continue;
      switch (a) {
        case 'accept':
          review.push(link('check', 'Accept', a, target));
          break;
        case 'reject':
          review.push(link('close', 'Reject', a, target));
          break;
        case 'retype':
          review.push(link('symbol-enum', 'Change type', a, target));
          break;
        case 'findMentions':
          review.push(link('references', 'All mentions', a, target));
          break;
        case 'revealSpeaker':
          if (card.speakerSpan)
            review.push(link('person', 'Go to speaker', a, { doc: o.doc, start: card.speakerSpan.start, end: card.speakerSpan.end }));
          break;
        case 'otherArticles':
          knowledge.push(
            link('files', `${card.otherArticles ?? 0} other ${card.otherArticles === 1 ? 'article' : 'articles'}`, a, { entity: ref }),
          );
          break;
        case 'describe':
          knowledge.push(link('book', card.registered ? 'Edit description' : 'Describe', a, { entity: ref }));
          break;
        case 'openLink':
          for (const k of card.links ?? []) knowledge.push(link('link-external', LINK_LABEL[k], a, { entity: ref, link: k }));
          break;
      }
    }
    const lines = [review, knowledge].filter((l) => l.length).map((l) => l.join(' &nbsp; '));
    if (lines.length)
      parts.push({ role: 'actions', markdown: lines.join('  \n'), trusted: true, themeIcons: true, enabledCommands: [...used].sort() });
  }
  return parts;
}
