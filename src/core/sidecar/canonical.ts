/**
 * The fast path through an annotation file in exactly the layout `serializeSidecar` writes: top-level
 * `key: value` lines, and lists whose items are one-line flow mappings (`  - {id: …, type: …}`). Each
 * item becomes a plain record at once — no node tree — so a file of hundreds of thousands of
 * annotations is read at tens of megabytes per second with little garbage. Anything else gives
 * undefined and the caller uses the general reader (`lightYaml.ts`, then the YAML library); a unit
 * test checks that both read the same values.
 */
import { coreScalar, plainScalar, quotedScalar } from './lightYaml';

/** A mapping read from the file: keys to scalars, nested records or lists; null prototype. */
export type Rec = Record<string, unknown>;

export interface CanonicalFile {
  /** Top-level keys to their values (lists of records for the three lists). */
  top: Rec;
  /** 1-based line of each top-level key. */
  topLines: Record<string, number>;
  /** 1-based line of the first item of each list (items follow one a line). */
  firstItemLine: Record<string, number>;
}

const LISTS = new Set(['subjects', 'sections', 'annotations']);

/**
 * Reads a file in our own layout (LF line endings, no BOM), or undefined when it is not exactly that.
 * With `onAnnotation`, the items of `annotations` are handed over one by one (with their line) instead
 * of being kept: each becomes garbage at once, so even a very large file needs little memory.
 */
export function readCanonical(src: string, onAnnotation?: (rec: Rec, line: number) => void): CanonicalFile | undefined {
  const top: Rec = Object.create(null);
  const topLines: Record<string, number> = Object.create(null);
  const firstItemLine: Record<string, number> = Object.create(null);
  let pos = 0;
  let line = 0;
  let list: unknown[] | null = null;
  let streaming = false;
  while (pos < src.length) {
    let end = src.indexOf('\n', pos);
    if (end < 0) end = src.length;
    line++;
    const c0 = src.charCodeAt(pos);
    if (end === pos) return undefined; // the writer writes no empty line
    if (c0 === 35) {
      // A comment line.
    } else if (c0 === 32) {
      // A list item: "  - {…}".
      if (!list || !src.startsWith('  - {', pos)) return undefined;
      const r = flowRecord(src, pos + 4, end);
      if (!r || r.end !== end) return undefined;
      if (streaming) onAnnotation!(r.rec, line);
      else list.push(r.rec);
    } else {
      const colon = src.indexOf(': ', pos);
      const bare = src.charCodeAt(end - 1) === 58 && (colon < 0 || colon >= end);
      const keyEnd = bare ? end - 1 : colon;
      if (keyEnd < 0 || keyEnd > end) return undefined;
      const key = src.slice(pos, keyEnd);
      if (!/^[a-zA-Z]+$/.test(key) || key in top) return undefined;
      topLines[key] = line;
      list = null;
      streaming = false;
      if (bare) {
        if (!LISTS.has(key)) return undefined;
        top[key] = list = [];
        firstItemLine[key] = line + 1;
        streaming = key === 'annotations' && !!onAnnotation;
      } else {
        const raw = src.slice(keyEnd + 2, end);
        if (raw === '[]' && LISTS.has(key)) top[key] = [];
        else {
          const v = scalarAt(raw, 0, raw.length, false);
          if (!v || v.end !== raw.length) return undefined;
          top[key] = v.value;
        }
      }
    }
    pos = end + 1;
  }
  return { top, topLines, firstItemLine };
}

/** A scalar starting at `i` of `s` and ending before `stop` (flow: at `,` `}` `]`). */
function scalarAt(s: string, i: number, stop: number, flow: boolean): { value: unknown; end: number } | undefined {
  const c = s.charCodeAt(i);
  if (c === 34 || c === 39) {
    const q = quotedScalar(s, i);
    return q && q.end <= stop ? q : undefined;
  }
  let j = i;
  if (flow) {
    while (j < stop) {
      const d = s.charCodeAt(j);
      if (d === 44 || d === 125 || d === 93) break;
      j++;
    }
  } else j = stop;
  const raw = s.slice(i, j);
  if (raw === '' || raw.charCodeAt(raw.length - 1) === 32) return undefined;
  // Offsets and other whole numbers are the common case: no need for the general rules.
  const value = /^(?:0|[1-9][0-9]{0,14})$/.test(raw) ? Number(raw) : plainScalar(raw, flow);
  return value === undefined ? undefined : { value, end: j };
}

/** A one-line flow mapping `{key: value, …}` starting at `i` (at its `{`), keys plain words. */
function flowRecord(s: string, i: number, stop: number, depth = 0): { rec: Rec; end: number } | undefined {
  if (s.charCodeAt(i) !== 123 || depth > 2) return undefined;
  // A plain object is much faster to fill than a null-prototype one; keys are words (never __proto__)
  // and are checked as own properties.
  const rec: Rec = {};
  i++;
  if (s.charCodeAt(i) === 125) return { rec, end: i + 1 };
  for (;;) {
    let k = i;
    while (k < stop && isWordChar(s.charCodeAt(k))) k++;
    if (k === i || s.charCodeAt(k) !== 58 || s.charCodeAt(k + 1) !== 32) return undefined;
    const key = knownKey(s, i, k) ?? s.slice(i, k);
    if (Object.hasOwn(rec, key) || key === 'constructor') return undefined;
    i = k + 2;
    const c = s.charCodeAt(i);
    if (c === 123) {
      const r = flowRecord(s, i, stop, depth + 1);
      if (!r) return undefined;
      rec[key] = r.rec;
      i = r.end;
    } else if (c === 91) {
      const r = numberList(s, i, stop);
      if (!r) return undefined;
      rec[key] = r.list;
      i = r.end;
    } else {
      const n = wholeNumberAt(s, i, stop);
      if (n >= 0) {
        rec[key] = n;
        i = numberEnd;
      } else {
        const v = scalarAt(s, i, stop, true);
        if (!v) return undefined;
        rec[key] = v.value;
        i = v.end;
      }
    }
    const d = s.charCodeAt(i);
    if (d === 125) return { rec, end: i + 1 };
    if (d !== 44 || s.charCodeAt(i + 1) !== 32) return undefined;
    i += 2;
  }
}

/**
 * The keys this file's records use, by length: a key read from the file is one of these strings
 * (compared in place), so a large file does not make a new string for every key of every record.
 */
const KEYS_BY_LENGTH: string[][] = [];
for (const key of [
  'id',
  'kind',
  'type',
  'start',
  'end',
  'text',
  'status',
  'origin',
  'by',
  'anchor',
  'entity',
  'value',
  'unit',
  'speaker',
  'confidence',
  'note',
  'prefix',
  'suffix',
  'candidates',
  'conflict',
  'name',
  'code',
  'label',
  'score',
  'subject',
])
  (KEYS_BY_LENGTH[key.length] ??= []).push(key);

/** The known key spelled by `s[i, k)`, or undefined. */
function knownKey(s: string, i: number, k: number): string | undefined {
  const candidates = KEYS_BY_LENGTH[k - i];
  if (candidates) for (const key of candidates) if (s.startsWith(key, i)) return key;
  return undefined;
}

/** Where the number read by {@link wholeNumberAt} ended. */
let numberEnd = 0;

/**
 * A whole number (`0` or up to 15 digits without a leading zero) at `i`, ending at a flow delimiter
 * (`,` `}` `]`) before `stop`; -1 when the scalar there is anything else (then read by the general
 * rules). The common case of every record — offsets — read without making a string.
 */
function wholeNumberAt(s: string, i: number, stop: number): number {
  let j = i;
  let n = 0;
  while (j < stop) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    j++;
  }
  const digits = j - i;
  if (digits === 0 || digits > 15 || (digits > 1 && s.charCodeAt(i) === 48)) return -1;
  const d = j < stop ? s.charCodeAt(j) : -1;
  if (d !== 44 && d !== 125 && d !== 93) return -1;
  numberEnd = j;
  return n;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** `[1, 2, 3]`: whole numbers only (candidate offsets). */
function numberList(s: string, i: number, stop: number): { list: number[]; end: number } | undefined {
  const close = s.indexOf(']', i);
  if (close < 0 || close >= stop) return undefined;
  const body = s.slice(i + 1, close);
  if (body === '') return { list: [], end: close + 1 };
  const parts = body.split(', ');
  const list: number[] = [];
  for (const p of parts) {
    if (!/^(?:0|[1-9][0-9]{0,14})$/.test(p)) return undefined;
    list.push(coreScalar(p) as number);
  }
  return { list, end: close + 1 };
}
