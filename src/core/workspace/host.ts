/**
 * What the editor logic needs from its host, as small interfaces that the VS Code adapter satisfies
 * (src/vscode/host.ts) and unit tests fake in memory (test/unit/fakes/workspace.ts). Nothing here
 * imports `vscode` or a Node built-in: documents and files are named by URI strings.
 */
import type { LexiconEntry } from '../lexicon';
import type { SidecarProblem } from '../sidecar/yaml';
import type { IdfTable } from '../topics/idf';
import type { Analysis } from '../types';

/** An open text document as the editor logic sees it. */
export interface DocumentView {
  /** The document's URI (string form): the key everywhere. */
  readonly uri: string;
  /** The URI's path (for the file name and extension). */
  readonly path: string;
  readonly languageId: string;
  readonly isDirty: boolean;
  getText(): string;
  /** The first lines, for detection (cheaper than the whole text). */
  head(lines: number): string;
}

/** A change of an open document, in offsets of its LF text (see `sidecar/anchor.ts`). */
export type { TextChange } from '../sidecar/anchor';

/** Reading an annotation file: its content (null: none), or why it could not be read. */
export type SidecarRead = { ok: true; content: string | null; legacy?: string } | { ok: false; reason: string };

/** Writing an annotation file (atomic, compare-and-swap against what was read). */
export type SidecarWrite = { written: true } | { written: false; reason: 'dirty-tab' | 'changed-on-disk' | 'error'; message: string };

/** The annotation files beside articles on disk. */
export interface SidecarFiles {
  /** The annotation file of an article (null: the article is not a file on disk). */
  uriFor(article: string): string | null;
  exists(article: string): boolean;
  /** Reads it, bounded by the largest file the writer produces for an article of `articleLength` characters. */
  read(article: string, articleLength: number): SidecarRead;
  write(sidecar: string, content: string, expected: string | null): SidecarWrite;
  /** Removes a file kept under its old name once its content lives under the new one (only if unchanged). */
  removeLegacy(legacy: string, content: string | null): void;
  /** The other article a file says it belongs to, when that article exists beside this one. */
  owner(article: string, recordedArticle: string): string | null;
  /** The article's modification date (`YYYY-MM-DD`), the fallback article date. */
  fileDate(article: string): string | null;
}

/** Values kept for the workspace between sessions (VS Code's Memento). */
export interface KeyValueStore {
  get<T>(key: string, fallback: T): T;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** The settings the editor logic reads (read each time: they can change). */
export interface ArticleSettings {
  enable: boolean;
  autoDetect: boolean;
  saveSidecarOnSave: boolean;
  maxFileSizeMB: number;
}

/** Timers (the core has no globals of a host): `setTimeout`/`clearTimeout` in the editor, fakes in tests. */
export interface Timers {
  set(fn: () => void, ms: number): TimerHandle;
  clear(handle: TimerHandle | undefined): void;
}
export type TimerHandle = { readonly __timer?: never } | number | object;

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface AnalysisRequest {
  fileDate: string | null;
  lexicon: LexiconEntry[];
  idf?: IdfTable;
}

export interface AnalysisResult {
  analysis: Analysis;
  ms: number;
  where: 'in-process' | 'worker';
  tagged?: number;
  blocks?: number;
}

/** Runs analyses (in-process or in a worker: the host decides). `key` names the document. */
export interface Analyzer {
  run(key: string, text: string, request: AnalysisRequest): Promise<AnalysisResult>;
}

/** What the analysis of an open article takes from the rest of the workspace. */
export interface AnalysisKnowledge {
  /** Names taught across the workspace, leaving out those the article `uri` taught itself (its own decisions are already in it). */
  lexiconEntries(uri?: string): LexiconEntry[];
  /** Folds the registry onto a fresh analysis and the current annotations (canonical names). */
  fold(analysis: Analysis, annotations: import('../sidecar/model').Annotation[]): void;
}

export type { SidecarProblem };
