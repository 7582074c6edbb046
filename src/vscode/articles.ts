/**
 * Per-document state of open articles: the LF mirror of the text, the live annotations (shifted on
 * every edit at once), the latest analysis (re-run after a pause), and the sidecar's state.
 */
import fs from 'node:fs';
import * as vscode from 'vscode';
import { docRef } from '../core/commandArgs';
import { detectArticle } from '../core/detect';
import type { LexiconEntry } from '../core/lexicon';
import { invariantViolations, reanchor } from '../core/sidecar/anchor';
import { LiveDocument, shiftAnalysis } from '../core/liveDocument';
import type { IdfTable } from '../core/topics/idf';
import type { AnalysisRunner } from './analysisRunner';
import type { Annotation } from '../core/sidecar/model';
import { overlayUserDecisions } from '../core/sidecar/merge';
import { annotateWith, lexiconEntriesFrom, loadSidecar, sidecarSource } from '../core/sidecar/session';
import type { SidecarProblem } from '../core/sidecar/yaml';
import { normalizeText } from '../core/text';
import type { Analysis } from '../core/types';
import { LANGUAGE_ID, SETTINGS_SECTION, Settings } from './ids';
import { OffsetMapper, toTextChange } from './ranges';
import { readSidecar, removeLegacy, sidecarExists, sidecarOwner, sidecarUriFor, writeSidecar } from './sidecarStore';

/** Quiet time after the last edit before the article is analysed again. */
const ANALYSIS_DELAY_MS = 300;

/** An open article: its live text and annotations, the latest analysis, and its sidecar's state. */
export class ArticleState {
  /** The document text (BOM removed, LF line endings) and the annotations, kept in step on every edit. */
  readonly live: LiveDocument;
  analysis: Analysis | null = null;
  readonly sidecarUri: vscode.Uri | null;
  /** What the sidecar held when last read or written (null: none), for compare-and-swap. */
  sidecarContent: string | null = null;
  /** The sidecar was read under the name an earlier release gave it: written under the new one, then removed. */
  legacySidecar: vscode.Uri | undefined;
  /** Why the sidecar cannot be written (conflict markers, invalid, unreadable). */
  sidecarProblem: SidecarProblem | null = null;
  /** User corrections not yet written to the sidecar. */
  unsavedCorrections = false;
  pending: ReturnType<typeof setTimeout> | undefined;
  /** The analysis in flight, if any. */
  running: Promise<void> | undefined;
  /** Analyses requested so far; a result is used only if it answers the latest request. */
  requested = 0;
  /** Analysis runs so far (for tests and the output channel). */
  runs = 0;
  /** The file's modification date (`YYYY-MM-DD`), the fallback article date. */
  readonly fileDate: string | null;

  constructor(
    readonly uri: vscode.Uri,
    public doc: vscode.TextDocument,
    text: string,
    readonly tooLarge: boolean,
  ) {
    this.live = new LiveDocument(text);
    this.sidecarUri = sidecarUriFor(uri);
    this.fileDate = fileDateOf(uri);
  }

  /** What every offset refers to. */
  get text(): string {
    return this.live.text;
  }

  /** The live annotations, sorted by position. */
  get annotations(): Annotation[] {
    return this.live.annotations;
  }

  set annotations(list: Annotation[]) {
    this.live.setAnnotations(list);
  }

  /** Offset ↔ position conversion for the current text. */
  mapper(): OffsetMapper {
    return new OffsetMapper(this.live.length, this.live.lineStarts());
  }
}

/** Workspace knowledge the analysis uses (see workspaceIndex.ts): the user lexicon and the registry. */
export interface AnalysisKnowledge {
  /** Names the user taught the tool across the workspace (accepted/added, the registry). */
  lexiconEntries(): LexiconEntry[];
  /** Folds the registry onto a fresh analysis and the current annotations (canonical names). */
  fold(analysis: Analysis, annotations: Annotation[]): void;
}

export type ArticleEvent = { uri: vscode.Uri; reason: 'opened' | 'edited' | 'analysed' | 'corrected' | 'closed' | 'sidecar' };

export class ArticleManager implements vscode.Disposable {
  private readonly states = new Map<string, ArticleState>();
  private readonly emitter = new vscode.EventEmitter<ArticleEvent>();
  readonly onDidChange = this.emitter.event;
  private readonly idleWaiters = new Map<string, (() => void)[]>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private knowledge: AnalysisKnowledge | null = null;
  private readonly refs = new Map<string, string>();

  private idf: IdfTable | undefined;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly runner: AnalysisRunner,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.consider(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onSave(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) this.reconsiderAll();
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.consider(d);
  }

  dispose(): void {
    for (const s of this.states.values()) clearTimeout(s.pending);
    this.states.clear();
    for (const d of this.disposables) d.dispose();
  }

  get(uri: vscode.Uri): ArticleState | undefined {
    return this.states.get(uri.toString());
  }

  all(): ArticleState[] {
    return [...this.states.values()];
  }

  /** The open article a command argument names: an opaque document id (`docRef`) or a URI string. */
  byRef(ref: string): ArticleState | undefined {
    const direct = this.states.get(ref);
    if (direct) return direct;
    for (const s of this.states.values()) if (this.refOf(s.uri) === ref) return s;
    return undefined;
  }

  /** The opaque id of a document for command links (no URI or file name in a link). */
  refOf(uri: vscode.Uri): string {
    const key = uri.toString();
    let r = this.refs.get(key);
    if (!r) this.refs.set(key, (r = docRef(key)));
    return r;
  }

  /** Uses the workspace's lexicon and registry from now on (instead of the open documents' decisions). */
  setKnowledge(k: AnalysisKnowledge | null): void {
    this.knowledge = k;
  }

  /** Analyses every open article again (e.g. after the user lexicon or the registry changed). */
  reanalyzeAll(): void {
    for (const s of this.states.values()) if (!s.tooLarge && s.analysis) void this.runAnalysis(s);
  }

  private config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SETTINGS_SECTION);
  }

  private forced(): { on: string[]; off: string[] } {
    return { on: this.memento.get<string[]>('forcedOn', []), off: this.memento.get<string[]>('forcedOff', []) };
  }

  /** Turns annotation on or off for a document, remembered for the workspace. */
  async setForced(uri: vscode.Uri, on: boolean): Promise<void> {
    const key = uri.toString();
    const f = this.forced();
    const onList = f.on.filter((u) => u !== key);
    const offList = f.off.filter((u) => u !== key);
    (on ? onList : offList).push(key);
    await this.memento.update('forcedOn', onList);
    await this.memento.update('forcedOff', offList);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!doc) return;
    if (on) this.track(doc, 'command');
    else this.forget(doc.uri);
  }

  /** Decides whether a document is an article and starts tracking it. */
  consider(doc: vscode.TextDocument): void {
    if (this.states.has(doc.uri.toString())) return;
    const why = this.articleReason(doc);
    if (why) this.track(doc, why);
  }

  private articleReason(doc: vscode.TextDocument): string | null {
    if (doc.uri.scheme === 'output' || doc.uri.scheme === 'vscode-scm' || doc.uri.scheme === 'git') return null;
    const key = doc.uri.toString();
    const f = this.forced();
    if (f.off.includes(key)) return null;
    if (f.on.includes(key)) return 'annotated on request';
    if (!this.config().get<boolean>(Settings.enable, true)) return null;
    if (doc.languageId === LANGUAGE_ID) return `language ${LANGUAGE_ID}`;
    if (doc.languageId !== 'plaintext') return null;
    const side = sidecarUriFor(doc.uri);
    if (side && sidecarExists(side)) return 'has an annotation file';
    if (!this.config().get<boolean>(Settings.autoDetect, true)) return null;
    const d = detectArticle(doc.uri.path, doc.getText(new vscode.Range(0, 0, 400, 0)));
    if (!d.article) this.log.debug(`not an article (${d.reason}): ${doc.uri.toString(true)}`);
    return d.article ? `detected (${d.reason})` : null;
  }

  private reconsiderAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const tracked = this.states.has(doc.uri.toString());
      const why = this.articleReason(doc);
      if (why && !tracked) this.track(doc, why);
      else if (!why && tracked) this.forget(doc.uri);
      else if (tracked) this.emitter.fire({ uri: doc.uri, reason: 'analysed' });
    }
  }

  private track(doc: vscode.TextDocument, why: string): void {
    const limit = this.config().get<number>(Settings.maxFileSizeMB, 10) * 1024 * 1024;
    const raw = doc.getText();
    const state = new ArticleState(doc.uri, doc, normalizeText(raw).text, raw.length > limit);
    this.states.set(doc.uri.toString(), state);
    this.log.info(`annotating ${doc.uri.toString(true)} (${why})`);
    if (state.tooLarge) {
      this.log.warn(`not analysed: ${(raw.length / 1048576).toFixed(1)} MB is above newsAnnotator.maxFileSizeMB`);
      this.emitter.fire({ uri: doc.uri, reason: 'opened' });
      this.resolveIdle(state);
      return;
    }
    this.loadSidecarInto(state);
    this.emitter.fire({ uri: doc.uri, reason: 'opened' });
    void this.runAnalysis(state);
  }

  private forget(uri: vscode.Uri): void {
    const s = this.states.get(uri.toString());
    if (!s) return;
    clearTimeout(s.pending);
    this.states.delete(uri.toString());
    this.refs.delete(uri.toString());
    this.resolveIdle(s);
    this.emitter.fire({ uri, reason: 'closed' });
  }

  /** Reads the sidecar from disk and re-anchors it on the current text (replacing the annotations). */
  loadSidecarInto(state: ArticleState): void {
    if (!state.sidecarUri) return;
    const read = readSidecar(state.uri, state.live.length);
    if (!read.ok) {
      state.sidecarProblem = { kind: 'invalid', message: 'the annotation file could not be read', details: [read.reason] };
      this.log.error(`cannot read the annotation file of ${state.uri.toString(true)}: ${read.reason}`);
      return;
    }
    state.sidecarContent = read.content;
    state.legacySidecar = read.legacyUri;
    if (read.legacyUri) this.log.info(`read the annotation file under its old name ${read.legacyUri.toString(true)}; it moves to ${state.sidecarUri.toString(true)} on the next save`);
    const loaded = loadSidecar(read.content, state.text);
    state.sidecarProblem = loaded.problem;
    const owner = loaded.doc ? sidecarOwner(state.uri, loaded.doc.article) : null;
    if (owner && !loaded.problem) {
      state.sidecarProblem = { kind: 'invalid', message: 'the annotation file belongs to another article beside this one (its article: field); rename one of the two articles', details: [] };
      this.log.error(`${state.sidecarUri.toString(true)} belongs to ${owner}; it is not read or written for this article`);
      return;
    }
    if (loaded.problem) {
      this.log.error(`${state.sidecarUri.toString(true)}: ${loaded.problem.message}; it will not be overwritten`);
      for (const d of loaded.problem.details) this.log.error(`  ${d}`);
      return;
    }
    if (loaded.mismatched.length) this.log.warn(`${loaded.mismatched.length} annotation(s) did not sit on their words at their offsets; placed again by their text and context`);
    state.annotations = loaded.annotations;
    if (loaded.report) {
      const r = loaded.report;
      this.log.info(`loaded ${loaded.annotations.length} annotations (${r.ok} in place, ${r.moved} moved, ${r.ambiguous} ambiguous, ${r.orphaned} orphaned)${loaded.stale ? '; the article changed since they were saved' : ''}`);
    }
  }

  private lexiconEntries(): LexiconEntry[] {
    if (this.knowledge) return this.knowledge.lexiconEntries();
    const entries: LexiconEntry[] = [];
    for (const s of this.states.values()) entries.push(...lexiconEntriesFrom(s.annotations));
    return entries;
  }

  /**
   * Analyses now (in-process for ordinary articles, in the worker for long ones) and merges the fresh
   * suggestions into the annotations. A result that arrives after the text changed again is dropped:
   * the edit has already scheduled the next run.
   */
  runAnalysis(state: ArticleState): Promise<void> {
    clearTimeout(state.pending);
    state.pending = undefined;
    if (state.tooLarge) return Promise.resolve();
    // Safety net: the mirror must equal the document; if an edit was ever missed, resynchronise.
    const actual = normalizeText(state.doc.getText()).text;
    if (actual !== state.text) {
      this.log.warn('text mirror out of sync; resynchronised');
      state.live.resetText(actual);
      reanchor(state.annotations, actual);
    }
    const text = state.text;
    const run = ++state.requested;
    const job = this.runner
      .run(state.uri.toString(), text, { fileDate: state.fileDate, lexicon: this.lexiconEntries(), ...(this.idf ? { idf: this.idf } : {}) })
      .then(
        (r) => {
          if (run !== state.requested || text !== state.text || !this.states.has(state.uri.toString())) return;
          this.knowledge?.fold(r.analysis, state.annotations);
          state.analysis = r.analysis;
          state.annotations = annotateWith(r.analysis, state.annotations);
          state.runs++;
          const bad = invariantViolations(state.annotations, state.text);
          if (bad.length) this.log.error(`anchoring invariant broken for ${bad.length} annotation(s); please report this`);
          const a = r.analysis;
          this.log.debug(
            `analysed ${text.length} chars ${r.where === 'worker' ? `in the worker (${r.tagged}/${r.blocks} blocks tagged)` : 'in-process'} in ${r.ms} ms: ${a.entities.length} entities, ${a.figures.length} figures, ${a.quotes.length} quotes`,
          );
          this.emitter.fire({ uri: state.uri, reason: 'analysed' });
        },
        (e) => this.log.error(`analysis failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => {
        if (run === state.requested) state.running = undefined;
        this.resolveIdle(state);
      });
    state.running = job;
    return job;
  }

  /** Keyword weights from the workspace's articles (topics), once there are enough of them. */
  setIdf(idf: IdfTable | undefined): void {
    this.idf = idf;
    for (const s of this.states.values()) void this.runAnalysis(s);
  }

  private schedule(state: ArticleState): void {
    clearTimeout(state.pending);
    state.pending = setTimeout(() => this.runAnalysis(state), ANALYSIS_DELAY_MS);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const state = this.states.get(e.document.uri.toString());
    if (!state || !e.contentChanges.length) return;
    state.doc = e.document;
    if (state.tooLarge) return;
    const changes = e.contentChanges.map((ch) => toTextChange(ch, e.document.eol));
    state.live.apply(changes);
    // Keep the last analysis on its words too (hovers, outline) until the next one lands.
    if (state.analysis) for (const c of changes) shiftAnalysis(state.analysis, c);
    this.emitter.fire({ uri: state.uri, reason: 'edited' });
    this.schedule(state);
  }

  private onSave(doc: vscode.TextDocument): void {
    const state = this.states.get(doc.uri.toString());
    if (!state || !state.sidecarUri) return;
    if (!this.config().get<boolean>(Settings.saveSidecarOnSave, true)) return;
    void this.saveSidecar(state);
  }

  /** Writes the sidecar now. Returns a message when it could not. */
  async saveSidecar(state: ArticleState): Promise<{ ok: boolean; message: string }> {
    if (!state.sidecarUri) return { ok: false, message: 'only articles saved on disk have an annotation file' };
    if (state.sidecarProblem) return { ok: false, message: 'the annotation file has problems and is not overwritten (details in the output)' };
    await this.analysed(state);
    if (!state.analysis) return { ok: false, message: 'the article is too large to analyse' };
    const name = state.uri.path.replace(/^.*\//, '');
    const content = sidecarSource(name, state.analysis, state.annotations);
    if (content === state.sidecarContent) {
      state.unsavedCorrections = false;
      return { ok: true, message: 'annotations unchanged' };
    }
    const legacy = state.legacySidecar ? { uri: state.legacySidecar, content: state.sidecarContent } : null;
    let out = writeSidecar(state.sidecarUri, content, legacy ? null : state.sidecarContent);
    if (!out.written && out.reason === 'changed-on-disk') {
      // Someone else wrote the sidecar: merge their decisions with ours by id, then write once more.
      this.log.warn('the annotation file changed on disk since it was read; merging by annotation id');
      const mine = state.annotations;
      this.loadSidecarInto(state);
      if (state.sidecarProblem) return { ok: false, message: 'the annotation file on disk has problems; not overwritten' };
      state.annotations = overlayUserDecisions(state.annotations, mine);
      await this.runAnalysis(state);
      const merged = sidecarSource(name, state.analysis!, state.annotations);
      out = writeSidecar(state.sidecarUri, merged, state.legacySidecar ? null : state.sidecarContent);
      if (out.written) state.sidecarContent = merged;
    } else if (out.written) {
      state.sidecarContent = content;
    }
    if (!out.written) {
      this.log.warn(`annotation file not written: ${out.message}`);
      // Error texts can hold file names: they stay in the output channel, never in a notification.
      return { ok: false, message: out.reason === 'error' ? 'the file could not be written (details in the output)' : out.message };
    }
    state.unsavedCorrections = false;
    if (legacy) {
      removeLegacy(legacy.uri, legacy.content);
      state.legacySidecar = undefined;
    }
    this.log.info(`wrote ${state.sidecarUri.toString(true)} (${state.annotations.length} annotations)`);
    this.emitter.fire({ uri: state.uri, reason: 'sidecar' });
    return { ok: true, message: 'annotations saved' };
  }

  /** The sidecar changed on disk (not by us): reload it and merge it into the live state. */
  onSidecarChangedOnDisk(sidecar: vscode.Uri): void {
    for (const state of this.states.values()) {
      if (!state.sidecarUri || state.sidecarUri.toString() !== sidecar.toString()) continue;
      const read = readSidecar(state.uri, state.live.length);
      if (read.ok && read.content === state.sidecarContent) return; // our own write
      this.log.info(`annotation file changed on disk: ${sidecar.toString(true)}`);
      const mine = state.unsavedCorrections ? state.annotations : [];
      this.loadSidecarInto(state);
      if (mine.length) state.annotations = overlayUserDecisions(state.annotations, mine);
      this.emitter.fire({ uri: state.uri, reason: 'sidecar' });
      void this.runAnalysis(state);
    }
  }

  /** Records a user correction (accept, reject, add, retype): redraw and mark unsaved. */
  corrected(state: ArticleState): void {
    state.annotations = [...state.annotations];
    state.unsavedCorrections = true;
    this.emitter.fire({ uri: state.uri, reason: 'corrected' });
    if (!state.doc.isDirty && state.sidecarUri && this.config().get<boolean>(Settings.saveSidecarOnSave, true)) void this.saveSidecar(state);
  }

  /** Runs a pending analysis now and waits for the one in flight; then the analysis matches the text. */
  async analysed(state: ArticleState): Promise<void> {
    for (let i = 0; i < 5; i++) {
      if (state.pending || (!state.running && !state.analysis && !state.tooLarge)) await this.runAnalysis(state);
      else if (state.running) await state.running;
      else return;
    }
  }

  /** Resolves once no analysis is pending or running for the document. */
  whenIdle(uri: vscode.Uri): Promise<void> {
    const s = this.states.get(uri.toString());
    if (!s || (!s.pending && !s.running && (s.analysis || s.tooLarge))) return Promise.resolve();
    return new Promise((resolve) => {
      const key = uri.toString();
      const list = this.idleWaiters.get(key) ?? [];
      list.push(resolve);
      this.idleWaiters.set(key, list);
    });
  }

  private resolveIdle(s: ArticleState): void {
    const key = s.uri.toString();
    const list = this.idleWaiters.get(key);
    if (!list || s.pending || s.running) return;
    this.idleWaiters.delete(key);
    for (const r of list) r();
  }
}

function fileDateOf(uri: vscode.Uri): string | null {
  if (uri.scheme !== 'file') return null;
  try {
    return fs.statSync(uri.fsPath).mtime.toISOString().slice(0, 10);
  } catch {
    return null;
  }
}
