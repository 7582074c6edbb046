/**
 * Incremental analysis for long documents (liveblogs, transcripts, whole books of wire copy):
 * entity recognition — by far the most expensive stage — runs per block of paragraphs (16–96 k
 * characters) and is cached by the block's text, so after an edit only the block that changed is
 * tagged again; name linking, figures, quotes and topics (cheap, and document-wide by nature) run on
 * the whole text. The result is always the same as {@link analyze}'s (which tags long texts by the
 * same blocks).
 *
 * Trade-off: in texts over 256 k characters, document-level consistency of entity types reaches
 * across one block (16–96 k characters), not the whole text; articles are tagged whole.
 */
import { analyzeWith, type AnalyzeOptions } from './analyze';
import type { Lexicon } from './lexicon';
import { recognizeInBlocks } from './blocks';
import type { RecognizedMention } from './ner';
import type { Analysis } from './types';

/** Cached blocks kept (about 16 MB of text). */
const MAX_CACHED = 512;

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
    const stats = { tagged: 0, blocks: 0 };
    const found = recognizeInBlocks(text, options.lexicon, this.cache, stats);
    this.lastBlocks = stats.blocks;
    this.lastTagged = stats.tagged;
    while (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    return analyzeWith(text, options, found);
  }
}
