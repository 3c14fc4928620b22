import { z } from 'zod';
import { safeText } from './safe-text.schema';
import { queryStep } from './step.schema';

/** The four tags every run logs. Layer statistics add more (see inspect.schema.ts). */
export const SCALAR_TAGS = ['train/loss', 'train/accuracy', 'test/loss', 'test/accuracy'] as const;
export type TCoreScalarTag = (typeof SCALAR_TAGS)[number];

/** The tags a training run logs about its worker (ordinary scalars: charted, exported, filterable). */
export const SYSTEM_TAGS = {
  cpu: 'system/cpu_percent',
  rss: 'system/rss_mb',
  throughput: 'system/images_per_sec',
} as const;

/**
 * The tags whose last and best values a run row keeps (finalMetrics, bestMetrics), so the run
 * list can filter and sort on them. Layer statistics (100+ tags) stay out: they would bloat every row.
 */
export const SUMMARY_TAGS: readonly string[] = [...SCALAR_TAGS, ...Object.values(SYSTEM_TAGS)];

/** A tag is a slash-separated path of plain segments, e.g. `weights/conv1/kernel/std`. */
export const TAG_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;
export const ZScalarTag = safeText('tag')
  .max(200, 'tag must be at most 200 characters')
  .regex(TAG_PATTERN, 'tag must be slash-separated segments of letters, digits, "_", "." or "-", not starting with "."');
export type TScalarTag = z.infer<typeof ZScalarTag>;

export const ZScalarPoint = z.object({
  step: z.number().int(),
  /** Milliseconds since the Unix epoch. */
  wallTime: z.number(),
  value: z.number(),
});
export type TScalarPoint = z.infer<typeof ZScalarPoint>;

export const SMOOTHERS = ['ema', 'twema', 'sma'] as const;
export const ZSmoother = z.enum(SMOOTHERS);
export type TSmoother = z.infer<typeof ZSmoother>;

/** Strict, like every request schema: an unknown parameter is a 400 naming it. */
export const ZScalarQuery = z.strictObject({
  tag: ZScalarTag,
  /** Only points with step > afterStep: lets a client fetch just what it lacks. */
  afterStep: queryStep('afterStep').optional(),
  /** Smoothing weight, applied to the full-resolution series before any range or downsampling,
   *  so a curve keeps its shape at every zoom. 0 = raw. */
  smoothing: z.coerce.number().min(0, 'smoothing must be ≥ 0').max(0.999, 'smoothing must be ≤ 0.999').optional(),
  /** ema: TensorBoard's debiased EMA; twema: time(step)-weighted EMA; sma: centred moving average. */
  smoother: ZSmoother.default('ema'),
  /** Extremes-preserving downsampling to at most 4 points per bucket. */
  buckets: z.coerce
    .number()
    .int('buckets must be an integer')
    .min(1, 'buckets must be at least 1')
    .max(10_000, 'buckets must be at most 10000')
    .optional(),
  fromStep: queryStep('fromStep').optional(),
  toStep: queryStep('toStep').optional(),
});
export type TScalarQuery = z.infer<typeof ZScalarQuery>;

export const ZScalarSeries = z.object({ points: z.array(ZScalarPoint) });
export type TScalarSeries = z.infer<typeof ZScalarSeries>;

/** A point as the trainer emits it, before it is stored. */
export const ZTaggedScalar = ZScalarPoint.extend({ tag: ZScalarTag });
export type TTaggedScalar = z.infer<typeof ZTaggedScalar>;

export const ZExportFormat = z.enum(['csv', 'json']);
export type TExportFormat = z.infer<typeof ZExportFormat>;

/**
 * The CSV header row: `tensorboard` is TensorBoard's own, `Wall time,Step,Value`, so scripts written
 * for TensorBoard's CSV downloads read ours unchanged; `snake` is `wall_time,step,value`.
 */
export const ZCsvHeader = z.enum(['tensorboard', 'snake']);
export type TCsvHeader = z.infer<typeof ZCsvHeader>;

/** One series as a file (TensorBoard's layouts), with the same smoothing/window options as a read. */
export const ZSeriesExportQuery = ZScalarQuery.extend({ format: ZExportFormat.default('csv'), header: ZCsvHeader.default('tensorboard') });
export type TSeriesExportQuery = z.infer<typeof ZSeriesExportQuery>;

const commaList = (item: z.ZodString, max: number, what: string) =>
  safeText(what)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, `${what}: give at least one`).max(max, `${what}: at most ${max}`));

/** Many runs × tags in one file. */
export const ZBulkExportQuery = z.strictObject({
  runs: commaList(safeText('runs').uuid('runs must be run ids (UUIDs)'), 200, 'runs'),
  tags: commaList(ZScalarTag, 100, 'tags'),
  format: ZExportFormat.default('csv'),
  /** Long format: run and tag columns, then the time, step and value columns named as `header` says. */
  header: ZCsvHeader.default('snake'),
  smoothing: ZScalarQuery.shape.smoothing,
  smoother: ZScalarQuery.shape.smoother,
});
export type TBulkExportQuery = z.infer<typeof ZBulkExportQuery>;
