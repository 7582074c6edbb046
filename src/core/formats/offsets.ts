/**
 * Offsets between this project and the tools it exchanges files with. The annotation model counts
 * UTF-16 code units in the article with its BOM removed and every line ending turned into LF (see
 * `text.ts`); brat, W3C Web Annotation, spaCy, Label Studio and doccano count **code points** in the
 * text **as they see it**: the file's characters, with CRLF line endings when the file has them
 * (two characters each), and — for brat, which reads the file itself — the BOM as character 0.
 *
 * A {@link TextView} is built from that seen text and maps both ways, exactly: an astral character
 * (emoji, CJK extension B) is two units here and one point there; a combining mark is a point of its
 * own in both; a CRLF is one unit here and two points there. A point between the CR and the LF of a
 * line break, or on the BOM, has no place in the model text: {@link TextView.fromPoint} then gives
 * the nearest place before it and says the mapping was not exact.
 */
import { partitionPoint } from '../search';
import { normalizeText, type NormalizedText } from '../text';

export class TextView {
  /** The model text: LF line endings, no BOM (offsets of annotations refer to it). */
  readonly text: string;
  /** The seen text's normalization (its `raw` has the BOM removed). */
  readonly norm: NormalizedText;
  /** Length of the seen text in code points. */
  readonly length: number;
  /** 1 when the seen text starts with a BOM (the tool counts it), else 0. */
  private readonly bom: number;
  /** UTF-16 indices, in the seen text, of the low halves of its surrogate pairs. */
  private readonly lows: number[];
  /** Code point indices, in the seen text, of its astral characters. */
  private readonly astral: number[];

  /**
   * `seen`: the text exactly as the other tool reads it. `withBom`: true when it is a file's text as
   * read byte for byte (brat), whose leading U+FEFF, if any, is the BOM the model drops and the tool
   * counts; false when the BOM is already gone (any U+FEFF left is a character of the text).
   */
  constructor(
    readonly seen: string,
    withBom = false,
  ) {
    // normalizeText drops one leading U+FEFF: give it one to drop when the BOM is already gone.
    this.norm = normalizeText(withBom ? seen : '\ufeff' + seen);
    this.text = this.norm.text;
    this.bom = withBom && this.norm.hadBom ? 1 : 0;
    const lows: number[] = [];
    const astral: number[] = [];
    for (let i = 0; i < seen.length; i++) {
      const c = seen.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < seen.length) {
        const d = seen.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          astral.push(i - lows.length);
          lows.push(i + 1);
          i++;
        }
      }
    }
    this.lows = lows;
    this.astral = astral;
    this.length = seen.length - lows.length;
  }

  /** Code point index in the seen text of a UTF-16 index in it. */
  private unitToPoint(u: number): number {
    return this.lows.length ? u - partitionPoint(this.lows.length, (m) => this.lows[m]! < u) : u;
  }

  /** UTF-16 index in the seen text of a code point index in it. */
  pointToUnit(p: number): number {
    return this.astral.length ? p + partitionPoint(this.astral.length, (m) => this.astral[m]! < p) : p;
  }

  /** A model offset (UTF-16, LF text) as a code point index in the seen text. */
  toPoint(offset: number): number {
    return this.unitToPoint(this.bom + this.norm.toRaw(offset));
  }

  /**
   * A code point index in the seen text as a model offset, or null when it is outside the text.
   * `exact` is false when the point has no place of its own in the model text (between the CR and
   * the LF of a line break, or on the BOM): the offset is then the place just before it.
   */
  fromPoint(p: number): { offset: number; exact: boolean } | null {
    if (!Number.isSafeInteger(p) || p < 0 || p > this.length) return null;
    const raw = this.pointToUnit(p) - this.bom;
    if (raw < 0) return { offset: 0, exact: false };
    const offset = this.norm.fromRaw(raw);
    return { offset, exact: this.norm.toRaw(offset) === raw };
  }

  /** The seen text between two code point indices. */
  slice(start: number, end: number): string {
    return this.seen.slice(this.pointToUnit(start), this.pointToUnit(end));
  }
}

/** Number of code points in a string (a lone surrogate counts as one). */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
