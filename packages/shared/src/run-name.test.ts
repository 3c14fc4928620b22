import { describe, expect, it } from 'vitest';
import { ZRunConfig, type TRunConfigInput } from './run-config.schema';
import { autoRunName, cloneRunName, fitRunName, withRunName } from './run-name';

const nameOf = (input: TRunConfigInput) => autoRunName(ZRunConfig.parse(input));

describe('autoRunName', () => {
  it('names a default run by its model, shape and optimizer alone', () => {
    expect(nameOf({ model: 'lenet5' })).toBe('lenet5-cifar-gray28-adam');
    expect(nameOf({ model: 'lenet5', variant: 'mnist', optimizer: 'sgd' })).toBe('lenet5-mnist-sgd');
    expect(nameOf({ model: 'lstm' })).toBe('lstm-128x1-adam');
    expect(nameOf({ model: 'gru', hiddenSize: 256, layers: 2 })).toBe('gru-256x2-adam');
  });

  it('adds each distinguishing setting only when it differs from the default', () => {
    expect(
      nameOf({
        model: 'lstm',
        hiddenSize: 256,
        layers: 2,
        optimizer: 'momentum',
        learningRate: 0.01,
        batchSize: 128,
        epochs: 3,
        dropout: 0.2,
        gradClipNorm: 1,
        trainSubset: 20_000,
      }),
    ).toBe('lstm-256x2-momentum-lr0.01-bs128-ep3-drop0.2-clip1-train20k');
    expect(nameOf({ model: 'lenet5', trainSubset: 1500, learningRate: 0.001, batchSize: 64 })).toBe('lenet5-cifar-gray28-adam-train1500');
  });

  it('ignores settings that rarely tell runs apart (seed, intervals) and the given name', () => {
    expect(nameOf({ model: 'rnn', name: 'mine', seed: 7, evalInterval: 5, logInterval: 3 })).toBe('rnn-128x1-adam');
  });

  it('always yields a valid run name', () => {
    const name = nameOf({
      model: 'lstm',
      hiddenSize: 2048,
      layers: 3,
      learningRate: 0.000123,
      gradClipNorm: 123456.5,
      trainSubset: 59_999,
    });
    expect(ZRunConfig.parse({ model: 'lstm', name }).name).toBe(name);
  });
});

describe('withRunName', () => {
  it('fills only a blank name', () => {
    expect(withRunName(ZRunConfig.parse({ model: 'lstm' })).name).toBe('lstm-128x1-adam');
    expect(withRunName(ZRunConfig.parse({ model: 'lstm', name: 'kept' })).name).toBe('kept');
  });
});

describe('cloneRunName', () => {
  it('numbers copies: x → x (2) → x (3)', () => {
    expect(cloneRunName('baseline')).toBe('baseline (2)');
    expect(cloneRunName('baseline (2)')).toBe('baseline (3)');
    expect(cloneRunName('a (9) b')).toBe('a (9) b (2)');
  });

  it('stays within 120 characters without splitting an emoji', () => {
    const long = `${'x'.repeat(114)}🧪tail`;
    const clone = cloneRunName(long);
    expect(clone.length).toBeLessThanOrEqual(120);
    expect(clone.endsWith('… (2)')).toBe(true);
    expect(ZRunConfig.parse({ model: 'lstm', name: clone }).name).toBe(clone);
    expect(fitRunName('y'.repeat(200))).toHaveLength(120);
  });
});
