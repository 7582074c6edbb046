/**
 * Keeping the workspace index and the topic keyword weights between sessions, in the extension's
 * storage folder: a restart re-reads only the files that changed. A cache written by another version
 * (other analyzers) is ignored.
 */
import type { IdfTable } from '../topics/idf';
import { parseRecords, serializeRecords, type ArticleRecord, type WorkspaceIndex } from '../workspaceIndex';
import type { Logger, TimerHandle, Timers } from './host';

/** Quiet time after index changes before the index is saved. */
export const SAVE_DELAY_MS = 20_000;
const CACHE_FILE = 'workspace-index.json';
const IDF_FILE = 'topic-weights.json';

export interface StorageHost {
  /** A file of the storage folder (null: no storage, nothing is kept). */
  read(name: string): Promise<string | null>;
  write(name: string, content: string): Promise<void>;
  timers: Timers;
  log: Logger;
}

/** How topic weights are written and read (from the lazily loaded analysis bundle). */
export interface IdfCodec {
  encode(table: IdfTable): unknown;
  decode(json: unknown): IdfTable | null;
}

export class IndexStorage {
  private saveTimer: TimerHandle | undefined;
  private loaded = false;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly host: StorageHost,
    private readonly version: string,
  ) {}

  dispose(): void {
    this.host.timers.clear(this.saveTimer);
  }

  /** Once per session, before the first build: the last session's records (their stamps decide what is read again). */
  async load(): Promise<void> {
    if (this.loaded || this.index.size) return;
    this.loaded = true;
    const src = await this.host.read(CACHE_FILE);
    if (src === null) return;
    const records = parseRecords(src, this.version);
    if (!records) {
      this.host.log.info('workspace index: the saved index is from another version; rebuilding it');
      return;
    }
    for (const r of records) if (!this.index.has(r.uri)) this.index.set(r);
    this.host.log.info(`workspace index: ${records.length} articles from the last session`);
  }

  /** Saves the index after a quiet time (0: now). */
  scheduleSave(delay = SAVE_DELAY_MS): void {
    this.host.timers.clear(this.saveTimer);
    this.saveTimer = this.host.timers.set(() => {
      this.host
        .write(CACHE_FILE, serializeRecords(this.records(), this.version))
        .catch((e) => this.host.log.warn(`workspace index not saved: ${e instanceof Error ? e.message : String(e)}`));
    }, delay);
  }

  private *records(): Iterable<ArticleRecord> {
    for (const u of this.index.uris()) yield this.index.get(u)!;
  }

  async saveIdf(table: IdfTable, codec: IdfCodec): Promise<void> {
    try {
      await this.host.write(IDF_FILE, JSON.stringify(codec.encode(table)));
    } catch (e) {
      this.host.log.warn(`keyword weights not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async loadIdf(codec: IdfCodec): Promise<IdfTable | null> {
    const src = await this.host.read(IDF_FILE);
    try {
      return src ? codec.decode(JSON.parse(src)) : null;
    } catch {
      return null;
    }
  }
}
