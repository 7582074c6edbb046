/**
 * Measuring how a function's cost grows with its input, for the scaling suite: time at n and at 4n
 * (linear: ×4, quadratic: ×16) and the peak memory of one call. Times are process CPU time, not wall
 * time: the suite runs on machines shared with other work, where wall time mostly measures the
 * neighbours. A fast function is repeated until one measurement takes long enough to be read.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** The ratio the suite accepts between time(4n) and time(n): linear is 4, quadratic 16. */
export const MAX_RATIO = 6;

export interface MeasureOptions {
  /** Measurements at each size (the best counts). */
  rounds?: number;
  /** CPU time one measurement at n must take at least (a fast function is called that many times). */
  minMs?: number;
  /** Calls at n before measuring, at least (a function already compiled by earlier work needs fewer). */
  warmups?: number;
  /** Makes the first (warm-up) call at 4n, e.g. under {@link peakMemoryOf}. */
  onFirstLarge?: (call: () => unknown) => void;
}

/** A measurement of one function at n and 4n. */
export interface Scaling {
  /** Characters (or items) at n and 4n. */
  n: number;
  n4: number;
  /** Best CPU time of `reps` calls at n and at 4n, in ms. */
  t1: number;
  t4: number;
  reps: number;
  ratio: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU time of `reps` calls of `fn`, in ms. */
function timeOf(fn: () => unknown, reps: number): number {
  const t0 = cpuMs();
  for (let i = 0; i < reps; i++) fn();
  return cpuMs() - t0;
}

/**
 * Times `run(small)` and `run(large)` (`large` 4× the size of `small`): the best of `rounds`
 * measurements each, every measurement `reps` calls, with `reps` chosen so that one measurement at n
 * takes at least `minMs`. Stops after the first round at 4n when that is already far over the limit
 * (a quadratic case on a large input would otherwise take minutes).
 */
export function measureScaling<T>(
  small: T,
  large: T,
  sizeOf: (x: T) => number,
  run: (x: T) => unknown,
  opts: MeasureOptions = {},
): Scaling {
  const rounds = opts.rounds ?? 3;
  const minMs = opts.minMs ?? 30;
  // Warm-up until the code is optimised for both inputs: a function that gets five times faster
  // halfway through a measurement would spoil the ratio. Garbage left by earlier work is collected
  // first (the hook, measuring memory, collects it itself), so it is not billed to this measurement.
  if (opts.onFirstLarge) opts.onFirstLarge(() => run(large));
  else {
    collectGarbage();
    run(large);
  }
  let t = 0;
  for (let calls = 0, spent = 0; calls < (opts.warmups ?? 3) || (spent < 2 * minMs && calls < 200); calls++)
    spent += t = timeOf(() => run(small), 1);
  let reps = 1;
  for (let pass = 0; ; pass++) {
    while (t < minMs && reps < 1 << 16) {
      // Aim a little over minMs (from the last reading once it is long enough to trust).
      reps = Math.ceil(reps * (t >= 2 ? Math.min(16, (1.2 * minMs) / t) : 16));
      t = timeOf(() => run(small), reps);
    }
    // Rounds alternate between the sizes, so both see the same compiled code and the same neighbours.
    let t1 = t;
    let t4 = Infinity;
    for (let r = 0; r < rounds; r++) {
      if (r > 0)
        t1 = Math.min(
          t1,
          timeOf(() => run(small), reps),
        );
      t4 = Math.min(
        t4,
        timeOf(() => run(large), reps),
      );
      if (t4 > 3 * MAX_RATIO * t1) break;
    }
    // Code that got much faster once optimised: measure again with enough calls.
    if (t1 >= minMs / 2 || pass === 2 || reps >= 1 << 16) return { n: sizeOf(small), n4: sizeOf(large), t1, t4, reps, ratio: t4 / t1 };
    t = t1;
  }
}

/**
 * `measureScaling`, measured again (up to `attempts` times in all) while the ratio is a little over
 * the limit: a burst of other work on the machine can spoil one measurement, while a superlinear
 * function is over the limit every time (and far over it is not measured again).
 */
export function measureScalingSteady<T>(
  small: T,
  large: T,
  sizeOf: (x: T) => number,
  run: (x: T) => unknown,
  opts: MeasureOptions & { attempts?: number } = {},
): Scaling {
  let best = measureScaling(small, large, sizeOf, run, opts);
  for (let a = 1; a < (opts.attempts ?? 3) && best.ratio > MAX_RATIO && best.ratio <= 1.5 * MAX_RATIO; a++) {
    const m = measureScaling(small, large, sizeOf, run, { ...opts, onFirstLarge: undefined });
    if (m.ratio < best.ratio) best = m;
  }
  return best;
}

let gcFn: (() => void) | null | undefined;
/** A full garbage collection (through `--expose-gc`, switched on at run time), or nothing when unavailable. */
export function collectGarbage(): void {
  if (gcFn === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gcFn = vm.runInNewContext('gc') as () => void;
    } catch {
      gcFn = null;
    }
  }
  gcFn?.();
}

/** Peak memory of one call of `fn` above what was in use before it (V8 heap + array buffers), in bytes. */
export function peakMemoryOf(fn: () => unknown): { peak: number; result: unknown } {
  collectGarbage();
  const before = usedNow();
  const profiler = new v8.GCProfiler();
  profiler.start();
  const result = fn();
  const after = usedNow();
  const stats = profiler.stop();
  // The heap is largest just before a collection: the peak is the largest of those and the end. The
  // floor is what was in use before, or less when a collection during the call shows less: buffers
  // freed before the call are still counted until V8's background sweeper releases them.
  let peak = after;
  let floor = before;
  for (const s of stats?.statistics ?? []) {
    const b = s.beforeGC.heapStatistics;
    const a = s.afterGC.heapStatistics;
    peak = Math.max(peak, b.usedHeapSize + b.externalMemory);
    floor = Math.min(floor, a.usedHeapSize + a.externalMemory);
  }
  return { peak: Math.max(0, peak - floor), result };
}

function usedNow(): number {
  const h = v8.getHeapStatistics();
  return h.used_heap_size + h.external_memory;
}

export function describe(s: Scaling): string {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  return `n=${s.n}: ${ms(s.t1)} ms, 4n=${s.n4}: ${ms(s.t4)} ms (×${s.ratio.toFixed(2)}${s.reps > 1 ? `, ${s.reps} calls each` : ''})`;
}
