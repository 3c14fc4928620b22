import { z } from 'zod';

/*
 * One measured row of `pnpm bench` (issue #12): every package's bench prints its rows with
 * `benchRowLine`, and scripts/bench-report.mjs gathers them from the whole run into one table
 * with the goal beside each value. Benches are never tests: a missed goal is reported, not failed.
 */

export const BENCH_ROW_PREFIX = 'BENCH_ROW ';

export const ZBenchRow = z.object({
  /** What part of the product: "training", "image views", "compare", "API at scale", "memory". */
  group: z.string(),
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  /** The goal: `value` must be at most (`max`) or at least (`min`) this. */
  goal: z
    .object({ max: z.number() })
    .or(z.object({ min: z.number() }))
    .optional(),
  /** Context printed beside it: the machine's measured peak, sample count, percentile… */
  note: z.string().optional(),
  /** Requests (or items) that failed while measuring: a row with any never meets its goal, whatever its value. */
  errors: z.number().int().min(0).optional(),
});
export type TBenchRow = z.infer<typeof ZBenchRow>;

export function benchRowMet(row: TBenchRow): boolean | undefined {
  if (!row.goal) return undefined;
  if (row.errors) return false;
  return 'max' in row.goal ? row.value <= row.goal.max : row.value >= row.goal.min;
}

/** The line a bench prints for a row (one JSON object, so any process's stdout can carry it). */
export const benchRowLine = (row: TBenchRow): string => `${BENCH_ROW_PREFIX}${JSON.stringify(ZBenchRow.parse(row))}`;
