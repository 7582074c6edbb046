/**
 * Training data for the entity tagger: CoNLL-2003 JSONL from the shared folder, tokenized with
 * the product's tokenizer, with BILOU gold labels. Nothing read here is written to the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { label, POS_B, POS_I, POS_L, POS_U, TYPES } from '../../src/core/ner/labels';
import { tokenize, type Tokens } from '../../src/core/ner/tokenize';
import type { EntityType } from '../../src/core/types';
import { sharedPath } from '../shared';

export interface GoldEntity {
  start: number;
  end: number;
  type: EntityType;
}

export interface Doc {
  id: string;
  text: string;
  entities: GoldEntity[];
  /** How much the document's perceptron updates count (1 when absent). */
  weight?: number;
}

export interface PreparedDoc extends Doc {
  tokens: Tokens;
  gold: Uint8Array;
  /** Entities whose span is not on token boundaries (should be none). */
  misaligned: number;
}

export function loadConll(split: 'train' | 'dev'): Doc[] | null {
  const p = sharedPath('corpus', 'ner', `conll2003-${split}.jsonl`);
  return p ? readJsonLines<Doc>(p) : null;
}

/** The records of a JSON-lines file (one JSON value a line; blank lines skipped). */
export function readJsonLines<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}

/** Tokenizes a document and derives BILOU gold labels. */
export function prepare(doc: Doc): PreparedDoc {
  const tokens = tokenize(doc.text);
  const gold = new Uint8Array(tokens.count);
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  for (let i = 0; i < tokens.count; i++) {
    byStart.set(tokens.start[i]!, i);
    byEnd.set(tokens.end[i]!, i);
  }
  let misaligned = 0;
  for (const e of doc.entities) {
    const t = TYPES.indexOf(e.type);
    const a = byStart.get(e.start);
    const b = byEnd.get(e.end);
    if (t < 0 || a === undefined || b === undefined || b < a) {
      misaligned++;
      continue;
    }
    if (a === b) gold[a] = label(t, POS_U);
    else {
      gold[a] = label(t, POS_B);
      for (let k = a + 1; k < b; k++) gold[k] = label(t, POS_I);
      gold[b] = label(t, POS_L);
    }
  }
  return { ...doc, tokens, gold, misaligned };
}

const SMALL = new Set('a an the and or but nor of in on at to for from by with as vs via per'.split(' '));

/**
 * Case augmentation: an ALL-CAPS first line (a wire headline) rewritten in Title Case, as modern
 * headlines are. Lengths are kept, so entity offsets stay valid; returns null when nothing changes.
 */
export function titleCaseHeadline(doc: Doc): Doc | null {
  const nl = doc.text.indexOf('\n');
  const first = nl < 0 ? doc.text : doc.text.slice(0, nl);
  if (!/[A-Z]{2}/.test(first) || /[a-z]/.test(first)) return null;
  let k = 0;
  const titled = first.replace(/[A-Za-z][A-Za-z'.&-]*/g, (w) => {
    const out = k > 0 && SMALL.has(w.toLowerCase()) ? w.toLowerCase() : /^([A-Z]\.)+$/.test(w) ? w : w[0]! + w.slice(1).toLowerCase();
    k++;
    return out;
  });
  if (titled.length !== first.length || titled === first) return null;
  return { ...doc, id: doc.id + '#title', text: titled + doc.text.slice(first.length) };
}

/**
 * Case augmentation of a body line (one with an entity, at most 200 characters): upper-cased like
 * a wire headline, or Title Cased like a modern one. Returns null when no line qualifies or the
 * case change would move offsets.
 */
export function recaseBodyLine(doc: Doc, mode: 'upper' | 'title', pick: number): Doc | null {
  const lines: { s: number; e: number }[] = [];
  let s = 0;
  for (;;) {
    const nl = doc.text.indexOf('\n', s);
    const e = nl < 0 ? doc.text.length : nl;
    if (s > 0 && e - s > 20 && e - s <= 200 && doc.entities.some((x) => x.start >= s && x.end <= e) && /[a-z]/.test(doc.text.slice(s, e)))
      lines.push({ s, e });
    if (nl < 0) break;
    s = nl + 1;
  }
  if (!lines.length) return null;
  const { s: a, e: b } = lines[Math.floor(pick * lines.length) % lines.length]!;
  const line = doc.text.slice(a, b);
  let k = 0;
  const out =
    mode === 'upper'
      ? line.toUpperCase()
      : line.replace(/\p{L}[\p{L}'’.&-]*/gu, (w) => {
          const r = k > 0 && SMALL.has(w.toLowerCase()) ? w : w[0]!.toUpperCase() + w.slice(1);
          k++;
          return r;
        });
  if (out.length !== line.length || out === line) return null;
  return { ...doc, id: `${doc.id}#${mode}`, text: doc.text.slice(0, a) + out + doc.text.slice(b) };
}

/** Unlabelled text for word clusters: CoNLL train + BBC + PolNeAR texts (never dev). */
export function unlabelledTexts(train: Doc[]): string[] {
  const out = train.map((d) => d.text);
  const bbc = sharedPath('corpus', 'news', 'bbc');
  if (bbc) {
    for (const cat of fs.readdirSync(bbc).sort()) {
      const dir = path.join(bbc, cat);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.txt')) out.push(fs.readFileSync(path.join(dir, f), 'utf8'));
    }
  }
  const pol = sharedPath('corpus', 'quotes', 'polnear');
  if (pol) {
    for (const split of fs.readdirSync(pol).sort()) {
      const dir = path.join(pol, split, 'text');
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir).sort()) out.push(fs.readFileSync(path.join(dir, f), 'utf8'));
    }
  }
  return out.map((t) => t.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, ''));
}
