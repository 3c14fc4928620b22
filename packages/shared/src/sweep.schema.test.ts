import { describe, expect, it } from 'vitest';
import { expandSweep, sweepPoints, sweepRunName, ZSweepCreate } from './sweep.schema';
import { toFieldErrors } from './zod-errors';

const study = {
  name: 'rnn-study',
  base: { model: 'lstm', epochs: 1, trainSubset: 600, evalSubset: 200 },
  axes: [
    { field: 'model', values: ['lstm', 'gru'] },
    { field: 'hiddenSize', values: [128, 256, 1024] },
  ],
};

describe('sweeps', () => {
  it('lists every combination, the first axis varying slowest', () => {
    expect(sweepPoints(ZSweepCreate.parse(study).axes)).toEqual([
      { model: 'lstm', hiddenSize: 128 },
      { model: 'lstm', hiddenSize: 256 },
      { model: 'lstm', hiddenSize: 1024 },
      { model: 'gru', hiddenSize: 128 },
      { model: 'gru', hiddenSize: 256 },
      { model: 'gru', hiddenSize: 1024 },
    ]);
  });

  it('expands into one validated config per combination, named after the sweep and its values', () => {
    const result = expandSweep(ZSweepCreate.parse(study));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.runs).toHaveLength(6);
    expect(result.runs[4]!.config).toMatchObject({ model: 'gru', hiddenSize: 256, epochs: 1, trainSubset: 600, layers: 1 });
    expect(result.runs[4]!.config.name).toBe('rnn-study · model=gru hiddenSize=256');
  });

  it('fails the whole sweep on an invalid combination and points at the axis value or base field', () => {
    const bad = ZSweepCreate.parse({
      ...study,
      base: { ...study.base, learningRate: -1 },
      axes: [
        { field: 'model', values: ['lstm', 'gru'] },
        { field: 'hiddenSize', values: [128, 4096] },
      ],
    });
    const result = expandSweep(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual(['axes.1.values.1', 'base.learningRate']);
    expect(result.errors.find((e) => e.path === 'axes.1.values.1')!.message).toBe(
      '(model=lstm, hiddenSize=4096) hiddenSize must be at most 2048',
    );
  });

  it('rejects repeated fields, repeated values and more than 100 runs', () => {
    const r = ZSweepCreate.safeParse({
      name: 's',
      base: {},
      axes: [
        { field: 'seed', values: [1, 1] },
        { field: 'seed', values: [2] },
        { field: 'learningRate', values: Array.from({ length: 11 }, (_, i) => (i + 1) / 1000) },
        { field: 'batchSize', values: Array.from({ length: 10 }, (_, i) => i + 1) },
      ],
    });
    expect(
      toFieldErrors(r.error!)
        .map((e) => e.path)
        .sort(),
    ).toEqual(['axes', 'axes.0.values', 'axes.1.field']);
  });

  it('keeps run names within the 120-character limit', () => {
    const name = sweepRunName('x'.repeat(80), { model: 'lstm', hiddenSize: 1024, learningRate: 0.001, optimizer: 'momentum' });
    expect(name).toHaveLength(120);
    expect(name.endsWith('…')).toBe(true);
  });
});

describe('sweeps over a custom network’s layer fields', () => {
  const network = {
    layers: [
      { type: 'conv2d', filters: 8, kernelSize: 3, activation: 'relu' },
      { type: 'maxPool2d' },
      { type: 'flatten' },
      { type: 'dense', units: 32 },
    ],
  };
  const sweep = (axes: unknown[], base: Record<string, unknown> = { model: 'custom', dataset: 'mnist', network }) =>
    ZSweepCreate.parse({ name: 'width', base, axes });

  it('varies network.layers.N.field by path, leaving the base untouched', () => {
    const s = sweep([
      { field: 'network.layers.0.filters', values: [8, 16, 32] },
      { field: 'network.layers.3.units', values: [64] },
    ]);
    const r = expandSweep(s);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.runs.map((run) => run.config.model === 'custom' && 'layers' in run.config.network && run.config.network.layers[0])).toEqual([
      expect.objectContaining({ filters: 8 }),
      expect.objectContaining({ filters: 16 }),
      expect.objectContaining({ filters: 32 }),
    ]);
    expect(r.runs[2]!.config.name).toBe('width · network.layers.0.filters=32 network.layers.3.units=64');
    expect(network.layers[0]).toEqual({ type: 'conv2d', filters: 8, kernelSize: 3, activation: 'relu' });
  });

  it('refuses a path to no layer, to a field the layer lacks, a bad value, and a path on a preset model', () => {
    const noLayer = expandSweep(sweep([{ field: 'network.layers.9.units', values: [4] }]));
    expect(noLayer).toEqual({
      ok: false,
      errors: [{ path: 'axes.0.field', message: 'network.layers.9.units: the network has no layer 9 (it has 4)' }],
    });
    const noField = expandSweep(sweep([{ field: 'network.layers.2.units', values: [4] }]));
    expect(noField.ok === false && noField.errors[0]!.message).toBe('network.layers.2.units: layer 2 (flatten) has no units');
    const badValue = expandSweep(sweep([{ field: 'network.layers.0.filters', values: [8, 0] }]));
    expect(badValue.ok === false && badValue.errors).toEqual([
      { path: 'axes.0.values.1', message: expect.stringMatching(/filters must be at least 1/) },
    ]);
    const preset = expandSweep(sweep([{ field: 'network.layers.0.units', values: [4] }], { model: 'lstm' }));
    expect(preset.ok === false && preset.errors[0]).toEqual({
      path: 'axes.0.field',
      message: '"network.layers.0.units" does not apply to model lstm',
    });
    expect(ZSweepCreate.safeParse({ name: 'x', base: {}, axes: [{ field: 'network.layers.0.kernel', values: [1] }] }).success).toBe(false);
  });
});
