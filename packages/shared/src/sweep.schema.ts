import { z } from 'zod';
import { MODEL_NAMES, ZRunConfig, type TRunConfig } from './run-config.schema';
import { fieldAppliesToModel, runConfigKeys, type TRunConfigKey, type TSweepableKey } from './run-config.fields';
import { ZRunStatus } from './run.schema';
import { ZLayer } from './network/network-layer.schema';
import { fitRunName } from './run-name';
import type { TFieldErrors } from './error.schema';
import { isSafeText, safeText, unsafeTextMessage } from './safe-text.schema';
import { fieldMessages, toFieldErrors } from './zod-errors';

/** Config fields a sweep may vary (the registry's `sweepable` ones). */
export const SWEEP_FIELDS = runConfigKeys((spec) => spec.sweepable) as [TSweepableKey, ...TSweepableKey[]];

/** A numeric field of one layer of a custom network, by path: network.layers.<index>.<field>. */
export const NETWORK_PATH_FIELDS = ['filters', 'units', 'kernelSize', 'strides', 'poolSize', 'rate'] as const;
const NETWORK_PATH = new RegExp(`^network\\.layers\\.(\\d{1,2})\\.(${NETWORK_PATH_FIELDS.join('|')})$`);
export type TNetworkPath = `network.layers.${number}.${(typeof NETWORK_PATH_FIELDS)[number]}`;
export const isNetworkPath = (field: string): field is TNetworkPath => NETWORK_PATH.test(field);

export const ZSweepField = z.union(
  [
    z.enum(SWEEP_FIELDS),
    z
      .string()
      .regex(NETWORK_PATH)
      .transform((f) => f as TNetworkPath),
  ],
  {
    error: `field must be one of ${SWEEP_FIELDS.join(', ')}, or a layer field of a custom network such as network.layers.0.filters (${NETWORK_PATH_FIELDS.join(', ')})`,
  },
);
export type TSweepField = z.infer<typeof ZSweepField>;

/** Fields the base may set: every run-config field but the name, which the sweep gives each run, and what the API derives. */
export const SWEEP_BASE_FIELDS = runConfigKeys((spec, key) => key !== 'name' && spec.kind !== 'derived') as Exclude<
  TRunConfigKey,
  'name' | 'datasetFacts'
>[];
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

/** The base's network is a whole network spec (a layer stack or a topology), checked with each run's config. */
const networkValue = z.record(z.string(), z.unknown(), { error: 'network must be an object' });
const baseShape = {
  ...(Object.fromEntries(SWEEP_BASE_FIELDS.map((f) => [f, sweepValue(f).optional()])) as Record<
    Exclude<TSweepBaseField, 'network'>,
    z.ZodOptional<ReturnType<typeof sweepValue>>
  >),
  network: networkValue.optional(),
};
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
    const plain = Object.entries(point).filter(([field]) => !isNetworkPath(field));
    const fields = Object.entries({ ...sweep.base, ...Object.fromEntries(plain) }).filter(([field]) => fieldAppliesToModel(field, model));
    const config: Record<string, unknown> = { ...Object.fromEntries(fields), name: sweepRunName(sweep.name, point) };
    const pathErrors = applyNetworkPaths(config, point, sweep.axes);
    if (pathErrors.length > 0) {
      for (const e of pathErrors) if (!errors.some((x) => x.path === e.path)) errors.push(e);
      continue;
    }
    const parsed = ZRunConfig.safeParse(config, { error: fieldMessages });
    if (parsed.success) {
      runs.push({ point, config: parsed.data });
      continue;
    }
    const label = Object.entries(point)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    for (const issue of toFieldErrors(parsed.error)) {
      const field = issue.path.split('.')[0] ?? '';
      // A layer field's problem (network.layers.2.units …) belongs to the axis varying it, if any.
      const pathAxis = sweep.axes.findIndex((a) => isNetworkPath(a.field) && issue.path.startsWith(a.field));
      const axisIndex = pathAxis >= 0 ? pathAxis : sweep.axes.findIndex((a) => a.field === field);
      const path =
        axisIndex >= 0
          ? `axes.${axisIndex}.values.${sweep.axes[axisIndex]!.values.findIndex((v) => v === point[sweep.axes[axisIndex]!.field])}`
          : `base.${issue.path}`;
      if (!errors.some((e) => e.path === path && e.message.endsWith(issue.message)))
        errors.push({ path, message: `(${label}) ${issue.message}` });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, runs };
}

/**
 * Sets each network.layers.N.field axis value of `point` in a copy of the config's layer stack
 * (the base's network is never changed); an axis that names no layer, or a base without a layer
 * stack, is an error on that axis.
 */
function applyNetworkPaths(config: Record<string, unknown>, point: TSweepPoint, axes: readonly TSweepAxis[]): TFieldErrors {
  const errors: TFieldErrors = [];
  for (const [field, value] of Object.entries(point)) {
    if (!isNetworkPath(field)) continue;
    const axis = axes.findIndex((a) => a.field === field);
    const [, , index, key] = field.split('.') as [string, string, string, string];
    const network = config.network as { layers?: unknown } | undefined;
    if (!network || !Array.isArray(network.layers)) {
      errors.push({
        path: `axes.${axis}.field`,
        message: `${field} varies a layer of a custom network: the base needs "network": {"layers": [...]}`,
      });
      continue;
    }
    const layers = network.layers.map((l: unknown) => (typeof l === 'object' && l !== null ? { ...l } : l));
    const layer = layers[Number(index)] as Record<string, unknown> | undefined;
    if (layer === undefined || typeof layer !== 'object') {
      errors.push({ path: `axes.${axis}.field`, message: `${field}: the network has no layer ${index} (it has ${layers.length})` });
      continue;
    }
    const schema = ZLayer.options.find((o) => o.shape.type.value === layer.type);
    if (schema !== undefined && !(key in schema.shape)) {
      errors.push({ path: `axes.${axis}.field`, message: `${field}: layer ${index} (${String(layer.type)}) has no ${key}` });
      continue;
    }
    layer[key] = value;
    config.network = { ...network, layers };
  }
  return errors;
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
    const field = isNetworkPath(axis.field) ? 'network' : axis.field;
    if (!models.some((m) => fieldAppliesToModel(field, m))) errors.push({ path: `axes.${i}.field`, message: message(axis.field) });
  });
  return errors;
}

/** Path parameters (non-strict: the route names them). */
export const ZSweepIdParam = z.object({ id: safeText('id').uuid('id must be a UUID') });
