/**
 * The Topics view (subjects, sections, and the names, quotes and figures inside each), the Legend
 * view, and the document symbols (Outline, breadcrumbs, Go to Symbol) built from the same tree.
 */
import * as vscode from 'vscode';
import { LEGEND_ROWS } from '../core/labels';
import { buildTopicTree, flattenTree, sectionAt, TopicTreeBuilder, type TopicFilter, type TopicNode } from '../core/topicTree';
import type { ArticleManager, ArticleState } from './articles';
import { Colors, Commands, ContextKeys, Views } from './ids';

const TONE_COLOR: Record<string, string> = {
  PER: Colors.personBorder,
  ORG: Colors.organisationBorder,
  LOC: Colors.placeBorder,
  MISC: Colors.otherEntityBorder,
  sure: Colors.quoteBorder,
  unsure: Colors.uncertainQuoteBorder,
};

/** Articles with more sections than this show them collapsed. */
const EXPAND_SECTIONS_UP_TO = 40;

/** Refresh delay after an edit (the view updates within this of a pause in typing). */
const REFRESH_DELAY_MS = 50;

export class TopicsProvider implements vscode.TreeDataProvider<TopicNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TopicNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: TopicNode[] = [];
  private byId = new Map<string, TopicNode>();
  private builder: TopicTreeBuilder | undefined;
  private expandSections = true;
  private current: ArticleState | undefined;
  private filter: TopicFilter = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  private view: vscode.TreeView<TopicNode> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(private readonly articles: ArticleManager) {
    this.disposables.push(
      articles.onDidChange((e) => {
        if (this.activeUri()?.toString() !== e.uri.toString()) return;
        if (e.reason === 'edited') this.refreshSoon();
        else this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.follow(e.textEditor)),
    );
  }

  attach(view: vscode.TreeView<TopicNode>): void {
    this.view = view;
    this.refresh();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  private activeUri(): vscode.Uri | undefined {
    return vscode.window.activeTextEditor?.document.uri;
  }

  get articleUri(): vscode.Uri | undefined {
    return this.current?.uri;
  }

  /** The filter in force (kinds, text, undecided only). */
  get currentFilter(): TopicFilter {
    return this.filter;
  }

  setFilter(filter: TopicFilter): void {
    this.filter = filter;
    const on = !!(filter.text || filter.kinds?.length || filter.undecidedOnly);
    void vscode.commands.executeCommand('setContext', ContextKeys.topicsFiltered, on);
    void vscode.commands.executeCommand('setContext', ContextKeys.topicsUndecidedOnly, !!filter.undecidedOnly);
    if (this.view)
      this.view.message = on
        ? `Filtered: ${[filter.undecidedOnly ? 'undecided only' : '', filter.kinds?.join(', '), filter.text ? `“${filter.text}”` : '']
            .filter(Boolean)
            .join(' · ')}`
        : undefined;
    this.refresh();
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  refresh(): void {
    clearTimeout(this.timer);
    const uri = this.activeUri();
    const state = uri ? this.articles.get(uri) : undefined;
    // Keep showing the last article while focus is in a non-editor (the view itself, the panel).
    if (state || (uri && !this.articles.get(uri))) this.current = state;
    // Sections get their children when the view asks (a long article has thousands of them).
    this.builder = this.current?.analysis ? new TopicTreeBuilder(this.current.analysis, this.current.annotations, this.filter) : undefined;
    this.roots = this.builder ? this.builder.roots(true) : [];
    this.byId = new Map(flattenTree(this.roots).map((n) => [n.id, n]));
    this.expandSections = this.roots.filter((n) => n.kind === 'section').length <= EXPAND_SECTIONS_UP_TO;
    void vscode.commands.executeCommand('setContext', ContextKeys.active, !!this.current);
    if (this.view) this.view.description = this.current ? this.current.uri.path.replace(/^.*\//, '') : undefined;
    this.emitter.fire(undefined);
  }

  /** Reveals the section under the cursor. */
  private follow(ed: vscode.TextEditor): void {
    if (!this.view?.visible || !this.current || ed.document.uri.toString() !== this.current.uri.toString()) return;
    const offset = this.current.mapper().toOffset(ed.selection.active);
    const sec = sectionAt(this.roots, offset);
    if (sec) void this.view.reveal(sec, { select: true, focus: false, expand: false }).then(undefined, () => undefined);
  }

  getTreeItem(n: TopicNode): vscode.TreeItem {
    const collapsible =
      n.children.length || n.lazy
        ? n.kind === 'subjects' || (n.kind === 'section' && !this.expandSections)
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(n.label, collapsible);
    item.id = n.id;
    item.description = n.description;
    item.tooltip = n.tooltip;
    item.contextValue = n.kind;
    const color = n.tone ? TONE_COLOR[n.tone] : undefined;
    item.iconPath = new vscode.ThemeIcon(n.icon, color ? new vscode.ThemeColor(color) : undefined);
    if (n.start !== undefined && this.current) {
      item.command = {
        command: Commands.revealSpan,
        title: 'Reveal in Article',
        arguments: [{ uri: this.current.uri.toString(), start: n.start, end: n.end }],
      };
    }
    return item;
  }

  getChildren(n?: TopicNode): TopicNode[] {
    if (n?.lazy && this.builder) {
      n.children = this.builder.childrenOf(n);
      n.lazy = false;
      for (const c of n.children) this.byId.set(c.id, c);
    }
    return [...(n ? n.children : this.roots)];
  }

  getParent(n: TopicNode): TopicNode | undefined {
    return n.parentId ? this.byId.get(n.parentId) : undefined;
  }

  /** The current tree, for tests. */
  snapshot(): TopicNode[] {
    return this.roots.map((n) => (n.lazy && this.builder ? { ...n, children: this.builder.childrenOf(n), lazy: false } : n));
  }
}

interface LegendRow {
  label: string;
  description: string;
  icon: string;
  color: string;
}

const LEGEND: readonly LegendRow[] = LEGEND_ROWS;

export class LegendProvider implements vscode.TreeDataProvider<LegendRow> {
  getTreeItem(r: LegendRow): vscode.TreeItem {
    const item = new vscode.TreeItem(r.label);
    item.description = r.description;
    item.iconPath = new vscode.ThemeIcon(r.icon, new vscode.ThemeColor(r.color));
    return item;
  }
  getChildren(r?: LegendRow): LegendRow[] {
    return r ? [] : [...LEGEND];
  }
}

const SYMBOL_KIND: Record<string, vscode.SymbolKind> = {
  section: vscode.SymbolKind.Namespace,
  entity: vscode.SymbolKind.Object,
  quote: vscode.SymbolKind.String,
  figure: vscode.SymbolKind.Number,
};

/** Outline, breadcrumbs and Go to Symbol for articles, from the topic tree. */
export class TopicSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly articles: ArticleManager) {}

  async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const state = this.articles.get(doc.uri);
    if (!state) return [];
    await this.articles.whenIdle(doc.uri);
    if (!state.analysis) return [];
    const mapper = state.mapper();
    const toSymbol = (n: TopicNode): vscode.DocumentSymbol | null => {
      if (n.start === undefined || n.end === undefined) return null;
      const range = mapper.toRange({ start: n.start, end: n.end });
      const s = new vscode.DocumentSymbol(n.label || '—', n.description, SYMBOL_KIND[n.kind] ?? vscode.SymbolKind.Field, range, range);
      s.children = n.children.map(toSymbol).filter((x): x is vscode.DocumentSymbol => !!x);
      return s;
    };
    return buildTopicTree(state.analysis, state.annotations)
      .map(toSymbol)
      .filter((x): x is vscode.DocumentSymbol => !!x);
  }
}

export function registerTopicViews(articles: ArticleManager): { provider: TopicsProvider; disposables: vscode.Disposable[] } {
  const provider = new TopicsProvider(articles);
  const view = vscode.window.createTreeView(Views.topics, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  const legend = vscode.window.createTreeView(Views.legend, { treeDataProvider: new LegendProvider() });
  return { provider, disposables: [provider, view, legend] };
}
