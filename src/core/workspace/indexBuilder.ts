/**
 * Building the workspace's entity index from files, in the background: file names first, then
 * articles in batches — a handful read concurrently, then indexed one by one, yielding every
 * {@link SLICE_MS} so the editor stays responsive. Articles with an annotation file are indexed from
 * it (cheap, and it carries the user's decisions; those go first, so the names they taught are known
 * when the rest is analysed); the others get an entity-only analysis. Open articles are indexed from
 * their live state instead (see {@link IndexBuilder.indexOpen}). Changed files are re-indexed
 * debounced; a change of taught names re-analyses the closed articles whose text holds them.
 */
import { detectArticle } from '../detect';
import type { Lexicon } from '../lexicon';
import type { Annotation } from '../sidecar/model';
import { SIDECAR_SUFFIX } from '../sidecar/yaml';
import { normalizeText } from '../text';
import type { IdfTable } from '../topics/idf';
import { indexArticle, recordFromAnnotations, WorkspaceIndex, type NameFinder } from '../workspaceIndex';
import { Emitter, type Event } from './events';
import type { Logger, TimerHandle, Timers } from './host';

/** Work between two yields to the event loop. */
export const SLICE_MS = 12;
/** Files read concurrently. */
const READ_BATCH = 16;
/** Quiet time after file changes before they are re-indexed. */
const CHANGE_DELAY_MS = 400;
/**
 * Longest article analysed in the background (UTF-16 units). One article cannot be split across
 * time slices: with the trained tagger 100 k characters take ~0.2 s on a loaded 2-core machine (a
 * typical article, 3 k, ~1 ms). Longer articles without a usable annotation file are indexed when
 * opened in the editor.
 */
export const MAX_BACKGROUND_ANALYSIS = 100_000;
/** Largest annotation file read with the full YAML reader in the background (our own layout has no such limit). */
const MAX_BACKGROUND_FULL_PARSE = 500_000;

/** Collects keyword weights (IDF) from the texts read during a build. */
export interface IdfCollector {
  add(text: string): void;
  readonly documents: number;
  table(): IdfTable;
}

export interface CancelToken {
  readonly cancelled: boolean;
}

/** The files, settings and helpers the builder needs from its host. */
export interface IndexHost {
  enabled(): boolean;
  /** Most files looked at (setting). */
  maxFiles(): number;
  /** Larger files are not articles here (setting). */
  maxFileBytes(): number;
  /** Candidate articles (`*.txt`, `*.news`) and the annotation files there are, as URIs. */
  findFiles(max: number, token: CancelToken): Promise<{ articles: string[]; sidecars: string[] }>;
  stat(uri: string): Promise<{ size: number; mtime: number; directory: boolean } | null>;
  /** A text file's content: strict UTF-8, null when it is binary (a NUL byte near the start), not UTF-8, or unreadable. */
  readText(uri: string): Promise<string | null>;
  /** A short workspace-relative name for people. */
  label(uri: string): string;
  /** An article's annotation file (null: not on disk). */
  sidecarFor(article: string): string | null;
  /** Entity recognition and linking, loaded lazily by the host. */
  names: NameFinder;
  /** A fresh keyword-weight collector (null: topics are not gathered). */
  idfCollector(): IdfCollector | null;
  /** Runs a build, showing progress (`report(done)`); `cancel` is called when the user cancels. */
  withProgress(total: number, run: (report: (done: number) => void) => Promise<void>, cancel: () => void): Promise<void>;
  yieldNow(): Promise<void>;
  now(): number;
  timers: Timers;
  log: Logger;
}

interface Candidate {
  uri: string;
  sidecar: string | null;
  /** Index again even if unchanged on disk, when the text holds one of these names. */
  ifContains?: readonly string[];
}

type Loaded = { text: string; sidecar: string | null; stamp: string } | null | 'unchanged';

export class IndexBuilder {
  private token: { cancelled: boolean } | null = null;
  private building: Promise<void> = Promise.resolve();
  private indexing = false;
  private readonly pending = new Set<string>();
  private changeTimer: TimerHandle | undefined;
  private readonly open = new Set<string>();
  /** Topic keyword weights gathered from the articles read during a build. */
  private idf: IdfCollector | null = null;
  /** False when a build skipped unchanged files: its counts then cover only part of the workspace. */
  private idfComplete = true;
  private readonly changed = new Emitter<void>();
  private readonly idfReady = new Emitter<{ table: IdfTable; complete: boolean; documents: number }>();
  /** Fires after records changed (hovers, views and the lexicon may follow). */
  readonly onDidChange: Event<void> = this.changed.event;
  /** Fires after a build that read articles, with the keyword weights it gathered. */
  readonly onDidGatherIdf = this.idfReady.event;

  constructor(
    readonly index: WorkspaceIndex,
    private readonly host: IndexHost,
    /** The taught names closed articles are analysed with. */
    private readonly lexicon: () => Lexicon | undefined,
  ) {}

  dispose(): void {
    if (this.token) this.token.cancelled = true;
    this.host.timers.clear(this.changeTimer);
    this.changed.dispose();
    this.idfReady.dispose();
  }

  /** Resolves when the current (re)build has finished. */
  whenIndexed(): Promise<void> {
    return this.building;
  }

  get isIndexing(): boolean {
    return this.indexing;
  }

  /**
   * (Re)builds the index in the background; a running build is cancelled first. Unchanged files keep
   * their records unless `force` (then every article is read and analysed again).
   */
  rebuild(force = false): Promise<void> {
    if (this.token) this.token.cancelled = true;
    if (force) this.index.clear();
    const token = (this.token = { cancelled: false });
    this.building = this.runBuild(token).catch((e) =>
      this.host.log.error(`workspace index: ${e instanceof Error ? e.message : String(e)}`),
    );
    return this.building;
  }

  private async runBuild(token: { cancelled: boolean }): Promise<void> {
    const h = this.host;
    if (!h.enabled()) {
      this.index.clear();
      this.changed.fire();
      return;
    }
    this.indexing = true;
    const t0 = h.now();
    try {
      const { articles, sidecars } = await h.findFiles(h.maxFiles(), token);
      if (token.cancelled) return;
      const sidecarSet = new Set(sidecars);
      const candidates: Candidate[] = articles
        .filter((u) => !u.endsWith(SIDECAR_SUFFIX))
        .map((uri) => {
          const side = h.sidecarFor(uri);
          return { uri, sidecar: side && sidecarSet.has(side) ? side : null };
        })
        // Articles with an annotation file first: they teach the lexicon the others are analysed with.
        .sort((a, b) => Number(!!b.sidecar) - Number(!!a.sidecar) || (a.uri < b.uri ? -1 : 1));
      const live = new Set(candidates.map((c) => c.uri));
      for (const u of this.index.uris()) if (!live.has(u) && !this.open.has(u)) this.index.delete(u);
      this.idf = h.idfCollector();
      this.idfComplete = true;
      await h.withProgress(
        candidates.length,
        (report) => this.indexCandidates(candidates, token, report),
        () => (token.cancelled = true),
      );
      if (!token.cancelled && this.idf)
        this.idfReady.fire({ table: this.idf.table(), complete: this.idfComplete, documents: this.idf.documents });
      this.idf = null;
      const st = this.index.stats();
      h.log.info(
        `workspace index: ${st.articles} articles (${st.bySource.sidecar} from annotation files, ` +
          `${st.bySource.analysis} analysed, ${st.bySource.editor} open), ${st.entities} entities, ` +
          `${st.mentions} mentions in ${h.now() - t0} ms${token.cancelled ? ' (cancelled)' : ''}`,
      );
    } finally {
      this.indexing = false;
      this.changed.fire();
    }
  }

  /** Indexes files: reads a batch concurrently, indexes it with time slicing, repeats. */
  private async indexCandidates(candidates: readonly Candidate[], token: CancelToken, progress?: (done: number) => void): Promise<void> {
    const h = this.host;
    const limit = h.maxFileBytes();
    let sliceStart = h.now();
    let done = 0;
    for (let i = 0; i < candidates.length; i += READ_BATCH) {
      if (token.cancelled) return;
      const batch = candidates.slice(i, i + READ_BATCH);
      const loaded = await Promise.all(batch.map((c) => this.load(c, limit)));
      for (let k = 0; k < batch.length; k++) {
        if (token.cancelled) return;
        this.indexOne(batch[k]!, loaded[k]!);
        done++;
        if (h.now() - sliceStart > SLICE_MS) {
          progress?.(done);
          await h.yieldNow();
          sliceStart = h.now();
        }
      }
    }
    progress?.(done);
  }

  private indexOne(c: Candidate, l: Loaded): void {
    // Open in the editor: its live state is the record (see indexOpen).
    if (this.open.has(c.uri)) return;
    if (l === 'unchanged') {
      this.idfComplete = false;
      return;
    }
    if (!l) {
      this.index.delete(c.uri);
      return;
    }
    try {
      if (l.text.length > MAX_BACKGROUND_ANALYSIS && l.sidecar === null) {
        this.host.log.info(
          `not indexed in the background (${Math.round(l.text.length / 1000)} k characters, no annotation ` +
            `file; open it to index it): ${c.uri}`,
        );
        this.index.delete(c.uri);
      } else
        this.index.set(
          indexArticle({ uri: c.uri, label: this.host.label(c.uri), stamp: l.stamp }, l.text, l.sidecar, this.host.names, {
            lexicon: this.lexicon,
            fullParserMaxBytes: MAX_BACKGROUND_FULL_PARSE,
          }),
        );
      this.idf?.add(l.text);
    } catch (e) {
      this.host.log.warn(`not indexed (${e instanceof Error ? e.message : String(e)}): ${c.uri}`);
    }
  }

  /** Reads one candidate: null when it is not an indexable article; 'unchanged' when its record is current. */
  private async load(c: Candidate, limit: number): Promise<Loaded> {
    const h = this.host;
    try {
      const st = await h.stat(c.uri);
      if (!st || st.directory || st.size === 0 || st.size > limit) return null;
      const sst = c.sidecar ? await h.stat(c.sidecar) : null;
      const stamp = `${st.mtime}:${st.size}:${sst ? `${sst.mtime}:${sst.size}` : '-'}`;
      const old = this.index.get(c.uri);
      if (old && old.stamp === stamp && old.source !== 'editor' && !c.ifContains) return 'unchanged';
      const raw = await h.readText(c.uri);
      if (raw === null) return null;
      const text = normalizeText(raw).text;
      if (c.ifContains && old && old.stamp === stamp && !c.ifContains.some((n) => text.includes(n))) return 'unchanged';
      const name = c.uri.replace(/^.*\//, '');
      const declared = /\.news$|\.(?:article|news)\.txt$/i.test(name);
      if (!declared && !c.sidecar && !detectArticle(c.uri, text.slice(0, 20000)).article) return null;
      const sidecar = c.sidecar && sst ? await h.readText(c.sidecar) : null;
      return { text, sidecar, stamp };
    } catch {
      return null; // unreadable, not UTF-8, vanished: not an article we can index
    }
  }

  // -------------------------------------------------------------------------------------------
  // Open articles and changed files

  /** An open article's record from its live annotations (the editor's state is the truth). */
  indexOpen(uri: string, annotations: readonly Annotation[]): void {
    this.open.add(uri);
    this.index.set(recordFromAnnotations({ uri: uri, label: this.host.label(uri), source: 'editor', stamp: 'live' }, annotations));
    this.changed.fire();
  }

  /** The article was closed: index it from its files again. */
  closed(uri: string): void {
    this.open.delete(uri);
    this.index.delete(uri);
    this.enqueue(uri);
  }

  /** A file changed on disk: an article, or an annotation file (then its article). */
  fileChanged(uri: string): void {
    if (uri.endsWith(SIDECAR_SUFFIX)) {
      // `a.annotations.yaml` belongs to `a.txt`; `a.news.annotations.yaml` to `a.news` (a name that
      // does not exist is simply dropped when indexed).
      const stem = uri.slice(0, -SIDECAR_SUFFIX.length);
      this.enqueue(stem + '.txt');
      if (/\.[a-z0-9]+$/i.test(stem.replace(/^.*\//, ''))) this.enqueue(stem);
      return;
    }
    if (/\.(?:txt|news)$/i.test(uri)) this.enqueue(uri);
  }

  private enqueue(uri: string): void {
    if (!this.host.enabled()) return;
    this.pending.add(uri);
    this.host.timers.clear(this.changeTimer);
    this.changeTimer = this.host.timers.set(() => void this.flush(), CHANGE_DELAY_MS);
  }

  /** Re-indexes changed files (after the running build, if any). */
  async flush(): Promise<void> {
    await this.building;
    const uris = [...this.pending].filter((u) => !this.open.has(u));
    this.pending.clear();
    if (!uris.length) return;
    const candidates: Candidate[] = [];
    for (const uri of uris) {
      const side = this.host.sidecarFor(uri);
      const hasSide = side ? !!(await this.host.stat(side)) : false;
      candidates.push({ uri, sidecar: hasSide ? side : null });
    }
    this.building = this.indexCandidates(candidates, { cancelled: false }).finally(() => this.changed.fire());
    await this.building;
  }

  /**
   * Names were taught or untaught: the analysed (not annotated) closed articles whose text holds one
   * of them are analysed again, in the background.
   */
  refreshFor(names: readonly string[]): Promise<void> {
    const candidates: Candidate[] = [];
    for (const u of this.index.uris()) {
      if (this.index.get(u)?.source !== 'analysis' || this.open.has(u)) continue;
      candidates.push({ uri: u, sidecar: null, ifContains: names });
    }
    if (!candidates.length) return this.building;
    const t0 = this.host.now();
    this.building = this.building
      .then(() => this.indexCandidates(candidates, { cancelled: false }))
      .finally(() => {
        this.host.log.info(
          `workspace index: ${names.length} taught name(s) changed; checked ${candidates.length} analysed ` +
            `articles in ${this.host.now() - t0} ms`,
        );
        this.changed.fire();
      });
    return this.building;
  }
}
