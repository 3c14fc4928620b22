import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { dataCacheDir } from '../bench/data-cache.dir';
import { loadCifar10 } from '../datasets/cifar10.loader';
import type { DatasetSplit } from '../datasets/dataset.types';
import { BatchBuilder } from './batch.build';
import { computeChannelStats } from '../core/channel-stats.compute';
import { subsetSplit, takeFirst } from './dataset-subset.util';
import { shuffledIndices } from './seeded-shuffle.util';

/** rgb32: three interleaved channels exercise the per-channel paths. */
let rgb: DatasetSplit;

beforeAll(async () => {
  await initBackend('wasm');
  rgb = await loadCifar10({ variant: 'rgb32', cacheDir: dataCacheDir() });
});

describe('takeFirst / subsetSplit', () => {
  it('views the first N images and labels without copying', () => {
    const sub = takeFirst(rgb.train, 100);
    expect(sub.count).toBe(100);
    expect(sub.images.buffer).toBe(rgb.train.images.buffer);
    expect(sub.images.byteOffset).toBe(rgb.train.images.byteOffset);
    expect(sub.images.length).toBe(100 * 32 * 32 * 3);
    expect(sub.labels.buffer).toBe(rgb.train.labels.buffer);
    expect(Array.from(sub.labels)).toEqual(Array.from(rgb.train.labels.subarray(0, 100)));
    expect(sub.classNames).toBe(rgb.train.classNames);
  });

  it('cuts both splits and refuses sizes it cannot serve', () => {
    const split = subsetSplit(rgb, { train: 2000, test: 1000 });
    expect([split.train.count, split.test.count]).toEqual([2000, 1000]);
    expect(() => takeFirst(rgb.test, rgb.test.count + 1)).toThrow(/1\.\.10000/);
    expect(() => takeFirst(rgb.test, 0)).toThrow();
  });
});

describe('computeChannelStats', () => {
  it('equals a direct two-pass mean / population std per channel', () => {
    const sub = takeFirst(rgb.train, 500);
    const stats = computeChannelStats(sub);
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      let n = 0;
      for (let i = c; i < sub.images.length; i += 3) {
        sum += sub.images[i]! / 255;
        n++;
      }
      const mean = sum / n;
      let sq = 0;
      for (let i = c; i < sub.images.length; i += 3) sq += (sub.images[i]! / 255 - mean) ** 2;
      expect(stats.mean[c]).toBeCloseTo(mean, 10);
      expect(stats.std[c]).toBeCloseTo(Math.sqrt(sq / n), 10);
    }
    // CIFAR-10's well-known per-channel means (R > G > B), as a sanity anchor.
    const full = computeChannelStats(rgb.train);
    expect(full.mean.map((m) => Number(m.toFixed(3)))).toEqual([0.491, 0.482, 0.447]);
  });
});

describe('BatchBuilder', () => {
  it('standardises each channel with the given stats and one-hot encodes labels, in the given order', async () => {
    const stats = { mean: [0.5, 0.25, 0.125], std: [0.2, 0.4, 0.8] };
    const builder = new BatchBuilder(rgb.test, stats, 10);
    const order = [7, 3, 9000];
    const { x, y } = builder.build(1, 3, order); // images 3 and 9000
    expect(x.shape).toEqual([2, 32, 32, 3]);
    expect(y.shape).toEqual([2, 10]);
    const xs = await x.data();
    const ys = await y.data();
    const size = 32 * 32 * 3;
    [3, 9000].forEach((image, b) => {
      for (const p of [0, 1, 2, 1234, size - 1]) {
        const c = p % 3;
        const want = (rgb.test.images[image * size + p]! / 255 - stats.mean[c]!) / stats.std[c]!;
        expect(xs[b * size + p]).toBeCloseTo(want, 5);
      }
      const row = Array.from(ys.subarray(b * 10, b * 10 + 10));
      expect(row.reduce((a, v) => a + v, 0)).toBe(1);
      expect(row.indexOf(1)).toBe(rgb.test.labels[image]);
    });
    tf.dispose([x, y]);
  });

  it('gives a training batch zero mean and unit std per channel when using the train stats', async () => {
    const sub = takeFirst(rgb.train, 512);
    const { x, y } = new BatchBuilder(sub, computeChannelStats(sub), 10).build(0, 512);
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    for (const m of await mean.data()) expect(Math.abs(m)).toBeLessThan(1e-4);
    for (const v of await variance.data()) expect(v).toBeCloseTo(1, 3);
    tf.dispose([x, y, mean, variance]);
  });
});

describe('shuffledIndices', () => {
  it('is a permutation, fixed by (seed, epoch), different across epochs and seeds', () => {
    const a = shuffledIndices(1000, 42, 0);
    expect(Array.from(a).sort((p, q) => p - q)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(shuffledIndices(1000, 42, 0)).toEqual(a);
    expect(shuffledIndices(1000, 42, 1)).not.toEqual(a);
    expect(shuffledIndices(1000, 43, 0)).not.toEqual(a);
    expect(Array.from(a.subarray(0, 20))).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
