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
/** About one paragraph break in this many ends a block (past the minimum size). */
const CUT_ONE_IN = 48;

/**
 * Splits text into blocks at paragraph breaks chosen by content (a hash of the paragraph that follows),
 * not by position: an edit moves only the boundaries next to it, so the other blocks keep their text
 * and their cached analysis. Blocks are at least `min` long (but the last).
 */
export function splitBlocks(text: string, min = BLOCK_CHARS, whole = WHOLE_TEXT_MAX): { start: number; end: number }[] {
  if (text.length <= whole) return [{ start: 0, end: text.length }];
  const out: { start: number; end: number }[] = [];
  let start = 0;
  let from = min;
  while (start < text.length) {
    let end = text.length;
    if (text.length - start > min) {
      for (let br = text.indexOf('\n\n', start + from); br >= 0; br = text.indexOf('\n\n', br + 2)) {
        const next = br + 2;
        if (next - start >= MAX_BLOCK_CHARS || hashHead(text, next) % CUT_ONE_IN === 0) {
          end = next;
          break;
        }
      }
    }
    out.push({ start, end });
    start = end;
    from = min;
  }
  return out;
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
export function recognizeInBlocks(text: string, lexicon: Lexicon | undefined, cache?: Map<string, RecognizedMention[]>, stats?: { tagged: number; blocks: number }): RecognizedMention[] {
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
    if (mentions) cache!.delete(key); // re-inserted below: least recently used goes first
    else {
      mentions = recognizeEntities(key, ner);
      if (stats) stats.tagged++;
    }
    cache?.set(key, mentions);
    for (const m of mentions) found.push(b.start ? { ...m, start: m.start + b.start, end: m.end + b.start } : m);
  }
  return found;
}

