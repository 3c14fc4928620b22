import { describe, expect, it } from 'vitest';
import { dataCacheDir } from '../bench/data-cache.dir';
import { loadCifar10 } from '../datasets/cifar10.loader';
import { runTestSet } from './train-run';

describe('runTestSet', () => {
  it('gives exactly the test split loadCifar10 gives, without needing the training images', async () => {
    const env = { cacheDir: dataCacheDir() };
    const test = await runTestSet({ variant: 'cifar-gray28' }, env);
    const full = await loadCifar10({ variant: 'gray28', cacheDir: env.cacheDir });
    expect(test.count).toBe(10_000);
    expect([test.height, test.width, test.channels]).toEqual([28, 28, 1]);
    expect(Buffer.from(test.images).equals(Buffer.from(full.test.images))).toBe(true);
    expect(Buffer.from(test.labels).equals(Buffer.from(full.test.labels))).toBe(true);
    // Cached for the process: the same promise result, not a second read.
    expect(await runTestSet({ variant: 'cifar-gray28' }, env)).toBe(test);
  });
});
