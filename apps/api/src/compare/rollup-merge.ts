import type { MergedBucket } from './scalar-rollup.repository';
import type { RollupRecord } from './scalar-overview.codec';

/**
 * Rollup records (in bucket order) merged into `buckets` equal step spans of [lo, hi] — the same
 * grouping the SQL merge uses: a record goes to the output bucket of its first step, clamped to the
 * range. Min/max ignore records without finite values (NaN min).
 */
export function mergeRecords(records: readonly RollupRecord[], lo: number, hi: number, buckets: number): MergedBucket[] {
  const span = hi - lo + 1;
  const out: MergedBucket[] = [];
  let current: MergedBucket | undefined;
  let currentIndex = -1;
  for (const r of records) {
    const index = Math.min(buckets - 1, Math.max(0, Math.floor(((r.firstStep - lo) * buckets) / span)));
    const hasExtremes = !Number.isNaN(r.minValue);
    if (!current || index !== currentIndex) {
      current = {
        count: 0,
        finiteCount: 0,
        sum: 0,
        first: [r.firstStep, r.firstWall, r.firstValue],
        last: [r.lastStep, r.lastWall, r.lastValue],
        min: null,
        max: null,
      };
      currentIndex = index;
      out.push(current);
    }
    current.count += r.count;
    current.finiteCount += r.finiteCount;
    current.sum += r.sum;
    current.last = [r.lastStep, r.lastWall, r.lastValue];
    if (hasExtremes) {
      if (!current.min || r.minValue < current.min[2]) current.min = [r.minStep, r.minWall, r.minValue];
      if (!current.max || r.maxValue > current.max[2]) current.max = [r.maxStep, r.maxWall, r.maxValue];
    }
  }
  return out;
}
