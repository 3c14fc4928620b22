import { z } from 'zod';
import { MODEL_NAMES, ZRunConfig, type TRunConfig } from './run-config.schema';
import { RUN_CONFIG_KEYS, fieldAppliesToModel, runConfigKeys, type TRunConfigKey, type TSweepableKey } from './run-config.fields';
import { ZRunStatus } from './run.schema';
import { fitRunName } from './run-name';
import type { TFieldErrors } from './error.schema';
import { isSafeText, safeText, unsafeTextMessage } from './safe-text.schema';
import { fieldMessages, toFieldErrors } from './zod-errors';

/** Config fields a sweep may vary (the registry's `sweepable` ones). */
export const SWEEP_FIELDS = runConfigKeys((spec) => spec.sweepable) as [TSweepableKey, ...TSweepableKey[]];
export const ZSweepField = z.enum(SWEEP_FIELDS);
export type TSweepField = z.infer<typeof ZSweepField>;

/** Fields the base may set: every run-config field but the name, which the sweep gives each run. */
export const SWEEP_BASE_FIELDS = RUN_CONFIG_KEYS.filter((key) => key !== 'name') as Exclude<TRunConfigKey, 'name'>[];
export type TSweepBaseField = (typeof SWEEP_BASE_FIELDS)[number];

export const MAX_SWEEP_RUNS = 100;

/**
 * A base or axis value. Only its type is checked here; each run's config checks the value itself
 * when the sweep is expanded. Strings are stored with the sweep, so they must be storable text.
 */
const sweepValue = (field: string) =>
  z
    .union([z.number(), z.string()], { error: `${field} must be a number or a string` })
    .refine((v) => typeof v !== 'string' || isSafeText(v), { message: unsafeTextMessage(field) });

const baseShape = Object.fromEntries(SWEEP_BASE_FIELDS.map((f) => [f, sweepValue(f).optional()])) as Record<
  TSweepBaseField,
  z.ZodOptional<ReturnType<typeof sweepValue>>
>;
/** Strict: a misspelt field (`learning_rate`) is a 400 naming it, not a default silently used. */
export const ZSweepBase = z.strictObject(baseShape, { error: 'base must be an object of run-config fields' });
export type TSweepBase = z.infer<typeof ZSweepBase>;

export const ZSweepAxis = z.strictObject({
  field: ZSweepField,
  /** The values this field takes, one run per combination with the other axes' values. */
  values: z
    .array(sweepValue('values'), { error: 'values must be a list' })
    .min(1, 'give at least one value')
    .max(50, 'at most 50 values per field'),
});
export type TSweepAxis = z.infer<typeof ZSweepAxis>;

/** POST /api/sweeps: a base config (without name) and the fields to vary over. */
export const ZSweepCreate = z
  .strictObject({
    name: safeText('name').trim().min(1, 'name is required').max(80, 'name must be at most 80 characters'),
    /** Run-config fields (as for POST /api/runs, without name) shared by every run; the axes override them. */
    base: ZSweepBase,
    axes: z.array(ZSweepAxis, { error: 'axes must be a list' }).min(1, 'vary at least one field').max(6, 'at most 6 fields'),
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
  const label = Object.entries(point)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return fitRunName(`${sweepName} · ${label}`);
}

/** Every combination of the axes' values, the first axis varying slowest. */
export function sweepPoints(axes: readonly TSweepAxis[]): TSweepPoint[] {
  return axes.reduce<TSweepPoint[]>((points, axis) => points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.field]: v }))), [{}]);
}

export type TSweepExpansion = { ok: true; runs: { point: TSweepPoint; config: TRunConfig }[] } | { ok: false; errors: TFieldErrors };

/**
 * One validated run config per combination. Any invalid combination fails the whole sweep (nothing
 * is created); its errors name the combination and point at the axis value or base field at fault.
 */
export function expandSweep(sweep: TSweepCreate): TSweepExpansion {
  const runs: { point: TSweepPoint; config: TRunConfig }[] = [];
  const errors: TFieldErrors = inapplicableFields(sweep);
  for (const point of sweepPoints(sweep.axes)) {
    // Run configs are strict, but a sweep over several models may carry one family's fields
    // (varying `variant` over lenet5 and lstm repeats the lstm runs): each run takes its model's.
    const model = String(point.model ?? sweep.base.model);
    const fields = Object.entries({ ...sweep.base, ...point }).filter(([field]) => fieldAppliesToModel(field, model));
    const parsed = ZRunConfig.safeParse({ ...Object.fromEntries(fields), name: sweepRunName(sweep.name, point) }, { error: fieldMessages });
    if (parsed.success) {
      runs.push({ point, config: parsed.data });
      continue;
    }
    const label = Object.entries(point)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
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

/**
 * Base fields and axes that no model of the sweep has (`variant` in a sweep of lstm runs only):
 * expansion would drop them from every run, so the sweep is refused, as POST /api/runs refuses them.
 */
function inapplicableFields(sweep: TSweepCreate): TFieldErrors {
  const modelAxis = sweep.axes.find((a) => a.field === 'model');
  const models = (modelAxis ? modelAxis.values : [sweep.base.model]).filter(
    (m): m is string => typeof m === 'string' && (MODEL_NAMES as readonly string[]).includes(m),
  );
  // An unknown or missing model is reported by each run's config; these errors would only add noise.
  if (models.length === 0) return [];
  const message = (field: string) => `"${field}" does not apply to model${models.length > 1 ? 's' : ''} ${models.join(', ')}`;
  const errors: TFieldErrors = [];
  for (const field of Object.keys(sweep.base))
    if (!models.some((m) => fieldAppliesToModel(field, m))) errors.push({ path: `base.${field}`, message: message(field) });
  sweep.axes.forEach((axis, i) => {
    if (!models.some((m) => fieldAppliesToModel(axis.field, m))) errors.push({ path: `axes.${i}.field`, message: message(axis.field) });
  });
  return errors;
}

/** Path parameters (non-strict: the route names them). */
export const ZSweepIdParam = z.object({ id: safeText('id').uuid('id must be a UUID') });
