/**
 * Reading article files from disk for the CLI: size cap, binary detection, strict UTF-8.
 */
import fs from 'node:fs';
import { normalizeText, type NormalizedText } from '../core/text';

/** Files above this size are refused (VS Code gives extensions nothing above 50 MB either). */
export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024;

export class ArticleError extends Error {}

export interface ArticleFile {
  path: string;
  norm: NormalizedText;
  /** The file's modification date, `YYYY-MM-DD` (UTC). */
  fileDate: string;
}

/** Reads and decodes an article; throws {@link ArticleError} with a clear message when it cannot be one. */
export function readArticle(file: string): ArticleFile {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw new ArticleError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (!st.isFile()) throw new ArticleError(`${file} is not a file`);
  if (st.size > MAX_ARTICLE_BYTES) throw new ArticleError(`${file} is ${(st.size / 1048576).toFixed(1)} MB; articles above ${MAX_ARTICLE_BYTES / 1048576} MB are not analysed`);
  const bytes = fs.readFileSync(file);
  const head = bytes.subarray(0, 512);
  if (head.includes(0)) throw new ArticleError(`${file} looks binary (NUL byte near the start); not analysed`);
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleError(`${file} is not valid UTF-8; not analysed (re-save it as UTF-8)`);
  }
  return { path: file, norm: normalizeText(raw), fileDate: st.mtime.toISOString().slice(0, 10) };
}
