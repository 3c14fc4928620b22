/**
 * Rollup bucket widths in steps: 4^3 … 4^9 (64 … 262,144). Powers of two so a bucket is
 * `step >> shift`; a factor of 4 between levels so a read at the right level touches fewer than
 * 4 rollup records per output bucket (measured: a factor of 8 made a 100-run compare read twice
 * the bytes).
 */
export const ROLLUP_SHIFTS = [6, 8, 10, 12, 14, 16, 18] as const;
export const ROLLUP_WIDTHS = ROLLUP_SHIFTS.map((s) => 2 ** s);
export const COARSEST_SHIFT = ROLLUP_SHIFTS[ROLLUP_SHIFTS.length - 1]!;

/**
 * The coarsest level whose buckets are no wider than one output bucket (span / buckets steps),
 * so merging rollup rows into output buckets loses nothing the plain downsampler would keep.
 * undefined: the range is too narrow for any level (read the raw points).
 */
export function rollupShiftFor(span: number, buckets: number): number | undefined {
  const perBucket = span / buckets;
  let chosen: number | undefined;
  for (const shift of ROLLUP_SHIFTS) if (2 ** shift <= perBucket) chosen = shift;
  return chosen;
}
