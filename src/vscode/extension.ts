/**
 * News Annotator: wires the core to VS Code. Every registration ends in `context.subscriptions`.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/sidecar/model';
import type { Analysis } from '../core/types';
import type { TopicNode } from '../core/topicTree';
import { AnalysisRunner } from './analysisRunner';
import { registerCompareBranch, type CompareBranchApi } from './compareBranch';
import { ArticleManager } from './articles';
import { AnnotationCommands } from './commands';
import { DecorationController, type DecorationKind } from './decorations';
import { EntityCommands } from './entityCommands';
import { registerExchangeCommands } from './exchange';
import { AnnotationHoverProvider } from './hover';
import { Commands, LANGUAGE_ID, OUTPUT_NAME, Views } from './ids';
import { isSidecarUri } from './sidecarStore';
import { AnnotationCodeActions, ReviewDiagnostics } from './review';
import { StatusBar, summarize } from './statusBar';
import { registerTopicViews, TopicSymbolProvider } from './topicsView';
import { EntityProviders } from './references';
import { WorkspaceKnowledge } from './knowledge';
import { registerReviewer, reviewerFor } from './reviewer';
import { registerReviewLoop, type ReviewLoopApi } from './reviewLoop';
import { registerSourcesView, type SourcesApi } from './sourcesView';
import type { WorkspaceAccess } from './workspaceArticles';

const toDisposable = (d: { dispose(): void }): vscode.Disposable => new vscode.Disposable(() => d.dispose());

/** What the extension exposes to other extensions and to its own integration tests. */
export interface NewsAnnotatorApi {
  /** Is the document being annotated? */
  isAnnotated(uri: vscode.Uri): boolean;
  /** Resolves when no analysis is pending for the document. */
  whenIdle(uri: vscode.Uri): Promise<void>;
  /** The live annotations (offsets in the LF-normalized text). */
  annotations(uri: vscode.Uri): readonly Annotation[];
  analysis(uri: vscode.Uri): Analysis | null;
  /** The ranges last drawn for each decoration kind in a visible editor of the document. */
  decorationRanges(uri: vscode.Uri): Record<DecorationKind, vscode.Range[]> | undefined;
  /** The Topics tree as currently shown. */
  topicsTree(): TopicNode[];
  /** Resolves when the workspace index has been built (or rebuilt). */
  whenIndexed(): Promise<void>;
  /** Articles, entities and mentions in the workspace index. */
  indexStats(): { articles: number; entities: number; mentions: number };
  /** Where the article's latest analysis ran (the worker takes long articles) and how long it took. */
  lastRun(uri: vscode.Uri): { where: 'in-process' | 'worker'; ms: number } | null;
  /** What the status bar counts for an article (names, figures, quotes, and what needs review). */
  summary(uri: vscode.Uri): { names: number; figures: number; quotes: number; review: number } | undefined;
  /** The review loop's progress and status text. */
  review: ReviewLoopApi;
  /** Who decisions on the document are recorded as (`by:`), if anyone. */
  reviewer(uri: vscode.Uri): string | undefined;
  /** The differences with the branch the document is compared with. */
  compare: CompareBranchApi;
  /** The Sources view's data and its chart page. */
  sources: SourcesApi;
}

const SELECTORS: vscode.DocumentSelector = [{ language: LANGUAGE_ID }, { language: 'plaintext' }];

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  const log = vscode.window.createOutputChannel(OUTPUT_NAME, { log: true });
  const runner = new AnalysisRunner(__dirname);
  const knowledge = new WorkspaceKnowledge(log, context.storageUri, String(context.extension.packageJSON.version ?? '0'));
  const articles = new ArticleManager(context.workspaceState, log, runner, knowledge.lexicon);
  const entities = new EntityProviders(articles, knowledge, log);
  const decorations = new DecorationController(articles);
  const { provider: topics, disposables: viewDisposables } = registerTopicViews(articles);
  const status = new StatusBar(articles, log);
  const access: WorkspaceAccess = {
    articles,
    log,
    indexedUris: async () => {
      await knowledge.whenIndexed();
      return knowledge.index.uris();
    },
    analyse: async (uri, text, fileDate) =>
      (await runner.run(`review:${uri.toString()}`, text, { fileDate, lexicon: knowledge.lexicon.lexiconEntries(uri.toString()) }))
        .analysis,
    fold: (analysis, annotations) => knowledge.lexicon.fold(analysis, annotations),
  };
  const review = registerReviewLoop(access, topics, context.workspaceState);
  const compare = registerCompareBranch(articles, log);
  const sources = registerSourcesView(access);
  // One watcher for every file the extension follows: articles, their annotation files, the registry.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,news,yaml,yml}');
  const onFile = (uri: vscode.Uri) => {
    if (isSidecarUri(uri)) articles.onSidecarChangedOnDisk(uri);
    knowledge.fileChanged(uri);
  };
  context.subscriptions.push(
    log,
    { dispose: () => runner.dispose() },
    articles,
    decorations,
    status,
    ...viewDisposables,
    watcher,
    watcher.onDidChange(onFile),
    watcher.onDidCreate(onFile),
    watcher.onDidDelete(onFile),
    knowledge,
    // The parts talk through events: open articles feed the index; taught names, the registry and
    // the workspace's topic weights send the open articles to be analysed again.
    articles.onDidChange((e) => knowledge.articleChanged(e.uri, e.reason, () => articles.get(e.uri)?.annotations)),
    toDisposable(knowledge.lexicon.onDidChangeNames(() => articles.reanalyze())),
    toDisposable(knowledge.registryService.onDidChange(() => articles.reanalyze(true))),
    toDisposable(knowledge.onDidChangeIdf((t) => articles.setIdf(t))),
    vscode.languages.registerHoverProvider(SELECTORS, new AnnotationHoverProvider(articles, knowledge)),
    vscode.languages.registerReferenceProvider(SELECTORS, entities),
    vscode.languages.registerRenameProvider(SELECTORS, entities),
    vscode.languages.registerDefinitionProvider(SELECTORS, entities),
    ...new EntityCommands(articles, knowledge, log).register(),
    vscode.languages.registerDocumentSymbolProvider(SELECTORS, new TopicSymbolProvider(articles), { label: 'News Annotator' }),
    vscode.languages.registerCodeActionsProvider(SELECTORS, new AnnotationCodeActions(articles), {
      providedCodeActionKinds: AnnotationCodeActions.kinds,
    }),
    new ReviewDiagnostics(articles),
    ...new AnnotationCommands(articles, decorations, topics, log).register(),
    ...registerExchangeCommands(articles, log),
    ...registerReviewer(),
    ...review.disposables,
    ...compare.disposables,
    ...sources.disposables,
  );
  void knowledge.rebuild();
  log.info(`News Annotator ready (${Commands.saveAnnotations} saves annotations; view ${Views.topics})`);
  return {
    isAnnotated: (uri) => !!articles.get(uri),
    whenIdle: (uri) => articles.whenIdle(uri),
    annotations: (uri) => articles.get(uri)?.annotations ?? [],
    analysis: (uri) => articles.get(uri)?.analysis ?? null,
    decorationRanges: (uri) => decorations.rangesFor(uri),
    topicsTree: () => topics.snapshot(),
    whenIndexed: () => knowledge.whenIndexed(),
    indexStats: () => knowledge.index.stats(),
    lastRun: (uri) => articles.get(uri)?.core.lastRun ?? null,
    summary: (uri) => {
      const s = articles.get(uri);
      return s ? summarize(s) : undefined;
    },
    review: review.api,
    reviewer: (uri) => reviewerFor(uri),
    compare: compare.api,
    sources: sources.api,
  };
}

export function deactivate(): void {}
