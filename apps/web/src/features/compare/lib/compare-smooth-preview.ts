import type { TSmoother } from '@tensorscope/shared';
import { smoothCentredMean, smoothEma, smoothTimeWeightedEma } from '@tensorscope/shared';

/*
 * Smoothing drawn in the browser from the points a chart already holds, the moment the slider or
 * the smoother changes. The server's curve needs a request for every run (300–700 ms for 100);
 * it replaces this one when it comes.
 *
 * Where nothing was downsampled the curve is the server's own formula on the same points. A
 * downsampled series holds up to 4 extremes per bucket, and the server smooths bucket means
 * (count-weighted: a bucket of c points moves the EMA as c equal points would). Smoothing the
 * extremes themselves drew a zigzag between bucket minima and maxima; so the preview recovers the
 * buckets and their means instead: a bucket is a run of held points the held smoothed curve gives
 * one value (the server's bucketed curve is flat per bucket), and its mean is read back from that
 * curve by inverting the EMA step (exact when the old weight forgot the previous bucket, as it
 * does for ~360-point buckets), else taken as the mean of the held extremes.
 */

export interface TSmoothing {
  smoothing: number;
  smoother: TSmoother;
}

export const sameSmoothing = (a: TSmoothing, b: TSmoothing): boolean => a.smoothing === b.smoothing && a.smoother === b.smoother;

/** What a chart holds of one series: its held points, and the smoothed column it was answered with. */
export interface THeldSeries {
  steps: readonly number[];
  values: readonly (number | null)[];
  smoothed: readonly (number | null)[] | null;
  /** 'buckets': the server smoothed bucket means (the held smoothed column is flat per bucket). */
  smoothedOn: 'full' | 'buckets' | null;
  /** Stored points the held ones stand for. */
  totalPoints: number;
}

/** Held points per bucket when the buckets can't be read off the held curve (the server keeps up to 4). */
const POINTS_PER_BUCKET = 4;
/** Below this share of a new bucket in the old EMA the inversion amplifies rounding: use the held mean. */
const MIN_INVERSION_SHARE = 0.05;

const finiteOr = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

/** The smoothed values (null where a value is null), or null for weight 0 (no smoothing, as the server answers). */
export function previewSmoothed(series: THeldSeries, wanted: TSmoothing, held: TSmoothing | null): (number | null)[] | null {
  if (wanted.smoothing <= 0) return null;
  const n = series.values.length;
  if (n === 0) return [];
  if (series.totalPoints <= n) return pointSmoothed(series.steps, series.values, wanted);
  const perHeld = series.totalPoints / n;
  const groups = bucketsOf(series);
  const means = bucketMeans(series, groups, perHeld, held);
  const counts = groups.map(([from, to]) => (to - from) * perHeld);
  const smoothed = wanted.smoother === 'sma' ? centred(means, counts, wanted.smoothing) : countWeightedEma(means, counts, wanted.smoothing);
  const out: (number | null)[] = new Array<number | null>(n);
  groups.forEach(([from, to], g) => {
    for (let i = from; i < to; i++) out[i] = finiteOr(series.values[i]) === null ? null : smoothed[g]!;
  });
  return out;
}

/** The server's point smoothers on every held point: exact where every stored point is held. */
function pointSmoothed(steps: readonly number[], values: readonly (number | null)[], { smoothing, smoother }: TSmoothing) {
  const ys = values.map((v) => (v === null ? Number.NaN : v));
  const out =
    smoother === 'sma'
      ? smoothCentredMean(ys, smoothing)
      : smoother === 'twema'
        ? smoothTimeWeightedEma(
            ys.map((value, i) => ({ step: steps[i]!, value })),
            smoothing,
          )
        : smoothEma(ys, smoothing);
  return out.map((v) => finiteOr(v));
}

/** [from, to) index ranges of the held points per bucket: runs of one held smoothed value, else groups of POINTS_PER_BUCKET. */
export function bucketsOf(series: Pick<THeldSeries, 'values' | 'smoothed' | 'smoothedOn'>): [number, number][] {
  const n = series.values.length;
  const groups: [number, number][] = [];
  const flat = series.smoothedOn === 'buckets' ? series.smoothed : null;
  let from = 0;
  for (let i = 1; i <= n; i++) {
    const split = i === n || (flat ? flat[i] !== flat[i - 1] : i - from >= POINTS_PER_BUCKET);
    if (split) {
      groups.push([from, i]);
      from = i;
    }
  }
  return groups;
}

/** Each bucket's mean: read back from the held EMA curve where it allows, else the mean of its held values. */
function bucketMeans(
  series: THeldSeries,
  groups: readonly [number, number][],
  perHeld: number,
  held: TSmoothing | null,
): (number | null)[] {
  const invertible = series.smoothedOn === 'buckets' && series.smoothed && held && held.smoothing > 0 && held.smoother !== 'sma';
  let last = 0;
  let seen = 0;
  return groups.map(([from, to]) => {
    let sum = 0;
    let count = 0;
    for (let i = from; i < to; i++) {
      const v = finiteOr(series.values[i]);
      if (v !== null) {
        sum += v;
        count++;
      }
    }
    if (count === 0) return null;
    const heldMean = sum / count;
    if (!invertible) return heldMean;
    const w = held.smoothing;
    const c = (to - from) * perHeld;
    const smoothed = finiteOr(series.smoothed![from]);
    seen += c;
    if (smoothed === null) return heldMean;
    // The server's state after this bucket (undo the debias), and the mean that moved it there.
    const state = smoothed * (1 - w ** seen);
    const decay = w ** c;
    const mean = 1 - decay >= MIN_INVERSION_SHARE ? (state - last * decay) / (1 - decay) : heldMean;
    last = state;
    return mean;
  });
}

/** TensorBoard's debiased EMA over buckets, each moving the state as its count of equal points would (as the server does). */
function countWeightedEma(means: readonly (number | null)[], counts: readonly number[], w: number): (number | null)[] {
  let last = 0;
  let n = 0;
  return means.map((m, i) => {
    if (m === null) return null;
    const c = counts[i]!;
    const decay = w ** c;
    last = last * decay + (1 - decay) * m;
    n += c;
    return last / (1 - w ** n);
  });
}

/** Centred mean over buckets: the point window of smoothCentredMean (±w/(1−w) points), in whole buckets. */
function centred(means: readonly (number | null)[], counts: readonly number[], w: number): (number | null)[] {
  const average = counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length);
  const half = Math.round(w / (1 - w) / average);
  const filled = smoothCentredMean(
    means.map((m) => m ?? Number.NaN),
    half / (1 + half),
  );
  return filled.map((v) => finiteOr(v));
}
