import * as tf from '@tensorflow/tfjs';
import { DISTRIBUTION_BASIS_POINTS } from '@tensorscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { mulberry32 } from '../core/seeded.rng';
import { fineBinCount } from './histogram.bins';
import { summarizeTensor } from './tensor-summary.compute';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

/** Plain-JS, float64 reference: population variance (divide by n). */
function reference(values: number[]) {
  const n = values.length;
  const mean = values.reduce((a, v) => a + v, 0) / n;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
  return { min: Math.min(...values), max: Math.max(...values), mean, variance };
}

/** The nearest-rank percentile: the value of rank ⌈p·n⌉ (at least 1) in sorted order. */
function nearestRank(sorted: number[], bp: number): number {
  const rank = Math.max(1, Math.ceil((bp / 10000) * sorted.length));
  return sorted[rank - 1]!;
}

/** Rounds to float32, as the tensor stores the values. */
const f32 = (values: number[]) => Array.from(Float32Array.from(values));

async function summarize(values: number[], shape: number[], bins: number, zeros = false) {
  const t = tf.tensor(values, shape, 'float32');
  const before = tf.memory().numTensors;
  const summary = await summarizeTensor(t, { bins, zeros });
  expect(tf.memory().numTensors).toBe(before);
  t.dispose();
  return summary;
}

describe('summarizeTensor', () => {
  it('matches plain-JS min, max, mean and population variance on a small known array, with std² = variance', async () => {
    const values = [2, 4, 4, 4, 5, 5, 7, 9]; // the textbook example: mean 5, population variance 4, std 2
    const s = await summarize(values, [2, 4], 5);
    expect(s).toMatchObject({ count: 8, min: 2, max: 9, mean: 5 });
    expect(s.variance).toBeCloseTo(4, 6);
    expect(s.std).toBeCloseTo(2, 6);
    expect(s.std ** 2).toBeCloseTo(s.variance, 12);
    expect(s.zeros).toBeUndefined();
  });

  it('bins values 0…9 into 4 equal bins between min and max, the last bin closed', async () => {
    const s = await summarize([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10], 4);
    expect(s.histogram!.edges).toEqual([0, 2.25, 4.5, 6.75, 9]);
    // [0, 2.25): 0 1 2 · [2.25, 4.5): 3 4 · [4.5, 6.75): 5 6 · [6.75, 9]: 7 8 9
    expect(s.histogram!.counts).toEqual([3, 2, 2, 3]);
  });

  it('agrees with a plain-JS histogram and nearest-rank percentiles on 10,007 random values of a rank-4 tensor', async () => {
    const random = mulberry32(7);
    // Skewed, with a heavy tail: a ReLU-like mix of exact zeros and exponentials.
    const values = f32(Array.from({ length: 10_007 }, () => (random() < 0.3 ? 0 : -Math.log(1 - random()) * 0.5 - 0.2)));
    const bins = 30;
    const s = await summarize(values, [10_007, 1, 1, 1], bins, true);
    const ref = reference(values);
    expect(s.min).toBe(ref.min);
    expect(s.max).toBe(ref.max);
    expect(s.mean).toBeCloseTo(ref.mean, 6);
    expect(s.variance).toBeCloseTo(ref.variance, 6);
    expect(s.zeros).toBe(values.filter((v) => v === 0).length / values.length);

    const width = (ref.max - ref.min) / bins;
    const counts = new Array<number>(bins).fill(0);
    for (const v of values) counts[Math.min(bins - 1, Math.floor((v - ref.min) / width))]! += 1;
    expect(s.histogram!.counts).toEqual(counts);
    expect(s.histogram!.edges).toHaveLength(bins + 1);
    expect(s.histogram!.edges[0]).toBe(ref.min);
    expect(s.histogram!.edges[bins]).toBe(ref.max);

    // Documented accuracy: within one fine bin of the nearest-rank percentile.
    const fineWidth = (ref.max - ref.min) / fineBinCount(bins);
    const sorted = [...values].sort((a, b) => a - b);
    expect(s.histogram!.percentiles).toHaveLength(DISTRIBUTION_BASIS_POINTS.length);
    DISTRIBUTION_BASIS_POINTS.forEach((bp, i) => {
      expect(Math.abs(s.histogram!.percentiles[i]! - nearestRank(sorted, bp))).toBeLessThanOrEqual(fineWidth * 1.001);
    });
    expect(s.histogram!.percentiles[0]).toBe(ref.min);
    expect(s.histogram!.percentiles.at(-1)).toBe(ref.max);
  });

  it('keeps the mean and variance of 3.2M values accurate (float32 sums in stages, not one long run)', async () => {
    const random = mulberry32(11);
    // fc1-sized, centred far from 0: the case where a single float32 accumulator drifts by percents.
    const n = 3136 * 1024;
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = 3 + random();
    let sum = 0;
    for (const v of data) sum += v;
    const mean = sum / n;
    let sq = 0;
    for (const v of data) sq += (v - mean) ** 2;
    const t = tf.tensor2d(data, [3136, 1024]);
    const s = await summarizeTensor(t, { bins: 30 });
    t.dispose();
    expect(Math.abs(s.mean - mean) / mean).toBeLessThan(1e-5);
    expect(Math.abs(s.variance - sq / n) / (sq / n)).toBeLessThan(1e-3);
    expect(s.histogram!.counts.reduce((a, c) => a + c, 0)).toBe(n);
  });

  it('gives a valid histogram when every value is equal', async () => {
    const s = await summarize([0.5, 0.5, 0.5, 0.5, 0.5], [5], 3, true);
    expect(s).toMatchObject({ min: 0.5, max: 0.5, mean: 0.5, variance: 0, std: 0, zeros: 0 });
    expect(s.histogram).toEqual({
      edges: [0.5, 0.5, 0.5, 0.5],
      counts: [0, 0, 5],
      percentiles: DISTRIBUTION_BASIS_POINTS.map(() => 0.5),
    });
  });

  it('counts exact zeros as a fraction', async () => {
    const s = await summarize([0, 0, 0, 1e-30, -0, 2], [6], 2, true);
    expect(s.zeros).toBeCloseTo(4 / 6, 12); // -0 is a zero; 1e-30 is not
  });

  it('has no histogram for a tensor holding NaN or Infinity, and does not leak', async () => {
    expect((await summarize([1, Number.NaN, 3], [3], 4)).histogram).toBeNull();
    expect((await summarize([1, Number.POSITIVE_INFINITY, 3], [3], 4)).histogram).toBeNull();
  });
});
