/**
 * Incremental analysis for long documents (liveblogs, transcripts, whole books of wire copy):
 * entity recognition — by far the most expensive stage — runs per block of paragraphs (16–96 k
 * characters) and is cached by the block's text, so after an edit only the block that changed is
 * tagged again; name linking, figures, quotes and topics (cheap, and document-wide by nature) run on
 * the whole text. A text of one block is analysed exactly like {@link analyze}.
 *
 * Trade-off: document-level consistency of entity types reaches across one block, not the whole
 * text; for an article (one block) nothing changes.
 */
import { analyzeWith, type AnalyzeOptions } from './analyze';
import type { Lexicon } from './lexicon';
import { recognizeEntities, type RecognizedMention } from './ner';
import type { Analysis } from './types';

/** Smallest block (characters); blocks end at paragraph breaks. */
export const BLOCK_CHARS = 16 * 1024;
/** A block is cut at the first paragraph break past this size whatever its content. */
const MAX_BLOCK_CHARS = 6 * BLOCK_CHARS;
/** About one paragraph break in this many ends a block (past the minimum size). */
const CUT_ONE_IN = 48;
/** Cached blocks kept (about 16 MB of text). */
const MAX_CACHED = 512;

/**
 * Splits text into blocks at paragraph breaks chosen by content (a hash of the paragraph that follows),
 * not by position: an edit moves only the boundaries next to it, so the other blocks keep their text
 * and their cached analysis. Blocks are at least `min` long (but the last).
 */
export function splitBlocks(text: string, min = BLOCK_CHARS): { start: number; end: number }[] {
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

export class IncrementalAnalyzer {
  private cache = new Map<string, RecognizedMention[]>();
  private lexicon: Lexicon | undefined;
  /** Blocks tagged by the last {@link analyze} call (the rest came from the cache). */
  lastTagged = 0;
  lastBlocks = 0;

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    if (options.lexicon !== this.lexicon) {
      // The user's names changed: cached tags may be wrong now.
      this.cache.clear();
      this.lexicon = options.lexicon;
    }
    const blocks = splitBlocks(text);
    this.lastBlocks = blocks.length;
    this.lastTagged = 0;
    const found: RecognizedMention[] = [];
    const ner = options.lexicon ? { lexicon: options.lexicon } : {};
    for (const b of blocks) {
      const key = text.slice(b.start, b.end);
      let mentions = this.cache.get(key);
      if (mentions) {
        // Refresh its place in the insertion order (least recently used goes first).
        this.cache.delete(key);
      } else {
        mentions = recognizeEntities(key, ner);
        this.lastTagged++;
      }
      this.cache.set(key, mentions);
      for (const m of mentions) found.push({ ...m, start: m.start + b.start, end: m.end + b.start });
    }
    while (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    return analyzeWith(text, options, found);
  }
}
