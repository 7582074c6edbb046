/**
 * The workspace's articles as the review features see them — open ones from their live editor
 * state, closed ones read from disk, analysed and merged with their annotation file exactly as
 * opening them would — and writing a closed article's annotation file back through the core
 * (compare-and-swap: a file someone changed meanwhile is never overwritten).
 */
import fs from 'node:fs';
import * as vscode from 'vscode';
import { detectArticle } from '../core/detect';
import type { Annotation } from '../core/sidecar/model';
import { annotateWith, loadSidecar, sidecarSource } from '../core/sidecar/session';
import { parseSidecar, serializeSidecar, sidecarByteLimit } from '../core/sidecar/yaml';
import { normalizeText } from '../core/text';
import type { Analysis } from '../core/types';
import type { ArticleManager, ArticleState } from './articles';
import { readSidecar, sidecarOwner, sidecarUriFor, writeSidecar, type WriteOutcome } from './sidecarStore';

/** What the review features need from the rest of the extension (wired in extension.ts). */
export interface WorkspaceAccess {
  articles: ArticleManager;
  /** Article files the workspace index knows (URI strings), after it has been built. */
  indexedUris(): Promise<string[]>;
  /** Analyses a closed article as the editor would (workspace lexicon, registry folded in). */
  analyse(uri: vscode.Uri, text: string, fileDate: string | null): Promise<Analysis>;
  /** Folds the registry into annotations (canonical names), as the editor does after each analysis. */
  fold(analysis: Analysis, annotations: Annotation[]): void;
  log: vscode.LogOutputChannel;
}

/** An article on disk, not open in an editor, with its annotations as the editor would show them. */
export interface DiskArticle {
  uri: vscode.Uri;
  /** The workspace-relative path, for people. */
  label: string;
  text: string;
  analysis: Analysis;
  annotations: Annotation[];
  sidecarUri: vscode.Uri;
  /** The annotation file as read (null: none), for compare-and-swap. */
  sidecarSrc: string | null;
  /** The file was read under an earlier release's name. */
  legacy: boolean;
}

/** Articles on the file system of the workspace: the index's, else every `.txt`/`.news` file, plus the open ones. */
export async function workspaceArticleUris(access: WorkspaceAccess): Promise<vscode.Uri[]> {
  let uris = await access.indexedUris();
  if (!uris.length && vscode.workspace.workspaceFolders?.length) {
    const found = await vscode.workspace.findFiles('**/*.{txt,news}', '**/{node_modules,.git,out,dist}/**', 20000);
    uris = found.map((u) => u.toString());
  }
  const all = new Set(uris);
  for (const s of access.articles.all()) if (s.uri.scheme === 'file') all.add(s.uri.toString());
  return [...all].sort().map((u) => vscode.Uri.parse(u));
}

function fileDate(uri: vscode.Uri): string | null {
  try {
    return fs.statSync(uri.fsPath).mtime.toISOString().slice(0, 10);
  } catch {
    return null;
  }
}

/**
 * Reads, analyses and merges a closed article; null (with the reason logged) when it is not an
 * article, cannot be read, or its annotation file has problems (it is then never written).
 */
export async function loadDiskArticle(uri: vscode.Uri, access: WorkspaceAccess, maxBytes: number): Promise<DiskArticle | null> {
  const sidecarUri = sidecarUriFor(uri);
  if (!sidecarUri) return null;
  let raw: string;
  try {
    const st = await vscode.workspace.fs.stat(uri);
    if (st.size > maxBytes || st.type & vscode.FileType.Directory) return null;
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.subarray(0, 512).includes(0)) return null;
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const text = normalizeText(raw).text;
  const read = readSidecar(uri, text.length);
  if (!read.ok) {
    access.log.warn(`skipped (annotation file unreadable: ${read.reason}): ${uri.toString(true)}`);
    return null;
  }
  const declared = /\.news$|\.(?:article|news)\.txt$/i.test(uri.path);
  if (read.content === null && !declared && !detectArticle(uri.path, text.slice(0, 20000)).article) return null;
  const loaded = loadSidecar(read.content, text);
  if (loaded.problem) {
    access.log.warn(`skipped (${loaded.problem.message}): ${sidecarUri.toString(true)}`);
    return null;
  }
  if (loaded.doc && sidecarOwner(uri, loaded.doc.article)) return null;
  const analysis = await access.analyse(uri, text, fileDate(uri));
  const annotations = loaded.annotations;
  access.fold(analysis, annotations);
  return {
    uri,
    label: vscode.workspace.asRelativePath(uri),
    text,
    analysis,
    annotations: annotateWith(analysis, annotations),
    sidecarUri,
    sidecarSrc: read.content,
    legacy: !!read.legacyUri,
  };
}

/** Writes a closed article's annotations (as the editor would on save), if its file did not change meanwhile. */
export function writeDiskArticle(a: DiskArticle): WriteOutcome {
  const name = a.uri.path.replace(/^.*\//, '');
  const content = sidecarSource(name, a.analysis, a.annotations);
  if (content === a.sidecarSrc) return { written: true };
  const out = writeSidecar(a.sidecarUri, content, a.legacy ? null : a.sidecarSrc);
  if (out.written) a.sidecarSrc = content;
  return out;
}

/**
 * Rewrites a closed article's annotation file with `change` applied to what it holds now (used by
 * undo and redo, which must not re-analyse): parse, change, write back if unchanged meanwhile.
 */
export async function rewriteSidecar(
  article: vscode.Uri,
  change: (annotations: Annotation[], text: string) => Annotation[],
): Promise<WriteOutcome> {
  const sidecarUri = sidecarUriFor(article);
  if (!sidecarUri) return { written: false, reason: 'error', message: 'not a file' };
  let text: string;
  try {
    text = normalizeText(new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(article))).text;
  } catch {
    return { written: false, reason: 'error', message: 'the article could not be read' };
  }
  const read = readSidecar(article, text.length);
  if (!read.ok || read.content === null) return { written: false, reason: 'error', message: 'the annotation file could not be read' };
  const parsed = parseSidecar(read.content, { maxBytes: sidecarByteLimit(text.length) });
  if (!parsed.ok) return { written: false, reason: 'error', message: parsed.problem.message };
  const doc = { ...parsed.doc, annotations: change(parsed.doc.annotations, text) };
  return writeSidecar(sidecarUri, serializeSidecar(doc, sidecarByteLimit(text.length)), read.legacyUri ? null : read.content);
}

/** The open article for a URI, if the editor tracks it. */
export function openState(access: WorkspaceAccess, uri: vscode.Uri): ArticleState | undefined {
  return access.articles.get(uri);
}
