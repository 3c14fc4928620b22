import { z } from 'zod';
import { ZRunConfig, type TRunConfig } from './run-config.schema';
import { ZRunStatus } from './run.schema';
import type { TFieldErrors } from './error.schema';
import { toFieldErrors } from './zod-errors';

/** Config fields a sweep may vary (everything but the run name). */
export const SWEEP_FIELDS = [
  'model', 'variant', 'hiddenSize', 'layers', 'dropout', 'optimizer', 'learningRate', 'batchSize', 'epochs',
  'gradClipNorm', 'trainSubset', 'evalSubset', 'evalInterval', 'logInterval', 'seed', 'statsInterval',
  'snapshotsPerEpoch', 'probeImages', 'histogramBins', 'backend',
] as const;
export const ZSweepField = z.enum(SWEEP_FIELDS);
export type TSweepField = z.infer<typeof ZSweepField>;

export const MAX_SWEEP_RUNS = 100;

export const ZSweepAxis = z.object({
  field: ZSweepField,
  /** The values this field takes, one run per combination with the other axes' values. */
  values: z
    .array(z.union([z.number(), z.string()]))
    .min(1, 'give at least one value')
    .max(50, 'at most 50 values per field'),
});
export type TSweepAxis = z.infer<typeof ZSweepAxis>;

/** POST /api/sweeps: a base config (without name) and the fields to vary over. */
export const ZSweepCreate = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(80, 'name must be at most 80 characters'),
    /** Any run-config fields (as for POST /api/runs, without name); the axes override them. */
    base: z.record(z.string(), z.unknown()),
    axes: z.array(ZSweepAxis).min(1, 'vary at least one field').max(6, 'at most 6 fields'),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.axes.forEach((axis, i) => {
      if (seen.has(axis.field)) ctx.addIssue({ code: 'custom', path: ['axes', i, 'field'], message: `${axis.field} is varied twice` });
      seen.add(axis.field);
      if (new Set(axis.values.map(String)).size !== axis.values.length)
        ctx.addIssue({ code: 'custom', path: ['axes', i, 'values'], message: `${axis.field} lists a value twice` });
    });
    const runs = s.axes.reduce((n, axis) => n * axis.values.length, 1);
    if (runs > MAX_SWEEP_RUNS)
      ctx.addIssue({ code: 'custom', path: ['axes'], message: `this sweep makes ${runs} runs; at most ${MAX_SWEEP_RUNS}` });
  });
export type TSweepCreate = z.infer<typeof ZSweepCreate>;
export type TSweepCreateInput = z.input<typeof ZSweepCreate>;

export const ZSweep = z.object({
  id: z.string(),
  name: z.string(),
  base: z.record(z.string(), z.unknown()),
  axes: z.array(ZSweepAxis),
  createdAt: z.string(),
  runCount: z.number().int(),
  /** Runs per status, e.g. {completed: 4, running: 2}. */
  statusCounts: z.partialRecord(ZRunStatus, z.number().int()),
});
export type TSweep = z.infer<typeof ZSweep>;

export const ZSweepList = z.object({ items: z.array(ZSweep) });
export type TSweepList = z.infer<typeof ZSweepList>;

/** One combination of axis values, e.g. {model: 'lstm', hiddenSize: 128}. */
export type TSweepPoint = Record<string, number | string>;

/** The run name of a combination: `<sweep> · field=value …`, cut to the run-name limit. */
export function sweepRunName(sweepName: string, point: TSweepPoint): string {
  const label = Object.entries(point).map(([k, v]) => `${k}=${v}`).join(' ');
  const name = `${sweepName} · ${label}`;
  return name.length <= 120 ? name : `${name.slice(0, 119)}…`;
}

/** Every combination of the axes' values, the first axis varying slowest. */
export function sweepPoints(axes: readonly TSweepAxis[]): TSweepPoint[] {
  return axes.reduce<TSweepPoint[]>(
    (points, axis) => points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.field]: v }))),
    [{}],
  );
}

export type TSweepExpansion =
  | { ok: true; runs: { point: TSweepPoint; config: TRunConfig }[] }
  | { ok: false; errors: TFieldErrors };

/**
 * One validated run config per combination. Any invalid combination fails the whole sweep (nothing
 * is created); its errors name the combination and point at the axis value or base field at fault.
 */
export function expandSweep(sweep: TSweepCreate): TSweepExpansion {
  const runs: { point: TSweepPoint; config: TRunConfig }[] = [];
  const errors: TFieldErrors = [];
  for (const point of sweepPoints(sweep.axes)) {
    const parsed = ZRunConfig.safeParse({ ...sweep.base, ...point, name: sweepRunName(sweep.name, point) });
    if (parsed.success) {
      runs.push({ point, config: parsed.data });
      continue;
    }
    const label = Object.entries(point).map(([k, v]) => `${k}=${v}`).join(', ');
    for (const issue of toFieldErrors(parsed.error)) {
      const field = issue.path.split('.')[0] ?? '';
      const axisIndex = sweep.axes.findIndex((a) => a.field === field);
      const path =
        axisIndex >= 0
          ? `axes.${axisIndex}.values.${sweep.axes[axisIndex]!.values.findIndex((v) => v === point[field])}`
          : `base.${issue.path}`;
      if (!errors.some((e) => e.path === path && e.message.endsWith(issue.message)))
        errors.push({ path, message: `(${label}) ${issue.message}` });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, runs };
}

export const ZSweepIdParam = z.object({ id: z.string().uuid('id must be a UUID') });
