import type { TSmoother } from '@tensorscope/shared';

/** A run of consecutive points summarised by its finite values' count and sum. */
export interface SmoothBucket {
  finiteCount: number;
  sum: number;
}

/** EMA state carried from buckets before the requested range into it. */
export interface EmaState {
  last: number;
  /** Finite points seen so far (the debias exponent). */
  n: number;
}

export const EMPTY_EMA: EmaState = { last: 0, n: 0 };

/**
 * TensorBoard's debiased EMA over buckets instead of points: a bucket of c finite points with mean
 * m moves the state exactly as c points all equal to m would (last ← w^c·last + (1 − w^c)·m,
 * n ← n + c). So the smoothing window stays measured in points whatever the bucket size, and on
 * buckets of one point this is TensorBoard's formula. A bucket without finite values yields null
 * and leaves the state alone. Answers the smoothed value after each bucket and the final state.
 */
export function smoothBucketsEma(
  buckets: readonly SmoothBucket[],
  w: number,
  start: EmaState = EMPTY_EMA,
): { values: (number | null)[]; state: EmaState } {
  let { last, n } = start;
  const values = buckets.map(({ finiteCount: c, sum }) => {
    if (c === 0) return null;
    const decay = w ** c;
    last = last * decay + (1 - decay) * (sum / c);
    n += c;
    return w === 1 ? last : last / (1 - w ** n);
  });
  return { values, state: { last, n } };
}

/**
 * Centred mean over buckets: each bucket's value is the mean of the finite points within
 * ±round(w/(1−w)) points of the bucket's centre (whole buckets, at least the bucket itself) — the
 * point window of smoothCentredMean, measured on cumulative counts.
 */
export function smoothBucketsCentred(buckets: readonly SmoothBucket[], w: number): (number | null)[] {
  const half = w >= 1 ? Number.POSITIVE_INFINITY : Math.round(w / (1 - w));
  const ends: number[] = [];
  let total = 0;
  for (const b of buckets) ends.push((total += b.finiteCount));
  const centre = (i: number) => ends[i]! - buckets[i]!.finiteCount / 2;
  let lo = 0;
  let hi = 0;
  let sum = 0;
  let count = 0;
  return buckets.map((b, i) => {
    // Slide [lo, hi) so it holds the buckets whose centres lie within ±half points of bucket i's.
    while (hi < buckets.length && (hi <= i || centre(hi) - centre(i) <= half)) {
      sum += buckets[hi]!.sum;
      count += buckets[hi]!.finiteCount;
      hi += 1;
    }
    while (lo < i && centre(i) - centre(lo) > half) {
      sum -= buckets[lo]!.sum;
      count -= buckets[lo]!.finiteCount;
      lo += 1;
    }
    return b.finiteCount === 0 || count === 0 ? null : sum / count;
  });
}

/**
 * Bucketed smoothing for any smoother. The time-weighted EMA has no bucket form of its own: on
 * buckets it is the count-weighted EMA (its decay per point already follows the point count when
 * steps are even, the common case for long series).
 */
export function smoothBuckets(
  buckets: readonly SmoothBucket[],
  w: number,
  smoother: TSmoother,
  prefix: readonly SmoothBucket[] = [],
): (number | null)[] {
  if (smoother === 'sma') return smoothBucketsCentred(buckets, w);
  const { state } = smoothBucketsEma(prefix, w);
  return smoothBucketsEma(buckets, w, state).values;
}
