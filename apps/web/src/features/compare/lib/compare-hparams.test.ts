import { describe, expect, it } from 'vitest';
import { ZRunConfig } from '@tensorscope/shared';
import { comparableConfig, configCell, configFields, formatConfigValue } from './compare-hparams';

describe('comparableConfig', () => {
  it('makes a width sweep differ in network.layers.0.filters, next to the network, and names the dataset', () => {
    const facts = { name: 'Fashion', inputShape: [28, 28, 1], classes: ['a', 'b'], trainSize: 2, testSize: 2, checksum: 'c' };
    const run = (filters: number) =>
      comparableConfig(
        ZRunConfig.parse({
          model: 'custom',
          name: `w${filters}`,
          dataset: 'mnist',
          datasetFacts: facts,
          network: { layers: [{ type: 'conv2d', filters, kernelSize: 3 }, { type: 'flatten' }] },
        }),
      );
    const configs = [run(8), run(16)];
    expect(configs[0]).toMatchObject({ dataset: 'Fashion', network: '2 layers (conv2d → flatten)', 'network.layers.0.filters': 8 });
    expect(configs[0]).not.toHaveProperty('datasetFacts');
    const fields = configFields(configs);
    expect(fields.varying).toEqual(['network.layers.0.filters']);
    expect(fields.constant.indexOf('network.layers.0.kernelSize')).toBe(fields.constant.indexOf('network') + 1);
  });

  it('leaves a preset run’s config as it is', () => {
    const config = ZRunConfig.parse({ model: 'lstm', name: 'x' });
    expect(comparableConfig(config)).toBe(config);
  });
});

describe('configFields', () => {
  it('puts differing fields first, in reading order, and hides the name', () => {
    const configs = [
      { name: 'a', model: 'lenet5', learningRate: 0.001, batchSize: 64, seed: 1, epochs: 2 },
      { name: 'b', model: 'lenet5', learningRate: 0.01, batchSize: 64, seed: 2, epochs: 2 },
    ];
    expect(configFields(configs)).toEqual({ varying: ['learningRate', 'seed'], constant: ['model', 'batchSize', 'epochs'] });
  });

  it('counts a field absent from some runs as differing', () => {
    const configs = [
      { model: 'lenet5', variant: 'mnist' },
      { model: 'lstm', hiddenSize: 128 },
    ];
    expect(configFields(configs).varying).toEqual(['model', 'variant', 'hiddenSize']);
  });

  it('sorts unknown fields alphabetically after known ones', () => {
    expect(configFields([{ zeta: 1, alpha: 2, model: 'rnn' }]).constant).toEqual(['model', 'alpha', 'zeta']);
  });

  it('finds nothing varying for one run', () => {
    expect(configFields([{ model: 'gru', layers: 2 }]).varying).toEqual([]);
  });
});

describe('formatting', () => {
  it('formats cells', () => {
    expect(formatConfigValue(undefined)).toBe('—');
    expect(formatConfigValue(50000)).toBe('50,000');
    expect(formatConfigValue(0.0005)).toBe('0.0005');
    expect(formatConfigValue('adam')).toBe('adam');
    expect(configCell(0.1)).toBe(0.1);
    expect(configCell(undefined)).toBeUndefined();
  });
});
