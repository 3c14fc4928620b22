import { ZRunConfig, datasetOf } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { dataCacheDir } from '../bench/data-cache.dir';
import { loadCifar10 } from '../datasets/cifar10.loader';
import { loadMnist } from '../datasets/mnist.loader';
import { runImagesOf } from './run-images.select';
import { runTestSet } from './train-run';

const env = { cacheDir: dataCacheDir() };

describe('runImagesOf', () => {
  it('agrees with the shared datasetOf for every model and variant', () => {
    const configs = [
      { model: 'lenet5', variant: 'cifar-gray28' },
      { model: 'lenet5', variant: 'cifar-rgb32' },
      { model: 'lenet5', variant: 'mnist' },
      { model: 'rnn' },
      { model: 'lstm' },
      { model: 'gru' },
    ].map((c) => ZRunConfig.parse({ name: 'x', ...c }));
    expect(configs.map(runImagesOf)).toEqual(['cifar10-gray28', 'cifar10-rgb32', 'mnist', 'mnist', 'mnist', 'mnist']);
    for (const c of configs) expect(runImagesOf(c).startsWith('cifar10') ? 'cifar10' : 'mnist').toBe(datasetOf(c));
  });
});

describe('runTestSet', () => {
  it('gives exactly the test split loadCifar10 gives, without needing the training images', async () => {
    const test = await runTestSet({ model: 'lenet5', variant: 'cifar-gray28' }, env);
    const full = await loadCifar10({ variant: 'gray28', cacheDir: env.cacheDir });
    expect(test.count).toBe(10_000);
    expect([test.height, test.width, test.channels]).toEqual([28, 28, 1]);
    expect(Buffer.from(test.images).equals(Buffer.from(full.test.images))).toBe(true);
    expect(Buffer.from(test.labels).equals(Buffer.from(full.test.labels))).toBe(true);
    // Cached for the process: the same promise result, not a second read.
    expect(await runTestSet({ model: 'lenet5', variant: 'cifar-gray28' }, env)).toBe(test);
  });

  it('gives the MNIST test split to every MNIST model, from one cache entry', async () => {
    const test = await runTestSet({ model: 'lstm' }, env);
    const full = await loadMnist();
    expect(test.count).toBe(10_000);
    expect([test.height, test.width, test.channels]).toEqual([28, 28, 1]);
    expect(Buffer.from(test.images).equals(Buffer.from(full.test.images))).toBe(true);
    expect(Buffer.from(test.labels).equals(Buffer.from(full.test.labels))).toBe(true);
    for (const choice of [{ model: 'gru' as const }, { model: 'rnn' as const }, { model: 'lenet5' as const, variant: 'mnist' as const }]) {
      expect(await runTestSet(choice, env)).toBe(test);
    }
  });
});
