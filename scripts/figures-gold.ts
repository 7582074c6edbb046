/**
 * Reads the hand-labelled figure gold set (`test/fixtures/figures-gold.txt`; its header explains
 * the syntax) into cases: the plain text, the expected figures with offsets, and the article date
 * options to analyse it with. Shared by `eval-figures.ts` and the unit tests.
 */
import fs from 'node:fs';
import { resolveArticleDate, type FigureOptions } from '../src/core/figures';
import type { FigureKind } from '../src/core/types';

export interface GoldFigure {
  start: number;
  end: number;
  text: string;
  kind: FigureKind;
  value: number | string | null;
  unit: string | null;
  valueMax?: number;
}

export interface GoldCase {
  /** 1-based line in the gold file. */
  line: number;
  text: string;
  figures: GoldFigure[];
  options: FigureOptions;
}

export function parseGold(src: string): GoldCase[] {
  const cases: GoldCase[] = [];
  let dateMode: { kind: 'fixed'; options: FigureOptions } | { kind: 'infer'; fileDate: string } = { kind: 'fixed', options: {} };
  src.split('\n').forEach((raw, idx) => {
    const line = raw.trimEnd();
    if (!line.trim() || line.startsWith('#')) return;
    if (line.startsWith('@date')) {
      const [, a, b] = line.split(/\s+/);
      if (a === 'none') dateMode = { kind: 'fixed', options: {} };
      else if (a === 'infer') dateMode = { kind: 'infer', fileDate: b! };
      else dateMode = { kind: 'fixed', options: { articleDate: a!, articleDateSource: b === 'file' ? 'file' : 'dateline' } };
      return;
    }
    let text = '';
    const figures: GoldFigure[] = [];
    let pos = 0;
    for (const m of line.matchAll(/\[\[([^\]|]+)\|([a-z]+)\|([^|\]]+)\|([^|\]]+)(?:\|([^\]]+))?\]\]/g)) {
      text += line.slice(pos, m.index);
      const start = text.length;
      text += m[1]!;
      const v = m[3]!;
      const f: GoldFigure = {
        start,
        end: text.length,
        text: m[1]!,
        kind: m[2] as FigureKind,
        value: v === 'null' ? null : /^-?\d+(?:\.\d+)?(?:e\d+)?$/.test(v) && m[2] !== 'date' ? Number(v) : v,
        unit: m[4] === '-' ? null : m[4]!,
      };
      if (m[5] !== undefined) f.valueMax = Number(m[5]);
      figures.push(f);
      pos = m.index + m[0].length;
    }
    text += line.slice(pos);
    if (text.includes('[[')) throw new Error(`figures-gold line ${idx + 1}: malformed [[…]]`);
    let options: FigureOptions;
    if (dateMode.kind === 'infer') {
      const d = resolveArticleDate(text, dateMode.fileDate);
      options = { articleDate: d.value, ...(d.source ? { articleDateSource: d.source } : {}), articleDateNote: d.label };
    } else options = dateMode.options;
    cases.push({ line: idx + 1, text, figures, options });
  });
  return cases;
}

export function loadGold(file: string): GoldCase[] {
  return parseGold(fs.readFileSync(file, 'utf8'));
}

/** Same value: numbers within a relative 1e-6, strings and null exactly. */
export function sameValue(a: number | string | null | undefined, b: number | string | null | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
  return (a ?? null) === (b ?? null);
}
