/**
 * The world newswire dev set (`corpus/ner/worldwide-dev.jsonl` in the shared folder): 526 English
 * articles from African, Asian, Latin American, Middle Eastern and Oceanian outlets, gold types
 * PER ORG LOC (GPE → LOC) NORP FAC PRODUCT MISC DATE MONEY, UTF-16 offsets into the raw text with
 * its CRLF line endings kept. Nothing read here is written to the repository.
 *
 * Two uses:
 * - scoring exactly as the shared contract scorer (`tools/score-ner.js`) does: gold PER/ORG/LOC
 *   only, exact raw start + end + type; the other gold types are ignored, and so are predicted
 *   MISC spans (a predicted PER/ORG/LOC on a FAC or NORP span is a false positive);
 * - training: the gold mapped onto the tagger's four types ({@link TRAIN_TYPE_MAP}) on the
 *   LF-normalized text the product tags.
 */
import { hashString } from '../../src/core/ner/hash';
import { normalizeText, type NormalizedText } from '../../src/core/text';
import type { EntityType } from '../../src/core/types';
import { sharedPath } from '../shared';
import { readJsonLines, type Doc, type GoldEntity } from './data';
import { Scorer, type Span } from './score';

export interface WorldDoc extends Doc {
  /** The outlet's country or region: the id's prefix (`wwn-kr_kherald_3` → `kr`). */
  region: string;
  /** The raw text (CRLF kept) and its gold PER/ORG/LOC spans in raw offsets, as scored. */
  raw: string;
  rawGold: Span[];
  norm: NormalizedText;
}

/** World gold type → training type (undefined: not a name for the tagger, trained as O). */
export type TypeMap = Record<string, EntityType | undefined>;

/**
 * How the world set's types train the tagger (see the README for the measurements behind it):
 * nationalities, religious and political groups (NORP) are MISC as in CoNLL-2003; facilities
 * (FAC: bridges, airports, dams, stadiums, palaces) and PRODUCT are MISC too, because the world
 * scorer counts a facility tagged LOC or ORG as a false positive while MISC is not scored, and
 * CoNLL-2003 itself files many of them under MISC or leaves them out. DATE and MONEY are figures.
 */
export const TRAIN_TYPE_MAP: TypeMap = {
  PER: 'PER',
  ORG: 'ORG',
  LOC: 'LOC',
  GPE: 'LOC',
  NORP: 'MISC',
  FAC: 'MISC',
  PRODUCT: 'MISC',
  MISC: 'MISC',
};

/** Whether training joins the gold's dangling pieces (see {@link loadWorld}). */
export const JOIN_DANGLING = true;

/** The id's region prefix (`cosrica` is the same outlet as `cosric`). */
export function regionOf(id: string): string {
  const m = /^wwn-([^_]+)_/.exec(id);
  const r = m ? m[1]! : id;
  return r === 'cosrica' ? 'cosric' : r;
}

/** Deterministic fold of a document (FNV-1a of its id). */
export function foldOf(id: string, folds: number): number {
  return (hashString(id) >>> 0) % folds;
}

const SCORED = new Set(['PER', 'ORG', 'LOC']);
const TIME_WORD = new RegExp(
  '^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|' +
    'January|February|March|April|May|June|July|August|September|October|November|December)$',
);

/**
 * The world gold flattens nested names into pieces that end with a function word: `University of`
 * ORG + `Chicago` LOC, `Bank of` + `Japan`, `Republic of` + `Egypt`. No name ends with `of`, so
 * for training such a piece is joined with the name right after it, typed as the head
 * (`University of Chicago` ORG). Scoring keeps the gold as it is.
 */
const DANGLING = /\s(?:of|of the|for|for the|de|del|de la|and|y|e)$/i;

function joinDangling(es: { start: number; end: number; type: string; text: string }[], text: string) {
  const sorted = [...es].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: typeof sorted = [];
  // After a join that ended on a nationality (`Academic Staff Union of` + `Nigerian`), the name
  // goes on with the next piece (`Universities`).
  let open = false;
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && (open || DANGLING.test(last.text)) && /^ ?$/.test(text.slice(last.end, e.start)) && e.start >= last.end) {
      out[out.length - 1] = { start: last.start, end: e.end, type: last.type, text: text.slice(last.start, e.end) };
      open = !open && e.type === 'NORP';
    } else {
      out.push(e);
      open = false;
    }
  }
  return out;
}

export function loadWorld(map: TypeMap = TRAIN_TYPE_MAP, join = JOIN_DANGLING): WorldDoc[] | null {
  const p = sharedPath('corpus', 'ner', 'worldwide-dev.jsonl');
  if (!p) return null;
  return readJsonLines<{ id: string; text: string; entities: { start: number; end: number; type: string; text: string }[] }>(p).map((d) => {
    const norm = normalizeText(d.text);
    const offset = d.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const rawGold = d.entities.filter((e) => SCORED.has(e.type)).map((e) => ({ start: e.start, end: e.end, type: e.type as EntityType }));
    const entities: GoldEntity[] = [];
    for (const e of join ? joinDangling(d.entities, d.text) : d.entities) {
      const type = map[e.type];
      if (!type) continue;
      // A MISC-like span with no capital letter (`monkeypox`, `love jihad`) or a weekday (the
      // figures' business) cannot be learnt as a name: left out of training.
      if (type === 'MISC' && (!/\p{Lu}/u.test(e.text) || TIME_WORD.test(e.text))) continue;
      const start = norm.fromRaw(e.start - offset);
      const end = norm.fromRaw(e.end - offset);
      if (end > start) entities.push({ start, end, type });
    }
    return { id: d.id, region: regionOf(d.id), text: norm.text, entities: dropOverlaps(entities), raw: d.text, rawGold, norm };
  });
}

/** Keeps the longer of overlapping gold spans (the world set has a few nested ones). */
function dropOverlaps(es: GoldEntity[]): GoldEntity[] {
  const sorted = [...es].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: GoldEntity[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) continue;
    out.push(e);
  }
  return out;
}

/** Per-region, per-type exact scores of predictions (normalized-text offsets) against the raw gold. */
export class WorldScorer {
  readonly all = new Scorer();
  readonly byRegion = new Map<string, Scorer>();
  readonly errors: string[] = [];

  add(doc: WorldDoc, pred: readonly Span[]): void {
    const off = doc.raw.charCodeAt(0) === 0xfeff ? 1 : 0;
    const mapped = pred
      .filter((s) => SCORED.has(s.type))
      .map((s) => ({ start: doc.norm.toRaw(s.start) + off, end: doc.norm.toRaw(s.end) + off, type: s.type }));
    this.all.add(doc.rawGold, mapped);
    let r = this.byRegion.get(doc.region);
    if (!r) this.byRegion.set(doc.region, (r = new Scorer()));
    r.add(doc.rawGold, mapped);
    const key = (e: Span) => `${e.start}:${e.end}:${e.type}`;
    const g = new Set(doc.rawGold.map(key));
    const p = new Set(mapped.map(key));
    const ctx = (e: Span) =>
      JSON.stringify(
        doc.raw.slice(Math.max(0, e.start - 30), e.start) + '[' + doc.raw.slice(e.start, e.end) + ']' + doc.raw.slice(e.end, e.end + 20),
      );
    for (const e of mapped) if (!g.has(key(e))) this.errors.push(`${doc.id} FP ${e.type} ${ctx(e)}`);
    for (const e of doc.rawGold) if (!p.has(key(e))) this.errors.push(`${doc.id} FN ${e.type} ${ctx(e)}`);
  }

  /** A markdown table: one row per region (documents, gold names, P/R/F1), then per type and overall. */
  table(docs: readonly WorldDoc[]): string {
    const count = new Map<string, number>();
    for (const d of docs) count.set(d.region, (count.get(d.region) ?? 0) + 1);
    const row = (name: string, s: Scorer, n: string) => {
      const v = s.prf(['PER', 'ORG', 'LOC']);
      return `| ${name} | ${n} | ${v.tp + v.fn} | ${v.p.toFixed(1)} | ${v.r.toFixed(1)} | ${v.f.toFixed(1)} |`;
    };
    const lines = ['| region | docs | gold names | P | R | F1 |', '|---|---|---|---|---|---|'];
    for (const r of [...this.byRegion.keys()].sort()) lines.push(row(r, this.byRegion.get(r)!, String(count.get(r) ?? 0)));
    for (const t of ['PER', 'ORG', 'LOC'] as EntityType[]) {
      const v = this.all.prf([t]);
      lines.push(`| **${t}** | | ${v.tp + v.fn} | ${v.p.toFixed(1)} | ${v.r.toFixed(1)} | ${v.f.toFixed(1)} |`);
    }
    lines.push(row('**PER+ORG+LOC**', this.all, String(docs.length)));
    return lines.join('\n');
  }
}
