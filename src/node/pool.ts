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
