/**
 * The open articles and everything the editor does with them, without the editor: which documents
 * are articles, their live text and annotations (shifted on every edit at once), the analysis (run
 * again after a pause), and the annotation file (read when opened, written atomically on save or
 * after a correction, merged by id when it changed on disk meanwhile, never overwritten when it has
 * problems). It talks to the host through `host.ts` and reports what happened through
 * {@link ArticleStore.onDidChange}; the VS Code adapter (src/vscode/articles.ts) only feeds it the
 * editor's events, and unit tests feed it in-memory fakes.
 */
import { docRef } from '../commandArgs';
import { detectArticle } from '../detect';
import type { LexiconEntry } from '../lexicon';
import { LiveDocument, shiftAnalysis } from '../liveDocument';
import { invariantViolations, reanchor } from '../sidecar/anchor';
import { overlayUserDecisions } from '../sidecar/merge';
import type { Annotation } from '../sidecar/model';
import { annotateWith, lexiconEntriesFrom, loadSidecar, sidecarSource } from '../sidecar/session';
import type { SidecarProblem } from '../sidecar/yaml';
import { normalizeText } from '../text';
import type { IdfTable } from '../topics/idf';
import type { Analysis } from '../types';
import { Emitter, type Event } from './events';
import type {
  AnalysisKnowledge,
  Analyzer,
  ArticleSettings,
  DocumentView,
  KeyValueStore,
  Logger,
  SidecarFiles,
  TextChange,
  TimerHandle,
  Timers,
} from './host';

/** Quiet time after the last edit before the article is analysed again. */
export const ANALYSIS_DELAY_MS = 300;
/** The language of files declared to be news articles. */
export const NEWS_LANGUAGE = 'news-article';

/** An open article: its live text and annotations, the latest analysis, and its annotation file's state. */
export class ArticleState {
  /** The document text (BOM removed, LF line endings) and the annotations, kept in step on every edit. */
  readonly live: LiveDocument;
  analysis: Analysis | null = null;
  /** What the annotation file held when last read or written (null: none), for compare-and-swap. */
  sidecarContent: string | null = null;
  /** The file was read under the name an earlier release gave it: written under the new one, then removed. */
  legacySidecar: string | undefined;
  /** Why the annotation file cannot be written (conflict markers, invalid, unreadable, another article's). */
  sidecarProblem: SidecarProblem | null = null;
  /** User corrections not yet written to the annotation file. */
  unsavedCorrections = false;
  pending: TimerHandle | undefined;
  /** The analysis in flight, if any. */
  running: Promise<void> | undefined;
  /** Analyses requested so far; a result is used only if it answers the latest request. */
  requested = 0;
  /** Analysis runs so far (for tests and the output channel). */
  runs = 0;
  /** The taught names the latest analysis used (to analyse again only when they change). */
  lexiconKey = '';
  /** Where and how long the latest analysis ran (in-process, or in the worker for long articles). */
  lastRun: { where: 'in-process' | 'worker'; ms: number } | null = null;

  readonly uri: string;
  readonly tooLarge: boolean;
  /** Where its annotation file is (null: not a file on disk; annotated in memory). */
  readonly sidecarUri: string | null;
  /** The file's modification date (`YYYY-MM-DD`), the fallback article date. */
  readonly fileDate: string | null;

  constructor(
    public doc: DocumentView,
    text: string,
    o: { tooLarge: boolean; sidecarUri: string | null; fileDate: string | null },
  ) {
    this.uri = doc.uri;
    this.tooLarge = o.tooLarge;
    this.sidecarUri = o.sidecarUri;
    this.fileDate = o.fileDate;
    this.live = new LiveDocument(text);
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
}

export type ArticleEventReason = 'opened' | 'edited' | 'analysed' | 'corrected' | 'closed' | 'sidecar';
export interface ArticleEvent {
  uri: string;
  reason: ArticleEventReason;
}

export interface ArticleStoreOptions {
  files: SidecarFiles;
  memento: KeyValueStore;
  settings: () => ArticleSettings;
  log: Logger;
  analyzer: Analyzer;
  timers: Timers;
  /** Workspace knowledge (taught names, registry); without it, the open articles' own decisions. */
  knowledge?: AnalysisKnowledge;
  /** Quiet time after an edit before analysing (default {@link ANALYSIS_DELAY_MS}). */
  delayMs?: number;
}

export type SaveResult = { ok: boolean; message: string };

export class ArticleStore {
  private readonly states = new Map<string, ArticleState>();
  private readonly emitter = new Emitter<ArticleEvent>((error) =>
    this.o.log.error(`a listener of article events failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  );
  /** Fires after anything changed for an article (opened, edited, analysed, corrected, its file, closed). */
  readonly onDidChange: Event<ArticleEvent> = this.emitter.event;
  private readonly idleWaiters = new Map<string, (() => void)[]>();
  private readonly refs = new Map<string, string>();
  private idf: IdfTable | undefined;

  constructor(private readonly o: ArticleStoreOptions) {}

  dispose(): void {
    for (const s of this.states.values()) this.o.timers.clear(s.pending);
    this.states.clear();
    this.emitter.dispose();
  }

  get(uri: string): ArticleState | undefined {
    return this.states.get(uri);
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
  refOf(uri: string): string {
    let r = this.refs.get(uri);
    if (!r) this.refs.set(uri, (r = docRef(uri)));
    return r;
  }

  // -------------------------------------------------------------------------------------------
  // Which documents are articles

  private forced(): { on: string[]; off: string[] } {
    return { on: this.o.memento.get<string[]>('forcedOn', []), off: this.o.memento.get<string[]>('forcedOff', []) };
  }

  /** Why a document is an article, or null when it is not one (on request, language, annotation file, content). */
  articleReason(doc: DocumentView): string | null {
    if (/^(?:output|vscode-scm|git):/.test(doc.uri)) return null;
    const f = this.forced();
    if (f.off.includes(doc.uri)) return null;
    if (f.on.includes(doc.uri)) return 'annotated on request';
    const settings = this.o.settings();
    if (!settings.enable) return null;
    if (doc.languageId === NEWS_LANGUAGE) return `language ${NEWS_LANGUAGE}`;
    if (doc.languageId !== 'plaintext') return null;
    if (this.o.files.exists(doc.uri)) return 'has an annotation file';
    if (!settings.autoDetect) return null;
    const d = detectArticle(doc.path, doc.head(400));
    if (!d.article) this.o.log.debug(`not an article (${d.reason}): ${doc.uri}`);
    return d.article ? `detected (${d.reason})` : null;
  }

  /** Decides whether a document is an article and starts tracking it. */
  consider(doc: DocumentView): void {
    if (this.states.has(doc.uri)) return;
    const why = this.articleReason(doc);
    if (why) this.track(doc, why);
  }

  /** Settings changed: documents may start or stop being articles. */
  reconsider(docs: readonly DocumentView[]): void {
    for (const doc of docs) {
      const tracked = this.states.has(doc.uri);
      const why = this.articleReason(doc);
      if (why && !tracked) this.track(doc, why);
      else if (!why && tracked) this.forget(doc.uri);
      else if (tracked) this.emitter.fire({ uri: doc.uri, reason: 'analysed' });
    }
  }

  /** Turns annotation on or off for a document, remembered for the workspace. */
  async setForced(uri: string, on: boolean, doc?: DocumentView): Promise<void> {
    const f = this.forced();
    const onList = f.on.filter((u) => u !== uri);
    const offList = f.off.filter((u) => u !== uri);
    (on ? onList : offList).push(uri);
    await this.o.memento.update('forcedOn', onList);
    await this.o.memento.update('forcedOff', offList);
    if (!doc) return;
    if (on) this.track(doc, 'command');
    else this.forget(uri);
  }

  private track(doc: DocumentView, why: string): void {
    const limit = this.o.settings().maxFileSizeMB * 1024 * 1024;
    const raw = doc.getText();
    const state = new ArticleState(doc, normalizeText(raw).text, {
      tooLarge: raw.length > limit,
      sidecarUri: this.o.files.uriFor(doc.uri),
      fileDate: this.o.files.fileDate(doc.uri),
    });
    this.states.set(doc.uri, state);
    this.o.log.info(`annotating ${doc.uri} (${why})`);
    if (state.tooLarge) {
      this.o.log.warn(`not analysed: ${(raw.length / 1048576).toFixed(1)} MB is above newsAnnotator.maxFileSizeMB`);
      this.emitter.fire({ uri: doc.uri, reason: 'opened' });
      this.resolveIdle(state);
      return;
    }
    this.loadSidecarInto(state);
    this.emitter.fire({ uri: doc.uri, reason: 'opened' });
    void this.runAnalysis(state);
  }

  /** The document was closed (or stopped being an article). */
  forget(uri: string): void {
    const s = this.states.get(uri);
    if (!s) return;
    this.o.timers.clear(s.pending);
    this.states.delete(uri);
    this.refs.delete(uri);
    this.resolveIdle(s);
    this.emitter.fire({ uri, reason: 'closed' });
  }

  // -------------------------------------------------------------------------------------------
  // The annotation file

  /** Reads the annotation file and places it on the current text (replacing the annotations). */
  loadSidecarInto(state: ArticleState): void {
    if (!state.sidecarUri) return;
    const log = this.o.log;
    const read = this.o.files.read(state.uri, state.live.length);
    if (!read.ok) {
      state.sidecarProblem = { kind: 'invalid', message: 'the annotation file could not be read', details: [read.reason] };
      log.error(`cannot read the annotation file of ${state.uri}: ${read.reason}`);
      return;
    }
    state.sidecarContent = read.content;
    state.legacySidecar = read.legacy;
    if (read.legacy)
      log.info(`read the annotation file under its old name ${read.legacy}; it moves to ${state.sidecarUri} on the next save`);
    const loaded = loadSidecar(read.content, state.text);
    state.sidecarProblem = loaded.problem;
    const owner = loaded.doc ? this.o.files.owner(state.uri, loaded.doc.article) : null;
    if (owner && !loaded.problem) {
      state.sidecarProblem = {
        kind: 'invalid',
        message: 'the annotation file belongs to another article beside this one (its article: field); rename one of the two articles',
        details: [],
      };
      log.error(`${state.sidecarUri} belongs to ${owner}; it is not read or written for this article`);
      return;
    }
    if (loaded.problem) {
      log.error(`${state.sidecarUri}: ${loaded.problem.message}; it will not be overwritten`);
      for (const d of loaded.problem.details) log.error(`  ${d}`);
      return;
    }
    if (loaded.mismatched.length)
      log.warn(
        `${loaded.mismatched.length} annotation(s) did not sit on their words at their offsets; placed again by their text and context`,
      );
    state.annotations = loaded.annotations;
    if (loaded.report) {
      const r = loaded.report;
      log.info(
        `loaded ${loaded.annotations.length} annotations (${r.ok} in place, ${r.moved} moved, ${r.ambiguous} ` +
          `ambiguous, ${r.orphaned} orphaned)${loaded.stale ? '; the article changed since they were saved' : ''}`,
      );
    }
  }

  /** Writes the annotation file now. Returns a message (fixed phrases only: it may reach a notification). */
  async saveSidecar(state: ArticleState): Promise<SaveResult> {
    if (!state.sidecarUri) return { ok: false, message: 'only articles saved on disk have an annotation file' };
    if (state.sidecarProblem)
      return { ok: false, message: 'the annotation file has problems and is not overwritten (details in the output)' };
    await this.analysed(state);
    if (!state.analysis) return { ok: false, message: 'the article is too large to analyse' };
    const name = state.doc.path.replace(/^.*\//, '');
    const content = sidecarSource(name, state.analysis, state.annotations);
    if (content === state.sidecarContent) {
      state.unsavedCorrections = false;
      return { ok: true, message: 'annotations unchanged' };
    }
    const legacy = state.legacySidecar ? { uri: state.legacySidecar, content: state.sidecarContent } : null;
    let out = this.o.files.write(state.sidecarUri, content, legacy ? null : state.sidecarContent);
    if (!out.written && out.reason === 'changed-on-disk') {
      // Someone else wrote the file: lay our decisions over theirs by id, then write once more.
      this.o.log.warn('the annotation file changed on disk since it was read; merging by annotation id');
      const mine = state.annotations;
      this.loadSidecarInto(state);
      if (state.sidecarProblem) return { ok: false, message: 'the annotation file on disk has problems; not overwritten' };
      state.annotations = overlayUserDecisions(state.annotations, mine);
      await this.runAnalysis(state);
      const merged = sidecarSource(name, state.analysis!, state.annotations);
      out = this.o.files.write(state.sidecarUri, merged, state.legacySidecar ? null : state.sidecarContent);
      if (out.written) state.sidecarContent = merged;
    } else if (out.written) {
      state.sidecarContent = content;
    }
    if (!out.written) {
      this.o.log.warn(`annotation file not written: ${out.message}`);
      // Error texts can hold file names: they stay in the output channel, never in a notification.
      return { ok: false, message: out.reason === 'error' ? 'the file could not be written (details in the output)' : out.message };
    }
    state.unsavedCorrections = false;
    if (legacy) {
      this.o.files.removeLegacy(legacy.uri, legacy.content);
      state.legacySidecar = undefined;
    }
    this.o.log.info(`wrote ${state.sidecarUri} (${state.annotations.length} annotations)`);
    this.emitter.fire({ uri: state.uri, reason: 'sidecar' });
    return { ok: true, message: 'annotations saved' };
  }

  /** An annotation file changed on disk (not by us): read it again and lay unsaved corrections over it. */
  sidecarChangedOnDisk(sidecarUri: string): void {
    for (const state of this.states.values()) {
      if (state.sidecarUri !== sidecarUri) continue;
      const read = this.o.files.read(state.uri, state.live.length);
      if (read.ok && read.content === state.sidecarContent) return; // our own write
      this.o.log.info(`annotation file changed on disk: ${sidecarUri}`);
      const mine = state.unsavedCorrections ? state.annotations : [];
      this.loadSidecarInto(state);
      if (mine.length) state.annotations = overlayUserDecisions(state.annotations, mine);
      this.emitter.fire({ uri: state.uri, reason: 'sidecar' });
      void this.runAnalysis(state);
    }
  }

  /** Records a user correction (accept, reject, add, retype…): redraw, and write the file at once when the article has no unsaved edits. */
  corrected(state: ArticleState): void {
    state.annotations = [...state.annotations];
    state.unsavedCorrections = true;
    this.emitter.fire({ uri: state.uri, reason: 'corrected' });
    if (!state.doc.isDirty && state.sidecarUri && this.o.settings().saveSidecarOnSave) void this.saveSidecar(state);
  }

  /** The article was saved: write its annotation file too (when the setting says so). */
  saved(uri: string): void {
    const state = this.states.get(uri);
    if (!state || !state.sidecarUri || !this.o.settings().saveSidecarOnSave) return;
    void this.saveSidecar(state);
  }

  // -------------------------------------------------------------------------------------------
  // Edits and analysis

  /** Applies a document's changes (in LF offsets, sorted from the end as editors deliver them). */
  edit(uri: string, doc: DocumentView, changes: readonly TextChange[]): void {
    const state = this.states.get(uri);
    if (!state || !changes.length) return;
    state.doc = doc;
    if (state.tooLarge) return;
    state.live.apply(changes);
    // Keep the last analysis on its words too (hovers, outline) until the next one lands.
    if (state.analysis) for (const c of changes) shiftAnalysis(state.analysis, c);
    this.emitter.fire({ uri, reason: 'edited' });
    this.o.timers.clear(state.pending);
    state.pending = this.o.timers.set(() => void this.runAnalysis(state), this.o.delayMs ?? ANALYSIS_DELAY_MS);
  }

  private lexiconFor(state: ArticleState): LexiconEntry[] {
    if (this.o.knowledge) return this.o.knowledge.lexiconEntries(state.uri);
    const out: LexiconEntry[] = [];
    for (const s of this.states.values()) if (s !== state) out.push(...lexiconEntriesFrom(s.annotations));
    return out;
  }

  /**
   * Analyses now and merges the fresh suggestions into the annotations. A result that arrives after
   * the text changed again is dropped: the edit has already scheduled the next run.
   */
  runAnalysis(state: ArticleState): Promise<void> {
    this.o.timers.clear(state.pending);
    state.pending = undefined;
    if (state.tooLarge) return Promise.resolve();
    // Safety net: the mirror must equal the document; if an edit was ever missed, resynchronise.
    const actual = normalizeText(state.doc.getText()).text;
    if (actual !== state.text) {
      this.o.log.warn('text mirror out of sync; resynchronised');
      state.live.resetText(actual);
      reanchor(state.annotations, actual);
    }
    const text = state.text;
    const run = ++state.requested;
    const lexicon = this.lexiconFor(state);
    const lexiconKey = JSON.stringify(lexicon);
    const job = this.o.analyzer
      .run(state.uri, text, { fileDate: state.fileDate, lexicon, ...(this.idf ? { idf: this.idf } : {}) })
      .then(
        (r) => {
          if (run !== state.requested || text !== state.text || this.states.get(state.uri) !== state) return;
          this.o.knowledge?.fold(r.analysis, state.annotations);
          state.analysis = r.analysis;
          state.annotations = annotateWith(r.analysis, state.annotations);
          state.lexiconKey = lexiconKey;
          state.lastRun = { where: r.where, ms: r.ms };
          state.runs++;
          const bad = invariantViolations(state.annotations, state.text);
          if (bad.length) this.o.log.error(`anchoring invariant broken for ${bad.length} annotation(s); please report this`);
          const a = r.analysis;
          this.o.log.debug(
            `analysed ${text.length} chars ` +
              `${r.where === 'worker' ? `in the worker (${r.tagged}/${r.blocks} blocks tagged)` : 'in-process'} in ` +
              `${r.ms} ms: ${a.entities.length} entities, ${a.figures.length} figures, ${a.quotes.length} quotes`,
          );
          this.emitter.fire({ uri: state.uri, reason: 'analysed' });
        },
        (e) => this.o.log.error(`analysis failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => {
        if (run === state.requested) state.running = undefined;
        this.resolveIdle(state);
      });
    state.running = job;
    return job;
  }

  /**
   * The taught names or the registry changed: analyse again the open articles whose analysis would
   * differ — those whose names from elsewhere changed (an article's own decisions never trigger its
   * own re-analysis) — or all of them when `force` (the registry changed).
   */
  reanalyze(force = false): void {
    for (const s of this.states.values()) {
      if (s.tooLarge || !s.analysis) continue;
      if (force || JSON.stringify(this.lexiconFor(s)) !== s.lexiconKey) void this.runAnalysis(s);
    }
  }

  /** Keyword weights from the workspace's articles (topics), once there are enough of them. */
  setIdf(idf: IdfTable | undefined): void {
    this.idf = idf;
    for (const s of this.states.values()) void this.runAnalysis(s);
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
  whenIdle(uri: string): Promise<void> {
    const s = this.states.get(uri);
    if (!s || (!s.pending && !s.running && (s.analysis || s.tooLarge))) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.idleWaiters.get(uri) ?? [];
      list.push(resolve);
      this.idleWaiters.set(uri, list);
    });
  }

  private resolveIdle(s: ArticleState): void {
    const list = this.idleWaiters.get(s.uri);
    if (!list || s.pending || s.running) return;
    this.idleWaiters.delete(s.uri);
    for (const r of list) r();
  }
}
