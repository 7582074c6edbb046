/**
 * The open articles in VS Code: feeds the editor's document events to the core's ArticleStore
 * (core/workspace/articleStore.ts, where every rule lives) and hands the rest of the adapter a view
 * of each article with VS Code types (URIs, the document, offset ↔ position conversion).
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/sidecar/model';
import type { Analysis } from '../core/types';
import type { IdfTable } from '../core/topics/idf';
import { ArticleStore, type ArticleEventReason, type ArticleState as CoreArticle, type SaveResult } from '../core/workspace/articleStore';
import type { AnalysisKnowledge, DocumentView } from '../core/workspace/host';
import type { AnalysisRunner } from './analysisRunner';
import { SETTINGS_SECTION, Settings } from './ids';
import { OffsetMapper, toTextChange } from './ranges';
import { editorSidecarFiles } from './sidecarStore';

/** A VS Code document as the core sees it. */
export function documentView(doc: vscode.TextDocument): DocumentView {
  return {
    uri: doc.uri.toString(),
    path: doc.uri.path,
    languageId: doc.languageId,
    get isDirty() {
      return doc.isDirty;
    },
    getText: () => doc.getText(),
    head: (lines) => doc.getText(new vscode.Range(0, 0, lines, 0)),
  };
}

/** An open article with VS Code types around the core's state. */
export class ArticleState {
  readonly uri: vscode.Uri;
  readonly sidecarUri: vscode.Uri | null;

  constructor(
    readonly core: CoreArticle,
    public doc: vscode.TextDocument,
  ) {
    this.uri = doc.uri;
    this.sidecarUri = core.sidecarUri ? vscode.Uri.parse(core.sidecarUri) : null;
  }

  get live() {
    return this.core.live;
  }
  get text(): string {
    return this.core.text;
  }
  get annotations(): Annotation[] {
    return this.core.annotations;
  }
  set annotations(list: Annotation[]) {
    this.core.annotations = list;
  }
  get analysis(): Analysis | null {
    return this.core.analysis;
  }
  get tooLarge(): boolean {
    return this.core.tooLarge;
  }
  get sidecarProblem() {
    return this.core.sidecarProblem;
  }
  get unsavedCorrections(): boolean {
    return this.core.unsavedCorrections;
  }
  get runs(): number {
    return this.core.runs;
  }

  /** Offset ↔ position conversion for the current text. */
  mapper(): OffsetMapper {
    return new OffsetMapper(this.core.live.length, this.core.live.lineStarts());
  }
}

export type ArticleEvent = { uri: vscode.Uri; reason: ArticleEventReason };

export class ArticleManager implements vscode.Disposable {
  readonly store: ArticleStore;
  private readonly views = new Map<string, ArticleState>();
  private readonly emitter = new vscode.EventEmitter<ArticleEvent>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(memento: vscode.Memento, log: vscode.LogOutputChannel, runner: AnalysisRunner, knowledge?: AnalysisKnowledge) {
    const config = () => vscode.workspace.getConfiguration(SETTINGS_SECTION);
    this.store = new ArticleStore({
      files: editorSidecarFiles,
      memento,
      log,
      analyzer: runner,
      timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      settings: () => {
        const c = config();
        return {
          enable: c.get<boolean>(Settings.enable, true),
          autoDetect: c.get<boolean>(Settings.autoDetect, true),
          saveSidecarOnSave: c.get<boolean>(Settings.saveSidecarOnSave, true),
          maxFileSizeMB: c.get<number>(Settings.maxFileSizeMB, 10),
        };
      },
      ...(knowledge ? { knowledge } : {}),
    });
    const storeEvents = this.store.onDidChange((e) => {
      const view = this.views.get(e.uri);
      const uri = view?.uri ?? vscode.Uri.parse(e.uri);
      if (e.reason === 'closed') this.views.delete(e.uri);
      this.emitter.fire({ uri, reason: e.reason });
    });
    this.disposables.push(
      storeEvents,
      vscode.workspace.onDidOpenTextDocument((d) => this.store.consider(documentView(d))),
      vscode.workspace.onDidCloseTextDocument((d) => this.store.forget(d.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length || !this.store.get(e.document.uri.toString())) return;
        const view = this.views.get(e.document.uri.toString());
        if (view) view.doc = e.document;
        this.store.edit(
          e.document.uri.toString(),
          documentView(e.document),
          e.contentChanges.map((ch) => toTextChange(ch, e.document.eol)),
        );
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.store.saved(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) this.store.reconsider(vscode.workspace.textDocuments.map(documentView));
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.store.consider(documentView(d));
  }

  dispose(): void {
    this.store.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private view(core: CoreArticle | undefined): ArticleState | undefined {
    if (!core) return undefined;
    let v = this.views.get(core.uri);
    if (!v || v.core !== core) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === core.uri);
      if (!doc) return undefined;
      this.views.set(core.uri, (v = new ArticleState(core, doc)));
    }
    return v;
  }

  get(uri: vscode.Uri): ArticleState | undefined {
    return this.view(this.store.get(uri.toString()));
  }

  all(): ArticleState[] {
    return this.store
      .all()
      .map((c) => this.view(c))
      .filter((v): v is ArticleState => !!v);
  }

  /** The open article a command argument names: an opaque document id (`docRef`) or a URI string. */
  byRef(ref: string): ArticleState | undefined {
    return this.view(this.store.byRef(ref));
  }

  /** The opaque id of a document for command links (no URI or file name in a link). */
  refOf(uri: vscode.Uri): string {
    return this.store.refOf(uri.toString());
  }

  /** Turns annotation on or off for a document, remembered for the workspace. */
  setForced(uri: vscode.Uri, on: boolean): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return this.store.setForced(uri.toString(), on, doc ? documentView(doc) : undefined);
  }

  runAnalysis(state: ArticleState): Promise<void> {
    return this.store.runAnalysis(state.core);
  }

  saveSidecar(state: ArticleState): Promise<SaveResult> {
    return this.store.saveSidecar(state.core);
  }

  corrected(state: ArticleState): void {
    this.store.corrected(state.core);
  }

  analysed(state: ArticleState): Promise<void> {
    return this.store.analysed(state.core);
  }

  whenIdle(uri: vscode.Uri): Promise<void> {
    return this.store.whenIdle(uri.toString());
  }

  /** An annotation file changed on disk (not by us). */
  onSidecarChangedOnDisk(sidecar: vscode.Uri): void {
    this.store.sidecarChangedOnDisk(sidecar.toString());
  }

  /** The taught names or (force) the registry changed. */
  reanalyze(force = false): void {
    this.store.reanalyze(force);
  }

  setIdf(idf: IdfTable | undefined): void {
    this.store.setIdf(idf);
  }
}
