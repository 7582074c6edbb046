/**
 * CoNLL-2003 (export only, entities only): `-DOCSTART- -X- -X- O`, then one token a line —
 * `token POS chunk NER` with `-X-` for the part of speech and chunk we do not have and the entity
 * tag in BIO (IOB2: every entity starts with `B-`) — and a blank line between sentences. Tokens are
 * the entity tagger's (CoNLL conventions), cut again where an entity starts or ends inside one.
 * What CoNLL cannot hold: figures, quotes and speakers, overlapping entities, decisions (rejected
 * suggestions are left out), links, notes, exact offsets and white space.
 */
import { tokenize, TF_SENT_START } from '../ner/tokenize';
import type { Annotation } from '../sidecar/model';
import { countFieldLosses, Losses, report, selectForExport, type ExportArticle, type ExportOptions, type ExportResult } from './common';
import { normalizeText } from '../text';

/** Tokens made only of characters other tools take for white space or line breaks are not written. */
const BLANK = /^[\s\u0085\u001c-\u001f]+$/u;

export function exportConll(art: ExportArticle, opts: ExportOptions = {}): ExportResult {
  const left = new Losses();
  const lost = new Losses();
  const text = normalizeText(art.raw).text;
  const all = selectForExport(art.annotations, opts, left);
  const ents: Annotation[] = [];
  let lastEnd = -1;
  for (const a of [...all].sort((x, y) => x.start - y.start || y.end - x.end)) {
    if (a.kind !== 'entity') left.add(a.kind === 'figure' ? 'figures (CoNLL holds names only)' : 'quotes (CoNLL holds names only)');
    else if (a.status === 'rejected') left.add('rejected suggestions (the format records no decision)');
    else if (a.start < lastEnd) left.add('entities overlapping an earlier one (BIO tags cannot overlap)');
    else {
      ents.push(a);
      lastEnd = a.end;
    }
  }
  // Token boundaries: the tagger's, plus every entity boundary.
  const toks = tokenize(text);
  const cuts = new Set<number>();
  for (const e of ents) cuts.add(e.start).add(e.end);
  const pieces: { start: number; end: number; sent: boolean }[] = [];
  for (let i = 0; i < toks.count; i++) {
    let s = toks.start[i]!;
    const e = toks.end[i]!;
    let sent = (toks.flags[i]! & TF_SENT_START) !== 0;
    for (let k = s + 1; k < e; k++) {
      if (cuts.has(k) && !(k > 0 && /[\ud800-\udbff]/.test(text[k - 1]!))) {
        pieces.push({ start: s, end: k, sent });
        sent = false;
        s = k;
      }
    }
    pieces.push({ start: s, end: e, sent });
  }
  let out = '-DOCSTART- -X- -X- O\n';
  let ei = 0;
  let prevInside: Annotation | null = null;
  let any = false;
  for (const p of pieces) {
    const word = text.slice(p.start, p.end);
    if (BLANK.test(word)) continue;
    while (ei < ents.length && ents[ei]!.end <= p.start) ei++;
    const e = ei < ents.length && ents[ei]!.start <= p.start && p.end <= ents[ei]!.end ? ents[ei]! : null;
    if (p.sent || !any) out += '\n';
    any = true;
    const tag = e ? `${prevInside === e ? 'I' : 'B'}-${e.type}` : 'O';
    prevInside = e;
    out += `${word.replace(/\s/gu, '_')} -X- -X- ${tag}\n`;
  }
  countFieldLosses(ents, lost, { entity: false });
  lost.add('exact offsets and white space (tokens only)', ents.length ? 1 : 0);
  return { content: out, report: report('conll', art.name, ents.length, left, lost) };
}
