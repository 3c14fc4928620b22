import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ZCompareQuery } from './compare.schema';
import { ZFeatureMapsQuery, ZFilterGridQuery, ZHistogramQuery, ZSnapshotParams } from './inspect.schema';
import { ZCustomConfig, ZLenet5Config, ZLstmConfig, ZRunConfig } from './run-config.schema';
import { ZRunIdParam, ZRunListQuery } from './run.schema';
import { ZBulkExportQuery, ZScalarQuery, ZSeriesExportQuery } from './scalar.schema';
import { SWEEP_BASE_FIELDS, expandSweep, sweepRunName, ZSweepCreate } from './sweep.schema';
import { ZVisualizationCreate, ZVisualizationImageParam, ZVisualizationParams } from './visualize.schema';
import { toFieldErrors } from './zod-errors';

/*
 * Issue #9/#17: hostile input. Every string a request carries must be storable text (else
 * Postgres answered a 500), and every request schema is strict (else unknown keys were dropped
 * and the request went through). Each case names the field at fault.
 */

const UNSAFE = 'must not contain NUL characters or unpaired UTF-16 surrogates';
const LONE = '\uD800';
const NUL = 'a\u0000b';
const RUN_ID = '7b0c3a52-7f5e-4a43-9f4c-6f0d2c1f2a10';

/** The details a 400 would carry; fails the test if the input passes. */
function errorsOf(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  expect(parsed.success, `accepted ${JSON.stringify(input)}`).toBe(false);
  return toFieldErrors(parsed.error!);
}

describe('run config', () => {
  const valid = { name: 'ok', model: 'lstm' };

  it.each([
    ['a lone surrogate', LONE],
    ['a NUL', NUL],
    ['a low surrogate first', '\uDC00x'],
  ])('refuses %s in the name', (_what, name) => {
    expect(errorsOf(ZRunConfig, { ...valid, name })).toEqual([{ path: 'name', message: `name ${UNSAFE}` }]);
  });

  it('keeps names with emoji (paired surrogates)', () => {
    expect(ZRunConfig.parse({ ...valid, name: 'run 🧪' }).name).toBe('run 🧪');
  });

  it.each(['learning_rate', '$where', 'unknownField', 'constructor', 'hidden_size'])('refuses the unknown field %s', (key) => {
    expect(errorsOf(ZRunConfig, { ...valid, [key]: 0.1 })).toEqual([{ path: key, message: `unknown field "${key}"` }]);
  });

  it('refuses __proto__ as JSON.parse delivers it (an own key), without touching the prototype', () => {
    const body = JSON.parse('{"name":"ok","model":"lstm","__proto__":{"polluted":true}}') as object;
    expect(Object.keys(body)).toContain('__proto__');
    expect(errorsOf(ZRunConfig, body)).toEqual([{ path: '__proto__', message: 'unknown field "__proto__"' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports several unknown fields one detail each, next to ordinary field errors', () => {
    const errors = errorsOf(ZRunConfig, { ...valid, learningRate: -1, learning_rate: 0.1, $where: '1=1' });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'learningRate', message: 'learningRate must be greater than 0' },
        { path: 'learning_rate', message: 'unknown field "learning_rate"' },
        { path: '$where', message: 'unknown field "$where"' },
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('says a field of the other model family does not apply, rather than calling it unknown', () => {
    expect(errorsOf(ZRunConfig, { ...valid, variant: 'mnist' })).toEqual([
      { path: 'variant', message: '"variant" does not apply to model lstm' },
    ]);
    expect(errorsOf(ZRunConfig, { name: 'ok', model: 'lenet5', layers: 2 })).toEqual([
      { path: 'layers', message: '"layers" does not apply to model lenet5' },
    ]);
  });

  it('names the model field for an unknown model, and the root for a body that is not an object', () => {
    expect(errorsOf(ZRunConfig, { ...valid, model: 'resnet' })).toEqual([
      { path: 'model', message: 'model must be one of lenet5, rnn, lstm, gru, custom' },
    ]);
    expect(errorsOf(ZRunConfig, [valid])[0]!.path).toBe('(root)');
    expect(errorsOf(ZRunConfig, null)[0]!.path).toBe('(root)');
  });

  it('a stored config (the parse output, through JSON) parses again under the strict schema, unchanged', () => {
    // The worker and the API mappers re-parse stored configs with ZRunConfig.
    for (const input of [
      { name: 'a', model: 'lenet5', variant: 'mnist', gradClipNorm: 1 },
      { name: 'b', model: 'gru', trainSubset: 600 },
    ]) {
      const stored = JSON.parse(JSON.stringify(ZRunConfig.parse(input))) as unknown;
      expect(ZRunConfig.parse(stored)).toEqual(stored);
    }
  });
});

describe('query strings', () => {
  it('run list: refuses NUL and lone surrogates in the name filter, and unknown parameters', () => {
    expect(errorsOf(ZRunListQuery, { name: '\u0000' })).toEqual([{ path: 'name', message: `name ${UNSAFE}` }]);
    expect(errorsOf(ZRunListQuery, { name: `x${LONE}` })).toEqual([{ path: 'name', message: `name ${UNSAFE}` }]);
    expect(errorsOf(ZRunListQuery, { stauts: 'running' })).toEqual([{ path: 'stauts', message: 'unknown field "stauts"' }]);
    expect(errorsOf(ZRunListQuery, { name: ['a', 'b'] })).toEqual([{ path: 'name', message: 'name must be a string' }]);
    expect(errorsOf(ZRunListQuery, { sweepId: NUL })).toEqual([{ path: 'sweepId', message: `sweepId ${UNSAFE}` }]);
    expect(ZRunListQuery.parse({ name: 'lstm', page: '2' })).toMatchObject({ name: 'lstm', page: 2, pageSize: 20 });
  });

  it('scalars, histograms and series export: unsafe tags, unknown parameters, steps beyond int4', () => {
    for (const schema of [ZScalarQuery, ZHistogramQuery, ZSeriesExportQuery]) {
      expect(errorsOf(schema, { tag: `train/${NUL}` })).toEqual([{ path: 'tag', message: `tag ${UNSAFE}` }]);
      expect(errorsOf(schema, { tag: LONE })).toEqual([{ path: 'tag', message: `tag ${UNSAFE}` }]);
      expect(errorsOf(schema, { tag: 'train/loss', $where: '1' })).toEqual([{ path: '$where', message: 'unknown field "$where"' }]);
      expect(errorsOf(schema, { tag: 'train/loss', afterStep: String(2 ** 31) })).toEqual([
        { path: 'afterStep', message: 'afterStep must be at most 2147483647' },
      ]);
      expect(errorsOf(schema, { tag: 'train/loss', afterStep: 'NaN' })).toEqual([
        { path: 'afterStep', message: 'afterStep must be a number' },
      ]);
      expect(schema.parse({ tag: 'train/loss', afterStep: '-1' })).toMatchObject({ afterStep: -1 });
    }
    expect(errorsOf(ZScalarQuery, { tag: 'train/loss', fromStep: '1e400' })).toEqual([
      { path: 'fromStep', message: 'fromStep must be a number' },
    ]);
  });

  it('compare and bulk export: unsafe run ids and tags, unknown parameters', () => {
    for (const schema of [ZCompareQuery, ZBulkExportQuery]) {
      expect(errorsOf(schema, { runs: NUL, tags: 'train/loss' })).toEqual([{ path: 'runs', message: `runs ${UNSAFE}` }]);
      expect(errorsOf(schema, { runs: RUN_ID, tags: `train/loss,${LONE}` })).toEqual([{ path: 'tags', message: `tags ${UNSAFE}` }]);
      expect(errorsOf(schema, { runs: RUN_ID, tags: 'train/loss', unknownField: '1' })).toEqual([
        { path: 'unknownField', message: 'unknown field "unknownField"' },
      ]);
      expect(schema.safeParse({ runs: RUN_ID, tags: 'train/loss' }).success).toBe(true);
    }
    expect(errorsOf(ZCompareQuery, { runs: RUN_ID, tags: 'train/loss', toStep: '99999999999' })).toEqual([
      { path: 'toStep', message: 'toStep must be at most 2147483647' },
    ]);
  });

  it('filter grids and feature maps: unknown parameters', () => {
    expect(errorsOf(ZFilterGridQuery, { zoom: '4', scale: 'shared', x: '1' })).toEqual([{ path: 'x', message: 'unknown field "x"' }]);
    expect(errorsOf(ZFeatureMapsQuery, { image: '3', constructor: '1' })).toEqual([
      { path: 'constructor', message: 'unknown field "constructor"' },
    ]);
  });
});

describe('path parameters', () => {
  it('refuse unsafe text with the safety message, not a pattern mismatch', () => {
    expect(errorsOf(ZRunIdParam, { id: '\u0000' })).toEqual([{ path: 'id', message: `id ${UNSAFE}` }]);
    expect(errorsOf(ZSnapshotParams, { id: RUN_ID, step: '3', layer: `conv1${LONE}` })).toEqual([
      { path: 'layer', message: `layer ${UNSAFE}` },
    ]);
    expect(errorsOf(ZSnapshotParams, { id: RUN_ID, step: '4294967296', layer: 'conv1' })).toEqual([
      { path: 'step', message: 'step must be at most 2147483647' },
    ]);
    expect(errorsOf(ZVisualizationImageParam, { id: RUN_ID, name: 'a\u0000' })).toEqual([
      { path: 'name', message: `image name ${UNSAFE}` },
    ]);
  });
});

describe('visualization body', () => {
  it('refuses unknown keys and keys of the other kind, but accepts step and recompute with either kind', () => {
    expect(errorsOf(ZVisualizationCreate, { kind: 'top9', layer: 'conv1', learning_rate: 1 })).toEqual([
      { path: 'learning_rate', message: 'unknown field "learning_rate"' },
    ]);
    expect(errorsOf(ZVisualizationCreate, { kind: 'top9', layer: 'conv1', occlusionSize: 4 })).toEqual([
      { path: 'occlusionSize', message: 'unknown field "occlusionSize"' },
    ]);
    expect(ZVisualizationCreate.parse({ kind: 'image', layer: 'conv1', image: 3, step: 10, recompute: true })).toMatchObject({
      step: 10,
      recompute: true,
      occlusionSize: 6,
    });
  });

  it('refuses unsafe layer names, unknown kinds and steps beyond int4', () => {
    expect(errorsOf(ZVisualizationCreate, { kind: 'top9', layer: NUL })).toEqual([{ path: 'layer', message: `layer ${UNSAFE}` }]);
    expect(errorsOf(ZVisualizationCreate, { kind: 'top10', layer: 'conv1' })).toEqual([
      { path: 'kind', message: 'kind must be one of top9, image, evaluation, embedding, hidden-states' },
    ]);
    expect(errorsOf(ZVisualizationCreate, { kind: 'top9', layer: 'conv1', step: 2 ** 40 })).toEqual([
      { path: 'step', message: 'step must be at most 2147483647' },
    ]);
  });

  it('stored params (the body without step and recompute) parse again under the strict schema', () => {
    const {
      step: _step,
      recompute: _recompute,
      ...params
    } = ZVisualizationCreate.parse({ kind: 'image', layer: 'conv1', image: 3, step: 1 });
    expect(ZVisualizationParams.parse(JSON.parse(JSON.stringify(params)))).toEqual(params);
  });
});

describe('sweep body', () => {
  const sweep = { name: 's', base: { model: 'lstm', epochs: 1 }, axes: [{ field: 'hiddenSize', values: [32, 64] }] };

  it('refuses unsafe text in the name, base values and axis values', () => {
    expect(errorsOf(ZSweepCreate, { ...sweep, name: LONE })).toEqual([{ path: 'name', message: `name ${UNSAFE}` }]);
    expect(errorsOf(ZSweepCreate, { ...sweep, base: { ...sweep.base, optimizer: NUL } })).toEqual([
      { path: 'base.optimizer', message: `optimizer ${UNSAFE}` },
    ]);
    expect(errorsOf(ZSweepCreate, { ...sweep, axes: [{ field: 'optimizer', values: ['adam', LONE] }] })).toEqual([
      { path: 'axes.0.values.1', message: `values ${UNSAFE}` },
    ]);
  });

  it('refuses unknown keys at every level, __proto__ included', () => {
    expect(errorsOf(ZSweepCreate, { ...sweep, priority: 1 })).toEqual([{ path: 'priority', message: 'unknown field "priority"' }]);
    expect(errorsOf(ZSweepCreate, { ...sweep, base: { ...sweep.base, learning_rate: 0.1 } })).toEqual([
      { path: 'base.learning_rate', message: 'unknown field "learning_rate"' },
    ]);
    expect(errorsOf(ZSweepCreate, { ...sweep, base: { ...sweep.base, name: 'x' } })).toEqual([
      { path: 'base.name', message: 'unknown field "name"' },
    ]);
    expect(errorsOf(ZSweepCreate, { ...sweep, axes: [{ ...sweep.axes[0], step: 2 }] })).toEqual([
      { path: 'axes.0.step', message: 'unknown field "step"' },
    ]);
    const proto = JSON.parse(
      '{"name":"s","base":{"model":"lstm","__proto__":{"x":1}},"axes":[{"field":"seed","values":[1,2]}]}',
    ) as unknown;
    expect(errorsOf(ZSweepCreate, proto)).toEqual([{ path: 'base.__proto__', message: 'unknown field "__proto__"' }]);
  });

  it('refuses base values and axes that are neither numbers nor strings', () => {
    expect(errorsOf(ZSweepCreate, { ...sweep, base: { ...sweep.base, epochs: { $gt: 1 } } })).toEqual([
      { path: 'base.epochs', message: 'epochs must be a number or a string' },
    ]);
    expect(errorsOf(ZSweepCreate, { ...sweep, base: [] })[0]!.path).toBe('base');
    expect(errorsOf(ZSweepCreate, { ...sweep, axes: [{ field: 'seed', values: [null, 2] }] })).toEqual([
      { path: 'axes.0.values.0', message: 'values must be a number or a string' },
    ]);
  });

  it('refuses a model-specific field that no model of the sweep has', () => {
    const lstmOnly = ZSweepCreate.parse({ ...sweep, base: { ...sweep.base, variant: 'mnist' } });
    expect(expandSweep(lstmOnly)).toEqual({
      ok: false,
      errors: [{ path: 'base.variant', message: '"variant" does not apply to model lstm' }],
    });
    const axis = ZSweepCreate.parse({ ...sweep, base: { model: 'lenet5' } });
    expect(expandSweep(axis)).toMatchObject({
      ok: false,
      errors: [{ path: 'axes.0.field', message: '"hiddenSize" does not apply to model lenet5' }],
    });
  });

  it('a sweep over several models gives each run only its own model’s fields (as the form builds it)', () => {
    const mixed = ZSweepCreate.parse({
      name: 'mixed',
      base: { epochs: 1, variant: 'mnist' },
      axes: [
        { field: 'model', values: ['lenet5', 'lstm'] },
        { field: 'hiddenSize', values: [32, 64] },
      ],
    });
    const result = expandSweep(mixed);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.runs.map((r) => r.config.model)).toEqual(['lenet5', 'lenet5', 'lstm', 'lstm']);
    expect(result.runs[0]!.config).not.toHaveProperty('hiddenSize');
    expect(result.runs[0]!.config).toMatchObject({ variant: 'mnist' });
    expect(result.runs[3]!.config).toMatchObject({ hiddenSize: 64 });
    expect(result.runs[3]!.config).not.toHaveProperty('variant');
  });

  it('the base may set every run-config field except the name', () => {
    const configFields = new Set([
      ...Object.keys(ZLenet5Config.shape),
      ...Object.keys(ZLstmConfig.shape),
      ...Object.keys(ZCustomConfig.shape),
    ]);
    // datasetFacts is the API's to fill, never a client's.
    expect(new Set([...SWEEP_BASE_FIELDS, 'name', 'datasetFacts'])).toEqual(configFields);
  });

  it('cuts a long run name without splitting a surrogate pair', () => {
    // 118 characters, then an emoji whose two halves straddle the 119-character cut.
    const name = sweepRunName(`${'x'.repeat(118)}🧪tail`, { seed: 1 });
    expect(name).toBe(`${'x'.repeat(118)}…`);
    expect(ZRunConfig.safeParse({ name, model: 'lstm' }).success).toBe(true);
  });
});
