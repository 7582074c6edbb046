/**
 * Finding and reading an article's annotation file on disk (CLI): its name, the name earlier releases
 * used, the size limit for this article, and whether the file belongs to this article at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { foreignOwner, legacySidecarPathFor, parseSidecar, sidecarByteLimit, sidecarPathFor } from '../core/sidecar/yaml';
import { readTextOrNull } from './atomic';

export interface SidecarOnDisk {
  /** Where the file is written. */
  path: string;
  /** Its content (null: none yet), possibly read from {@link legacyPath}. */
  src: string | null;
  /** The file under the name an earlier release gave it, when that is what was read. */
  legacyPath?: string;
}

/**
 * Reads the annotation file of `article` (whose normalized text has `articleLength` units), bounded
 * by the largest file the writer produces for it. Falls back to the name earlier releases used for
 * articles with an extension other than `.txt`, when that file names this article.
 */
export function readSidecarFor(article: string, articleLength: number): SidecarOnDisk {
  const p = sidecarPathFor(article);
  const limit = sidecarByteLimit(articleLength);
  const src = readTextOrNull(p, limit);
  if (src !== null) return { path: p, src };
  const legacy = legacySidecarPathFor(article);
  if (legacy) {
    const old = readTextOrNull(legacy, limit);
    const doc = old === null ? null : parseSidecar(old, { maxBytes: limit });
    if (doc?.ok && doc.doc.article === path.basename(article)) return { path: p, src: old, legacyPath: legacy };
  }
  return { path: p, src: null };
}

/**
 * The other article an annotation file belongs to (its `article:` field), when that article exists
 * beside it — then the file is not this article's to read or write. A file whose article is not
 * there any more (renamed) is adopted.
 */
export function otherOwner(article: string, recordedArticle: string | undefined): string | null {
  const name = path.basename(article);
  const other = foreignOwner(recordedArticle ?? '', name);
  if (!other) return null;
  return fs.existsSync(path.join(path.dirname(article), other)) ? other : null;
}
