import { beforeAll, describe, expect, it } from 'vitest';
import { dataCacheDir } from '../bench/data-cache.dir';
import { loadCifar10 } from '../datasets/cifar10.loader';
import type { ImageDataset } from '../datasets/dataset.types';
import { probeIndices, selectProbe } from './probe.select';

let test: ImageDataset;

beforeAll(async () => {
  test = (await loadCifar10({ variant: 'gray28', cacheDir: dataCacheDir() })).test;
});

describe('probeIndices', () => {
  it('picks distinct sorted indices from the whole split, fixed by the seed', () => {
    const a = probeIndices(10_000, 256, 1);
    expect(a).toHaveLength(256);
    expect(new Set(a).size).toBe(256);
    expect(Array.from(a)).toEqual(Array.from(a).sort((p, q) => p - q));
    expect(probeIndices(10_000, 256, 1)).toEqual(a);
    expect(probeIndices(10_000, 256, 2)).not.toEqual(a);
    // Spread over the whole split, not its start: with 256 uniform picks from 10,000 the
    // largest is below 9,000 with probability 0.9^256 ≈ 2e-12.
    expect(a.at(-1)!).toBeGreaterThan(9000);
    expect(a[0]!).toBeLessThan(1000);
  });

  it('handles the edges: none, all, too many', () => {
    expect(probeIndices(10, 0, 1)).toHaveLength(0);
    expect(Array.from(probeIndices(10, 10, 1))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(() => probeIndices(10, 11, 1)).toThrow(/0\.\.10/);
  });
});

describe('selectProbe', () => {
  it('copies the chosen images and labels into a dataset of their own', () => {
    const probe = selectProbe(test, 64, 5)!;
    const indices = probeIndices(test.count, 64, 5);
    const size = 28 * 28;
    expect(probe).toMatchObject({ count: 64, height: 28, width: 28, channels: 1, classNames: test.classNames });
    expect(probe.images).toHaveLength(64 * size);
    indices.forEach((index, i) => {
      expect(probe.labels[i]).toBe(test.labels[index]);
      expect(probe.images.subarray(i * size, (i + 1) * size)).toEqual(test.images.subarray(index * size, (index + 1) * size));
    });
    expect(probe.images.buffer).not.toBe(test.images.buffer);
    expect(selectProbe(test, 0, 5)).toBeUndefined();
  });
});
