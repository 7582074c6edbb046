/**
 * Runs per-file jobs on all cores with worker threads, delivering results in input order with a
 * bounded window (memory stays flat however many files there are). Small batches run in-process:
 * starting workers costs more than it saves below a few dozen files.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';

export interface PoolOptions<R> {
  /** The script the workers run (the CLI bundle itself). */
  script: string;
  /** Passed to every worker as `workerData.init`. */
  init: unknown;
  /** Process one item in this thread (used when the batch is small or there is one core). */
  inProcess: (item: string) => R;
  /** Called once per item, in input order. */
  onResult: (item: string, result: R, index: number) => void;
  /** Called after each completed item (in completion order), for progress. */
  onProgress?: (done: number, total: number) => void;
  threads?: number;
}

/** Items in flight or finished but not yet delivered, per thread. */
const WINDOW_PER_THREAD = 64;
const MIN_ITEMS_PER_THREAD = 24;

export const WORKER_ROLE = 'news-annotator-worker';

/**
 * One worker per core but one (the main thread reads files and writes results). On a 2-core machine
 * that means running in-process: measured there, two workers were slower than one thread (each
 * isolate compiles the analyzers again and their compiler and GC threads compete for the cores).
 */
export function defaultThreads(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n - 1);
}

export async function runPool<R>(items: readonly string[], o: PoolOptions<R>): Promise<void> {
  const threads = Math.min(o.threads ?? defaultThreads(), Math.floor(items.length / MIN_ITEMS_PER_THREAD));
  if (threads <= 1) {
    items.forEach((item, i) => {
      o.onResult(item, o.inProcess(item), i);
      o.onProgress?.(i + 1, items.length);
    });
    return;
  }
  const results = new Map<number, R>();
  let next = 0;
  let flushed = 0;
  let done = 0;
  const window = WINDOW_PER_THREAD * threads;
  const workers: Worker[] = [];
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const flush = () => {
      while (results.has(flushed)) {
        const r = results.get(flushed)!;
        results.delete(flushed);
        o.onResult(items[flushed]!, r, flushed);
        flushed++;
      }
    };
    const feed = (w: Worker) => {
      if (next < items.length && next - flushed < window) {
        const i = next++;
        w.postMessage({ index: i, item: items[i] });
        return true;
      }
      return false;
    };
    const idle: Worker[] = [];
    const pump = () => {
      while (idle.length && feed(idle[idle.length - 1]!)) idle.pop();
      if (flushed === items.length) resolve();
    };
    for (let t = 0; t < threads; t++) {
      const w = new Worker(o.script, { workerData: { role: WORKER_ROLE, init: o.init } });
      workers.push(w);
      w.on('message', (m: { index: number; result: R }) => {
        results.set(m.index, m.result);
        done++;
        o.onProgress?.(done, items.length);
        flush();
        if (!feed(w)) idle.push(w);
        pump();
      });
      w.on('error', (e) => {
        if (!failed) {
          failed = true;
          reject(e);
        }
      });
      if (!feed(w)) idle.push(w);
    }
    if (!items.length) resolve();
  }).finally(() => Promise.all(workers.map((w) => w.terminate())));
}

/** Files above this size are analysed in a worker with a tight heap (see {@link runIsolated}). */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Runs one job in a fresh worker whose heap is sized for the file: with V8's default (generous)
 * young generation and growth, a 10 MB article peaks near 360 MB of memory, with these limits near
 * 280 MB, a little slower. Resolves null when the worker ran out of memory (the caller then runs the
 * job without limits).
 */
export function runIsolated<R>(script: string, init: unknown, item: string, sizeBytes: number): Promise<R | null> {
  const mb = sizeBytes / 1048576;
  return new Promise((resolve, reject) => {
    const w = new Worker(script, {
      workerData: { role: WORKER_ROLE, init },
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: Math.ceil(160 + 16 * mb) },
    });
    let settled = false;
    w.on('message', (m: { result: R }) => {
      settled = true;
      resolve(m.result);
      void w.terminate();
    });
    w.on('error', (e: Error & { code?: string }) => {
      if (settled) return;
      settled = true;
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve(null);
      else reject(e);
    });
    w.postMessage({ index: 0, item });
  });
}
