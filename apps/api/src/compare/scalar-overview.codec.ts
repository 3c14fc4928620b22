/** One rollup bucket as the compare planner merges it. */
export interface RollupRecord {
  bucket: number;
  count: number;
  finiteCount: number;
  sum: number;
  firstStep: number;
  firstWall: number;
  firstValue: number;
  lastStep: number;
  lastWall: number;
  lastValue: number;
  /** NaN when the bucket has no finite value (then min/max steps mean nothing). */
  minStep: number;
  minWall: number;
  minValue: number;
  maxStep: number;
  maxWall: number;
  maxValue: number;
}

/**
 * Record layout written by OVERVIEW_REFRESH_SQL (Postgres int4send/float8send: big-endian):
 * bucket, count, finiteCount (int32), sum (float64), then first, last, min, max points as
 * step (int32), wall (float64), value (float64).
 */
export const OVERVIEW_RECORD_BYTES = 100;

/** Records of one packed overview whose bucket lies in [fromBucket, toBucket]. */
export function decodeOverview(data: Uint8Array, fromBucket = -Infinity, toBucket = Infinity): RollupRecord[] {
  if (data.byteLength % OVERVIEW_RECORD_BYTES !== 0) throw new Error(`overview of ${data.byteLength} bytes is not a whole number of ${OVERVIEW_RECORD_BYTES}-byte records`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: RollupRecord[] = [];
  for (let o = 0; o < data.byteLength; o += OVERVIEW_RECORD_BYTES) {
    const bucket = view.getInt32(o);
    if (bucket < fromBucket) continue;
    if (bucket > toBucket) break; // records are in bucket order
    out.push({
      bucket,
      count: view.getInt32(o + 4),
      finiteCount: view.getInt32(o + 8),
      sum: view.getFloat64(o + 12),
      firstStep: view.getInt32(o + 20),
      firstWall: view.getFloat64(o + 24),
      firstValue: view.getFloat64(o + 32),
      lastStep: view.getInt32(o + 40),
      lastWall: view.getFloat64(o + 44),
      lastValue: view.getFloat64(o + 52),
      minStep: view.getInt32(o + 60),
      minWall: view.getFloat64(o + 64),
      minValue: view.getFloat64(o + 72),
      maxStep: view.getInt32(o + 80),
      maxWall: view.getFloat64(o + 84),
      maxValue: view.getFloat64(o + 92),
    });
  }
  return out;
}
