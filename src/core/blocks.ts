/**
 * Long texts are tagged block by block: blocks of paragraphs cut where the content says (not at
 * fixed positions), so that after an edit only the block that changed needs tagging again, and
 * memory stays bounded by the block size (the tagger keeps every token's features for its second
 * pass). Texts up to {@link WHOLE_TEXT_MAX} are one block.
 */
import type { Lexicon } from './lexicon';
import { recognizeEntities, type RecognizedMention } from './ner';

/** Texts up to this size are tagged whole (one block): document-level consistency over the whole article. */
export const WHOLE_TEXT_MAX = 256 * 1024;
/** Smallest block (characters); blocks end at paragraph breaks. */
export const BLOCK_CHARS = 16 * 1024;
/** A block is cut at the first paragraph break past this size whatever its content. */
const MAX_BLOCK_CHARS = 6 * BLOCK_CHARS;
/**
 * A block longer than this (a paragraph of hundreds of kilobytes: one line of a transcript, a
 * sentence repeated, text without line breaks) is cut inside its last paragraph, so that the tagger's
 * memory stays bounded whatever the text. Articles never come near it.
 */
const HARD_MAX_BLOCK_CHARS = 2 * MAX_BLOCK_CHARS;
/** About one paragraph break in this many ends a block (past the minimum size). */
const CUT_ONE_IN = 48;

/**
 * Splits text into blocks at paragraph breaks chosen by content (a hash of the paragraph that follows),
 * not by position: an edit moves only the boundaries next to it, so the other blocks keep their text
 * and their cached analysis. Blocks are at least `min` long (but the last), and a paragraph too long
 * for one block is cut inside (see {@link cutInside}).
 */
export function splitBlocks(text: string, min = BLOCK_CHARS, whole = WHOLE_TEXT_MAX): { start: number; end: number }[] {
  if (text.length <= whole) return [{ start: 0, end: text.length }];
  const out: { start: number; end: number }[] = [];
  let start = 0;
  let from = min;
  while (start < text.length) {
    let end = text.length;
    if (text.length - start > min) {
      const limit = start + HARD_MAX_BLOCK_CHARS;
      for (let br = nextBreak(text, start + from, limit); br >= 0; br = nextBreak(text, br + 2, limit)) {
        const next = br + 2;
        if (next - start >= MAX_BLOCK_CHARS || hashHead(text, next) % CUT_ONE_IN === 0) {
          end = next;
          break;
        }
      }
    }
    if (end - start > HARD_MAX_BLOCK_CHARS) end = cutInside(text, start, min);
    out.push({ start, end });
    start = end;
    from = min;
  }
  return out;
}

/**
 * Where to end a block that starts at `start` inside one very long paragraph: within
 * `[start + min, start + MAX_BLOCK_CHARS]`, after a line break, else after a sentence's end, else
 * after a space, else anywhere but inside a surrogate pair. Among places of the best kind the first
 * chosen by the content that follows (as for paragraph breaks, so an edit moves only the cuts near
 * it), else the last.
 */
function cutInside(text: string, start: number, min: number): number {
  const lo = start + min;
  const hi = Math.min(text.length, start + MAX_BLOCK_CHARS);
  const kinds: ((i: number) => boolean)[] = [
    (i) => text.charCodeAt(i - 1) === 10,
    (i) => isSpaceCode(text.charCodeAt(i - 1)) && isSentenceEnd(text.charCodeAt(i - 2)),
    (i) => isSpaceCode(text.charCodeAt(i - 1)),
  ];
  for (const at of kinds) {
    let last = -1;
    for (let i = lo; i <= hi; i++) {
      if (!at(i)) continue;
      if (hashHead(text, i) % CUT_ONE_IN === 0) return i;
      last = i;
    }
    if (last >= 0) return last;
  }
  const c = text.charCodeAt(hi - 1);
  return c >= 0xd800 && c <= 0xdbff ? hi - 1 : hi;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 0xa0 || c === 0x3000;
}

function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/** The first paragraph break (`\n\n`) at or after `from` that ends by `limit`, or -1 (reads no further). */
function nextBreak(text: string, from: number, limit: number): number {
  const to = Math.min(limit, text.length);
  for (let i = from; i + 2 <= to; i++) if (text.charCodeAt(i) === 10 && text.charCodeAt(i + 1) === 10) return i;
  return -1;
}

/** A small hash of the first characters of the paragraph starting at `at`. */
function hashHead(text: string, at: number): number {
  let h = 2166136261;
  const end = Math.min(text.length, at + 48);
  for (let i = at; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Entity mentions of a long text tagged block by block (memory stays bounded by the block size: the
 * tagger keeps every token's features for its second pass). `cache`: tags of blocks seen before.
 */
export function recognizeInBlocks(
  text: string,
  lexicon: Lexicon | undefined,
  cache?: Map<string, RecognizedMention[]>,
  stats?: { tagged: number; blocks: number },
): RecognizedMention[] {
  const blocks = splitBlocks(text);
  if (stats) {
    stats.blocks = blocks.length;
    stats.tagged = 0;
  }
  const found: RecognizedMention[] = [];
  const ner = lexicon ? { lexicon } : {};
  for (const b of blocks) {
    const key = text.slice(b.start, b.end);
    let mentions = cache?.get(key);
    if (mentions)
      cache!.delete(key); // re-inserted below: least recently used goes first
    else {
      mentions = recognizeEntities(key, ner);
      if (stats) stats.tagged++;
    }
    cache?.set(key, mentions);
    for (const m of mentions) found.push(b.start ? { ...m, start: m.start + b.start, end: m.end + b.start } : m);
  }
  return found;
}
