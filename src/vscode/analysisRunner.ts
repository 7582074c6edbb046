/**
 * Runs analyses: in-process for ordinary articles (a few milliseconds), in a worker thread for long
 * ones (so the editor stays responsive), loading the analysis bundle only when first needed.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LexiconEntry } from '../core/lexicon';
import type { IdfTable } from '../core/topics/idf';
import type { Analysis } from '../core/types';
import type * as AnalysisModule from './analysisModule';
import type { WorkerRequest } from './analysisWorker';

/** Articles longer than this are analysed in the worker thread. */
export const WORKER_ABOVE_CHARS = 200_000;

let mod: typeof AnalysisModule | undefined;

/** The analysis bundle, loaded on first use (kept out of activation). */
export function analysisModule(): typeof AnalysisModule {
  // A plain require on purpose: esbuild leaves it alone, so the bundle loads only when first needed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (mod ??= require('./analysis.js') as typeof AnalysisModule);
}

export interface RunOptions {
  fileDate: string | null;
  lexicon: LexiconEntry[];
  idf?: IdfTable;
}

export interface RunResult {
  analysis: Analysis;
  ms: number;
  where: 'in-process' | 'worker';
  /** Worker runs: blocks tagged again / blocks in all. */
  tagged?: number;
  blocks?: number;
}

export class AnalysisRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: RunResult) => void; reject: (e: Error) => void }>();
  private lexiconKey = '';
  private lexiconEntries: LexiconEntry[] = [];
  private lexicon: InstanceType<typeof AnalysisModule.Lexicon> | undefined;

  constructor(private readonly dir: string) {}

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    for (const w of this.waiting.values()) w.reject(new Error('stopped'));
    this.waiting.clear();
  }

  private lexiconFor(entries: LexiconEntry[]): { key: string; value: InstanceType<typeof AnalysisModule.Lexicon> } {
    const key = JSON.stringify(entries);
    if (key !== this.lexiconKey || !this.lexicon) {
      this.lexiconKey = key;
      this.lexiconEntries = entries;
      this.lexicon = new (analysisModule().Lexicon)(entries);
    }
    return { key, value: this.lexicon };
  }

  /** Analyses `text`; `key` identifies the document (the worker keeps a cache per document). */
  run(key: string, text: string, o: RunOptions): Promise<RunResult> {
    const lex = this.lexiconFor(o.lexicon);
    if (text.length <= WORKER_ABOVE_CHARS) {
      const t0 = Date.now();
      const analysis = analysisModule().analyze(text, { lexicon: lex.value, fileDate: o.fileDate, ...(o.idf ? { idf: o.idf } : {}) });
      return Promise.resolve({ analysis, ms: Date.now() - t0, where: 'in-process' });
    }
    const w = this.ensureWorker();
    const id = this.nextId++;
    const req: WorkerRequest = {
      id,
      key,
      text,
      fileDate: o.fileDate,
      lexicon: this.lexiconEntries,
      lexiconKey: lex.key,
      ...(o.idf ? { idf: o.idf } : {}),
    };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      w.postMessage(req);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(path.join(this.dir, 'analysis-worker.js'));
    w.on('message', (m: { id: number; analysis?: Analysis; error?: string; ms?: number; tagged?: number; blocks?: number }) => {
      const p = this.waiting.get(m.id);
      if (!p) return;
      this.waiting.delete(m.id);
      if (m.error || !m.analysis) p.reject(new Error(m.error ?? 'no analysis'));
      else p.resolve({ analysis: m.analysis, ms: m.ms ?? 0, where: 'worker', tagged: m.tagged ?? 0, blocks: m.blocks ?? 0 });
    });
    w.on('error', (e) => {
      for (const p of this.waiting.values()) p.reject(e);
      this.waiting.clear();
      this.worker = undefined;
    });
    this.worker = w;
    return w;
  }
}
