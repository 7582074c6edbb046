/**
 * Text normalization: the core analyses and stores offsets against the article with its BOM
 * removed and every line ending (CRLF, lone CR) turned into LF, so the same article saved on
 * Windows or Unix gives identical results. {@link NormalizedText.toRaw} maps offsets back.
 */
import { partitionPoint } from './search';

export interface NormalizedText {
  /** BOM removed, line endings LF. */
  text: string;
  /** The raw text with its BOM removed (line endings as in the file). */
  raw: string;
  /** True when the raw text started with U+FEFF. */
  hadBom: boolean;
  /** The dominant line ending of the raw text. */
  eol: '\n' | '\r\n';
  /**
   * Maps an offset in {@link text} to the same place in the raw text (BOM removed, EOLs kept); the
   * place before a line's LF is the place before its CR.
   */
  toRaw(offset: number): number;
  /** Maps an offset in the raw text (BOM removed) to {@link text}. */
  fromRaw(offset: number): number;
}

/** Normalizes raw file text (as decoded, possibly with a BOM and CRLF line endings). */
export function normalizeText(raw: string): NormalizedText {
  const hadBom = raw.charCodeAt(0) === 0xfeff;
  const body = hadBom ? raw.slice(1) : raw;
  if (body.indexOf('\r') < 0) {
    return { text: body, raw: body, hadBom, eol: '\n', toRaw: (o) => o, fromRaw: (o) => o };
  }
  // Positions (in normalized text) after which one extra raw code unit was dropped.
  const removedAt: number[] = [];
  let out = '';
  let last = 0;
  let crlf = 0;
  let lf = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 13) {
      if (body.charCodeAt(i + 1) === 10) {
        out += body.slice(last, i);
        last = i + 1; // keep the \n
        removedAt.push(out.length);
        crlf++;
        i++;
      } else {
        out += body.slice(last, i) + '\n';
        last = i + 1;
      }
    } else if (c === 10) {
      lf++;
    }
  }
  out += body.slice(last);
  // An offset at a line end (before the LF) maps to before the CR: a span ending at a line end never
  // takes in the CR, and one starting at the next line starts after the LF.
  const toRaw = (o: number): number => o + countLess(removedAt, o);
  // Largest n such that toRaw(n) <= r.
  const fromRaw = (r: number): number => Math.max(0, partitionPoint(out.length + 1, (n) => toRaw(n) <= r) - 1);
  return { text: out, raw: body, hadBom, eol: crlf > lf ? '\r\n' : '\n', toRaw, fromRaw };
}

/** Number of values `< x` in a sorted array (the index of the first value `>= x`). */
function countLess(sorted: readonly number[], x: number): number {
  return partitionPoint(sorted.length, (mid) => sorted[mid]! < x);
}

/** Number of values `<= x` in a sorted array (the index of the first value `> x`). */
export function countLessOrEqual(sorted: readonly number[], x: number): number {
  return partitionPoint(sorted.length, (mid) => sorted[mid]! <= x);
}

/** Offsets at which each line starts (line 0 starts at 0). Lines end at LF. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Converts an offset to a zero-based line and UTF-16 column, given {@link lineStarts}. */
export function offsetToLineCol(starts: readonly number[], offset: number): { line: number; character: number } {
  const line = Math.max(0, countLessOrEqual(starts, offset) - 1);
  return { line, character: offset - starts[line]! };
}

/** Paragraphs: maximal runs of non-blank lines. Returned as spans without the trailing newline. */
export function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    out.push({ start, end });
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogate(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const hi = text.charCodeAt(offset - 1);
  const lo = text.charCodeAt(offset);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}
