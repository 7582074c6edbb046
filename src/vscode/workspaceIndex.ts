/**
 * Workspace knowledge in the editor: the entity index of every article in the workspace, the
 * entity registry, and the user lexicon built from both.
 *
 * Building. The index is built in the background: file names first (`findFiles`), then articles in
 * batches — a handful of files read concurrently, then indexed one by one, yielding to the event
 * loop every {@link SLICE_MS} so typing, hovers and other extensions stay responsive. Articles with
 * an annotation file are indexed from it (cheap, and it carries the user's decisions); the others
 * get an entity-only analysis (names and linking, no figures, quotes or topics). Files with a
 * sidecar go first, so the names the user taught are known when the rest is analysed. Large folders
 * show a cancellable notification; small ones only a status-bar spinner. Nothing is kept of an
 * article's text (see the core index). Changes on disk are picked up by a watcher and re-indexed in
 * the same way, debounced; open articles are indexed from their live editor state.
 *
 * Opaque ids. Hover links carry `n…` ids for entities instead of names; this service remembers
 * what the ids it handed out stand for (a bounded map) and resolves them for the commands.
 */
import * as vscode from 'vscode';
import { entityRef as makeEntityRef, ENTITY_REF } from '../core/commandArgs';
import { detectArticle } from '../core/detect';
import type { EntityFacts } from '../core/hover';
import { Lexicon, type LexiconEntry } from '../core/lexicon';
import { applyRegistry, canonicalizeAnnotations, EMPTY_REGISTRY, parseRegistry, REGISTRY_FILE, RegistryIndex, type RegistryEntity } from '../core/registry';
import type { Annotation } from '../core/sidecar/model';
import { sidecarPathFor, SIDECAR_SUFFIX } from '../core/sidecar/yaml';
import { normalizeText } from '../core/text';
import type { Analysis, EntityType } from '../core/types';
import { indexArticle, parseRecords, recordFromAnnotations, serializeRecords, WorkspaceIndex, type ArticleRecord } from '../core/workspaceIndex';
import { analysisModule } from './analysisRunner';
import type { AnalysisKnowledge, ArticleManager, ArticleState } from './articles';
import { SETTINGS_SECTION, Settings } from './ids';

/** Work between two yields to the event loop. */
const SLICE_MS = 12;
/** Files read concurrently. */
const READ_BATCH = 16;
/** Above this many candidate files the build shows a cancellable notification. */
const NOTIFY_ABOVE = 400;
/** Quiet time after file changes before they are re-indexed. */
const CHANGE_DELAY_MS = 400;
/** Quiet time after the lexicon changed before open articles are analysed again. */
const LEXICON_DELAY_MS = 800;
/**
 * Longest article analysed in the background (UTF-16 units). One article cannot be split across
 * time slices: with the trained tagger 100 k characters take ~0.2 s on a loaded 2-core machine (a
 * typical article, 3 k, ~1 ms). Longer articles without a usable annotation file are indexed when
 * opened in the editor.
 */
const MAX_BACKGROUND_ANALYSIS = 100_000;
/** Largest annotation file read with the full YAML reader in the background (the fast reader has no limit). */
const MAX_BACKGROUND_FULL_PARSE = 500_000;
/** Quiet time after the taught names changed before closed articles that contain them are analysed again. */
const REFRESH_DELAY_MS = 5000;
/** Quiet time after index changes before the index is saved for the next session. */
const SAVE_DELAY_MS = 20_000;
const CACHE_FILE = 'workspace-index.json';
const IDF_FILE = 'topic-weights.json';
/** Entity ids remembered for hover links. */
const MAX_REFS = 2000;
const EXCLUDE = '**/{node_modules,.git,.hg,.svn,out,dist}/**';

const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Candidate {
  uri: vscode.Uri;
  sidecar: vscode.Uri | null;
  /** Index again even if unchanged on disk, when the text holds one of these names. */
  ifContains?: readonly string[];
}

export class WorkspaceKnowledge implements AnalysisKnowledge, vscode.Disposable {
  readonly index = new WorkspaceIndex();
  private registryIdx: RegistryIndex = EMPTY_REGISTRY;
  /** The registry file's LF-normalized text as last read (null: none). */
  private registryText: string | null = null;
  private lexiconCache: { signature: string; lexicon: Lexicon } | null = null;
  private lastLexiconSignature = '';
  private readonly refs = new Map<string, { type: EntityType; name: string }>();
  private build: vscode.CancellationTokenSource | null = null;
  private building: Promise<void> = Promise.resolve();
  private indexing = false;
  private readonly pending = new Set<string>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private lexiconTimer: ReturnType<typeof setTimeout> | undefined;
  private editorTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Topic keyword weights gathered from the articles read during a build (see `idfFromBuild`). */
  private idfBuilder: InstanceType<ReturnType<typeof analysisModule>['IdfBuilder']> | null = null;
  /** False when a build skipped unchanged files: its counts then cover only part of the workspace. */
  private idfComplete = true;
  private idfLoaded = false;
  private cacheLoaded = false;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the index or the registry changed (hovers and views may refresh). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /**
   * @param storage the extension's storage folder for this workspace (the index is kept there
   *   between sessions, so a restart re-reads only the files that changed); none: not kept.
   * @param version the extension's version: a cache from another version (other analyzers) is ignored.
   */
  constructor(
    private readonly articles: ArticleManager,
    private readonly log: vscode.LogOutputChannel,
    private readonly storage?: vscode.Uri,
    private readonly version = '0',
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,news,yaml,yml}');
    const onFile = (uri: vscode.Uri) => this.onFileEvent(uri);
    this.disposables.push(
      watcher,
      watcher.onDidChange(onFile),
      watcher.onDidCreate(onFile),
      watcher.onDidDelete(onFile),
      articles.onDidChange((e) => this.onArticleEvent(e.uri, e.reason)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.${Settings.registryPath}`)) void this.loadRegistry().then(() => this.registryChanged());
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.${Settings.indexEnable}`)) void this.rebuild();
      }),
    );
  }

  dispose(): void {
    this.build?.cancel();
    clearTimeout(this.changeTimer);
    clearTimeout(this.lexiconTimer);
    clearTimeout(this.saveTimer);
    clearTimeout(this.refreshTimer);
    for (const t of this.editorTimers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }

  private config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SETTINGS_SECTION);
  }

  /** Resolves when the current (re)build has finished. */
  whenIndexed(): Promise<void> {
    return this.building;
  }

  get isIndexing(): boolean {
    return this.indexing;
  }

  // ---------------------------------------------------------------------------------------------
  // Knowledge for analysis and hovers

  lexiconEntries(): LexiconEntry[] {
    return this.index.lexiconEntries();
  }

  lexicon(): Lexicon {
    const signature = this.index.lexiconSignature();
    if (this.lexiconCache?.signature !== signature) this.lexiconCache = { signature, lexicon: new Lexicon(this.index.lexiconEntries()) };
    return this.lexiconCache.lexicon;
  }

  fold(analysis: Analysis, annotations: Annotation[]): void {
    applyRegistry(analysis, this.registryIdx);
    canonicalizeAnnotations(annotations, this.registryIdx);
  }

  get registry(): RegistryIndex {
    return this.registryIdx;
  }

  /** All names of an entity: the registry's canonical name and aliases, or just the name. */
  namesOf(type: EntityType, name: string): string[] {
    const names = this.registryIdx.namesOf(type, name);
    return names.includes(name) ? names : [...names, name];
  }

  /** What the workspace knows about an entity, for the hover of `docUri`. */
  facts(type: EntityType, canonical: string, docUri: string): EntityFacts {
    const entry = this.registryIdx.resolve(type, canonical);
    const s = this.index.summary(type, this.namesOf(type, canonical), docUri, 3);
    const facts: EntityFacts = { otherArticles: { count: s.count, sample: s.sample.map((r) => r.label) } };
    if (this.indexing) facts.otherArticles = { ...facts.otherArticles, partial: true };
    if (entry) facts.registry = { name: entry.name, aliases: entry.aliases, links: entry.links, ...(entry.description ? { description: entry.description } : {}) };
    return facts;
  }

  /** An opaque id for an entity, remembered so that a command can resolve it. */
  entityRef(type: EntityType, name: string): string {
    const ref = makeEntityRef(type, name);
    this.refs.delete(ref);
    this.refs.set(ref, { type, name });
    if (this.refs.size > MAX_REFS) this.refs.delete(this.refs.keys().next().value!);
    return ref;
  }

  /** The entity an id stands for, if this session handed it out. */
  resolveEntity(ref: string): { type: EntityType; name: string } | undefined {
    return ENTITY_REF.test(ref) ? this.refs.get(ref) : undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Registry

  /**
   * The registry file: `newsAnnotator.registryPath` inside the first workspace folder. Absolute
   * paths, `..`, and anything that is not a .yaml/.yml file fall back to `entities.yaml`.
   */
  registryUri(): vscode.Uri | null {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return null;
    const raw = (this.config().get<string>(Settings.registryPath, REGISTRY_FILE) ?? '').trim() || REGISTRY_FILE;
    const parts = raw.replace(/\\/g, '/').split('/').filter((p) => p && p !== '.');
    const ok = !/^(?:[a-z]:|\/|\\)/i.test(raw) && parts.length > 0 && !parts.some((p) => p === '..') && /\.ya?ml$/i.test(parts[parts.length - 1]!);
    if (!ok) {
      this.log.warn('newsAnnotator.registryPath must be a .yaml file inside the workspace folder; using entities.yaml');
      return vscode.Uri.joinPath(folder.uri, REGISTRY_FILE);
    }
    return vscode.Uri.joinPath(folder.uri, ...parts);
  }

  /** The registry's text as the editor sees it: the open document if any, else the file (null: none). */
  async registrySource(): Promise<string | null> {
    const uri = this.registryUri();
    if (!uri) return null;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return normalizeText(open.getText()).text;
    return readText(uri);
  }

  /** The LF-normalized text the registry was last parsed from. */
  get lastRegistryText(): string | null {
    return this.registryText;
  }

  /** The registry entry of an entity and where its name is written. */
  definition(type: EntityType, name: string): { uri: vscode.Uri; entry: RegistryEntity; text: string } | null {
    const entry = this.registryIdx.resolve(type, name);
    const uri = this.registryUri();
    return entry && uri && this.registryText !== null ? { uri, entry, text: this.registryText } : null;
  }

  /** Reads and parses the registry; problems go to the output channel (never into a notification). */
  async loadRegistry(): Promise<void> {
    const uri = this.registryUri();
    const src = uri ? await readText(uri) : null;
    this.useRegistrySource(src);
  }

  /** Uses registry text just written or read. */
  useRegistrySource(src: string | null): void {
    if (src === null) {
      this.registryText = null;
      this.registryIdx = EMPTY_REGISTRY;
    } else {
      const r = parseRegistry(src);
      this.registryText = normalizeText(src).text;
      if (r.ok) {
        this.registryIdx = new RegistryIndex(r.registry);
        this.log.info(`entity registry: ${r.registry.entities.length} entries`);
      } else {
        this.registryIdx = EMPTY_REGISTRY;
        this.log.error(`the entity registry has problems and is ignored until they are fixed: ${r.problem.message}`);
        for (const d of r.problem.details) this.log.error(`  ${d}`);
      }
    }
    this.index.setRegistry(this.registryIdx.size ? this.registryIdx : null);
  }

  // ---------------------------------------------------------------------------------------------
  // Building

  /**
   * (Re)builds the index in the background; a running build is cancelled first. Unchanged files keep
   * their records unless `force` (then every article is read and analysed again, e.g. with names
   * taught since).
   */
  rebuild(force = false): Promise<void> {
    this.build?.cancel();
    if (force) this.index.clear();
    const cts = (this.build = new vscode.CancellationTokenSource());
    this.building = this.runBuild(cts.token).catch((e) => this.log.error(`workspace index: ${e instanceof Error ? e.message : String(e)}`));
    return this.building;
  }

  private async runBuild(token: vscode.CancellationToken): Promise<void> {
    await this.loadRegistry();
    if (!vscode.workspace.workspaceFolders?.length || !this.config().get<boolean>(Settings.indexEnable, true)) {
      this.index.clear();
      this.afterChange();
      return;
    }
    this.indexing = true;
    const t0 = Date.now();
    await this.loadCache();
    try {
      const max = this.config().get<number>(Settings.indexMaxFiles, 20000);
      const [files, sidecars] = await Promise.all([
        vscode.workspace.findFiles('**/*.{txt,news}', EXCLUDE, max, token),
        vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, EXCLUDE, max, token),
      ]);
      if (token.isCancellationRequested) return;
      const sidecarSet = new Set(sidecars.map((u) => u.toString()));
      const candidates: Candidate[] = files
        .filter((u) => !u.path.endsWith(SIDECAR_SUFFIX))
        .map((uri) => {
          const side = uri.scheme === 'file' ? vscode.Uri.file(sidecarPathFor(uri.fsPath)) : null;
          return { uri, sidecar: side && sidecarSet.has(side.toString()) ? side : null };
        })
        // Articles with a sidecar first: they teach the lexicon the others are analysed with.
        .sort((a, b) => Number(!!b.sidecar) - Number(!!a.sidecar) || (a.uri.toString() < b.uri.toString() ? -1 : 1));
      const live = new Set(candidates.map((c) => c.uri.toString()));
      for (const u of this.index.uris()) if (!live.has(u) && !this.articles.get(vscode.Uri.parse(u))) this.index.delete(u);
      this.idfBuilder = new (analysisModule().IdfBuilder)();
      this.idfComplete = true;
      const location = candidates.length > NOTIFY_ABOVE ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
      await vscode.window.withProgress({ location, title: 'News Annotator: indexing articles', cancellable: true }, async (progress, cancel) => {
        const sub = cancel.onCancellationRequested(() => this.build?.cancel());
        let reported = 0;
        try {
          await this.indexCandidates(candidates, token, (done) => {
            progress.report({ message: `${done} of ${candidates.length} files`, increment: (100 * (done - reported)) / Math.max(1, candidates.length) });
            reported = done;
          });
        } finally {
          sub.dispose();
        }
      });
      if (!token.isCancellationRequested) await this.idfFromBuild();
      const st = this.index.stats();
      this.log.info(
        `workspace index: ${st.articles} articles (${st.bySource.sidecar} from annotation files, ${st.bySource.analysis} analysed, ${st.bySource.editor} open), ${st.entities} entities, ${st.mentions} mentions in ${Date.now() - t0} ms${token.isCancellationRequested ? ' (cancelled)' : ''}`,
      );
    } finally {
      this.indexing = false;
      this.afterChange();
      this.scheduleSave(0);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Topic keyword weights (IDF) from the workspace's own articles

  private idfUri(): vscode.Uri | null {
    return this.storage ? vscode.Uri.joinPath(this.storage, IDF_FILE) : null;
  }

  /**
   * After a build: with enough articles, the workspace's own keyword weights replace the built-in
   * ones for topics (kept in workspace storage, since later builds read only changed files).
   */
  private async idfFromBuild(): Promise<void> {
    const m = analysisModule();
    const b = this.idfBuilder;
    this.idfBuilder = null;
    const uri = this.idfUri();
    if (b && this.idfComplete && b.documents >= m.MIN_IDF_DOCS) {
      const table = b.table();
      this.articles.setIdf(table);
      this.log.info(`topics: keyword weights from ${b.documents} workspace articles`);
      if (uri) {
        try {
          await vscode.workspace.fs.createDirectory(this.storage!);
          await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(m.encodeIdfTable(table))));
        } catch (e) {
          this.log.warn(`keyword weights not saved: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    } else if (!this.idfComplete && uri && !this.idfLoaded) {
      this.idfLoaded = true;
      const src = await readText(uri);
      let table = null;
      try {
        table = src ? m.decodeIdfTable(JSON.parse(src)) : null;
      } catch {
        table = null;
      }
      if (table && table.docCount >= m.MIN_IDF_DOCS) {
        this.articles.setIdf(table);
        this.log.info(`topics: keyword weights from ${table.docCount} workspace articles (saved)`);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Keeping the index between sessions

  private cacheUri(): vscode.Uri | null {
    return this.storage ? vscode.Uri.joinPath(this.storage, CACHE_FILE) : null;
  }

  /** Once per session, before the first build: records of the last session (their stamps decide what is read again). */
  private async loadCache(): Promise<void> {
    if (this.cacheLoaded || this.index.size) return;
    this.cacheLoaded = true;
    const uri = this.cacheUri();
    const src = uri ? await readText(uri) : null;
    if (src === null) return;
    const records = parseRecords(src, this.version);
    if (!records) {
      this.log.info('workspace index: the saved index is from another version; rebuilding it');
      return;
    }
    for (const r of records) if (!this.index.has(r.uri)) this.index.set(r);
    this.log.info(`workspace index: ${records.length} articles from the last session`);
  }

  private scheduleSave(delay = SAVE_DELAY_MS): void {
    const uri = this.cacheUri();
    if (!uri) return;
    clearTimeout(this.saveTimer);
    clearTimeout(this.refreshTimer);
    this.saveTimer = setTimeout(() => {
      void (async () => {
        try {
          await vscode.workspace.fs.createDirectory(this.storage!);
          await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(serializeRecords(this.records(), this.version)));
        } catch (e) {
          this.log.warn(`workspace index not saved: ${e instanceof Error ? e.message : String(e)}`);
        }
      })();
    }, delay);
  }

  private *records(): Iterable<ArticleRecord> {
    for (const u of this.index.uris()) yield this.index.get(u)!;
  }

  /** Indexes files: reads a batch concurrently, indexes it with time slicing, repeats. */
  private async indexCandidates(candidates: readonly Candidate[], token: vscode.CancellationToken, progress?: (done: number) => void): Promise<void> {
    const limit = this.config().get<number>(Settings.maxFileSizeMB, 10) * 1024 * 1024;
    let sliceStart = Date.now();
    let done = 0;
    for (let i = 0; i < candidates.length; i += READ_BATCH) {
      if (token.isCancellationRequested) return;
      const batch = candidates.slice(i, i + READ_BATCH);
      const loaded = await Promise.all(batch.map((c) => this.load(c, limit)));
      for (let k = 0; k < batch.length; k++) {
        if (token.isCancellationRequested) return;
        const c = batch[k]!;
        const l = loaded[k]!;
        const key = c.uri.toString();
        if (this.articles.get(c.uri)) {
          // Open in the editor: the live state is the truth.
          this.indexOpen(this.articles.get(c.uri)!);
        } else if (l === 'unchanged') {
          // Keep the record.
          this.idfComplete = false;
        } else if (!l) {
          this.index.delete(key);
        } else {
          try {
            if (l.text.length > MAX_BACKGROUND_ANALYSIS && l.sidecar === null) {
              this.log.info(`not indexed in the background (${Math.round(l.text.length / 1000)} k characters, no annotation file; open it to index it): ${c.uri.toString(true)}`);
              this.index.delete(key);
            } else this.index.set(indexArticle(key, vscode.workspace.asRelativePath(c.uri), l.stamp, l.text, l.sidecar, (t, lex) => analysisModule().findNames(t, lex), () => this.lexicon(), MAX_BACKGROUND_FULL_PARSE));
            this.idfBuilder?.add(l.text);
          } catch (e) {
            this.log.warn(`not indexed (${e instanceof Error ? e.message : String(e)}): ${c.uri.toString(true)}`);
          }
        }
        done++;
        if (Date.now() - sliceStart > SLICE_MS) {
          progress?.(done);
          await yieldNow();
          sliceStart = Date.now();
        }
      }
    }
    progress?.(done);
  }

  /** Reads one candidate: null when it is not an indexable article; 'unchanged' when its record is current. */
  private async load(c: Candidate, limit: number): Promise<{ text: string; sidecar: string | null; stamp: string } | null | 'unchanged'> {
    try {
      const st = await vscode.workspace.fs.stat(c.uri);
      if (st.type & vscode.FileType.Directory || st.size === 0 || st.size > limit) return null;
      const sst = c.sidecar ? await vscode.workspace.fs.stat(c.sidecar).then(undefined, () => null) : null;
      const stamp = `${st.mtime}:${st.size}:${sst ? `${sst.mtime}:${sst.size}` : '-'}`;
      const old = this.index.get(c.uri.toString());
      if (old && old.stamp === stamp && old.source !== 'editor' && !c.ifContains) return 'unchanged';
      const bytes = await vscode.workspace.fs.readFile(c.uri);
      if (bytes.subarray(0, 512).includes(0)) return null;
      const raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      const text = normalizeText(raw).text;
      if (c.ifContains && old && old.stamp === stamp && !c.ifContains.some((n) => text.includes(n))) return 'unchanged';
      const name = c.uri.path.replace(/^.*\//, '');
      const declared = /\.news$|\.(?:article|news)\.txt$/i.test(name);
      if (!declared && !c.sidecar && !detectArticle(c.uri.path, text.slice(0, 20000)).article) return null;
      const sidecar = c.sidecar && sst ? await readText(c.sidecar) : null;
      return { text, sidecar, stamp };
    } catch {
      return null; // unreadable, not UTF-8, vanished: not an article we can index
    }
  }

  /** Indexes an open article from its live annotations. */
  private indexOpen(state: ArticleState): void {
    if (!state.analysis && !state.annotations.length) return;
    this.index.set(recordFromAnnotations(state.uri.toString(), vscode.workspace.asRelativePath(state.uri), 'editor', 'live', state.annotations));
  }

  private onArticleEvent(uri: vscode.Uri, reason: string): void {
    const key = uri.toString();
    if (reason === 'closed') {
      clearTimeout(this.editorTimers.get(key));
      this.editorTimers.delete(key);
      this.index.delete(key);
      this.enqueue(uri);
      return;
    }
    if (reason === 'edited') return; // the analysis that follows updates the record
    // Coalesce bursts (analysis + correction + save) into one record update.
    clearTimeout(this.editorTimers.get(key));
    this.editorTimers.set(
      key,
      setTimeout(() => {
        this.editorTimers.delete(key);
        const state = this.articles.get(uri);
        if (!state) return;
        this.indexOpen(state);
        this.afterChange();
      }, 50),
    );
  }

  private onFileEvent(uri: vscode.Uri): void {
    const reg = this.registryUri();
    if (reg && uri.toString() === reg.toString()) {
      void this.loadRegistry().then(() => this.registryChanged());
      return;
    }
    if (uri.path.endsWith(SIDECAR_SUFFIX)) {
      // `a.txt` → `a.annotations.yaml`: the article is the stem with one of the extensions indexed
      // (a name that does not exist is simply dropped when re-indexed).
      const stem = uri.path.slice(0, -SIDECAR_SUFFIX.length);
      for (const ext of ['.txt', '.news']) this.enqueue(uri.with({ path: stem + ext }));
      return;
    }
    if (/\.(?:txt|news)$/i.test(uri.path)) this.enqueue(uri);
  }

  private enqueue(uri: vscode.Uri): void {
    if (!this.config().get<boolean>(Settings.indexEnable, true)) return;
    this.pending.add(uri.toString());
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => void this.flush(), CHANGE_DELAY_MS);
  }

  /** Re-indexes changed files (after the running build, if any). */
  private async flush(): Promise<void> {
    await this.building;
    const uris = [...this.pending].map((u) => vscode.Uri.parse(u));
    this.pending.clear();
    if (!uris.length) return;
    const candidates: Candidate[] = [];
    for (const uri of uris) {
      if (this.articles.get(uri)) continue;
      const side = uri.scheme === 'file' ? vscode.Uri.file(sidecarPathFor(uri.fsPath)) : null;
      const hasSide = side ? await vscode.workspace.fs.stat(side).then(() => true, () => false) : false;
      candidates.push({ uri, sidecar: hasSide ? side : null });
    }
    const cts = new vscode.CancellationTokenSource();
    this.building = this.indexCandidates(candidates, cts.token).finally(() => {
      cts.dispose();
      this.afterChange();
      this.scheduleSave();
    });
    await this.building;
  }

  /** The registry changed: its names fold onto every open article. */
  registryChanged(): void {
    this.afterChange();
    this.articles.reanalyzeAll();
  }

  /** After any change: tell listeners; when the taught names changed, analyse open articles again (debounced). */
  private afterChange(): void {
    this.changed.fire();
    this.maybeLexiconChanged();
  }

  /** Lexicon entries (type, name, rejected) when closed articles were last brought in line with it. */
  private lexiconBaseline: Set<string> | null = null;

  private lexiconKeys(): Set<string> {
    return new Set(this.index.lexiconEntries().map((e) => `${e.type}\u0000${e.rejected ? 1 : 0}\u0000${e.name}`));
  }

  /**
   * Names taught or untaught since the closed articles were analysed: the analysed (not annotated)
   * articles whose text holds one of them are analysed again, in the background. The first build sets
   * the baseline (articles with annotation files go first, so their names are already known then).
   */
  private refreshForLexicon(): void {
    if (this.indexing) return;
    const now = this.lexiconKeys();
    if (!this.lexiconBaseline) {
      this.lexiconBaseline = now;
      return;
    }
    const changed = new Set<string>();
    for (const k of now) if (!this.lexiconBaseline.has(k)) changed.add(k.slice(k.lastIndexOf('\u0000') + 1));
    for (const k of this.lexiconBaseline) if (!now.has(k)) changed.add(k.slice(k.lastIndexOf('\u0000') + 1));
    this.lexiconBaseline = now;
    if (!changed.size) return;
    const names = [...changed];
    const candidates: Candidate[] = [];
    for (const u of this.index.uris()) {
      if (this.index.get(u)?.source !== 'analysis') continue;
      candidates.push({ uri: vscode.Uri.parse(u), sidecar: null, ifContains: names });
    }
    if (!candidates.length) return;
    const cts = new vscode.CancellationTokenSource();
    const t0 = Date.now();
    this.building = this.building
      .then(() => this.indexCandidates(candidates, cts.token))
      .finally(() => {
        cts.dispose();
        this.log.info(`workspace index: ${names.length} taught name(s) changed; checked ${candidates.length} analysed articles in ${Date.now() - t0} ms`);
        this.changed.fire();
        this.scheduleSave();
      });
  }

  private maybeLexiconChanged(): void {
    if (!this.lexiconBaseline && !this.indexing) this.refreshForLexicon();
    else {
      // Several names taught in a row are handled in one pass over the closed articles.
      clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => this.refreshForLexicon(), REFRESH_DELAY_MS);
    }
    const sig = this.index.lexiconSignature();
    if (sig === this.lastLexiconSignature) return;
    this.lastLexiconSignature = sig;
    clearTimeout(this.lexiconTimer);
    this.lexiconTimer = setTimeout(() => this.articles.reanalyzeAll(), LEXICON_DELAY_MS);
  }

  /** The record of an article, if indexed. */
  record(uri: vscode.Uri): ArticleRecord | undefined {
    return this.index.get(uri.toString());
  }
}

/** A text file's content (strict UTF-8), or null when it does not exist or cannot be read as text. */
export async function readText(uri: vscode.Uri): Promise<string | null> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
