/**
 * The Sources view: every speaker quoted across the workspace's articles — quotes, articles, the
 * roles the text gives them, the organisations they speak for, how many attributions are certain —
 * with each quote under its source (click: the article opens at the quote). Open articles count as
 * they are in the editor; closed ones are read, analysed and merged with their annotation file as
 * opening them would (cached until the files change). The chart (quotes per source, organisation
 * type and week) is a webview with a strict Content-Security-Policy (see core/review/sourcesChart.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { plainLabel, shorten } from '../core/markdown';
import { aggregateSources, articleSourceQuotes, chartData, ORG_TYPE_LABEL, type Source, type SourceQuote } from '../core/review/sources';
import { sourcesChartHtml } from '../core/review/sourcesChart';
import { normalizeText } from '../core/text';
import type { ArticleState } from './articles';
import { Commands, SETTINGS_SECTION, Settings, Views } from './ids';
import { OffsetMapper } from './ranges';
import { sidecarUriFor } from './sidecarStore';
import { loadDiskArticle, workspaceArticleUris, type WorkspaceAccess } from './workspaceArticles';

type Node =
  | { kind: 'source'; source: Source }
  | { kind: 'quote'; quote: SourceQuote; parent: Source | null }
  | { kind: 'unattributed'; quotes: SourceQuote[] };

/** Quiet time after an open article changed before the view is brought up to date. */
const REFRESH_DELAY_MS = 800;

export interface SourcesApi {
  /** Builds (or brings up to date) the sources and resolves with them. */
  refresh(): Promise<readonly Source[]>;
  /** The chart page last given to the webview (for tests). */
  chartHtml(): string | undefined;
}

function stamp(uri: vscode.Uri): string {
  try {
    const a = fs.statSync(uri.fsPath);
    const side = sidecarUriFor(uri);
    const s = side && fs.existsSync(side.fsPath) ? fs.statSync(side.fsPath) : null;
    return `${a.mtimeMs}:${a.size}:${s ? `${s.mtimeMs}:${s.size}` : '-'}`;
  } catch {
    return 'gone';
  }
}

export function registerSourcesView(access: WorkspaceAccess): { disposables: vscode.Disposable[]; api: SourcesApi } {
  const articles = access.articles;
  const emitter = new vscode.EventEmitter<Node | undefined>();
  /** Closed articles' quotes by URI, with the file stamps they were computed for. */
  const cache = new Map<string, { stamp: string; quotes: SourceQuote[] }>();
  let quotes: SourceQuote[] = [];
  let sources: Source[] = [];
  let roots: Node[] = [];
  let building: Promise<readonly Source[]> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let panel: vscode.WebviewPanel | undefined;
  let lastHtml: string | undefined;
  /** Article labels → URIs of the last build (what a tree click may open). */
  const known = new Map<string, vscode.Uri>();

  const build = async (): Promise<readonly Source[]> => {
    const uris = await workspaceArticleUris(access);
    const maxBytes = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(Settings.maxFileSizeMB, 10) * 1024 * 1024;
    const all: SourceQuote[] = [];
    known.clear();
    let slice = Date.now();
    await vscode.window.withProgress({ location: { viewId: Views.sources } }, async () => {
      for (const uri of uris) {
        const label = vscode.workspace.asRelativePath(uri);
        const open = articles.get(uri);
        if (open) {
          await articles.whenIdle(uri);
          all.push(...quotesOfOpen(open));
          known.set(label, uri);
          continue;
        }
        const found = await closedArticleQuotes(access, cache, uri, maxBytes);
        if (found.length) known.set(label, uri);
        all.push(...found);
        if (Date.now() - slice > 30) {
          await new Promise((r) => setTimeout(r, 0));
          slice = Date.now();
        }
      }
    });
    for (const k of [...cache.keys()]) if (!uris.some((u) => u.toString() === k)) cache.delete(k);
    quotes = all;
    sources = aggregateSources(all);
    const none = all.filter((q) => !q.speaker);
    roots = rootsOf(sources, none);
    if (view) view.message = sourcesMessage(sources, all, none);
    emitter.fire(undefined);
    updateChart();
    return sources;
  };

  const refresh = (): Promise<readonly Source[]> => {
    building ??= build().finally(() => (building = null));
    return building;
  };

  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (view?.visible || panel) void refresh();
    }, REFRESH_DELAY_MS);
  };

  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: emitter.event,
    getChildren: (n?: Node) => childrenOf(roots, n),
    getParent: (n: Node) => parentOf(roots, n),
    getTreeItem: (n: Node): vscode.TreeItem => treeItem(n),
  };
  const view = vscode.window.createTreeView(Views.sources, { treeDataProvider: provider, showCollapseAll: true });

  const updateChart = () => {
    if (!panel) return;
    lastHtml = sourcesChartHtml(chartData(sources, quotes), chartNonce());
    panel.webview.html = lastHtml;
  };

  const showChart = async () => {
    if (panel) panel.reveal();
    else {
      panel = createChartPanel(async (key) => {
        const node = roots.find((r) => r.kind === 'source' && r.source.key === key);
        if (node) await view.reveal(node, { select: true, focus: true, expand: true });
      });
      panel.onDidDispose(() => (panel = undefined));
    }
    await refresh();
    updateChart();
    return lastHtml;
  };

  const disposables: vscode.Disposable[] = [
    emitter,
    view,
    view.onDidChangeVisibility((e) => {
      if (e.visible) void refresh();
    }),
    articles.onDidChange((e) => {
      if (e.reason === 'analysed' || e.reason === 'corrected' || e.reason === 'sidecar' || e.reason === 'closed') refreshSoon();
    }),
    vscode.commands.registerCommand(Commands.refreshSources, () => refresh().then((s) => s.length)),
    vscode.commands.registerCommand(Commands.showSourcesChart, () => showChart()),
    vscode.commands.registerCommand(Commands.openSourceQuote, (arg?: unknown) => openQuote(access, known, arg)),
    { dispose: () => (clearTimeout(timer), panel?.dispose()) },
  ];
  if (view.visible) void refresh();
  return { disposables, api: { refresh, chartHtml: () => lastHtml } };
}

function childrenOf(roots: Node[], n?: Node): Node[] {
  return !n
    ? [...roots]
    : n.kind === 'source'
      ? n.source.items.map((quote) => ({ kind: 'quote', quote, parent: n.source }))
      : n.kind === 'unattributed'
        ? n.quotes.map((quote) => ({ kind: 'quote', quote, parent: null }))
        : [];
}

function parentOf(roots: Node[], n: Node): Node | undefined {
  return n.kind === 'quote'
    ? n.parent
      ? roots.find((r) => r.kind === 'source' && r.source === n.parent)
      : roots.find((r) => r.kind === 'unattributed')
    : undefined;
}

function treeItem(n: Node): vscode.TreeItem {
  if (n.kind === 'source') {
    const s = n.source;
    const item = new vscode.TreeItem(plainLabel(s.name, 60), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `source:${s.key}`;
    const what = [...s.roles.slice(0, 1), ...s.organisations.slice(0, 1)].join(', ');
    item.description = plainLabel(
      `${s.quotes} ${s.quotes === 1 ? 'quote' : 'quotes'} · ${s.articles} ` +
        `${s.articles === 1 ? 'article' : 'articles'}${what ? ` · ${what}` : ''}`,
      90,
    );
    item.tooltip = plainLabel(
      [
        `${s.name} (${s.type === 'other' ? 'named by a phrase' : s.type})`,
        `${s.quotes} quotes in ${s.articles} articles; attribution certain for ${s.certain}, uncertain for ${s.uncertain}`,
        s.roles.length ? `Roles: ${s.roles.join('; ')}` : 'No role given in the text',
        s.organisations.length ? `Speaks for: ${s.organisations.join('; ')}` : '',
        `Type: ${ORG_TYPE_LABEL[s.orgType]}`,
      ]
        .filter(Boolean)
        .join('\n'),
      800,
    );
    item.iconPath = new vscode.ThemeIcon(
      s.type === 'ORG' ? 'organization' : s.type === 'PER' ? 'person' : 'comment',
      s.uncertain > s.certain ? new vscode.ThemeColor('editorWarning.foreground') : undefined,
    );
    item.contextValue = 'source';
    return item;
  }
  if (n.kind === 'unattributed') {
    const item = new vscode.TreeItem(`Without a speaker`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = 'unattributed';
    item.description = `${n.quotes.length} ${n.quotes.length === 1 ? 'quote' : 'quotes'}`;
    item.iconPath = new vscode.ThemeIcon('question');
    return item;
  }
  const q = n.quote;
  const item = new vscode.TreeItem(plainLabel(shorten(q.text.replace(/\s+/g, ' '), 80), 90), vscode.TreeItemCollapsibleState.None);
  item.id = `quote:${q.article}:${q.start}:${n.parent?.key ?? '-'}`;
  item.description = plainLabel(`${q.article}${q.certain ? '' : ' · uncertain'}`, 80);
  item.tooltip = plainLabel(
    `${q.text}\n— ` +
      `${q.mention ?? 'speaker unknown'}${q.speaker && q.mention !== q.speaker ? ` (${q.speaker})` : ''}\n` +
      `${q.article}${q.date ? `, ${q.date}` : ''}\nAttribution ${Math.round(q.confidence * 100)}%` +
      `${q.status === 'accepted' ? `, accepted${q.by ? ` by ${q.by}` : ''}` : ''}`,
    800,
  );
  item.iconPath = new vscode.ThemeIcon('quote');
  item.command = {
    command: Commands.openSourceQuote,
    title: 'Show the quote',
    arguments: [{ article: q.article, start: q.start, end: q.end }],
  };
  return item;
}

/** Opens an article at a quote; only articles of the last build (`known`), offsets checked against the text. */
async function openQuote(access: WorkspaceAccess, known: Map<string, vscode.Uri>, arg: unknown): Promise<boolean> {
  const articles = access.articles;
  const o = arg && typeof arg === 'object' ? (arg as { article?: unknown; start?: unknown; end?: unknown }) : {};
  const uri = typeof o.article === 'string' ? known.get(o.article) : undefined;
  const start = o.start;
  const end = o.end;
  if (!uri || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (end as number) < (start as number)) {
    access.log.warn('ignored a Sources command with invalid arguments');
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: true });
  const state = articles.get(uri);
  const mapper = state ? state.mapper() : OffsetMapper.forText(normalizeText(doc.getText()).text);
  const range = mapper.toRange({ start: start as number, end: end as number });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

function quotesOfOpen(s: ArticleState): SourceQuote[] {
  return s.analysis ? articleSourceQuotes(vscode.workspace.asRelativePath(s.uri), s.analysis, s.annotations) : [];
}

/** A closed article's quotes: from `cache` while its files are unchanged, else read and analysed again. */
async function closedArticleQuotes(
  access: WorkspaceAccess,
  cache: Map<string, { stamp: string; quotes: SourceQuote[] }>,
  uri: vscode.Uri,
  maxBytes: number,
): Promise<SourceQuote[]> {
  const key = uri.toString();
  const st = stamp(uri);
  let hit = cache.get(key);
  if (!hit || hit.stamp !== st) {
    const d = await loadDiskArticle(uri, access, maxBytes);
    hit = { stamp: st, quotes: d ? articleSourceQuotes(vscode.workspace.asRelativePath(uri), d.analysis, d.annotations) : [] };
    cache.set(key, hit);
  }
  return hit.quotes;
}

/** The tree's top level: the sources, then the quotes without a speaker if any. */
function rootsOf(sources: Source[], none: SourceQuote[]): Node[] {
  return [
    ...sources.map((source): Node => ({ kind: 'source', source })),
    ...(none.length ? [{ kind: 'unattributed', quotes: none } as Node] : []),
  ];
}

function sourcesMessage(sources: Source[], all: SourceQuote[], none: SourceQuote[]): string {
  return sources.length
    ? `${sources.length} sources · ${all.length - none.length} quotes in ${new Set(all.map((q) => q.article)).size} articles`
    : 'No quotes found in the workspace’s articles yet.';
}

function chartNonce(): string {
  return randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .padEnd(16, '0');
}

/** The chart's webview panel; a click on a source in it calls `showSource` with the source's key. */
function createChartPanel(showSource: (key: string) => Promise<void>): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel('newsAnnotator.sourcesChart', 'Sources', vscode.ViewColumn.Beside, {
    enableScripts: true,
    localResourceRoots: [],
    enableCommandUris: false,
    retainContextWhenHidden: false,
  });
  panel.webview.onDidReceiveMessage(async (m: unknown) => {
    const key = m && typeof m === 'object' && (m as { type?: unknown }).type === 'showSource' ? (m as { key?: unknown }).key : undefined;
    if (typeof key === 'string') await showSource(key);
  });
  return panel;
}
