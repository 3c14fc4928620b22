/** What a bench row reports about a set of latencies (milliseconds). */
export interface TLatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * The q-quantile (0 < q ≤ 1) by nearest rank on sorted samples: the smallest sample with at least
 * q of all samples at or below it. No interpolation, so p99 is always a latency that was measured
 * (with 100 samples, p99 is the 99th, not a blend of the 99th and the 100th).
 */
export function nearestRank(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (!(q > 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside (0, 1]`);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Count, mean and the percentiles a bench prints; NaN for each number when there are no samples. */
export function summarize(samples: readonly number[]): TLatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const list = Array.from(sorted);
  let sum = 0;
  for (const v of list) sum += v;
  return {
    count: list.length,
    mean: list.length === 0 ? Number.NaN : sum / list.length,
    p50: nearestRank(list, 0.5),
    p95: nearestRank(list, 0.95),
    p99: nearestRank(list, 0.99),
    max: list.length === 0 ? Number.NaN : list[list.length - 1]!,
  };
}
