/**
 * Who the sources are: every quote of a set of articles with its speaker, the role the text gives
 * them ("union secretary", "Transport Minister"), the organisations they speak for, and whether the
 * attribution is certain — then grouped by speaker across the articles, with the counts an editor
 * audits (quotes, articles, organisation types, weeks).
 *
 * All text here comes from articles and is untrusted: the editor shows it as plain text (tree
 * labels, `textContent` in the chart), the CLI writes it as JSON strings or CSV cells that a
 * spreadsheet will not read as formulas.
 */
import type { Annotation, Status } from '../sidecar/model';
import type { Analysis, Entity, EntityMention } from '../types';

/**
 * A speaker's kind: a person, an organisation, a place (a government by its capital), another name, or
 * a phrase the text uses ("the Chinese readout").
 */
export type SpeakerType = 'PER' | 'ORG' | 'LOC' | 'MISC' | 'other';

/** What a source speaks for, read from organisation names and roles. */
export type OrgType =
  | 'government'
  | 'politics'
  | 'business'
  | 'union'
  | 'academia'
  | 'justice'
  | 'international'
  | 'media'
  | 'sport'
  | 'civil society'
  | 'none';
export const ORG_TYPES: readonly OrgType[] = [
  'government',
  'politics',
  'business',
  'union',
  'academia',
  'justice',
  'international',
  'media',
  'sport',
  'civil society',
  'none',
];
export const ORG_TYPE_LABEL: Record<OrgType, string> = {
  government: 'Government and officials',
  politics: 'Parties and politicians',
  business: 'Companies and business',
  union: 'Unions and associations',
  academia: 'Universities and research',
  justice: 'Police, courts and military',
  international: 'International bodies and NGOs',
  media: 'Media',
  sport: 'Sport',
  'civil society': 'Campaigners and residents',
  none: 'No affiliation given',
};

/** One quote of one article, with who said it. */
export interface SourceQuote {
  /** The article (a path or name, as the caller gives it). */
  article: string;
  /** The article's date (`YYYY-MM-DD`), when known. */
  date: string | null;
  start: number;
  end: number;
  text: string;
  /** The speaker's resolved name; null when the quote has no speaker. */
  speaker: string | null;
  speakerType: SpeakerType;
  /** How the text refers to the speaker here ("union secretary Giulia Ferraro", "she"). */
  mention: string | null;
  roles: string[];
  organisations: string[];
  confidence: number;
  status: Status;
  /** Who accepted it, when a reviewer did. */
  by?: string;
  /** Accepted by a reviewer, or attributed with confidence (≥ {@link CERTAIN_AT}). */
  certain: boolean;
}

/** Attribution confidence from which a quote's speaker counts as certain (the hover's "confident"). */
export const CERTAIN_AT = 0.75;

const DETERMINERS = /^(?:the|a|an|his|her|its|their|our|my|your)\s+/i;
/** A day or month the sentence starts with ("Tuesday Foreign Secretary Jack Straw"). */
const LEADING_TIME = new RegExp(
  '^(?:on\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|' +
    'april|may|june|july|august|september|october|november|december)\\s+',
  'i',
);
/** Courtesy titles, not roles ("Mr Kerr", "Lord Woolf"). */
const TITLES = /(?:^|[\s,]+)(?:mr|mrs|ms|miss|mx|dr|sir|dame|lord|lady|baroness|baron|madam|mister)\.?$/i;
/**
 * Words a role names a job or position with (one of them must be in a role: "union secretary",
 * "regional organiser", "Energy Minister"; not "Tony", "Thursday", "interview").
 */
const ROLE_WORDS = new Set(
  (
    'president premier chancellor minister secretary senator congressman congresswoman representative governor mayor ' +
    'ambassador envoy consul commissioner chairman chairwoman chair chief ceo executive director spokesman spokeswoman ' +
    'spokesperson speaker leader judge justice prosecutor attorney king queen prince princess general admiral colonel ' +
    'commander officer coach manager captain striker midfielder defender goalkeeper founder owner analyst economist editor ' +
    'correspondent reporter professor lecturer researcher lawyer adviser advisor aide deputy head boss mp mep lawmaker ' +
    'councillor organiser organizer member official campaigner activist resident trustee treasurer convenor steward inspector ' +
    'superintendent constable sergeant detective surgeon doctor nurse teacher headteacher principal dean chancellor-elect ' +
    'president-elect vice-president chief-executive host presenter author partner consultant engineer scientist farmer herder ' +
    'backbencher whip candidate'
  ).split(' '),
);
/** Nouns that name an organisation's kind inside a role ("Council leader", "union secretary"). */
const ORG_NOUNS = new RegExp(
  '\\b(council|union|ministry|company|police|university|board|commission|agency|department|' +
    'authority|association|federation|trust|club|court)\\b',
  'i',
);

function spanKey(start: number, end: number): string {
  return `${start}:${end}`;
}

/** A role phrase worth listing: a few words, one of them a job or position, no clause. */
function plausibleRole(r: string): boolean {
  const w = r.split(/\s+/).filter(Boolean);
  if (!w.some((x) => ROLE_WORDS.has(x.toLowerCase().replace(/[’']s$|[,.]$/gu, '')))) return false;
  // A full stop inside ends a sentence, unless it is an abbreviation ("U.S. President").
  const unabbreviated = r
    .replace(/\b(?:\p{Lu}\.){2,}/gu, 'X')
    .replace(/\b(?:Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Sgt|St|Dr|Prof)\.(?=\s)/g, 'X');
  return (
    r.length >= 2 &&
    r.length <= 60 &&
    w.length <= 8 &&
    !/[!?;"“”]|\.(?:\s|$)/.test(unabbreviated) &&
    !/^(?:who|which|that|he|she|they|it)\b/i.test(r)
  );
}

/** Roles without those another one already says ("leader" beside "Council leader"). */
function distinctRoles(roles: readonly string[]): string[] {
  const low = roles.map((r) => r.toLowerCase());
  return roles.filter(
    (_, i) => !low.some((o, j) => j !== i && o.length > low[i]!.length && (o.endsWith(' ' + low[i]) || o.startsWith(low[i]! + ' '))),
  );
}

/** The role in a speaker mention: "their group leader, Tom Hargreaves" → "group leader". */
function roleInMention(mention: string, group: Entity | undefined): string | null {
  if (!group) return null;
  const names = [group.canonical, ...group.aliases].sort((a, b) => b.length - a.length);
  let rest: string | null = null;
  for (const n of names) {
    if (n && mention.endsWith(n) && mention.length > n.length) {
      rest = mention.slice(0, mention.length - n.length);
      break;
    }
  }
  if (rest === null) return null;
  rest = rest.replace(/[\s,:–—-]+$/u, '');
  while (TITLES.test(rest)) rest = rest.replace(TITLES, '').replace(/[\s,:–—-]+$/u, '');
  rest = rest.replace(DETERMINERS, '').replace(LEADING_TIME, '').trim();
  return rest && plausibleRole(rest) ? rest : null;
}

/** Organisation mentions of an analysis, in text order. */
function orgMentions(analysis: Analysis): EntityMention[] {
  return analysis.entities.filter((m) => m.type === 'ORG');
}

/** The organisation names a role or mention contains ("economist at the University of Bologna"). */
function orgsNamedIn(phrase: string, orgNames: readonly string[]): string[] {
  return orgNames.filter((n) => n.length > 1 && phrase.includes(n));
}

/**
 * The quotes of one article with their sources. Rejected quotes are left out; a quote the reviewer
 * accepted is certain. The speaker, roles and organisations come from the analysis (the quote at
 * the same span), else from what the annotation file stores.
 */
export function articleSourceQuotes(article: string, analysis: Analysis, annotations: readonly Annotation[]): SourceQuote[] {
  const text = analysis.text;
  const quotes = new Map(analysis.quotes.map((q) => [spanKey(q.start, q.end), q]));
  const groups = new Map(analysis.entityGroups.map((g) => [g.id, g]));
  const orgs = orgMentions(analysis);
  const orgNameOf = (m: EntityMention) => groups.get(m.entityId)?.canonical ?? m.text;
  const orgNames = [...new Set(orgs.map(orgNameOf))];
  const out: SourceQuote[] = [];
  for (const a of annotations) {
    if (a.kind !== 'quote' || a.status === 'rejected' || (a.anchor !== 'ok' && a.anchor !== 'modified')) continue;
    const q = quotes.get(spanKey(a.start, a.end));
    const sp = q?.speaker ?? null;
    const stored = a.speaker ?? null;
    const speakerName = sp?.name ?? stored?.name ?? null;
    const mention = sp ? text.slice(sp.start, sp.end) : (stored?.text ?? null);
    const members = (sp?.entityIds ?? []).map((id) => groups.get(id)).filter((g): g is Entity => !!g);
    const single = members.length === 1 ? members[0] : undefined;
    const speakerType: SpeakerType = single ? single.type : 'other';
    const roles: string[] = [];
    const addRole = (r: string | null | undefined) => {
      if (r && plausibleRole(r) && !roles.some((x) => x.toLowerCase() === r.toLowerCase())) roles.push(r);
    };
    if (mention) addRole(roleInMention(mention, single));
    for (const r of single?.roles ?? []) addRole(r);
    roles.splice(0, roles.length, ...distinctRoles(roles));
    const organisations: string[] = [];
    const addOrg = (o: string) => {
      if (!organisations.includes(o)) organisations.push(o);
    };
    if (single?.type === 'ORG') addOrg(single.canonical);
    for (const phrase of roles) for (const o of orgsNamedIn(phrase, orgNames)) if (o !== speakerName) addOrg(o);
    if (single?.type === 'PER' && !organisations.length && sp) {
      // "Its regional organiser, Dave Kerr": the organisation named last before the mention.
      const possessive = /^(?:its|their)\b/i.test(mention ?? '');
      // "Council leader Fiona McLeod": the one organisation of that kind the article names.
      const noun = roles.map((r) => ORG_NOUNS.exec(r)?.[1]?.toLowerCase()).find(Boolean);
      const before = orgs.filter((m) => m.end <= sp.start);
      if (possessive && before.length) addOrg(orgNameOf(before[before.length - 1]!));
      else if (noun) {
        const named = orgNames.filter((n) => new RegExp(`\\b${noun}\\b`, 'i').test(n));
        if (named.length === 1) addOrg(named[0]!);
      }
    }
    const confidence = q?.confidence ?? a.confidence ?? 0;
    const accepted = a.status === 'accepted';
    const sq: SourceQuote = {
      article,
      date: analysis.articleDate?.value ?? null,
      start: a.start,
      end: a.end,
      text: a.text,
      speaker: speakerName,
      speakerType,
      mention,
      roles,
      organisations,
      confidence,
      status: a.status,
      certain: !!speakerName && (accepted || confidence >= CERTAIN_AT),
    };
    if (accepted && a.by) sq.by = a.by;
    out.push(sq);
  }
  return out;
}

/** A speaker across the articles. */
export interface Source {
  /** Stable key: the speaker type and name. */
  key: string;
  name: string;
  type: SpeakerType;
  quotes: number;
  articles: number;
  roles: string[];
  organisations: string[];
  orgType: OrgType;
  /** Quotes whose attribution is certain, and the others. */
  certain: number;
  uncertain: number;
  /** The quotes, by article then position. */
  items: SourceQuote[];
}

const ORG_TYPE_RULES: [OrgType, RegExp][] = [
  [
    'international',
    new RegExp(
      '\\b(united nations|u\\.n\\.|unicef|unesco|world bank|imf|international monetary fund|' +
        'world health organi[sz]ation|european union|nato|red cross|amnesty|human rights watch|' +
        'greenpeace|oxfam|ngo|charity|foundation|development bank)\\b',
      'i',
    ),
  ],
  ['academia', /\b(university|universities|professor|lecturer|researcher|institute|college|school|academy|think tank|economist at)\b/i],
  ['union', /\b(union|unison|federation|association|confederation|guild|chamber of|syndicate|organiser|organizer)\b/i],
  ['media', /\b(newspaper|broadcaster|reporter|journalist|correspondent|editor|television|radio|magazine|news agency)\b/i],
  [
    'politics',
    new RegExp(
      '\\b(party|democrats?|republicans?|conservatives?|tory|tories|labour|lib dems?|liberals?|ukip|' +
        'senator|congressman|congresswoman|lawmaker|mp|mep|backbencher|shadow|opposition|candidate|councillors?)\\b',
      'i',
    ),
  ],
  [
    'government',
    new RegExp(
      '\\b(minister|ministry|government|department|president|prime minister|premier|chancellor|' +
        'secretary|governor|mayor|council|cabinet|treasury|downing street|agency|authority|regulator|' +
        'commission|commissioner|embassy|ambassador|officials?|white house|kremlin|readout|state department)\\b',
      'i',
    ),
  ],
  ['justice', /\b(police|court|justice|judges?|prosecutor|attorney|army|military|defence force|navy|sheriff|detective)\b/i],
  ['sport', /\b(club|fc|athletic|rovers|team|coach|manager|striker|midfielder|defender|goalkeeper|captain|players?|fans)\b/i],
  [
    'business',
    new RegExp(
      '\\b(company|companies|group|inc|corp|corporation|ltd|plc|llc|bank|holdings|airline|motors|' +
        'chief executive|ceo|chairman|executive|director|founder|owner|analysts?|investors?|firm|trust|' +
        'power|terminal)\\b',
      'i',
    ),
  ],
  [
    'civil society',
    /\b(campaigners?|residents?|activists?|protesters?|volunteers?|parents?|farmers?|herders?|pastoralists?|villagers?|witness(?:es)?)\b/i,
  ],
];

/** What a source speaks for, from the organisations named (first) and then the roles. */
export function orgTypeOf(organisations: readonly string[], roles: readonly string[], name = ''): OrgType {
  for (const texts of [organisations, roles, [name]]) {
    const joined = texts.join(' · ');
    if (!joined) continue;
    for (const [t, re] of ORG_TYPE_RULES) if (re.test(joined)) return t;
  }
  return 'none';
}

function sourceKey(q: SourceQuote): string {
  return `${q.speakerType}:${q.speaker}`;
}

/**
 * Groups quotes by speaker (same name and kind), most quoted first (then by name). Quotes without a
 * speaker are not a source: count them with {@link unattributed}.
 */
export function aggregateSources(quotes: readonly SourceQuote[]): Source[] {
  const by = new Map<string, SourceQuote[]>();
  for (const q of quotes) {
    if (!q.speaker) continue;
    const k = sourceKey(q);
    const list = by.get(k);
    if (list) list.push(q);
    else by.set(k, [q]);
  }
  const out: Source[] = [];
  for (const [key, items] of by) {
    items.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start));
    const roles: string[] = [];
    const organisations: string[] = [];
    for (const q of items) {
      for (const r of q.roles) if (!roles.some((x) => x.toLowerCase() === r.toLowerCase())) roles.push(r);
      for (const o of q.organisations) if (!organisations.includes(o)) organisations.push(o);
    }
    roles.splice(0, roles.length, ...distinctRoles(roles));
    const first = items[0]!;
    const certain = items.filter((q) => q.certain).length;
    out.push({
      key,
      name: first.speaker!,
      type: first.speakerType,
      quotes: items.length,
      articles: new Set(items.map((q) => q.article)).size,
      roles,
      organisations,
      orgType: orgTypeOf(organisations, roles, first.speakerType === 'ORG' || first.speakerType === 'other' ? first.speaker! : ''),
      certain,
      uncertain: items.length - certain,
      items,
    });
  }
  return out.sort((a, b) => b.quotes - a.quotes || b.articles - a.articles || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Quotes without a speaker. */
export function unattributed(quotes: readonly SourceQuote[]): number {
  return quotes.filter((q) => !q.speaker).length;
}

/** ISO 8601 week of a `YYYY-MM-DD` date: `2026-W40`; null for anything else. */
export function isoWeek(date: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return null;
  const day = d.getUTCDay() || 7;
  // The Thursday of this week decides the year.
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The figures the chart draws. Labels are untrusted text (draw them as text). */
export interface SourcesChartData {
  bySource: { label: string; count: number; certain: number; key: string }[];
  byOrgType: { label: string; count: number; key: OrgType }[];
  byWeek: { label: string; count: number }[];
  totals: { quotes: number; sources: number; articles: number; unattributed: number };
}

/** Chart figures: quotes per source (the `top` most quoted), per organisation type, per ISO week. */
export function chartData(sources: readonly Source[], quotes: readonly SourceQuote[], top = 15): SourcesChartData {
  const byOrg = new Map<OrgType, number>();
  for (const s of sources) byOrg.set(s.orgType, (byOrg.get(s.orgType) ?? 0) + s.quotes);
  const weeks = new Map<string, number>();
  for (const q of quotes) {
    if (!q.speaker) continue;
    const w = isoWeek(q.date) ?? 'undated';
    weeks.set(w, (weeks.get(w) ?? 0) + 1);
  }
  return {
    bySource: sources.slice(0, top).map((s) => ({ label: s.name, count: s.quotes, certain: s.certain, key: s.key })),
    byOrgType: ORG_TYPES.filter((t) => byOrg.has(t)).map((t) => ({ label: ORG_TYPE_LABEL[t], count: byOrg.get(t)!, key: t })),
    byWeek: [...weeks]
      .sort((a, b) => (a[0] === 'undated' ? 1 : b[0] === 'undated' ? -1 : a[0] < b[0] ? -1 : 1))
      .map(([label, count]) => ({ label, count })),
    totals: {
      quotes: quotes.filter((q) => q.speaker).length,
      sources: sources.length,
      articles: new Set(quotes.map((q) => q.article)).size,
      unattributed: unattributed(quotes),
    },
  };
}

/** A CSV cell: quoted when needed; a leading =, +, -, @ or tab is neutralised so spreadsheets read text, not a formula. */
export function csvCell(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per source (RFC 4180, CRLF line ends as the RFC says, a header row). */
export function sourcesCsv(sources: readonly Source[]): string {
  const rows: (string | number)[][] = [
    ['source', 'kind', 'quotes', 'articles', 'roles', 'organisations', 'organisation_type', 'certain', 'uncertain', 'first_article'],
  ];
  for (const s of sources)
    rows.push([
      s.name,
      s.type,
      s.quotes,
      s.articles,
      s.roles.join('; '),
      s.organisations.join('; '),
      s.orgType,
      s.certain,
      s.uncertain,
      s.items[0]?.article ?? '',
    ]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
