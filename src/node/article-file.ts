/**
 * Reading article files from disk for the CLI: only regular files, size cap checked before reading,
 * binary detection, strict decoding — UTF-8 (with or without a BOM), or UTF-16 with a byte-order mark.
 */
import { normalizeText, type NormalizedText } from '../core/text';
import { describeError, displayPath, FileError, readBounded } from './atomic';

/** Files above this size are refused (VS Code gives extensions nothing above 50 MB either). */
export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024;

export class ArticleError extends Error {}

export interface ArticleFile {
  path: string;
  norm: NormalizedText;
  /** The file's modification date, `YYYY-MM-DD` (UTC). */
  fileDate: string;
  /** How the bytes were decoded. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
}

/**
 * Decodes an article's bytes: UTF-16 when a byte-order mark says so, else strict UTF-8. Throws
 * {@link ArticleError} with what the file looks like when it cannot be text.
 */
export function decodeArticle(bytes: Uint8Array, name: string): { raw: string; encoding: ArticleFile['encoding'] } {
  const shown = displayPath(name);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    if (bytes.length % 2)
      throw new ArticleError(`${shown} starts like UTF-16 but has an odd number of bytes; not analysed (re-save it as UTF-8)`);
    try {
      // The decoder drops the byte-order mark; the text is the same as the UTF-8 one would be.
      return { raw: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: utf16 };
    } catch {
      throw new ArticleError(
        `${shown} starts like ${utf16.toUpperCase()} but is not valid ${utf16.toUpperCase()}; not analysed (re-save it as UTF-8)`,
      );
    }
  }
  const head = bytes.subarray(0, 512);
  if (head.includes(0)) {
    // UTF-16 without a byte-order mark puts a zero in every other byte of Latin text.
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < head.length; i++) {
      if (head[i] !== 0) continue;
      if (i % 2) oddZeros++;
      else evenZeros++;
    }
    const half = head.length / 2;
    if (oddZeros > half * 0.6 || evenZeros > half * 0.6) {
      throw new ArticleError(
        `${shown} looks like UTF-16 text without a byte-order mark; not analysed (re-save it as UTF-8, or as UTF-16 with a BOM)`,
      );
    }
    throw new ArticleError(`${shown} looks binary (NUL byte near the start); not analysed`);
  }
  try {
    return { raw: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    throw new ArticleError(`${shown} is not valid UTF-8; not analysed (re-save it as UTF-8)`);
  }
}

/** Reads and decodes an article; throws {@link ArticleError} with a clear message when it cannot be one. */
export function readArticle(file: string): ArticleFile {
  let r: ReturnType<typeof readBounded>;
  try {
    r = readBounded(file, MAX_ARTICLE_BYTES, 'article');
  } catch (e) {
    throw new ArticleError(e instanceof FileError ? e.message : describeError(e, file, 'read').message);
  }
  if (r === null) throw new ArticleError(`cannot read ${displayPath(file)}: does not exist (ENOENT)`);
  const { raw, encoding } = decodeArticle(r.bytes, file);
  return { path: file, norm: normalizeText(raw), fileDate: r.stats.mtime.toISOString().slice(0, 10), encoding };
}
