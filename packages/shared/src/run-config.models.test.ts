import { describe, expect, it } from 'vitest';
import { datasetOf, evalImagesOf, stepsPerEpoch, trainImagesOf, ZRunConfig } from './run-config.schema';
import { toFieldErrors } from './zod-errors';

const contractExample = {
  name: 'lstm-128',
  model: 'lstm',
  hiddenSize: 128,
  layers: 1,
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 128,
  epochs: 1,
  trainSubset: 6000,
  evalSubset: 2000,
  evalInterval: 10,
  seed: 2,
};

describe('recurrent and MNIST run configs', () => {
  it('accepts the issue-4 contract example and fills recurrent defaults', () => {
    const c = ZRunConfig.parse(contractExample);
    expect(c).toMatchObject({ ...contractExample, dropout: 0 });
    expect(ZRunConfig.parse({ name: 'g', model: 'gru' })).toMatchObject({ hiddenSize: 128, layers: 1, dropout: 0 });
  });

  it('bounds hiddenSize, layers and dropout with readable messages', () => {
    const r = ZRunConfig.safeParse({ name: 'x', model: 'rnn', hiddenSize: 2049, layers: 4, dropout: 0.95 });
    const errors = toFieldErrors(r.error!);
    expect(errors.map((e) => e.path).sort()).toEqual(['dropout', 'hiddenSize', 'layers']);
    expect(errors.find((e) => e.path === 'hiddenSize')?.message).toBe('hiddenSize must be at most 2048');
    expect(ZRunConfig.safeParse({ name: 'x', model: 'rnn', hiddenSize: 2048, layers: 3 }).success).toBe(true);
  });

  it('bounds subsets by the run dataset: CIFAR has 50,000 training images, MNIST 60,000', () => {
    const cifar = ZRunConfig.safeParse({ name: 'x', model: 'lenet5', trainSubset: 50_001 });
    expect(toFieldErrors(cifar.error!)).toEqual([
      { path: 'trainSubset', message: 'trainSubset must be at most 50000 (cifar10 has 50000 training images)' },
    ]);
    expect(ZRunConfig.safeParse({ name: 'x', model: 'lenet5', variant: 'mnist', trainSubset: 60_000 }).success).toBe(true);
    expect(ZRunConfig.safeParse({ name: 'x', model: 'gru', trainSubset: 60_000 }).success).toBe(true);
    expect(ZRunConfig.safeParse({ name: 'x', model: 'gru', evalSubset: 10_001 }).success).toBe(false);
  });

  it('refuses fields another model family owns (lenet5 has no hiddenSize, lstm no variant), naming the model', () => {
    const lenet = ZRunConfig.safeParse({ name: 'x', model: 'lenet5', hiddenSize: 64, dropout: 0 });
    expect(toFieldErrors(lenet.error!)).toEqual([
      { path: 'hiddenSize', message: '"hiddenSize" does not apply to model lenet5' },
      { path: 'dropout', message: '"dropout" does not apply to model lenet5' },
    ]);
    const lstm = ZRunConfig.safeParse({ name: 'x', model: 'lstm', variant: 'mnist' });
    expect(toFieldErrors(lstm.error!)).toEqual([{ path: 'variant', message: '"variant" does not apply to model lstm' }]);
    // Absent, they stay absent: the parsed config carries only its own family's fields.
    expect(ZRunConfig.parse({ name: 'x', model: 'lstm' })).not.toHaveProperty('variant');
    expect(ZRunConfig.parse({ name: 'x', model: 'lenet5' })).not.toHaveProperty('hiddenSize');
  });

  it('gradClipNorm is optional and must be positive', () => {
    expect(ZRunConfig.parse({ name: 'x', model: 'lstm' }).gradClipNorm).toBeUndefined();
    expect(ZRunConfig.parse({ name: 'x', model: 'lstm', gradClipNorm: 5 }).gradClipNorm).toBe(5);
    expect(ZRunConfig.safeParse({ name: 'x', model: 'lstm', gradClipNorm: 0 }).success).toBe(false);
  });

  it('knows each run’s dataset, image counts and steps per epoch', () => {
    const lstm = ZRunConfig.parse(contractExample);
    expect(datasetOf(lstm)).toBe('mnist');
    expect(stepsPerEpoch(lstm)).toBe(47); // ⌈6000 / 128⌉
    const cnn = ZRunConfig.parse({ name: 'x', model: 'lenet5', batchSize: 64 });
    expect(datasetOf(cnn)).toBe('cifar10');
    expect(trainImagesOf(cnn)).toBe(50_000);
    expect(stepsPerEpoch(cnn)).toBe(782);
    const mnistCnn = ZRunConfig.parse({ name: 'x', model: 'lenet5', variant: 'mnist', batchSize: 100 });
    expect([datasetOf(mnistCnn), trainImagesOf(mnistCnn), evalImagesOf(mnistCnn), stepsPerEpoch(mnistCnn)]).toEqual([
      'mnist',
      60_000,
      10_000,
      600,
    ]);
  });
});
