/**
 * Workspace knowledge in VS Code: connects the core's services — the entity registry
 * (core/workspace/registryService.ts), the index builder (indexBuilder.ts), their storage between
 * sessions (indexStorage.ts) and the taught names (lexiconService.ts) — to the editor's file system,
 * settings and progress UI, and answers the questions hovers and commands ask (what the workspace
 * knows about an entity, opaque ids for hover links). The services talk to each other and to the open
 * articles through events, connected here and in extension.ts.
 */
import * as vscode from 'vscode';
import { entityRef as makeEntityRef, ENTITY_REF } from '../core/commandArgs';
import type { EntityFacts } from '../core/hover';
import type { RegistryEntity, RegistryIndex } from '../core/registry';
import type { Annotation } from '../core/sidecar/model';
import { sidecarPathFor, SIDECAR_SUFFIX } from '../core/sidecar/yaml';
import type { IdfTable } from '../core/topics/idf';
import type { EntityType } from '../core/types';
import { Emitter } from '../core/workspace/events';
import type { Logger, Timers } from '../core/workspace/host';
import { IndexBuilder, type IndexHost } from '../core/workspace/indexBuilder';
import { IndexStorage } from '../core/workspace/indexStorage';
import { LexiconService } from '../core/workspace/lexiconService';
import { RegistryService } from '../core/workspace/registryService';
import { WorkspaceIndex, type ArticleRecord } from '../core/workspaceIndex';
import { analysisModule } from './analysisRunner';
import { SETTINGS_SECTION, Settings } from './ids';

/** Above this many candidate files a build shows a cancellable notification. */
const NOTIFY_ABOVE = 400;
/** Entity ids remembered for hover links. */
const MAX_REFS = 2000;
const EXCLUDE = '**/{node_modules,.git,.hg,.svn,out,dist}/**';

const timers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/** A text file's content (strict UTF-8, not binary), or null when it does not exist or cannot be read as text. */
export async function readText(uri: vscode.Uri): Promise<string | null> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.subarray(0, 512).includes(0)) return null;
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export class WorkspaceKnowledge implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  readonly registryService: RegistryService;
  readonly builder: IndexBuilder;
  readonly lexicon: LexiconService;
  private readonly storage: IndexStorage;
  private readonly refs = new Map<string, { type: EntityType; name: string }>();
  private idfLoaded = false;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the index or the registry changed (hovers and views may refresh). */
  readonly onDidChange = this.changed.event;
  private readonly idf = new Emitter<IdfTable>();
  /** Fires with the workspace's own topic keyword weights, once there are enough articles. */
  readonly onDidChangeIdf = this.idf.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /**
   * @param storage the extension's storage folder for this workspace (none: nothing is kept between sessions).
   * @param version the extension's version: a cache from another version (other analyzers) is ignored.
   */
  constructor(
    private readonly log: vscode.LogOutputChannel,
    storage?: vscode.Uri,
    version = '0',
  ) {
    const config = () => vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const logger: Logger = log;
    this.registryService = new RegistryService({
      folder: () => vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? null,
      join: (folder, parts) => vscode.Uri.joinPath(vscode.Uri.parse(folder), ...parts).toString(),
      setting: () => config().get<string>(Settings.registryPath),
      openText: (uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.getText() ?? null,
      readText: (uri) => readText(vscode.Uri.parse(uri)),
      log: logger,
    });
    this.lexicon = new LexiconService(this.index, this.registryService, timers);
    this.storage = new IndexStorage(
      this.index,
      {
        read: async (name) => (storage ? readText(vscode.Uri.joinPath(storage, name)) : null),
        write: async (name, content) => {
          if (!storage) return;
          await vscode.workspace.fs.createDirectory(storage);
          await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(storage, name), new TextEncoder().encode(content));
        },
        timers,
        log: logger,
      },
      version,
    );
    this.builder = new IndexBuilder(this.index, this.indexHost(logger), () => this.lexicon.lexicon());
    this.disposables.push(
      { dispose: () => this.builder.dispose() },
      { dispose: () => this.storage.dispose() },
      { dispose: () => this.lexicon.dispose() },
      this.builder.onDidChange(() => {
        this.lexicon.indexChanged(!this.builder.isIndexing);
        this.storage.scheduleSave();
        this.changed.fire();
      }),
      this.registryService.onDidChange(() => {
        const reg = this.registryService.index;
        this.index.setRegistry(reg.size ? reg : null);
        this.changed.fire();
      }),
      this.lexicon.onDidChangeNames((e) => {
        if (!e.initial) void this.builder.refreshFor(e.names);
      }),
      this.builder.onDidGatherIdf((g) => void this.useIdf(g)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.${Settings.registryPath}`)) void this.registryService.load();
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.${Settings.indexEnable}`)) void this.rebuild();
      }),
    );
  }

  /** The index builder's access to the workspace: files, settings, progress, the analysis bundle. */
  private indexHost(logger: Logger): IndexHost {
    const config = () => vscode.workspace.getConfiguration(SETTINGS_SECTION);
    return {
      enabled: () => !!vscode.workspace.workspaceFolders?.length && config().get<boolean>(Settings.indexEnable, true),
      maxFiles: () => config().get<number>(Settings.indexMaxFiles, 20000),
      maxFileBytes: () => config().get<number>(Settings.maxFileSizeMB, 10) * 1024 * 1024,
      findFiles: async (max, token) => {
        const cts = new vscode.CancellationTokenSource();
        const poll = setInterval(() => token.cancelled && cts.cancel(), 100);
        try {
          const [articles, sidecars] = await Promise.all([
            vscode.workspace.findFiles('**/*.{txt,news}', EXCLUDE, max, cts.token),
            vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, EXCLUDE, max, cts.token),
          ]);
          return { articles: articles.map(String), sidecars: sidecars.map(String) };
        } finally {
          clearInterval(poll);
          cts.dispose();
        }
      },
      stat: async (uri) => {
        try {
          const st = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
          return { size: st.size, mtime: st.mtime, directory: !!(st.type & vscode.FileType.Directory) };
        } catch {
          return null;
        }
      },
      readText: (uri) => readText(vscode.Uri.parse(uri)),
      label: (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)),
      sidecarFor: (uri) => {
        const u = vscode.Uri.parse(uri);
        return u.scheme === 'file' ? vscode.Uri.file(sidecarPathFor(u.fsPath)).toString() : null;
      },
      names: (t, lex) => analysisModule().findNames(t, lex),
      idfCollector: () => new (analysisModule().IdfBuilder)(),
      withProgress: (total, run, cancel) =>
        Promise.resolve(
          vscode.window.withProgress(
            {
              location: total > NOTIFY_ABOVE ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
              title: 'News Annotator: indexing articles',
              cancellable: true,
            },
            async (progress, token) => {
              const sub = token.onCancellationRequested(cancel);
              let reported = 0;
              try {
                await run((done) => {
                  progress.report({ message: `${done} of ${total} files`, increment: (100 * (done - reported)) / Math.max(1, total) });
                  reported = done;
                });
              } finally {
                sub.dispose();
              }
            },
          ),
        ),
      yieldNow: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
      now: () => Date.now(),
      timers,
      log: logger,
    };
  }

  dispose(): void {
    for (const t of this.articleTimers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
    this.idf.dispose();
  }

  /** (Re)builds the index in the background (the registry and the last session's records first). */
  async rebuild(force = false): Promise<void> {
    await this.registryService.load();
    await this.storage.load();
    await this.builder.rebuild(force);
    this.storage.scheduleSave(0);
  }

  /** Resolves when the current (re)build has finished. */
  whenIndexed(): Promise<void> {
    return this.builder.whenIndexed();
  }

  get isIndexing(): boolean {
    return this.builder.isIndexing;
  }

  /** A file of the workspace changed on disk (the one watcher of the extension calls this). */
  fileChanged(uri: vscode.Uri): void {
    const reg = this.registryUri();
    if (reg && uri.toString() === reg.toString()) void this.registryService.load();
    else this.builder.fileChanged(uri.toString());
  }

  /**
   * After a build: with enough articles, the workspace's own keyword weights replace the built-in
   * ones for topics (kept in storage, since later builds read only changed files).
   */
  private async useIdf(g: { table: IdfTable; complete: boolean; documents: number }): Promise<void> {
    const m = analysisModule();
    const codec = { encode: m.encodeIdfTable, decode: m.decodeIdfTable };
    if (g.complete && g.documents >= m.MIN_IDF_DOCS) {
      this.idf.fire(g.table);
      this.log.info(`topics: keyword weights from ${g.documents} workspace articles`);
      await this.storage.saveIdf(g.table, codec);
    } else if (!g.complete && !this.idfLoaded) {
      this.idfLoaded = true;
      const table = await this.storage.loadIdf(codec);
      if (table && table.docCount >= m.MIN_IDF_DOCS) {
        this.idf.fire(table);
        this.log.info(`topics: keyword weights from ${table.docCount} workspace articles (saved)`);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // What hovers and commands ask

  get registry(): RegistryIndex {
    return this.registryService.index;
  }

  /** All names of an entity: the registry's canonical name and aliases, or just the name. */
  namesOf(type: EntityType, name: string): string[] {
    return this.registryService.namesOf(type, name);
  }

  /** What the workspace knows about an entity, for the hover of `docUri`. */
  facts(type: EntityType, canonical: string, docUri: string): EntityFacts {
    const entry = this.registry.resolve(type, canonical);
    const s = this.index.summary(type, this.namesOf(type, canonical), docUri, 3);
    const facts: EntityFacts = { otherArticles: { count: s.count, sample: s.sample.map((r) => r.label) } };
    if (this.isIndexing) facts.otherArticles = { ...facts.otherArticles, partial: true };
    if (entry)
      facts.registry = {
        name: entry.name,
        aliases: entry.aliases,
        links: entry.links,
        ...(entry.description ? { description: entry.description } : {}),
      };
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

  /** The registry file (`newsAnnotator.registryPath` inside the first workspace folder). */
  registryUri(): vscode.Uri | null {
    const u = this.registryService.location();
    return u ? vscode.Uri.parse(u) : null;
  }

  /** The registry's text as the editor sees it: the open document if any, else the file (null: none). */
  registrySource(): Promise<string | null> {
    return this.registryService.source();
  }

  /** The LF-normalized text the registry was last parsed from. */
  get lastRegistryText(): string | null {
    return this.registryService.text;
  }

  /** The registry entry of an entity and where its name is written. */
  definition(type: EntityType, name: string): { uri: vscode.Uri; entry: RegistryEntity; text: string } | null {
    const d = this.registryService.definition(type, name);
    return d ? { ...d, uri: vscode.Uri.parse(d.uri) } : null;
  }

  /** Uses registry text just written (its names fold onto every article). */
  useRegistrySource(src: string | null): void {
    this.registryService.use(src);
  }

  private readonly articleTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * An open article changed: its record follows its live annotations (bursts — analysis, correction,
   * save — coalesced into one update); a closed one is indexed from its files again.
   */
  articleChanged(uri: vscode.Uri, reason: string, annotations: () => readonly Annotation[] | undefined): void {
    const key = uri.toString();
    clearTimeout(this.articleTimers.get(key));
    this.articleTimers.delete(key);
    if (reason === 'closed') {
      this.builder.closed(key);
      return;
    }
    if (reason === 'edited') return; // the analysis that follows updates the record
    this.articleTimers.set(
      key,
      setTimeout(() => {
        this.articleTimers.delete(key);
        const anns = annotations();
        if (anns) this.builder.indexOpen(key, anns);
      }, 50),
    );
  }

  /** The record of an article, if indexed. */
  record(uri: vscode.Uri): ArticleRecord | undefined {
    return this.index.get(uri.toString());
  }
}
