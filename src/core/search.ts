/**
 * Binary search, once: the first index in `[0, n)` for which `before(i)` is false, where `before` is
 * true for a prefix of the indices and false after it (so the result is `n` when it is always true).
 */
export function partitionPoint(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
