/**
 * Helpers for the suites that run inside the extension host: the extension's API, the test
 * workspace, opening articles and waiting for the analysis, hovers as plain data.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import type { Annotation } from '../../../src/core/sidecar/model';
import type { NewsAnnotatorApi } from '../../../src/vscode/extension';
import { EXTENSION_ID } from '../../../src/vscode/ids';

export const REFERENCE = 'trump-xi-call.txt';

/** Lines with this tag reach the driver (in code-server through the browser console). */
export const TAG = '[editor-test] ';

/** A line in the test output, indented under the running test. */
export function note(...args: unknown[]): void {
  console.log(TAG + '      ' + util.format(...args));
}

let cached: NewsAnnotatorApi | undefined;

/** The extension's API (activating it if needed). */
export async function api(): Promise<NewsAnnotatorApi> {
  if (cached) return cached;
  const ext = vscode.extensions.getExtension<NewsAnnotatorApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  cached = ext.isActive ? ext.exports : await ext.activate();
  assert.ok(cached && typeof cached.isAnnotated === 'function', 'activate() returned the API');
  return cached;
}

export function workspaceDir(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri.fsPath;
}

export function wsUri(...parts: string[]): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceDir(), ...parts));
}

/** True when the run's workspace holds the reference article (the shared data folder was there). */
export function hasReference(): boolean {
  return fs.existsSync(path.join(workspaceDir(), REFERENCE));
}

/** Skips the current test or suite with a message when the reference article is not in the workspace. */
export function needReference(ctx: Mocha.Context): void {
  if (hasReference()) return;
  note(`skipped: ${REFERENCE} not in the workspace (the shared data folder ../shared is absent; set NEWS_ANNOTATOR_SHARED)`);
  ctx.skip();
}

/** A copy of a workspace file under a new name, for tests that change the text. */
export function copyInWorkspace(from: string, to: string, transform: (s: string) => string = (s) => s): vscode.Uri {
  const src = path.join(workspaceDir(), from);
  const dst = path.join(workspaceDir(), to);
  fs.mkdirSync(path.dirname(dst), { recursive: true });
  fs.writeFileSync(dst, transform(fs.readFileSync(src, 'utf8')));
  fs.rmSync(dst.replace(/\.txt$/, '.annotations.yaml'), { force: true });
  return vscode.Uri.file(dst);
}

export function writeInWorkspace(name: string, text: string): vscode.Uri {
  const dst = path.join(workspaceDir(), name);
  fs.mkdirSync(path.dirname(dst), { recursive: true });
  fs.writeFileSync(dst, text);
  fs.rmSync(dst.replace(/\.txt$/, '.annotations.yaml'), { force: true });
  return vscode.Uri.file(dst);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `cond` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, cond: () => T | Promise<T>, timeoutMs = 15000): Promise<NonNullable<T>> {
  const t0 = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await cond();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() - t0 > timeoutMs) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(50);
  }
}

/** Opens a file in an editor; for articles waits until the extension annotated it and the analysis is done. */
export async function openArticle(uri: vscode.Uri, opts: { expectArticle?: boolean } = {}): Promise<vscode.TextEditor> {
  const a = await api();
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (opts.expectArticle === false) return editor;
  await waitFor(`${path.basename(uri.fsPath)} to be annotated`, () => a.isAnnotated(uri));
  await a.whenIdle(uri);
  await waitFor(`decorations drawn in ${path.basename(uri.fsPath)}`, () => a.decorationRanges(uri));
  return editor;
}

/**
 * Closes every editor, reverting the test's unsaved changes first (no save prompts in tests). Only
 * files of the test workspace are reverted (the workbench may hold its own documents, e.g. the user
 * settings, dirty for a moment), and a revert that fails is reported, not thrown: a failing hook
 * would make mocha skip the rest of the suite.
 */
export async function closeAll(): Promise<void> {
  const root = workspaceDir() + path.sep;
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath.startsWith(root))) {
    try {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } catch (e) {
      note(`(could not revert ${path.basename(doc.uri.fsPath)}: ${e instanceof Error ? e.message : String(e)})`);
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The annotations of a document whose text is `text` (first match, or the nth). */
export function annotationFor(anns: readonly Annotation[], text: string, kind?: Annotation['kind'], nth = 0): Annotation {
  const hits = anns.filter((a) => a.text === text && (!kind || a.kind === kind));
  const a = hits[nth];
  assert.ok(
    a,
    `an annotation "${text}"${kind ? ` (${kind})` : ''} among ${anns.length}: ${anns
      .map((x) => x.text)
      .slice(0, 40)
      .join(' | ')}`,
  );
  return a;
}

/** The text a document holds over an annotation's offsets (the test files are LF, so offsets are document offsets). */
export function textAt(doc: vscode.TextDocument, a: { start: number; end: number }): string {
  return doc.getText(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)));
}

/** Position of the nth occurrence of `needle` in the document (plus `inside` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, nth = 0, inside = 1): vscode.Position {
  const text = doc.getText();
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" occurs ${nth + 1} times in ${path.basename(doc.uri.fsPath)}`);
  }
  return doc.positionAt(i + inside);
}

export interface HoverPart {
  value: string;
  isTrusted: boolean | { readonly enabledCommands: readonly string[] } | undefined;
  supportHtml: boolean | undefined;
  supportThemeIcons: boolean | undefined;
}

/** Every Markdown part of every hover VS Code collects at a position (as the hover widget would get them). */
export async function hoverParts(uri: vscode.Uri, pos: vscode.Position): Promise<HoverPart[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  return hovers.flatMap((h) =>
    h.contents.map((c) =>
      typeof c === 'string'
        ? { value: c, isTrusted: false, supportHtml: false, supportThemeIcons: false }
        : c instanceof vscode.MarkdownString
          ? { value: c.value, isTrusted: c.isTrusted, supportHtml: c.supportHtml, supportThemeIcons: c.supportThemeIcons }
          : { value: '```' + c.language + '\n' + c.value + '\n```', isTrusted: false, supportHtml: false, supportThemeIcons: false },
    ),
  );
}

/** The hover cards at a position: the header ("$(person) **Person**") and the body that follows it. */
export async function hoverCards(uri: vscode.Uri, pos: vscode.Position): Promise<{ header: string; body: string }[]> {
  const parts = await hoverParts(uri, pos);
  const cards: { header: string; body: string }[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (/^\$\([a-z-]+\) \*\*/.test(parts[i]!.value)) cards.push({ header: parts[i]!.value, body: parts[i + 1]?.value ?? '' });
  }
  return cards;
}

/**
 * Saves a document. On a loaded machine the workbench may abort a save whose onWillSave participants
 * do not answer in time (1.75 s) and `save()` then returns false: try again, a few times, and say so.
 */
export async function save(doc: vscode.TextDocument): Promise<void> {
  for (let i = 1; ; i++) {
    // A save reported as failed may still have landed: then there is nothing left to save.
    if (i > 1 && !doc.isDirty) return;
    assert.ok(doc.isDirty, `${path.basename(doc.uri.fsPath)} has unsaved changes to save`);
    if (await doc.save()) return;
    if (i === 3) assert.fail(`${path.basename(doc.uri.fsPath)} could not be saved (3 tries)`);
    note(`(save of ${path.basename(doc.uri.fsPath)} returned false; trying again)`);
    await sleep(500 * i);
  }
}

/** One annotation as a test reads it from an annotation file (kind and end filled in where the file leaves them out). */
export interface FileAnnotation {
  id: string;
  kind: string;
  type: string;
  start: number;
  end: number;
  text: string;
  status: string;
  origin?: string;
  anchor?: string;
  entity?: string;
  value?: unknown;
  unit?: unknown;
  conflict?: { status: string; type?: string; by?: string };
  by?: string;
}

const KIND_OF: Record<string, string> = {
  PER: 'entity',
  ORG: 'entity',
  LOC: 'entity',
  MISC: 'entity',
  direct: 'quote',
  partial: 'quote',
  scare: 'quote',
  headline: 'quote',
  block: 'quote',
};

/** Reads an annotation file with the YAML library (independently of the extension's reader); null when absent. */
export function readAnnotationFile(
  file: string,
): { article: string; version: number; textHash: string; annotations: FileAnnotation[] } | null {
  if (!fs.existsSync(file)) return null;
  const y = parseYaml(fs.readFileSync(file, 'utf8'));
  for (const a of y.annotations ?? []) {
    a.kind ??= KIND_OF[a.type] ?? 'figure';
    a.end ??= a.start + a.text.length;
    a.status ??= 'suggested'; // the documented default: a line without a status is a suggestion
  }
  y.annotations ??= [];
  return y;
}
