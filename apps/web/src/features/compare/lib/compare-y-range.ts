import type { TXRange } from './compare-url';
import type { TNumbers } from './compare-x-axis';

/*
 * The y range of a comparison chart. "Ignore outliers" (on by default, as in TensorBoard) fits the
 * 5th–95th percentile of the visible values, so one early loss of 20 doesn't flatten every curve;
 * off, it fits everything. On a log axis only positive values count (the others aren't drawn).
 */

export const OUTLIER_PERCENTILES = [0.05, 0.95] as const;
/**
 * Percentiles of more values than this are estimated on an even stride through them: 100 runs ×
 * 4,000 points would cost a select over 400,000 values on every zoom; 50,000 place the 5th and
 * 95th percentiles to well under a pixel of a chart's height.
 */
export const PERCENTILE_SAMPLE = 50_000;
/** Room above and below the fitted values, as a fraction of their span. */
export const Y_PADDING = 0.05;

/**
 * The k-th smallest value (0-based) of `values`, which it reorders in place. Quickselect: linear
 * on average, where sorting 400,000 values (100 runs × 4,000 points) for two percentiles would not be.
 */
export function selectKth(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    // Median of three as pivot: sorted or reversed input (a loss curve) stays linear.
    const mid = (lo + hi) >> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/** Percentile `p` in [0, 1] with linear interpolation between ranks (NumPy's default); reorders `values`. */
export function percentile(values: Float64Array, p: number): number {
  if (values.length === 0) return Number.NaN;
  const rank = p * (values.length - 1);
  const below = Math.floor(rank);
  const low = selectKth(values, below);
  if (rank === below) return low;
  // After selecting `below`, everything right of it is ≥ it: the next rank is their minimum.
  let high = Infinity;
  for (let i = below + 1; i < values.length; i++) if (values[i]! < high) high = values[i]!;
  return low + (high - low) * (rank - below);
}

export interface TYColumn {
  xs: TNumbers;
  ys: readonly (number | null)[];
}

/** Finite values whose x lies in `range` (all of them without one), positive only for a log axis. */
export function visibleValues(columns: readonly TYColumn[], range: TXRange | null, positiveOnly: boolean): Float64Array {
  let count = 0;
  for (const c of columns) count += c.ys.length;
  const out = new Float64Array(count);
  let n = 0;
  for (const { xs, ys } of columns) {
    for (let i = 0; i < ys.length; i++) {
      const y = ys[i];
      if (y === null || y === undefined || !Number.isFinite(y) || (positiveOnly && y <= 0)) continue;
      if (range) {
        const x = xs[i]!;
        if (x < range.min || x > range.max) continue;
      }
      out[n++] = y;
    }
  }
  return out.subarray(0, n);
}

/**
 * [min, max] for the y scale, padded; null when there is nothing to fit (uPlot then picks its own).
 * A log axis pads by the same fraction of its decades instead.
 */
export function yRange(values: Float64Array, options: { ignoreOutliers: boolean; log: boolean }): [number, number] | null {
  if (values.length === 0) return null;
  let lo: number;
  let hi: number;
  if (options.ignoreOutliers && values.length > 2) {
    // percentile() reorders a copy (or a strided sample), never the caller's values.
    const copy = stridedSample(values, PERCENTILE_SAMPLE);
    lo = percentile(copy, OUTLIER_PERCENTILES[0]);
    hi = percentile(copy, OUTLIER_PERCENTILES[1]);
  } else {
    lo = Infinity;
    hi = -Infinity;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (options.log) {
    const a = Math.log10(lo);
    const b = Math.log10(hi);
    const pad = b > a ? (b - a) * Y_PADDING : 0.5;
    return [10 ** (a - pad), 10 ** (b + pad)];
  }
  const pad = hi > lo ? (hi - lo) * Y_PADDING : Math.abs(lo) * Y_PADDING || 1;
  return [lo - pad, hi + pad];
}

/** A copy of `values`, or of every k-th of them when there are more than `max`. */
export function stridedSample(values: Float64Array, max: number): Float64Array {
  if (values.length <= max) return Float64Array.from(values);
  const stride = values.length / max;
  const out = new Float64Array(max);
  for (let i = 0; i < max; i++) out[i] = values[Math.floor(i * stride)]!;
  return out;
}

/** How many finite values a log axis cannot draw (≤ 0), so the chart can say so. */
export function countNonPositive(columns: readonly TYColumn[]): number {
  let n = 0;
  for (const { ys } of columns) for (const y of ys) if (y !== null && Number.isFinite(y) && y <= 0) n++;
  return n;
}

/** The values with everything ≤ 0 turned into gaps (null), for a log axis. Same array when none is. */
export function dropNonPositive(ys: readonly (number | null)[]): readonly (number | null)[] {
  if (!ys.some((y) => y !== null && y <= 0)) return ys;
  return ys.map((y) => (y !== null && y <= 0 ? null : y));
}

/**
 * A scale range uPlot can draw: the wanted one, else the data's, never empty, inverted or (on a
 * log axis) reaching zero. A single point or a flat line still gets a span around it.
 */
export function drawableRange(
  wanted: readonly [number, number] | null,
  dataMin: number | null,
  dataMax: number | null,
  log: boolean,
): [number, number] {
  const lo = wanted ? wanted[0] : dataMin;
  const hi = wanted ? wanted[1] : dataMax;
  if (lo === null || hi === null || !Number.isFinite(lo) || !Number.isFinite(hi) || (log && lo <= 0)) return log ? [0.1, 10] : [0, 1];
  if (lo < hi) return [lo, hi];
  if (log) return [lo / 2, lo * 2];
  const pad = Math.abs(lo) * Y_PADDING || 1;
  return [lo - pad, lo + pad];
}
