/**
 * News Annotator: Export Annotations… and Import Annotations… — the CLI's export and import
 * (`src/node/exchange.ts`) behind a format picker, for the current article or the whole workspace,
 * with progress and a summary of what each format could not hold.
 *
 * Both commands also take one argument object, for tests and for other extensions (validated; the
 * hover cards never link to them): export `{format, scope: 'article' | 'workspace', outDir?, uri?}`
 * (no outDir: beside each article) and import `{format, files: string[], article?}`. They return
 * what was done.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { detectArticle } from '../core/detect';
import { FORMATS, formatById, type FormatInfo } from '../core/formats';
import type { Loss } from '../core/formats/common';
import { SIDECAR_SUFFIX, sidecarPathFor } from '../core/sidecar/yaml';
import { errorMessage, exportArticle, importFile, loadRegistry, type ExportItem, type ImportDone } from '../node/exchange';
import { annotationsFromAnalysis } from '../core/sidecar/model';
import { analysisModule } from './analysisRunner';
import { Commands, SETTINGS_SECTION, Settings } from './ids';

/** What the commands need of the open articles: to save corrections not yet on disk before exporting. */
export interface OpenArticles<S extends { readonly uri: vscode.Uri; unsavedCorrections: boolean }> {
  all(): S[];
  saveSidecar(state: S): Promise<{ ok: boolean; message: string }>;
}

export interface ExportSummary {
  articles: number;
  annotations: number;
  failed: { article: string; message: string }[];
  outputs: string[];
  notHeld: Loss[];
}

export interface ImportSummary {
  results: ImportDone[];
  conflicts: number;
}

const EXCLUDE = '**/{node_modules,.git,.hg,.svn,out,dist}/**';

export function registerExchangeCommands<S extends { readonly uri: vscode.Uri; unsavedCorrections: boolean }>(
  articles: OpenArticles<S>,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.exportAnnotations, (arg?: unknown) => exportCommand(articles, log, arg)),
    vscode.commands.registerCommand(Commands.importAnnotations, (arg?: unknown) => importCommand(log, arg)),
  ];
}

type Picked<T> = vscode.QuickPickItem & { value: T };

async function pickFormat(importable: boolean): Promise<FormatInfo | undefined> {
  const items: Picked<FormatInfo>[] = FORMATS.filter((f) => !importable || f.parse).map((f) => ({
    label: f.label,
    description: f.lossless ? 'lossless' : undefined,
    detail: `Cannot hold: ${f.cannotHold.join('; ')}`,
    value: f,
  }));
  return (
    await vscode.window.showQuickPick(items, {
      title: importable ? 'Import annotations from' : 'Export annotations as',
      matchOnDetail: true,
    })
  )?.value;
}

function isStr(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length < 4096;
}

async function exportCommand<S extends { readonly uri: vscode.Uri; unsavedCorrections: boolean }>(
  articles: OpenArticles<S>,
  log: vscode.LogOutputChannel,
  arg: unknown,
): Promise<ExportSummary | undefined> {
  const a = arg && typeof arg === 'object' ? (arg as Record<string, unknown>) : null;
  if (
    arg !== undefined &&
    !(
      a &&
      isStr(a.format) &&
      (a.scope === 'article' || a.scope === 'workspace') &&
      (a.outDir === undefined || isStr(a.outDir)) &&
      (a.uri === undefined || isStr(a.uri))
    )
  ) {
    log.warn('Export Annotations: ignored invalid arguments');
    return undefined;
  }
  const format = a ? formatById(a.format as string) : await pickFormat(false);
  if (!format) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const current = a?.uri ? vscode.Uri.parse(a.uri as string) : active?.scheme === 'file' ? active : undefined;
  let scope = a?.scope as 'article' | 'workspace' | undefined;
  if (!scope) {
    const choices: Picked<'article' | 'workspace'>[] = [];
    if (current) choices.push({ label: `This article: ${path.basename(current.fsPath)}`, value: 'article' });
    if (folder) choices.push({ label: 'Every article in the workspace', description: folder.name, value: 'workspace' });
    if (!choices.length)
      return void vscode.window.showInformationMessage('Open a news article or a folder of articles to export their annotations.');
    scope = (await vscode.window.showQuickPick(choices, { title: `Export as ${format.label}: which articles?` }))?.value;
    if (!scope) return undefined;
  }
  let outDir = a ? (a.outDir as string | undefined) : undefined;
  if (!a) {
    const picked = await pickExportDestination(format, folder);
    if (!picked) return undefined;
    outDir = picked.outDir;
  }
  // Corrections not yet written are part of what is exported.
  for (const s of articles.all()) if (s.unsavedCorrections) await articles.saveSidecar(s);
  let items: ExportItem[];
  if (scope === 'article') {
    if (!current) return void vscode.window.showInformationMessage('Open a news article to export its annotations.');
    const root = vscode.workspace.getWorkspaceFolder(current)?.uri.fsPath;
    items = [{ file: current.fsPath, rel: root ? path.relative(root, current.fsPath) : path.basename(current.fsPath) }];
  } else {
    if (!folder) return undefined;
    items = await workspaceArticles(folder, outDir);
  }
  const registry = exportRegistry(folder);
  const summary: ExportSummary = { articles: 0, annotations: 0, failed: [], outputs: [], notHeld: [] };
  const notHeld = new Map<string, number>();
  const written = new Map<string, string>();
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Exporting annotations as ${format.label}`, cancellable: true },
    async (progress, cancel) => {
      for (const [i, item] of items.entries()) {
        if (cancel.isCancellationRequested) break;
        if (i % 20 === 0) {
          progress.report({ message: `${i} of ${items.length} articles`, increment: i ? (100 * 20) / items.length : 0 });
          await new Promise((r) => setTimeout(r, 0));
        }
        try {
          const r = exportArticle(item, { format, outDir, registry, suggest }, written);
          summary.articles++;
          summary.annotations += r.report.exported;
          summary.outputs.push(...r.outputs);
          for (const l of [...r.report.left, ...r.report.lost]) notHeld.set(l.what, (notHeld.get(l.what) ?? 0) + l.count);
          log.info(`export ${format.id}: ${r.outputs[0]}: ${r.report.exported} annotations${r.note ? ` (${r.note})` : ''}`);
        } catch (e) {
          const message = errorMessage(e, item.file);
          summary.failed.push({ article: item.file, message });
          log.error(`export ${format.id}: ${message}`);
        }
      }
    },
  );
  summary.notHeld = [...notHeld].map(([what, count]) => ({ what, count }));
  if (summary.notHeld.length)
    log.info(`export ${format.id}: not held in all: ${summary.notHeld.map((l) => `${l.count} ${l.what}`).join('; ')}`);
  if (!a) showExportSummary(summary, format, outDir, log);
  return summary;
}

/** Asks where to export (undefined: cancelled): beside each article, or into a folder the user picks. */
async function pickExportDestination(
  format: FormatInfo,
  folder: vscode.WorkspaceFolder | undefined,
): Promise<{ outDir: string | undefined } | undefined> {
  let outDir: string | undefined;
  const where = await vscode.window.showQuickPick<Picked<'beside' | 'folder'>>(
    [
      {
        label: 'Into a folder…',
        detail:
          format.id === 'brat'
            ? 'with a copy of each text (brat reads x.ann with x.txt) and annotation.conf'
            : 'paths below the workspace kept',
        value: 'folder',
      },
      { label: 'Beside each article', value: 'beside' },
    ],
    { title: `Export as ${format.label}: where?` },
  );
  if (!where) return undefined;
  if (where.value === 'folder') {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: 'Export Here',
      defaultUri: folder?.uri,
    });
    if (!picked?.[0]) return undefined;
    outDir = picked[0].fsPath;
  }
  return { outDir };
}

/** The workspace's entity registry, if it has one, for the formats that carry links. */
function exportRegistry(folder: vscode.WorkspaceFolder | undefined): NonNullable<ReturnType<typeof loadRegistry>['registry']> | undefined {
  const registryPath = folder
    ? path.join(
        folder.uri.fsPath,
        vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).get<string>(Settings.registryPath, 'entities.yaml'),
      )
    : undefined;
  return registryPath ? (loadRegistry(registryPath).registry ?? undefined) : undefined;
}

/** The message at the end of an interactive export, with its buttons. */
function showExportSummary(summary: ExportSummary, format: FormatInfo, outDir: string | undefined, log: vscode.LogOutputChannel): void {
  const msg =
    `Exported ${summary.annotations} annotations of ${summary.articles} article` +
    `${summary.articles === 1 ? '' : 's'} as ` +
    `${format.label}${outDir ? ` to ${path.basename(outDir)}` : ''}.` +
    `${summary.failed.length ? ` ${summary.failed.length} could not be exported.` : ''}` +
    `${summary.notHeld.length ? ' Some information has no place in this format (see the output).' : ''}`;
  const buttons = [outDir ? 'Reveal Folder' : undefined, 'Show Output'].filter((b): b is string => !!b);
  const show = summary.failed.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(msg, ...buttons).then((b) => {
    if (b === 'Show Output') log.show();
    else if (b === 'Reveal Folder' && outDir) void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(outDir));
  });
}

/** The analysis' suggestions for an article without an annotation file (the analysis bundle, loaded on demand). */
const suggest = (text: string, fileDate: string) => annotationsFromAnalysis(analysisModule().analyze(text, { fileDate }));

/** The workspace's articles: text files with an annotation file, or that read as articles. */
async function workspaceArticles(folder: vscode.WorkspaceFolder, outDir: string | undefined): Promise<ExportItem[]> {
  const max = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(Settings.indexMaxFiles, 20000);
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{txt,news}'), EXCLUDE, max);
  const skip = outDir ? path.resolve(outDir) + path.sep : null;
  const out: ExportItem[] = [];
  for (const u of files.sort((x, y) => (x.fsPath < y.fsPath ? -1 : 1))) {
    const p = u.fsPath;
    if (u.scheme !== 'file' || p.endsWith(SIDECAR_SUFFIX) || (skip && p.startsWith(skip))) continue;
    let isArticle = fs.existsSync(sidecarPathFor(p)) || p.endsWith('.news');
    if (!isArticle) {
      try {
        const fd = fs.openSync(p, 'r');
        const buf = Buffer.alloc(20000);
        const n = fs.readSync(fd, buf, 0, buf.length, 0);
        fs.closeSync(fd);
        isArticle = detectArticle(p, buf.subarray(0, n).toString('utf8')).article;
      } catch {
        isArticle = false;
      }
    }
    if (isArticle) out.push({ file: p, rel: path.relative(folder.uri.fsPath, p) });
  }
  return out;
}

async function importCommand(log: vscode.LogOutputChannel, arg: unknown): Promise<ImportSummary | undefined> {
  const a = arg && typeof arg === 'object' ? (arg as Record<string, unknown>) : null;
  if (
    arg !== undefined &&
    !(
      a &&
      isStr(a.format) &&
      Array.isArray(a.files) &&
      a.files.length > 0 &&
      a.files.every(isStr) &&
      (a.article === undefined || isStr(a.article))
    )
  ) {
    log.warn('Import Annotations: ignored invalid arguments');
    return undefined;
  }
  const format = a ? formatById(a.format as string) : await pickFormat(true);
  if (!format?.parse) return undefined;
  let files = a ? (a.files as string[]) : [];
  let article = a ? (a.article as string | undefined) : undefined;
  if (!a) {
    const filters: Record<string, string[]> =
      format.id === 'brat' ? { 'brat annotations': ['ann'] } : { [format.label]: ['json', 'jsonl', 'ndjson'] };
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: true,
      canSelectFiles: true,
      openLabel: 'Import',
      filters,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    if (!picked?.length) return undefined;
    files = picked.map((u) => u.fsPath);
    const active = vscode.window.activeTextEditor?.document.uri;
    if (files.length === 1 && active?.scheme === 'file') {
      const into = await vscode.window.showQuickPick<Picked<boolean>>(
        [
          { label: format.id === 'brat' ? 'Into the article beside it (x.ann → x.txt)' : 'Into the articles the file names', value: false },
          { label: `Into this article: ${path.basename(active.fsPath)}`, value: true },
        ],
        { title: 'Import into which article?' },
      );
      if (!into) return undefined;
      if (into.value) article = active.fsPath;
    }
  }
  const summary: ImportSummary = { results: [], conflicts: 0 };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Importing ${format.label}`, cancellable: true },
    async (progress, cancel) => {
      for (const [i, file] of files.entries()) {
        if (cancel.isCancellationRequested) break;
        progress.report({ message: `${i} of ${files.length} files`, increment: i ? 100 / files.length : 0 });
        await new Promise((r) => setTimeout(r, 0));
        let results: ImportDone[];
        try {
          results = importFile(file, { format, article, options: {} });
        } catch (e) {
          results = [
            { from: file, status: 'error', read: 0, problems: [], skipped: [], adjusted: 0, located: 0, error: errorMessage(e, file) },
          ];
        }
        for (const r of results) {
          summary.results.push(r);
          if (r.status === 'error') log.error(`import ${format.id}: ${r.error}`);
          else {
            const m = r.merge!;
            summary.conflicts += m.conflicts.length;
            log.info(
              `import ${format.id}: ${r.sidecar}: ${r.read} read from ${r.from}; ${m.added} added, ${m.updated} ` +
                `updated, ${m.unchanged} unchanged, ${m.conflicts.length} conflicts`,
            );
            for (const p of r.problems) log.warn(`import ${format.id}: ${r.from}: ${p}`);
            for (const c of m.conflicts) log.warn(`import ${format.id}: ${c.message}`);
            if (r.skipped.length) log.info(`import ${format.id}: not held: ${r.skipped.map((l) => `${l.count} ${l.what}`).join('; ')}`);
          }
        }
      }
    },
  );
  if (!a) {
    const ok = summary.results.filter((r) => r.status !== 'error');
    const errors = summary.results.length - ok.length;
    const added = ok.reduce((n, r) => n + (r.merge?.added ?? 0) + (r.merge?.updated ?? 0), 0);
    const msg =
      `Imported into ${ok.length} article${ok.length === 1 ? '' : 's'}: ${added} annotations ` +
      `added or updated.` +
      `${summary.conflicts ? ` ${summary.conflicts} disagree with decisions already there ` : ''}` +
      `${summary.conflicts ? '(both kept; see the Problems of each article).' : ''}` +
      `${errors ? ` ${errors} could not be imported.` : ''}`;
    const show = errors || summary.conflicts ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(msg, 'Show Output').then((b) => b && log.show());
  }
  return summary;
}
