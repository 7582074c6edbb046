/**
 * Quote-mark detection: finds the spans of quoted text, before any attribution.
 *
 * - Double quotes: straight `"`, curly `“ ”`, low `„`, guillemets `« »`. A mark's role (opening,
 *   closing) comes from its glyph and from what flanks it, so `”Hello”` and `"no"` inside `“…”` work.
 * - Single quotes (`'…'`, `‘…’`) count as quotes in the headline line (`'All very positive': …`),
 *   as nested quotes inside a double quote, and as the body's quotes when the article quotes in
 *   single marks (British style: no double mark after the headline, and a single-quoted passage
 *   closed by punctuation, `‘We will,’ she said`). Apostrophes (`Trump’s`, `’90s`, `rock 'n' roll`,
 *   `voters'`) never open a quote; a plural possessive (`the players' union`) does not close one
 *   when the line closes it later after punctuation.
 * - A quote never crosses a line break, except by the news convention for multi-paragraph quotes:
 *   a paragraph that opens a quote without closing it, followed by a paragraph that starts with an
 *   opening mark, continues the same quote. Each paragraph's part is its own span; the parts share
 *   a `group` (the index of the first part) so attribution treats them as one quote.
 * - Unbalanced marks never swallow text past their own paragraph: an unclosed quote ends at the end
 *   of its line (or just before a second opening mark, which then starts a new quote).
 * - Nicknames (`Ahmed 'Mido' Hossam`, `Dwayne "The Rock" Johnson`) are not quotes.
 */
import type { Span } from '../types';

export interface RawQuote extends Span {
  /** Single-quoted headline quote or double quote. */
  marks: 'double' | 'single';
  /** The quote lies in the article's first (headline) line. */
  headline: boolean;
  /** False when the closing mark is missing and the quote was cut at the end of its paragraph. */
  closed: boolean;
  /** Index (into the returned array) of the first part of a multi-paragraph quote; its own index otherwise. */
  group: number;
  /** 0 for the first (or only) part, 1 for the second paragraph, … */
  part: number;
  /** Single-quoted passages inside a double quote. */
  nested: Span[];
}

const enum Role {
  Open,
  Close,
  Ambiguous,
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200b;
}

/** Letters and digits, ASCII and beyond (not punctuation blocks). */
export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0xc0 && c < 0x2000) return true;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xfe30 && c <= 0xfe4f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  return c >= 0x2c00;
}

/** Characters after which an opening mark may stand (besides space and line start). */
function opensAfter(c: number): boolean {
  return (
    c === 40 ||
    c === 91 ||
    c === 123 ||
    c === 0x2014 ||
    c === 0x2013 ||
    c === 45 ||
    c === 47 ||
    c === 58 ||
    c === 0x201c ||
    c === 0x2018 ||
    c === 34 ||
    c === 39 ||
    c === 0x2026 ||
    c === 0xab ||
    c === 0x201e ||
    c === 62
  );
}

/** Characters before which a closing mark may stand (besides space and line end). */
function closesBefore(c: number): boolean {
  return (
    c === 46 ||
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 33 ||
    c === 63 ||
    c === 41 ||
    c === 93 ||
    c === 125 ||
    c === 0x2014 ||
    c === 0x2013 ||
    c === 45 ||
    c === 47 ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 34 ||
    c === 39 ||
    c === 0x2026 ||
    c === 0xbb ||
    c === 60
  );
}

function isDoubleMark(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb;
}

function isSingleMark(c: number): boolean {
  return c === 39 || c === 0x2018 || c === 0x2019;
}

interface Line {
  start: number;
  end: number;
}

/** Finds quote spans in normalized text. Never throws; spans are sorted and do not overlap. */
export function detectQuotes(text: string): RawQuote[] {
  const out: RawQuote[] = [];
  const n = text.length;
  // The headline: the first non-blank line.
  let headStart = 0;
  while (headStart < n && isSpace(text.charCodeAt(headStart))) headStart++;
  // A headline is a short first line; a long one is body text.
  let headEnd = headStart;
  while (headEnd < n && headEnd - headStart <= 300 && text.charCodeAt(headEnd) !== 10) headEnd++;
  if (headEnd - headStart > 300) headStart = -1;

  const singles = singleQuoteStyle(text, headStart >= 0 ? headEnd : 0);
  let ls = 0;
  /** Set when the previous paragraph ended inside a quote that the next paragraph continues. */
  let carry: Carry | null = null;
  while (ls <= n) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = n;
    // Blank lines between the parts of a multi-paragraph quote keep the carry.
    if (!isBlank(text, ls, le)) {
      const line = { start: ls, end: le };
      const headline = ls === headStart;
      carry = singles && !headline ? scanSingleLine(text, line, carry, out) : scanLine({ text, line, headline, out }, carry);
    }
    ls = le + 1;
  }
  return out;
}

/** An opening single mark at `i` (not an apostrophe or elision), within the line `[ls, le)`. */
function opensSingle(text: string, i: number, ls: number, le: number): boolean {
  const c = text.charCodeAt(i);
  if (!isSingleMark(c) || c === 0x2019) return false;
  const prev = i > ls ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < le ? text.charCodeAt(i + 1) : -1;
  return (
    next >= 0 && isWordChar(next) && !isElision(text, i + 1, le) && (prev < 0 || isSpace(prev) || (opensAfter(prev) && !isSingleMark(prev)))
  );
}

/** A closing single mark at `i`; `strong` when punctuation stands before it (`,’` `.’` `?’` `!’`). */
function closesSingle(text: string, i: number, ls: number, le: number): 'no' | 'weak' | 'strong' {
  const c = text.charCodeAt(i);
  if (!isSingleMark(c) || c === 0x2018) return 'no';
  const prev = i > ls ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < le ? text.charCodeAt(i + 1) : -1;
  if (prev < 0 || isSpace(prev) || !(next < 0 || isSpace(next) || closesBefore(next))) return 'no';
  return prev === 44 || prev === 46 || prev === 63 || prev === 33 || prev === 0x2026 ? 'strong' : 'weak';
}

/**
 * British style: the body quotes in single marks. Decided once per article: no double mark after
 * the headline (nor a pair of apostrophes standing for one), and at least one passage opened by a
 * single mark and closed by one after punctuation on the same line (`‘We will,’ she said.`), which
 * apostrophes do not produce.
 */
function singleQuoteStyle(text: string, bodyStart: number): boolean {
  let evidence = false;
  let ls = bodyStart;
  const n = text.length;
  while (ls < n) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = n;
    let open = -1;
    for (let i = ls; i < le; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xab && c !== 34 && c !== 39) continue;
      if (isDoubleMark(c)) return false;
      // Two apostrophes standing for a double mark (`''Yes,'' he said`, older wire and archive text):
      // not British style, whose single marks would be read wrongly.
      if (c === 39 && text.charCodeAt(i + 1) === 39) return false;
      if (evidence || !isSingleMark(c)) continue;
      if (open >= 0 && i - open > 2 && closesSingle(text, i, ls, le) === 'strong') evidence = true;
      else if (open < 0 && opensSingle(text, i, ls, le)) open = i;
    }
    ls = le + 1;
  }
  return evidence;
}

/**
 * Scans one body line of an article that quotes in single marks (see {@link singleQuoteStyle}).
 * A quote opened at the start of a paragraph and left open continues when the next paragraph opens
 * with a single mark; one left open inside a paragraph is dropped (most likely a stray apostrophe).
 */
function scanSingleLine(text: string, line: Line, carry: Carry | null, out: RawQuote[]): Carry | null {
  const { start: ls, end: le } = line;
  let from = ls;
  let open = -1;
  let cont = carry;
  if (cont) {
    let i = ls;
    while (i < le && isSpace(text.charCodeAt(i))) i++;
    if (i < le && opensSingle(text, i, ls, le)) {
      open = i;
      from = i + 1;
    } else cont = null;
  }
  for (let i = from; i < le; i++) {
    const c = text.charCodeAt(i);
    if (c !== 39 && c !== 0x2018 && c !== 0x2019) continue;
    if (open < 0) {
      if (opensSingle(text, i, ls, le)) open = i;
      continue;
    }
    const close = closesSingle(text, i, ls, le);
    if (close === 'no' || i - open <= 2) {
      // A second opening mark while one is open: the first was an apostrophe or lacks its close.
      if (close === 'no' && opensSingle(text, i, ls, le) && !cont) open = i;
      continue;
    }
    // `the players' union`: a plural possessive, when the quote closes later after punctuation.
    if (close === 'weak' && possessive(text, i, le) && strongCloseLater(text, i + 1, ls, le)) continue;
    if (cont || !isNickname(text, open, i + 1, ls, le)) {
      const group = cont ? cont.group : out.length;
      out.push({ start: open, end: i + 1, marks: 'single', headline: false, closed: true, group, part: cont ? cont.part : 0, nested: [] });
    }
    cont = null;
    open = -1;
  }
  if (open < 0) return null;
  let e = le;
  while (e > open + 1 && isSpace(text.charCodeAt(e - 1))) e--;
  let atParagraphStart = true;
  for (let i = ls; i < open; i++) if (!isSpace(text.charCodeAt(i))) atParagraphStart = false;
  if (!cont && !atParagraphStart) return null;
  const next = continuesInNextParagraph(text, le, true);
  const group = cont ? cont.group : out.length;
  const part = cont ? cont.part : 0;
  out.push({ start: open, end: e, marks: 'single', headline: false, closed: false, group, part, nested: [] });
  return next ? { group, part: part + 1 } : null;
}

/** The mark at `i` may be a plural possessive: after an `s`, before a space and a word (`players' union`). */
function possessive(text: string, i: number, le: number): boolean {
  const prev = text.charCodeAt(i - 1);
  return (prev === 115 || prev === 83) && i + 2 < le && isSpace(text.charCodeAt(i + 1)) && isWordChar(text.charCodeAt(i + 2));
}

/** A closing single mark after punctuation later in `[from, le)`. */
function strongCloseLater(text: string, from: number, ls: number, le: number): boolean {
  for (let i = from; i < le; i++) {
    const c = text.charCodeAt(i);
    if ((c === 39 || c === 0x2019) && closesSingle(text, i, ls, le) === 'strong') return true;
  }
  return false;
}

interface Carry {
  group: number;
  part: number;
}

/** One line being scanned for double quotes, and where its quotes go. */
interface LineScan {
  text: string;
  line: Line;
  /** The line is the headline (single-quoted quotes count there). */
  headline: boolean;
  out: RawQuote[];
}

/** A double quote found by {@link scanLine}, before {@link emit} checks it. */
interface Found {
  start: number;
  end: number;
  /** False when the closing mark is missing. */
  closed: boolean;
  /** The quote continues the multi-paragraph quote of the previous line. */
  cont: Carry | null;
  /** Single-quoted passages inside it. */
  nested: Span[];
}

/**
 * Scans one line. `carry` says the line is expected to start with the opening mark that continues
 * a multi-paragraph quote. Returns the carry for the next line.
 */
function scanLine(scan: LineScan, carry: Carry | null): Carry | null {
  const { text, line, headline, out } = scan;
  const { start: ls, end: le } = line;
  let from = ls;
  let cont = carry;
  let stack: number[] = [];
  if (cont) {
    // The continuation must open the paragraph; whitespace aside.
    let i = ls;
    while (i < le && isSpace(text.charCodeAt(i))) i++;
    if (i < le && isDoubleMark(text.charCodeAt(i)) && markRole(text, i, ls, le) !== Role.Close) {
      stack = [i];
      from = i + 1;
    } else cont = null;
  }
  let single = -1;
  let nested: Span[] = [];
  let singleHead = -1;
  for (let i = from; i < le; i++) {
    const c = text.charCodeAt(i);
    // Fast path: everything below U+00AB except `"` and `'`.
    if (c < 0xab && c !== 34 && c !== 39) continue;
    if (isDoubleMark(c)) {
      const role = markRole(text, i, ls, le);
      if (!stack.length) {
        if (role === Role.Open) {
          stack.push(i);
          single = -1;
          nested = [];
          singleHead = -1;
        }
        continue;
      }
      if (role === Role.Open) {
        // Straight marks do not nest (a quote inside a quote takes single marks): a second opening
        // `"` means the open quote lacks its closing mark. It ends before this one, which starts
        // a new quote — the same quote's next part when a sentence ended before it (paragraphs run
        // together), else another quote, maybe another speaker's.
        if (c === 34 && stack.length === 1 && text.charCodeAt(stack[0]!) === 34) {
          cont = splitUnclosed(scan, stack[0]!, i, cont, nested);
          stack[0] = i;
          single = -1;
          nested = [];
          continue;
        }
        stack.push(i);
        continue;
      }
      const bottom = stack[0]!;
      stack.pop();
      if (!stack.length) {
        emit(scan, { start: bottom, end: i + 1, closed: true, cont, nested });
        cont = null;
        single = -1;
        nested = [];
      }
      continue;
    }
    if (!isSingleMark(c) || (!stack.length && !headline)) continue;
    const prev = i > ls ? text.charCodeAt(i - 1) : -1;
    const next = i + 1 < le ? text.charCodeAt(i + 1) : -1;
    // An apostrophe inside a word (Trump’s, don't) is never a quote mark.
    if (prev >= 0 && next >= 0 && isWordChar(prev) && isWordChar(next)) continue;
    const canOpen =
      c !== 0x2019 && next >= 0 && isWordChar(next) && !isElision(text, i + 1, le) && (prev < 0 || isSpace(prev) || opensAfter(prev));
    const canClose = c !== 0x2018 && prev >= 0 && !isSpace(prev) && (next < 0 || isSpace(next) || closesBefore(next));
    if (stack.length) {
      if (single < 0 && canOpen) single = i;
      else if (single >= 0 && canClose && i - single > 2) {
        nested.push({ start: single, end: i + 1 });
        single = -1;
      }
    } else if (headline) {
      if (singleHead < 0 && canOpen) singleHead = i;
      else if (singleHead >= 0 && canClose && i - singleHead > 2) {
        if (!isNickname(text, singleHead, i + 1, ls, le)) {
          out.push({
            start: singleHead,
            end: i + 1,
            marks: 'single',
            headline: true,
            closed: true,
            group: out.length,
            part: 0,
            nested: [],
          });
        }
        singleHead = -1;
      }
    }
  }
  if (!stack.length) return null;
  return emitUnclosed(scan, stack, cont, nested);
}

/**
 * Emits the quotes still open at the end of the line, their opening marks in `stack`. Returns the
 * carry for the next line.
 */
function emitUnclosed(scan: LineScan, stack: number[], cont: Carry | null, nested: Span[]): Carry | null {
  const { text, line, out } = scan;
  // Unclosed at the end of the line. An opening mark followed by another still-open one most likely
  // lacks its closing mark: that quote ends before the next opening mark. The last one runs to the
  // end of the line, or continues in the next paragraph.
  for (let k = 0; k + 1 < stack.length; k++) {
    const a = stack[k]!;
    let e = stack[k + 1]!;
    while (e > a + 1 && isSpace(text.charCodeAt(e - 1))) e--;
    emit(scan, {
      start: a,
      end: e,
      closed: false,
      cont: k === 0 ? cont : null,
      nested: nested.filter((x) => x.start >= a && x.end <= e),
    });
  }
  const bottom = stack[stack.length - 1]!;
  let e = line.end;
  while (e > bottom + 1 && isSpace(text.charCodeAt(e - 1))) e--;
  const next = continuesInNextParagraph(text, line.end);
  const idx = out.length;
  const own = nested.filter((x) => x.start >= bottom);
  if (!emit(scan, { start: bottom, end: e, closed: next, cont: stack.length === 1 ? cont : null, nested: own })) return null;
  if (!next) return null;
  const q = out[idx]!;
  return { group: q.group, part: q.part + 1 };
}

/**
 * Emits the quote opened at `open` and left unclosed when another straight quote opens at `next`:
 * it ends before `next`. Returns the carry for the quote starting at `next`: its next part when the
 * unclosed one ended a sentence (`… 26 weeks. "We are …`: run-together paragraphs of one quote).
 */
function splitUnclosed(scan: LineScan, open: number, next: number, cont: Carry | null, nested: Span[]): Carry | null {
  const { text, out } = scan;
  let e = next;
  while (e > open + 1 && isSpace(text.charCodeAt(e - 1))) e--;
  const idx = out.length;
  if (!emit(scan, { start: open, end: e, closed: false, cont, nested: nested.filter((x) => x.start >= open && x.end <= e) })) return null;
  let k = e - 1;
  while (k > open && (text.charCodeAt(k) === 41 || text.charCodeAt(k) === 39 || text.charCodeAt(k) === 0x2019)) k--;
  const c = text.charCodeAt(k);
  if (c !== 46 && c !== 63 && c !== 33 && c !== 0x2026) return null;
  const q = out[idx]!;
  return { group: q.group, part: q.part + 1 };
}

function isBlank(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * True when the paragraph after `le` starts with an opening mark: a double one, or with `single` a
 * single one (British style).
 */
function continuesInNextParagraph(text: string, le: number, single = false): boolean {
  let i = le;
  const n = text.length;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (i >= n || i === le) return false;
  let e = text.indexOf('\n', i);
  if (e < 0) e = n;
  if (single) return opensSingle(text, i, i, e);
  return isDoubleMark(text.charCodeAt(i)) && markRole(text, i, i, e) !== Role.Close;
}

/** Adds a double quote to the scan's quotes unless it is only marks and spaces, or a nickname. */
function emit(scan: LineScan, found: Found): boolean {
  const { text, line, headline, out } = scan;
  const { start, end, closed, cont, nested } = found;
  // Needs some content besides marks and spaces.
  let content = false;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && !isDoubleMark(c)) {
      content = true;
      break;
    }
  }
  if (!content) return false;
  if (!cont && closed && isNickname(text, start, end, line.start, line.end)) return false;
  const group = cont ? cont.group : out.length;
  out.push({ start, end, marks: 'double', headline, closed, group, part: cont ? cont.part : 0, nested: nested.slice() });
  return true;
}

/** The role of the double mark at `i` within the line `[ls, le)`. */
function markRole(text: string, i: number, ls: number, le: number): Role {
  const c = text.charCodeAt(i);
  const prev = i > ls ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < le ? text.charCodeAt(i + 1) : -1;
  const left = next >= 0 && !isSpace(next) && (prev < 0 || isSpace(prev) || opensAfter(prev));
  const right = prev >= 0 && !isSpace(prev) && (next < 0 || isSpace(next) || closesBefore(next));
  if (c === 0x201c || c === 0x201e || c === 0xab) return right && !left ? Role.Close : Role.Open;
  if (c === 0x201d || c === 0xbb) return left && !right ? Role.Open : Role.Close;
  if (left && !right) return Role.Open;
  if (right && !left) return Role.Close;
  return Role.Ambiguous;
}

/** `'n'`, `'90s`, `'em`, `'til`: elided words starting with an apostrophe. */
function isElision(text: string, i: number, le: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) return true; // ’90s, '08
  let e = i;
  while (e < le && isWordChar(text.charCodeAt(e))) e++;
  const w = text.slice(i, e).toLowerCase();
  return w === 'n' || w === 'em' || w === 'til' || w === 'cause' || w === 'tis' || w === 'twas';
}

/** A short capitalised quoted name between two capitalised words: `Ahmed 'Mido' Hossam`. */
function isNickname(text: string, start: number, end: number, ls: number, le: number): boolean {
  if (end - start > 40) return false;
  const inner = text.slice(start + 1, end - 1);
  if (!/^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}$/u.test(inner)) return false;
  const before = text.slice(Math.max(ls, start - 30), start);
  const after = text.slice(end, Math.min(le, end + 30));
  return /\p{Lu}[\p{L}.'’-]* $/u.test(before) && /^ \p{Lu}/u.test(after);
}
