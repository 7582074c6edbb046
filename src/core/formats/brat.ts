/**
 * brat standoff: `x.ann` beside `x.txt`, one annotation a line — `T` (type, offsets, text), `A`
 * (attributes), `N` (normalizations), `R` (relations), `E` (events), `#` (notes). Offsets are code
 * points in the text file as brat reads it: the BOM, when the file has one, is character 0 and a CRLF
 * is two characters. A `T` line's text must be the file's text at its offsets and cannot hold a line
 * break, so a span across lines is written as fragments (`0 5;6 12`) split at the line breaks, their
 * texts joined by a space, as brat does.
 *
 * Export: a `T` line per annotation with our type; `A` lines `Status` (suggested, accepted, rejected)
 * and `Origin` (model, user, import); the entity's canonical name as `N … Entity:Name_Here\tName Here`
 * and its registry's Wikidata id as `N … Wikidata:Q…`; the note as `#` AnnotatorNotes; a quote's
 * speaker as `R Speaker Arg1:quote Arg2:mention` (the mention is the entity annotation on that span,
 * else a `Source` `T` line). {@link BRAT_CONF} is the matching `annotation.conf`.
 *
 * Import reads any brat file: our types and other corpora's (Person, Organization, GPE, …; see
 * `labelTarget`), quotes linked to speakers by `R` lines or by `E` lines (PolNeAR: `Source`, `Cue`,
 * `Content`), discontinuous spans joined when only white space separates their fragments and split
 * into one annotation per fragment otherwise. What has no place in the model is counted.
 */
import { TYPES, type Annotation, type AnnotationOrigin, type Status } from '../sidecar/model';
import {
  countFieldLosses,
  labelTarget,
  Losses,
  quoteTypeOf,
  report,
  selectForExport,
  type ExportArticle,
  type ExportOptions,
  type ExportResult,
  type ImportedDoc,
  type ImportedItem,
  type ImportOptions,
  type ImportParse,
} from './common';
import { TextView } from './offsets';

/** Characters at which Python's `str.splitlines()` — and so brat's .ann reader — breaks lines. */
const LINE_BREAK = /[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]/;
const LINE_BREAKS_G = /[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]+/g;

/** White space as Python's `str.strip()` sees it (brat refuses a `T` line whose text strips to nothing). */
const PY_SPACE_ONLY = /^[\t\n\u000b\u000c\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** The entity type of a speaker mention that is not itself an annotation. */
export const SOURCE_TYPE = 'Source';
export const SPEAKER_RELATION = 'Speaker';

/** `annotation.conf` for the files we write (brat needs it in the folder, or above, to offer our types). */
export const BRAT_CONF = `# brat configuration for News Annotator exports (news-annotator export --format brat)
[entities]
${[...TYPES.entity, ...TYPES.figure, ...TYPES.quote, SOURCE_TYPE].join('\n')}

[relations]
${SPEAKER_RELATION}\tArg1:${TYPES.quote.join('|')}, Arg2:${[...TYPES.entity, SOURCE_TYPE].join('|')}
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Status\tArg:<ENTITY>, Value:suggested|accepted|rejected
Origin\tArg:<ENTITY>, Value:model|user|import
`;

/** The fragments of a span in code points, split at line breaks (none: only line breaks). */
function fragments(view: TextView, start: number, end: number): [number, number][] {
  const s = view.toPoint(start);
  const words = view.slice(s, view.toPoint(end));
  const out: [number, number][] = [];
  let p = s;
  let from = s;
  for (const ch of words) {
    if (LINE_BREAK.test(ch)) {
      if (p > from) out.push([from, p]);
      from = p + 1;
    }
    p++;
  }
  if (p > from) out.push([from, p]);
  return out;
}

function slug(name: string): string {
  return name.replace(/\s+/g, '_');
}

export function exportBrat(art: ExportArticle, opts: ExportOptions = {}): ExportResult {
  const left = new Losses();
  const lost = new Losses();
  const view = new TextView(art.raw, true);
  const anns = selectForExport(art.annotations, opts, left).sort((a, b) => a.start - b.start || a.end - b.end);
  const lines: string[] = [];
  const relations: string[] = [];
  let t = 0;
  let a = 0;
  let n = 0;
  let c = 0;
  const tOf = new Map<Annotation, string>();
  const entityAt = new Map<string, { id: string; ann: Annotation }>();
  const written: Annotation[] = [];
  const tLine = (type: string, frags: [number, number][]) =>
    `T${++t}\t${type} ${frags.map(([x, y]) => `${x} ${y}`).join(';')}\t${frags.map(([x, y]) => view.slice(x, y)).join(' ')}`;
  for (const ann of anns) {
    const frags = fragments(view, ann.start, ann.end);
    if (PY_SPACE_ONLY.test(ann.text)) {
      left.add('spans of white space only (brat cannot show them)');
      continue;
    }
    if (frags[0]![0] !== view.toPoint(ann.start) || frags[frags.length - 1]![1] !== view.toPoint(ann.end))
      lost.add('line breaks at the start or end of a span (brat cannot show them: the span is written without them)');
    lines.push(tLine(ann.type, frags));
    const id = `T${t}`;
    tOf.set(ann, id);
    written.push(ann);
    if (ann.kind === 'entity' && !entityAt.has(`${ann.start}:${ann.end}`)) entityAt.set(`${ann.start}:${ann.end}`, { id, ann });
    lines.push(`A${++a}\tStatus ${id} ${ann.status}`);
    lines.push(`A${++a}\tOrigin ${id} ${ann.origin}`);
    if (ann.kind === 'entity') {
      const canonical = ann.entity ?? ann.text;
      if (LINE_BREAK.test(canonical)) lost.add('entity links whose name holds a line break');
      else {
        if (ann.entity !== undefined) lines.push(`N${++n}\tReference ${id} Entity:${slug(canonical)}\t${canonical}`);
        const q = art.links?.(ann.type, canonical)?.wikidata;
        if (q && /^Q\d+$/.test(q)) lines.push(`N${++n}\tReference ${id} Wikidata:${q}\t${canonical}`);
      }
    }
    if (ann.note !== undefined) {
      if (LINE_BREAK.test(ann.note)) lost.add('line breaks in notes (brat notes are one line: joined with spaces)');
      lines.push(`#${++c}\tAnnotatorNotes ${id}\t${ann.note.replace(LINE_BREAKS_G, ' ')}`);
    }
  }
  // Speakers: the entity annotation on the mention, else a Source mention of their own.
  const sources = new Map<string, string>();
  for (const ann of written) {
    const sp = ann.kind === 'quote' ? ann.speaker : null;
    if (!sp) continue;
    const key = `${sp.start}:${sp.end}`;
    let target = entityAt.get(key)?.id ?? sources.get(key);
    const mentionName = entityAt.get(key) ? (entityAt.get(key)!.ann.entity ?? entityAt.get(key)!.ann.text) : sp.text;
    if (sp.end <= sp.start || view.text.slice(sp.start, sp.end) !== sp.text) {
      lost.add('speakers whose mention is not in the article');
      continue;
    }
    if (!target) {
      const frags = fragments(view, sp.start, sp.end);
      if (PY_SPACE_ONLY.test(sp.text)) {
        lost.add('speakers whose mention is white space only');
        continue;
      }
      lines.push(tLine(SOURCE_TYPE, frags));
      target = `T${t}`;
      sources.set(key, target);
      if (sp.name !== sp.text && !LINE_BREAK.test(sp.name)) lines.push(`N${++n}\tReference ${target} Entity:${slug(sp.name)}\t${sp.name}`);
    } else if (sp.name !== mentionName && sp.name !== sp.text) {
      lost.add('speaker names other than the canonical name of their mention');
    }
    relations.push(`R${relations.length + 1}\t${SPEAKER_RELATION} Arg1:${tOf.get(ann)} Arg2:${target}`);
  }
  countFieldLosses(written, lost, { status: true, origin: true, note: true, entity: true, speaker: true, figures: true, quotes: true });
  const content = [...lines, ...relations].map((l) => l + '\n').join('');
  return { content, report: report('brat', art.name, written.length, left, lost) };
}

// ---------------------------------------------------------------------------------------------
// Import

interface TLine {
  id: string;
  type: string;
  frags: [number, number][];
  text: string;
  line: number;
}

/** What the lines of a `.ann` file say, by kind, before they are matched up. */
interface AnnLines {
  /** `T` lines by id. */
  spans: Map<string, TLine>;
  /** `A` and `M` lines: attribute name → value, by target id. */
  attrs: Map<string, Map<string, string>>;
  /** `N` lines: the text of the first normalization with one, by target id. */
  norms: Map<string, string>;
  /** `#` AnnotatorNotes lines, by target id. */
  notes: Map<string, string[]>;
  /** `R` and `E` lines. */
  relations: { type: string; args: [string, string][]; line: number; event: boolean }[];
  /** The ids of `T` lines that are event triggers. */
  triggers: Set<string>;
}

/** One line of a `.ann` file cut at its tabs: `id \t data \t tail`. */
interface AnnLine {
  id: string;
  data: string;
  tail: string;
  /** 1-based. */
  line: number;
}

/** What a `T` line stands for: its target in the model, or an event trigger. */
type SpanRole = ReturnType<typeof labelTarget> | 'trigger';

/** The state of one {@link parseBrat}, shared by its steps. */
interface BratParse {
  /** The `.txt` file as brat reads it. */
  view: TextView;
  doc: ImportedDoc;
  skipped: Losses;
  opts: ImportOptions;
  ann: AnnLines;
}

/**
 * Reads a `.ann` file. `seenText` is the `.txt` file as brat reads it (BOM kept), to tell gaps of
 * white space between fragments from words.
 */
export function parseBrat(content: string, seenText: string, opts: ImportOptions = {}): ImportParse {
  const doc: ImportedDoc = { items: [], problems: [], skipped: [], where: 'the .ann file' };
  const skipped = new Losses();
  const ann = readAnnLines(content, doc, skipped);
  const parse: BratParse = { view: new TextView(seenText, true), doc, skipped, opts, ann };
  const roles = spanRoles(parse);
  const speakerOf = speakersByQuote(parse, roles);
  for (const t of ann.spans.values()) readSpan(parse, t, roles.get(t.id), speakerOf.get(t.id));
  doc.skipped = skipped.list();
  return { docs: [doc] };
}

/** Sorts the lines of a `.ann` file by kind; lines that cannot be read become problems. */
function readAnnLines(content: string, doc: ImportedDoc, skipped: Losses): AnnLines {
  const ann: AnnLines = { spans: new Map(), attrs: new Map(), norms: new Map(), notes: new Map(), relations: [], triggers: new Set() };
  const lines = content.split(/\r?\n/);
  /** The last T line, while lines without a tab may be the rest of its text (cut at a line break). */
  let open: TLine | null = null;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const tab = raw.indexOf('\t');
    if (tab < 0 && open) {
      open.text += '\n' + raw;
      return;
    }
    open = null;
    if (!raw.trim()) return;
    if (tab < 0) {
      doc.problems.push(`line ${line}: no tab after the id (not a brat line)`);
      return;
    }
    const id = raw.slice(0, tab);
    const rest = raw.slice(tab + 1);
    const tab2 = rest.indexOf('\t');
    const data = tab2 < 0 ? rest : rest.slice(0, tab2);
    const tail = tab2 < 0 ? '' : rest.slice(tab2 + 1);
    open = readAnnLine(ann, { id, data, tail, line }, doc, skipped);
  });
  return ann;
}

/** Files one line into `ann` by its kind. Returns the line when it is a `T` line (its text may go on). */
function readAnnLine(ann: AnnLines, l: AnnLine, doc: ImportedDoc, skipped: Losses): TLine | null {
  const { id, data, tail, line } = l;
  const kind = id[0];
  if (kind === 'T') {
    const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)\s*$/.exec(data);
    if (!m) {
      doc.problems.push(`line ${line}: ${id}: expected TYPE START END`);
      return null;
    }
    const frags = m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
    const t: TLine = { id, type: m[1]!, frags, text: tail, line };
    ann.spans.set(id, t);
    return t;
  } else if (kind === 'A' || kind === 'M') {
    const m = /^(\S+) (\S+)(?: (.+))?$/.exec(data.trim());
    if (!m) doc.problems.push(`line ${line}: ${id}: expected NAME TARGET [VALUE]`);
    else {
      let map = ann.attrs.get(m[2]!);
      if (!map) ann.attrs.set(m[2]!, (map = new Map()));
      map.set(m[1]!, m[3] ?? 'true');
    }
  } else if (kind === 'N') {
    const m = /^(\S+) (\S+) (\S+?):(\S+)$/.exec(data.trim());
    if (!m) doc.problems.push(`line ${line}: ${id}: expected TYPE TARGET DB:ID`);
    else if (tail && !ann.norms.has(m[2]!)) ann.norms.set(m[2]!, tail);
  } else if (kind === '#') {
    const m = /^(\S+) (\S+)$/.exec(data.trim());
    if (m && m[1] === 'AnnotatorNotes') ann.notes.set(m[2]!, [...(ann.notes.get(m[2]!) ?? []), tail]);
    else skipped.add('comments other than AnnotatorNotes');
  } else if (kind === 'R') {
    const m = /^(\S+) (\S+):(\S+) (\S+):(\S+)$/.exec(data.trim());
    if (!m) doc.problems.push(`line ${line}: ${id}: expected TYPE Arg1:ID Arg2:ID`);
    else {
      const args: [string, string][] = [
        [m[2]!, m[3]!],
        [m[4]!, m[5]!],
      ];
      ann.relations.push({ type: m[1]!, args, line, event: false });
    }
  } else if (kind === 'E') {
    const parts = data.trim().split(/\s+/);
    const args = parts.map((p) => p.split(':') as [string, string]).filter((p) => p.length === 2 && p[1]);
    ann.relations.push({ type: args[0]?.[0] ?? '', args: args.slice(1), line, event: true });
    if (args[0]?.[1]) ann.triggers.add(args[0][1]);
  } else if (kind === '*') {
    skipped.add('equivalences (* lines)');
  } else doc.problems.push(`line ${line}: unknown line type ${JSON.stringify(id)}`);
  return null;
}

/** What each T line stands for. */
function spanRoles({ ann, opts, skipped }: BratParse): Map<string, SpanRole> {
  const roles = new Map<string, SpanRole>();
  for (const t of ann.spans.values()) {
    if (ann.triggers.has(t.id)) {
      roles.set(t.id, 'trigger');
      skipped.add(`event triggers (brat type ${t.type}): the model has no events; their arguments are read`);
      continue;
    }
    const target = labelTarget(t.type, opts.labels);
    roles.set(t.id, target);
    if (target === null) skipped.add(`spans of brat type ${t.type} (no such type; map it with --map ${t.type}=TYPE)`);
    else if (target === 'skip') skipped.add(`spans of brat type ${t.type} (--map: skip)`);
  }
  return roles;
}

/** The speaker mention of each quote, by the quote's id, from the `R` and `E` lines. */
function speakersByQuote({ ann, doc, skipped }: BratParse, roles: Map<string, SpanRole>): Map<string, string> {
  const links: { quote: string; speaker: string; line: number }[] = [];
  const isQuote = (id: string) => {
    const r = roles.get(id);
    return r === 'quote' || (typeof r === 'object' && r !== null && r.kind === 'quote');
  };
  const isMention = (id: string) => {
    const r = roles.get(id);
    return r === 'speaker' || (typeof r === 'object' && r !== null && r.kind === 'entity');
  };
  for (const r of ann.relations) {
    const ids = r.args.map(([, v]) => v);
    const missing = ids.filter((x) => !ann.spans.has(x));
    if (missing.length) {
      doc.problems.push(`line ${r.line}: refers to ${missing.join(', ')}, not defined`);
      continue;
    }
    // A quote and its speaker: an R line of a speaker-like type, or an event with a quote and a
    // Source/Speaker argument.
    const quotes = ids.filter(isQuote);
    const speakerLike = /speak|source|said|attribut/i;
    const speakers = r.event
      ? r.args.filter(([name, v]) => roles.get(v) === 'speaker' || (isMention(v) && speakerLike.test(name))).map(([, v]) => v)
      : speakerLike.test(r.type)
        ? ids.filter(isMention)
        : [];
    if (quotes.length && speakers.length) {
      for (const q of quotes) links.push({ quote: q, speaker: speakers[0]!, line: r.line });
      if (speakers.length > 1) skipped.add('second speakers of one quote (the model has one)');
    } else if (!r.event) skipped.add(`relations of type ${r.type} (only a quote's speaker is held)`);
  }
  const speakerOf = new Map<string, string>();
  for (const l of links) {
    if (speakerOf.has(l.quote) && speakerOf.get(l.quote) !== l.speaker) skipped.add('second speakers of one quote (the model has one)');
    else speakerOf.set(l.quote, l.speaker);
  }
  return speakerOf;
}

/** Whether only white space lies between code points `a` and `b` of the text. */
function isGap(view: TextView, a: number, b: number): boolean {
  return PY_SPACE_ONLY.test(view.slice(a, b));
}

/**
 * Checks a `T` line's offsets and text as brat does. Returns false, with a problem recorded, when
 * they do not fit the text.
 */
function spanFitsText({ view, doc, skipped }: BratParse, t: TLine): boolean {
  const bad = t.frags.find(([s, e]) => s > e || e > view.length);
  if (bad) {
    doc.problems.push(`line ${t.line}: ${t.id}: offsets ${bad[0]}–${bad[1]} outside the text (${view.length} characters)`);
    return false;
  }
  const ref = t.frags.map(([s, e]) => view.slice(s, e)).join(' ');
  t.text = t.text.replace(/\n+$/, '');
  if (t.text.includes('\n')) skipped.add('T lines whose text goes on over the next lines (written by an old brat): read by their offsets');
  if (t.text && !t.text.startsWith(ref)) {
    // Old brat wrote a span's line breaks into the .ann: the text goes on over the next lines.
    const flat = (x: string) => x.replace(LINE_BREAKS_G, ' ');
    if (!(t.text.includes('\n') && flat(t.text).startsWith(flat(ref)))) {
      let d = 0;
      while (d < ref.length && t.text[d] === ref[d]) d++;
      const from = Math.max(0, d - 10);
      const offsets = t.frags.map((f) => f.join('–')).join(';');
      doc.problems.push(
        `line ${t.line}: ${t.id}: the line says …${JSON.stringify(t.text.slice(from, d + 20))}, ` +
          `the text at ${offsets} is …${JSON.stringify(ref.slice(from, d + 20))}`,
      );
      return false;
    }
  }
  return true;
}

/** Turns one `T` line into items: one per span (fragments separated by white space only are one span). */
function readSpan(parse: BratParse, t: TLine, r: SpanRole | undefined, speaker: string | undefined): void {
  const { view, doc, skipped, opts, ann } = parse;
  if (r === 'trigger' || r === null || r === 'skip' || r === undefined || r === 'speaker') return;
  if (!spanFitsText(parse, t)) return;
  const attr = ann.attrs.get(t.id);
  const status = attr?.get('Status') as Status | undefined;
  const origin = attr?.get('Origin') as AnnotationOrigin | undefined;
  // Fragments separated by white space only are one span; otherwise one annotation per fragment.
  const frags = [...t.frags].sort((a, b) => a[0] - b[0]);
  const spans: [number, number][] = [];
  for (const f of frags) {
    const last = spans[spans.length - 1];
    if (last && isGap(view, last[1], f[0])) last[1] = Math.max(last[1], f[1]);
    else spans.push([f[0], f[1]]);
  }
  if (spans.length > 1) skipped.add(`discontinuous spans split into one annotation per part (the parts are not joined in the model)`);
  for (const [s, e] of spans) {
    const words = view.slice(s, e);
    const type = r === 'quote' ? quoteTypeOf(words) : r.type;
    const kind = r === 'quote' ? 'quote' : r.kind;
    const item: ImportedItem = {
      kind,
      type,
      start: s,
      end: e,
      status: status && ['suggested', 'accepted', 'rejected'].includes(status) ? status : (opts.status ?? 'accepted'),
      origin: origin && ['model', 'user', 'import'].includes(origin) ? origin : 'import',
      where: `line ${t.line} (${t.id})`,
    };
    if (kind === 'entity' && ann.norms.has(t.id)) item.entity = ann.norms.get(t.id)!;
    if (ann.notes.has(t.id)) item.note = ann.notes.get(t.id)!.join('\n');
    if (kind === 'quote') {
      item.speaker = null;
      const m = speaker ? ann.spans.get(speaker) : undefined;
      if (m) setSpeaker(parse, item, m);
    }
    doc.items.push(item);
  }
}

/** Gives a quote item its speaker mention `m` (its first part, when discontinuous). */
function setSpeaker({ view, doc, skipped, ann }: BratParse, item: ImportedItem, m: TLine): void {
  const mf = [...m.frags].sort((a, b) => a[0] - b[0]);
  const ms = mf[0]![0];
  let me = mf[0]![1];
  for (const f of mf.slice(1)) {
    if (isGap(view, me, f[0])) me = Math.max(me, f[1]);
    else {
      skipped.add('discontinuous speaker mentions (the first part is kept)');
      break;
    }
  }
  if (me > view.length || ms > me) doc.problems.push(`line ${m.line}: ${m.id}: offsets outside the text; speaker left out`);
  else {
    const name = ann.norms.get(m.id);
    item.speaker = name !== undefined ? { start: ms, end: me, name } : { start: ms, end: me };
  }
}
