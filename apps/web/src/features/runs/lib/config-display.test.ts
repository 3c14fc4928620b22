import { ZRunConfig } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { configRows, modelDetail, modelLabel } from './config-display';

describe('modelLabel', () => {
  it('names the LeNet variant, or the recurrent cell and its size', () => {
    expect(modelLabel(ZRunConfig.parse({ name: 'a', model: 'lenet5', variant: 'mnist' }))).toBe('lenet5 / mnist');
    expect(modelLabel(ZRunConfig.parse({ name: 'a', model: 'lstm', hiddenSize: 256, layers: 2, dropout: 0.2 }))).toBe(
      'lstm · 256 units × 2 layers · dropout 0.2',
    );
    expect(modelLabel(ZRunConfig.parse({ name: 'a', model: 'gru' }))).toBe('gru · 128 units × 1 layer');
  });
});

describe('modelDetail', () => {
  it('gives LeNet’s variant and a custom run’s dataset, by name once the API recorded it', () => {
    expect(modelDetail(ZRunConfig.parse({ model: 'lenet5', variant: 'cifar-rgb32' }))).toBe('cifar-rgb32');
    expect(modelDetail(ZRunConfig.parse({ model: 'lstm' }))).toBeUndefined();
    const custom = { model: 'custom', dataset: 'mnist', network: { layers: [{ type: 'flatten' }] } };
    expect(modelDetail(ZRunConfig.parse(custom))).toBe('mnist');
    const facts = { name: 'Fashion-MNIST', inputShape: [28, 28, 1], classes: ['a', 'b'], trainSize: 2, testSize: 2, checksum: 'c' };
    expect(modelDetail(ZRunConfig.parse({ ...custom, datasetFacts: facts }))).toBe('Fashion-MNIST');
  });
});

describe('configRows', () => {
  it('shows the recurrent fields right after the model and says what unset fields mean', () => {
    const rows = configRows(ZRunConfig.parse({ name: 'a', model: 'rnn', hiddenSize: 64, evalSubset: 500 }));
    expect(rows.slice(0, 5).map((r) => r.key)).toEqual(['name', 'model', 'hiddenSize', 'layers', 'dropout']);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.has('variant')).toBe(false);
    // An RNN reads MNIST: 60,000 training images.
    expect(byKey.get('trainSubset')).toEqual({ key: 'trainSubset', value: 'all (60,000)', unset: true });
    expect(byKey.get('evalSubset')).toEqual({ key: 'evalSubset', value: '500', unset: false });
    expect(byKey.get('gradClipNorm')).toEqual({ key: 'gradClipNorm', value: 'off', unset: true });
  });

  it('sizes a CIFAR run by its own split and keeps keys the form does not know', () => {
    const config = { ...ZRunConfig.parse({ name: 'a', model: 'lenet5', gradClipNorm: 5 }), futureField: 'x' } as never;
    const rows = configRows(config);
    expect(rows.find((r) => r.key === 'trainSubset')?.value).toBe('all (50,000)');
    expect(rows.find((r) => r.key === 'gradClipNorm')).toEqual({ key: 'gradClipNorm', value: '5', unset: false });
    expect(rows.at(-1)).toEqual({ key: 'futureField', value: 'x', unset: false });
  });
});
