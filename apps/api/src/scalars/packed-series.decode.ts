import type { SmoothBucket } from './bucket-smooth';
import { OVERVIEW_OFFSET as O, OVERVIEW_RECORD_BYTES } from './overview.layout';

export interface PackedSeries {
  steps: number[];
  wallTimes: number[];
  values: (number | null)[];
  /** Each output bucket's finite count and sum, for the bucket smoothers (bucket-smooth.ts). */
  buckets: SmoothBucket[];
  /** Index into `buckets` of each point. */
  pointBucket: number[];
  total: number;
}

/**
 * A packed overview straight to compare columns in one pass: records in [lo, hi] merged into
 * `buckets` output buckets (the same grouping as the SQL merge: a record goes to the output bucket
 * of its first step), each bucket's first/min/max/last points in step order, plus per-bucket
 * counts and sums for smoothing. No per-record objects: a 100-run compare decodes ~100,000
 * records (measured: 550 → 350 ms for the whole answer).
 */
export function decodePackedSeries(data: Uint8Array, shift: number, lo: number, hi: number, buckets: number): PackedSeries {
  if (data.byteLength % OVERVIEW_RECORD_BYTES !== 0)
    throw new Error(`overview of ${data.byteLength} bytes is not a whole number of ${OVERVIEW_RECORD_BYTES}-byte records`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const span = hi - lo + 1;
  const fromBucket = lo >> shift;
  const toBucket = hi >> shift;
  const out: PackedSeries = { steps: [], wallTimes: [], values: [], buckets: [], pointBucket: [], total: 0 };

  // The output bucket being merged.
  let index = -1;
  let count = 0;
  let finite = 0;
  let sum = 0;
  let fStep = 0,
    fWall = 0,
    fValue = 0,
    lStep = 0,
    lWall = 0,
    lValue = 0;
  let minStep = 0,
    minWall = 0,
    minValue = Number.NaN,
    maxStep = 0,
    maxWall = 0,
    maxValue = Number.NaN;
  const pts: [number, number, number][] = [];

  const flush = () => {
    if (index < 0) return;
    out.total += count;
    const bucketIndex = out.buckets.push({ finiteCount: finite, sum }) - 1;
    pts.length = 0;
    pts.push([fStep, fWall, fValue]);
    if (!Number.isNaN(minValue)) pts.push([minStep, minWall, minValue], [maxStep, maxWall, maxValue]);
    pts.push([lStep, lWall, lValue]);
    pts.sort((a, b) => a[0] - b[0]);
    let prev: number | undefined;
    for (const [step, wall, value] of pts) {
      if (step === prev) continue;
      prev = step;
      out.steps.push(step);
      out.wallTimes.push(wall);
      out.values.push(Number.isFinite(value) ? value : null);
      out.pointBucket.push(bucketIndex);
    }
  };

  for (let o = 0; o < data.byteLength; o += OVERVIEW_RECORD_BYTES) {
    const bucket = view.getInt32(o + O.bucket);
    if (bucket < fromBucket) continue;
    if (bucket > toBucket) break;
    const firstStep = view.getInt32(o + O.firstStep);
    const at = Math.min(buckets - 1, Math.max(0, Math.floor(((firstStep - lo) * buckets) / span)));
    if (at !== index) {
      flush();
      index = at;
      count = 0;
      finite = 0;
      sum = 0;
      fStep = firstStep;
      fWall = view.getFloat64(o + O.firstWall);
      fValue = view.getFloat64(o + O.firstValue);
      minValue = Number.NaN;
      maxValue = Number.NaN;
    }
    count += view.getInt32(o + O.count);
    finite += view.getInt32(o + O.finiteCount);
    sum += view.getFloat64(o + O.sum);
    lStep = view.getInt32(o + O.lastStep);
    lWall = view.getFloat64(o + O.lastWall);
    lValue = view.getFloat64(o + O.lastValue);
    const rMin = view.getFloat64(o + O.minValue);
    if (!Number.isNaN(rMin)) {
      if (Number.isNaN(minValue) || rMin < minValue) {
        minValue = rMin;
        minStep = view.getInt32(o + O.minStep);
        minWall = view.getFloat64(o + O.minWall);
      }
      const rMax = view.getFloat64(o + O.maxValue);
      if (Number.isNaN(maxValue) || rMax > maxValue) {
        maxValue = rMax;
        maxStep = view.getInt32(o + O.maxStep);
        maxWall = view.getFloat64(o + O.maxWall);
      }
    }
  }
  flush();
  return out;
}
