/**
 * The annotation files beside articles on disk, for the editor logic (`SidecarFiles` of
 * core/workspace/host.ts). Only `file:` articles get one (untitled and virtual documents are
 * annotated in memory). Reads are bounded (never a FIFO or a device); writes are atomic and
 * compare-and-swap; a file open with unsaved edits in a tab is never written under the user.
 */
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { SidecarFiles, SidecarWrite } from '../core/workspace/host';
import { sidecarPathFor, SIDECAR_SUFFIX } from '../core/sidecar/yaml';
import { ConcurrentChangeError, writeFileAtomic } from '../node/atomic';
import { otherOwner, readSidecarFor } from '../node/sidecar-file';

export function sidecarUriFor(article: vscode.Uri): vscode.Uri | null {
  if (article.scheme !== 'file') return null;
  return vscode.Uri.file(sidecarPathFor(article.fsPath));
}

export function isSidecarUri(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && uri.path.endsWith(SIDECAR_SUFFIX);
}

/** True when the annotation file is open in an editor tab with unsaved changes. */
function isOpenAndDirty(uri: string): boolean {
  return vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === uri);
}

const fileOf = (uri: string): vscode.Uri | null => {
  const u = vscode.Uri.parse(uri);
  return u.scheme === 'file' ? u : null;
};

export const editorSidecarFiles: SidecarFiles = {
  uriFor(article) {
    const u = fileOf(article);
    return u ? vscode.Uri.file(sidecarPathFor(u.fsPath)).toString() : null;
  },
  exists(article) {
    const u = fileOf(article);
    return !!u && fs.existsSync(sidecarPathFor(u.fsPath));
  },
  read(article, articleLength) {
    const u = fileOf(article);
    if (!u) return { ok: true, content: null };
    try {
      const r = readSidecarFor(u.fsPath, articleLength);
      return r.legacyPath ? { ok: true, content: r.src, legacy: vscode.Uri.file(r.legacyPath).toString() } : { ok: true, content: r.src };
    } catch (e) {
      return { ok: false, reason: e instanceof Error ? e.message : String(e) };
    }
  },
  write(sidecar, content, expected): SidecarWrite {
    if (isOpenAndDirty(sidecar))
      return { written: false, reason: 'dirty-tab', message: 'the annotation file is open with unsaved changes' };
    try {
      writeFileAtomic(vscode.Uri.parse(sidecar).fsPath, content, expected);
      return { written: true };
    } catch (e) {
      if (e instanceof ConcurrentChangeError)
        return { written: false, reason: 'changed-on-disk', message: 'the annotation file changed on disk' };
      return { written: false, reason: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  },
  removeLegacy(legacy, content) {
    try {
      const p = vscode.Uri.parse(legacy).fsPath;
      if (fs.readFileSync(p, 'utf8') === content) fs.rmSync(p);
    } catch {
      /* gone or unreadable: leave it */
    }
  },
  owner(article, recorded) {
    const u = fileOf(article);
    return u ? otherOwner(u.fsPath, recorded) : null;
  },
  fileDate(article) {
    const u = fileOf(article);
    if (!u) return null;
    try {
      return fs.statSync(u.fsPath).mtime.toISOString().slice(0, 10);
    } catch {
      return null;
    }
  },
};

export type ReadResult = { ok: true; content: string | null; legacyUri?: vscode.Uri } | { ok: false; reason: string };
export type WriteOutcome = SidecarWrite;

/** Reads an article's annotation file (see {@link editorSidecarFiles}`.read`), with VS Code URIs. */
export function readSidecar(article: vscode.Uri, articleLength: number): ReadResult {
  const r = editorSidecarFiles.read(article.toString(), articleLength);
  if (!r.ok) return r;
  return r.legacy ? { ok: true, content: r.content, legacyUri: vscode.Uri.parse(r.legacy) } : { ok: true, content: r.content };
}

/** The other article an annotation file says it belongs to, when that article exists beside this one. */
export function sidecarOwner(article: vscode.Uri, recordedArticle: string): string | null {
  return editorSidecarFiles.owner(article.toString(), recordedArticle);
}

/** Atomically writes an annotation file if it still holds `expected` (null: did not exist). */
export function writeSidecar(uri: vscode.Uri, content: string, expected: string | null): WriteOutcome {
  return editorSidecarFiles.write(uri.toString(), content, expected);
}
