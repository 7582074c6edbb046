/**
 * In-memory stand-ins for what the editor logic needs from VS Code (core/workspace/host.ts): files,
 * documents, settings, a memento, a log and timers. Unit tests drive the same ArticleStore,
 * IndexBuilder and RegistryService the extension runs, against these.
 */
import { analyze } from '../../../src/core/analyze';
import { Lexicon } from '../../../src/core/lexicon';
import { foreignOwner, legacySidecarPathFor, sidecarPathFor } from '../../../src/core/sidecar/yaml';
import type {
  Analyzer,
  ArticleSettings,
  DocumentView,
  KeyValueStore,
  Logger,
  SidecarFiles,
  SidecarWrite,
  Timers,
} from '../../../src/core/workspace/host';

/** Files by URI (`file:///…`), with a write counter and a way to fail the next write. */
export class InMemoryFiles implements SidecarFiles {
  readonly files = new Map<string, string>();
  writes = 0;
  failNextWrite: 'changed-on-disk' | 'error' | null = null;

  private path(uri: string): string {
    return uri.replace(/^file:\/\//, '');
  }

  uriFor(article: string): string | null {
    return article.startsWith('file://') ? 'file://' + sidecarPathFor(this.path(article)) : null;
  }
  exists(article: string): boolean {
    const u = this.uriFor(article);
    return !!u && this.files.has(u);
  }
  read(article: string): { ok: true; content: string | null; legacy?: string } {
    const u = this.uriFor(article);
    if (!u) return { ok: true, content: null };
    if (this.files.has(u)) return { ok: true, content: this.files.get(u)! };
    const legacy = legacySidecarPathFor(this.path(article));
    if (legacy && this.files.has('file://' + legacy))
      return { ok: true, content: this.files.get('file://' + legacy)!, legacy: 'file://' + legacy };
    return { ok: true, content: null };
  }
  write(sidecar: string, content: string, expected: string | null): SidecarWrite {
    const fail = this.failNextWrite;
    this.failNextWrite = null;
    if (fail === 'error') return { written: false, reason: 'error', message: 'disk full' };
    if (fail === 'changed-on-disk' || (this.files.get(sidecar) ?? null) !== expected)
      return { written: false, reason: 'changed-on-disk', message: 'the annotation file changed on disk' };
    this.files.set(sidecar, content);
    this.writes++;
    return { written: true };
  }
  removeLegacy(legacy: string, content: string | null): void {
    if (this.files.get(legacy) === content) this.files.delete(legacy);
  }
  owner(article: string, recorded: string): string | null {
    const name = article.replace(/^.*\//, '');
    const other = foreignOwner(recorded, name);
    return other && this.files.has(article.replace(/[^/]*$/, other)) ? other : null;
  }
  fileDate(): string | null {
    return '2026-05-21';
  }
}

/** A text document that edits itself like an editor buffer would. */
export class FakeDocument implements DocumentView {
  isDirty = false;
  constructor(
    readonly uri: string,
    private text: string,
    readonly languageId = 'plaintext',
  ) {}
  get path(): string {
    return this.uri.replace(/^[a-z]+:\/\//, '');
  }
  getText(): string {
    return this.text;
  }
  head(lines: number): string {
    return this.text.split('\n').slice(0, lines).join('\n');
  }
  /** Replaces `[start, end)` (LF offsets) and returns the change as the store takes it. */
  edit(start: number, end: number, insert: string): { start: number; end: number; text: string } {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.isDirty = true;
    return { start, end, text: insert };
  }
}

export class InMemoryMemento implements KeyValueStore {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string, fallback: T): T {
    return (this.values.has(key) ? this.values.get(key) : fallback) as T;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

export class MemoryLog implements Logger {
  readonly lines: string[] = [];
  debug(m: string): void {
    this.lines.push(`debug ${m}`);
  }
  info(m: string): void {
    this.lines.push(`info ${m}`);
  }
  warn(m: string): void {
    this.lines.push(`warn ${m}`);
  }
  error(m: string): void {
    this.lines.push(`error ${m}`);
  }
}

export const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/** The real analysis, in-process, counting runs per document. */
export class CountingAnalyzer implements Analyzer {
  readonly runs = new Map<string, number>();
  async run(key: string, text: string, r: { fileDate: string | null; lexicon: import('../../../src/core/lexicon').LexiconEntry[] }) {
    this.runs.set(key, (this.runs.get(key) ?? 0) + 1);
    const t0 = Date.now();
    return {
      analysis: analyze(text, { fileDate: r.fileDate, lexicon: new Lexicon(r.lexicon) }),
      ms: Date.now() - t0,
      where: 'in-process' as const,
    };
  }
}

export function settings(over: Partial<ArticleSettings> = {}): () => ArticleSettings {
  return () => ({ enable: true, autoDetect: true, saveSidecarOnSave: true, maxFileSizeMB: 10, ...over });
}
