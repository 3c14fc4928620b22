import * as tf from '@tensorflow/tfjs';
import { DISTRIBUTION_BASIS_POINTS } from '@tensorscope/shared';
import { binEdges, coarsen, fineBinCount, type Histogram } from './histogram.bins';
import { percentilesFromHistogram } from './percentiles.interpolate';
import { stagedSum } from './staged-sum.op';

export interface SummaryHistogram extends Histogram {
  /** Values at DISTRIBUTION_BASIS_POINTS, interpolated from the fine histogram (see percentiles.interpolate.ts). */
  percentiles: number[];
}

export interface TensorSummary {
  /** Number of values. */
  count: number;
  min: number;
  max: number;
  mean: number;
  /** Population variance: the mean squared deviation from the mean (divides by n, not n − 1). */
  variance: number;
  /** sqrt(variance), so std² = variance. */
  std: number;
  /** Fraction of values exactly 0 (dead ReLU units); only computed when asked for. */
  zeros?: number;
  /** null when a value is NaN or ±Infinity (a diverged run): there is no range to bin. */
  histogram: SummaryHistogram | null;
}

export interface SummaryOptions {
  /** Coarse histogram bins (the charted ones). */
  bins: number;
  /** Also count exact zeros. */
  zeros?: boolean;
}

/**
 * Statistics of all values of `x`, computed on x's backend; only a handful of
 * numbers and ~1k histogram counts are read back, never the values themselves
 * (fc1's kernel has 3.2M of them).
 *
 * Two passes, each one tidy and one read: (1) min, max, sum (staged: see
 * staged-sum.op.ts) and the zero count; (2) with the mean known, the sum of squared
 * deviations (two-pass variance: no E[x²] − E[x]² cancellation) and a fine histogram:
 * bin = trunc((x − min) · fine / (max − min)) counted by denseBincount into int32
 * (float32 counts would stop being exact past 2^24 values). x − min ≥ 0 exactly in
 * IEEE arithmetic, so truncation is floor; max itself lands in bin `fine`, an extra
 * slot folded into the last bin (the last bin is closed). Percentiles come from the
 * fine counts, the charted histogram from summing them (histogram.bins.ts).
 * x is not disposed.
 */
export async function summarizeTensor(x: tf.Tensor, options: SummaryOptions): Promise<TensorSummary> {
  const count = x.size;
  if (count === 0) throw new Error('cannot summarise an empty tensor');
  const fine = fineBinCount(options.bins);

  // A flat float32 view (its own handle, shares x's data): denseBincount takes rank ≤ 2.
  const values = tf.tidy(() => tf.reshape(x.dtype === 'float32' ? x : tf.cast(x, 'float32'), [-1]) as tf.Tensor1D);
  try {
    const moments = tf.tidy(() => tf.stack([tf.min(values), tf.max(values), stagedSum(values)]));
    const zeroCount = options.zeros === true ? tf.tidy(() => tf.sum(tf.cast(tf.equal(values, 0), 'int32'))) : undefined;
    const [m, z] = await Promise.all([moments.data(), zeroCount?.data()]);
    tf.dispose([moments, zeroCount ?? []]);
    const min = m[0] as number;
    const max = m[1] as number;
    const mean = (m[2] as number) / count;
    const finite = Number.isFinite(min) && Number.isFinite(max) && Number.isFinite(mean);

    const deviations = tf.tidy(() => (finite ? stagedSum(tf.squaredDifference(values, mean)) : tf.scalar(Number.NaN)));
    const fineCounts = finite && max > min ? fineHistogram(values, min, max, fine) : undefined;
    const [d, c] = await Promise.all([deviations.data(), fineCounts?.data()]);
    tf.dispose([deviations, fineCounts ?? []]);
    return assemble(
      count,
      min,
      max,
      mean,
      (d[0] as number) / count,
      z === undefined ? undefined : (z[0] as number) / count,
      finite,
      c,
      options.bins,
    );
  } finally {
    values.dispose();
  }
}

/**
 * Counts of trunc((x − min) · fine / (max − min)) in fine + 1 int32 slots. Each
 * full-size temporary is disposed as soon as the next one exists, so at most two
 * are alive (2,000 rgb32 probe images make conv1's output 262 MB, and the wasm heap
 * never shrinks once grown).
 */
function fineHistogram(values: tf.Tensor1D, min: number, max: number, fine: number): tf.Tensor1D {
  return tf.tidy(() => {
    const shifted = tf.sub(values, min);
    const scaled = tf.mul(shifted, fine / (max - min));
    shifted.dispose();
    const bin = tf.cast(scaled, 'int32') as tf.Tensor1D;
    scaled.dispose();
    return tf.denseBincount(bin, tf.tensor1d([], 'int32'), fine + 1);
  });
}

/** Plain-JS tail of summarizeTensor: coarse histogram and percentiles from the fine counts. */
function assemble(
  count: number,
  min: number,
  max: number,
  mean: number,
  rawVariance: number,
  zeros: number | undefined,
  finite: boolean,
  fineCounts: ArrayLike<number> | undefined,
  bins: number,
): TensorSummary {
  const variance = Math.max(0, rawVariance);

  let histogram: SummaryHistogram | null = null;
  if (fineCounts !== undefined) {
    // Slot `fine` holds the values equal to max: fold it into the last (closed) bin.
    const fine = fineCounts.length - 1;
    const folded = Array.from({ length: fine }, (_, i) => fineCounts[i] as number);
    folded[fine - 1]! += fineCounts[fine] as number;
    histogram = { ...coarsen(folded, bins, min, max), percentiles: percentilesFromHistogram(folded, min, max, DISTRIBUTION_BASIS_POINTS) };
  } else if (finite) {
    // Every value equals min = max: zero-width bins, all of them in the closed last bin.
    const counts = new Array<number>(bins).fill(0);
    counts[bins - 1] = count;
    histogram = { edges: binEdges(min, max, bins), counts, percentiles: DISTRIBUTION_BASIS_POINTS.map(() => min) };
  }
  const summary: TensorSummary = { count, min, max, mean, variance, std: Math.sqrt(variance), histogram };
  if (zeros !== undefined) summary.zeros = zeros;
  return summary;
}
