/**
 * Reading and writing `article.annotations.yaml` beside an article in the editor. Only `file:`
 * articles get a sidecar on disk (untitled and virtual documents are annotated in memory). Writes are
 * atomic and compare-and-swap; a sidecar with conflict markers or errors is never overwritten; a
 * sidecar open with unsaved edits in a tab is never written under the user.
 */
import fs from 'node:fs';
import * as vscode from 'vscode';
import { writeFileAtomic, ConcurrentChangeError, FileError } from '../node/atomic';
import { otherOwner, readSidecarFor } from '../node/sidecar-file';
import { sidecarPathFor } from '../core/sidecar/yaml';

export type ReadResult = { ok: true; content: string | null; legacyUri?: vscode.Uri } | { ok: false; reason: string };

export function sidecarUriFor(article: vscode.Uri): vscode.Uri | null {
  if (article.scheme !== 'file') return null;
  return vscode.Uri.file(sidecarPathFor(article.fsPath));
}

export function isSidecarUri(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && uri.path.endsWith('.annotations.yaml');
}

export function sidecarExists(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && fs.existsSync(uri.fsPath);
}

/**
 * Reads an article's sidecar (null content: none exists), bounded by the largest file the writer
 * produces for an article of `articleLength` characters; only a regular file is read (never a FIFO or
 * a device). Falls back to the name earlier releases used. Invalid UTF-8 is refused rather than mangled.
 */
export function readSidecar(article: vscode.Uri, articleLength: number): ReadResult {
  try {
    const r = readSidecarFor(article.fsPath, articleLength);
    return r.legacyPath ? { ok: true, content: r.src, legacyUri: vscode.Uri.file(r.legacyPath) } : { ok: true, content: r.src };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** The other article a sidecar says it belongs to, when that article exists beside this one. */
export function sidecarOwner(article: vscode.Uri, recordedArticle: string | undefined): string | null {
  return article.scheme === 'file' ? otherOwner(article.fsPath, recordedArticle) : null;
}

/** Removes a sidecar left under its old name once its content lives under the new one (only if nobody changed it). */
export function removeLegacy(uri: vscode.Uri, content: string | null): void {
  try {
    if (fs.readFileSync(uri.fsPath, 'utf8') === content) fs.rmSync(uri.fsPath);
  } catch {
    /* gone or unreadable: leave it */
  }
}

/** True when the sidecar is open in an editor tab with unsaved changes. */
export function isOpenAndDirty(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === uri.toString());
}

export type WriteOutcome = { written: true } | { written: false; reason: 'dirty-tab' | 'changed-on-disk' | 'error'; message: string };

/** Atomically writes `content` if the file still holds `expected` (null: did not exist). */
export function writeSidecar(uri: vscode.Uri, content: string, expected: string | null): WriteOutcome {
  if (isOpenAndDirty(uri)) return { written: false, reason: 'dirty-tab', message: 'the annotation file is open with unsaved changes' };
  try {
    writeFileAtomic(uri.fsPath, content, expected);
    return { written: true };
  } catch (e) {
    if (e instanceof ConcurrentChangeError) return { written: false, reason: 'changed-on-disk', message: 'the annotation file changed on disk' };
    return { written: false, reason: 'error', message: e instanceof FileError || e instanceof Error ? e.message : String(e) };
  }
}
