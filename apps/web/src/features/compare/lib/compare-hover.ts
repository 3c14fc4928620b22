import type { TNumbers } from './compare-x-axis';

/**
 * Index of the point nearest to `x` in ascending `xs` (binary search: hovering 100 runs costs
 * 100 × log n, not a scan), or -1 when `x` lies outside the series (a run that stopped early
 * shows no value past its end rather than its last one).
 */
export function nearestIndex(xs: TNumbers, x: number): number {
  const n = xs.length;
  if (n === 0 || !Number.isFinite(x) || x < xs[0]! || x > xs[n - 1]!) return -1;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return x - xs[lo]! <= xs[hi]! - x ? lo : hi;
}

export interface THoverValue {
  x: number;
  raw: number | null;
  smoothed: number | null;
}

/** The point of one line nearest to the cursor, or null outside it. */
export function valueAt(
  line: { xs: TNumbers; raw: readonly (number | null)[]; smoothed: readonly (number | null)[] | null },
  x: number,
): THoverValue | null {
  const index = nearestIndex(line.xs, x);
  if (index < 0) return null;
  return { x: line.xs[index]!, raw: line.raw[index] ?? null, smoothed: line.smoothed?.[index] ?? null };
}
