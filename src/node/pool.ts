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
/**
 * Items waiting in each worker's queue. With one, a worker idled between items until the main thread
 * (competing for the cores with the workers) answered: 11% of each worker's time on 2 cores.
 */
const QUEUE_PER_WORKER = 4;
const MIN_ITEMS_PER_THREAD = 24;

export const WORKER_ROLE = 'news-annotator-worker';

/**
 * One worker per core (the main thread only reads results and writes them). Measured on 2 cores over
 * the 1,113 BBC articles: two workers 2.4–2.7 s, one thread 2.8–3.0 s; before the CLI raised V8's
 * interrupt budget (see main.ts) two workers were the slower, their compilers competing for the cores.
 */
export function defaultThreads(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n);
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
  const queued: number[] = [];
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
    // Every worker keeps a few items queued, so it never waits for the main thread between items.
    const top = () => {
      for (let t = 0; t < workers.length; t++) {
        while (queued[t]! < QUEUE_PER_WORKER && next < items.length && next - flushed < window) {
          const i = next++;
          workers[t]!.postMessage({ index: i, item: items[i] });
          queued[t]!++;
        }
      }
      if (flushed === items.length) resolve();
    };
    for (let t = 0; t < threads; t++) {
      const w = new Worker(o.script, { workerData: { role: WORKER_ROLE, init: o.init } });
      workers.push(w);
      queued.push(0);
      w.on('message', (m: { index: number; result: R }) => {
        results.set(m.index, m.result);
        queued[t]!--;
        done++;
        o.onProgress?.(done, items.length);
        flush();
        top();
      });
      w.on('error', (e) => {
        if (!failed) {
          failed = true;
          reject(e);
        }
      });
    }
    top();
  }).finally(() => Promise.all(workers.map((w) => w.terminate())));
}

/** Files above this size are analysed in a worker with a tight heap (see {@link runIsolated}). */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024;

/** The default heap limit of the worker that analyses a file of `sizeBytes` alone (old generation, MB). */
export function isolatedHeapLimitMb(sizeBytes: number): number {
  return Math.ceil(160 + (16 * sizeBytes) / 1048576);
}

/** The isolated worker of one file ran out of memory within its limit. */
export class WorkerOutOfMemoryError extends Error {
  constructor(readonly limitMb: number) {
    super(`ran out of memory at ${limitMb} MB`);
    this.name = 'WorkerOutOfMemoryError';
  }
}

/**
 * Runs one job in a fresh worker whose heap is limited to `limitMb` (see {@link isolatedHeapLimitMb}:
 * with V8's default (generous) young generation and growth, a 10 MB article peaks near 360 MB of
 * memory, with these limits near 280 MB, a little slower). Rejects with {@link WorkerOutOfMemoryError}
 * when the worker ran out of memory: the caller reports the file and goes on with the others (the
 * job is never run again without a limit, which is how one hostile file could take the whole
 * machine's memory).
 */
export function runIsolated<R>(script: string, init: unknown, item: string, limitMb: number): Promise<R> {
  return new Promise((resolve, reject) => {
    const w = new Worker(script, {
      workerData: { role: WORKER_ROLE, init },
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: limitMb },
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
      reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerOutOfMemoryError(limitMb) : e);
    });
    w.postMessage({ index: 0, item });
  });
}
