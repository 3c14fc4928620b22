import { z } from 'zod';
import { safeText } from './safe-text.schema';
import { ZScalarQuery, ZScalarTag } from './scalar.schema';
import { queryStep } from './step.schema';

const commaList = (item: z.ZodString, max: number, what: string) =>
  safeText(what)
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item).min(1, `${what}: give at least one`).max(max, `${what}: at most ${max}`));

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const MAX_COMPARE_RUNS = 200;
export const MAX_COMPARE_TAGS = 20;

/**
 * GET /api/compare: many runs × tags in one answer, each series downsampled on the server to at
 * most 4 points per bucket (first, last, min, max), optionally smoothed.
 */
export const ZCompareQuery = z.strictObject({
  runs: commaList(safeText('runs').regex(UUID_PATTERN, 'runs must be run ids (UUIDs)'), MAX_COMPARE_RUNS, 'runs'),
  tags: commaList(ZScalarTag, MAX_COMPARE_TAGS, 'tags'),
  smoothing: ZScalarQuery.shape.smoothing,
  smoother: ZScalarQuery.shape.smoother,
  /** Buckets across the step range (≈ the chart's width in pixels). */
  buckets: z.coerce
    .number()
    .int('buckets must be an integer')
    .min(1, 'buckets must be at least 1')
    .max(10_000, 'buckets must be at most 10000')
    .default(1000),
  fromStep: queryStep('fromStep').optional(),
  toStep: queryStep('toStep').optional(),
});
export type TCompareQuery = z.infer<typeof ZCompareQuery>;

/**
 * Where smoothing was applied. `full`: on every stored point, exactly as the single-series
 * endpoint does (TensorBoard's formula). `buckets`: the series was too long to read in full for a
 * compare answer, so the same smoother ran over per-bucket means, each bucket weighted by its point
 * count (the window stays measured in points, so the curve keeps its shape across zoom levels).
 */
export const ZSmoothedOn = z.enum(['full', 'buckets']);
export type TSmoothedOn = z.infer<typeof ZSmoothedOn>;

/** One run × tag, columnar to keep 100-run answers small. null = a non-finite value (NaN/±Inf). */
export const ZCompareSeries = z.object({
  runId: z.string(),
  tag: z.string(),
  steps: z.array(z.number().int()),
  /** Milliseconds since the Unix epoch. */
  wallTimes: z.array(z.number()),
  values: z.array(z.number().nullable()),
  /** Smoothed values at the same steps; null when no smoothing was asked. */
  smoothed: z.array(z.number().nullable()).nullable(),
  smoothedOn: ZSmoothedOn.nullable(),
  /** Points stored in the requested range, before downsampling. */
  totalPoints: z.number().int(),
  downsampled: z.boolean(),
});
export type TCompareSeries = z.infer<typeof ZCompareSeries>;

export const ZCompareResult = z.object({
  /** One entry per requested run × tag that has points, runs in request order. */
  series: z.array(ZCompareSeries),
  /** Requested runs that do not exist. */
  missingRuns: z.array(z.string()),
});
export type TCompareResult = z.infer<typeof ZCompareResult>;
