/**
 * What the pipeline's stages share of one analysed text, computed once per analysis (see
 * `analyze.ts` and "Tokens and sentences" in ARCHITECTURE.md):
 *
 * - `stops`: one scan for the places a sentence can end (every `\n`, `.`, `!`, `?`). The stages'
 *   sentence rules differ (figure relations: a stop, a space and an ASCII capital; the tense of a
 *   date: a stop and a space; quotes: a stop and a space, not after an abbreviation, quoted text
 *   skipped), and each is a view over these positions instead of a scanner of its own;
 * - `runs`: the text's one tokenization (`core/tokens.ts`: runs of word characters and the other
 *   characters), scanned on first use; every stage's tokens are a view over it;
 * - `words`: the topic analysis's word tokens (offsets, lower-case ids, capitalisation, sentence
 *   and paragraph starts), the view of the runs that topics read, built on first use.
 *
 * Every consumer takes the index as an optional argument and builds one when not given it, so
 * calling a stage alone gives the same result as the pipeline.
 */
import { partitionPoint } from './search';
import { scanRuns, type Runs } from './tokens';
import { tokenize as wordTokens, type Tokens as WordTokens } from './topics/tokens';

export class TextIndex {
  /** Offsets of every `\n`, `.`, `!` and `?` in the text, ascending. */
  readonly stops: Int32Array;
  private runs_: Runs | null = null;
  private words_: WordTokens | null = null;

  constructor(readonly text: string) {
    this.stops = scanStops(text);
  }

  /** The runs of the whole text (see `core/tokens.ts`), scanned once. */
  get runs(): Runs {
    if (!this.runs_) this.runs_ = scanRuns(this.text);
    return this.runs_;
  }

  /** The topic analysis's word tokens of the whole text (see `topics/tokens.ts`), built once. */
  get words(): WordTokens {
    if (!this.words_) this.words_ = wordTokens(this.text, this.runs);
    return this.words_;
  }

  /** Index into {@link stops} of the first stop at or after `offset` (`stops.length` when none). */
  stopFrom(offset: number): number {
    const s = this.stops;
    return partitionPoint(s.length, (mid) => s[mid]! < offset);
  }

  /** The first stop at or after `offset`, or `Infinity`. */
  nextStop(offset: number): number {
    const k = this.stopFrom(offset);
    return k < this.stops.length ? this.stops[k]! : Infinity;
  }

  /** The last stop at or before `offset`, or -1. */
  prevStop(offset: number): number {
    const k = this.stopFrom(offset + 1) - 1;
    return k >= 0 ? this.stops[k]! : -1;
  }
}

function scanStops(text: string): Int32Array {
  let out = new Int32Array(Math.max(16, text.length >> 5));
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 46 && c !== 33 && c !== 63) continue;
    if (n === out.length) {
      const bigger = new Int32Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[n++] = i;
  }
  return out.subarray(0, n);
}
