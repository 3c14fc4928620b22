import { smoothCentredMean, smoothEma, smoothTimeWeightedEma } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { bucketsOf, previewSmoothed, sameSmoothing, type THeldSeries } from './compare-smooth-preview';

const steps = (n: number, every = 10) => Array.from({ length: n }, (_, i) => i * every);
const noisy = Array.from({ length: 60 }, (_, i) => 2 / (1 + i / 10) + (i % 3) * 0.05);
const full = (values: (number | null)[]): THeldSeries => ({
  steps: steps(values.length),
  values,
  smoothed: null,
  smoothedOn: null,
  totalPoints: values.length,
});

/**
 * What the server answers for a long series: per bucket of `size` stored points, the extremes
 * held (here first, min, max, last) and the count-weighted EMA of the bucket means (flat per bucket).
 */
function bucketed(means: number[], size: number, w: number, spread = 0.5): THeldSeries {
  const values: number[] = [];
  const smoothed: number[] = [];
  let last = 0;
  let n = 0;
  for (const m of means) {
    const decay = w ** size;
    last = last * decay + (1 - decay) * m;
    n += size;
    const s = last / (1 - w ** n);
    // Extremes around the mean, skewed so their own mean is not the bucket's.
    values.push(m + spread / 2, m - spread, m + spread, m - spread / 4);
    smoothed.push(s, s, s, s);
  }
  return { steps: steps(values.length), values, smoothed, smoothedOn: 'buckets', totalPoints: means.length * size };
}

/** The server's curve for the same buckets at weight `w` (one value per bucket). */
function serverCurve(means: number[], size: number, w: number): number[] {
  let last = 0;
  let n = 0;
  return means.map((m) => {
    const decay = w ** size;
    last = last * decay + (1 - decay) * m;
    n += size;
    return last / (1 - w ** n);
  });
}

describe('previewSmoothed, every stored point held', () => {
  it('answers null for weight 0, as the server answers no smoothed column', () => {
    expect(previewSmoothed(full([1, 2, 3]), { smoothing: 0, smoother: 'ema' }, null)).toBeNull();
  });

  it('is the shared point smoother itself', () => {
    expect(previewSmoothed(full(noisy), { smoothing: 0.6, smoother: 'ema' }, null)).toEqual(smoothEma(noisy, 0.6));
    const sma = previewSmoothed(full(noisy), { smoothing: 0.6, smoother: 'sma' }, null)!;
    smoothCentredMean(noisy, 0.6).forEach((v, i) => expect(sma[i]).toBeCloseTo(v, 12));
    const points = steps(noisy.length).map((step, i) => ({ step, value: noisy[i]! }));
    expect(previewSmoothed(full(noisy), { smoothing: 0.6, smoother: 'twema' }, null)).toEqual(smoothTimeWeightedEma(points, 0.6));
  });

  it('leaves gaps (null) as gaps', () => {
    const out = previewSmoothed(full([1, null, 3, 3]), { smoothing: 0.5, smoother: 'ema' }, null)!;
    expect(out).toEqual(smoothEma([1, Number.NaN, 3, 3], 0.5).map((v) => (Number.isNaN(v) ? null : v)));
  });
});

describe('previewSmoothed, a downsampled series', () => {
  const means = Array.from({ length: 40 }, (_, i) => 2 / (1 + i / 8) + (i % 2) * 0.1);
  const size = 360;

  it('finds the buckets as the runs of one held smoothed value', () => {
    expect(bucketsOf(bucketed(means.slice(0, 3), size, 0.6))).toEqual([
      [0, 4],
      [4, 8],
      [8, 12],
    ]);
    expect(bucketsOf({ values: [1, 2, 3, 4, 5, 6], smoothed: null, smoothedOn: null })).toEqual([
      [0, 4],
      [4, 6],
    ]);
  });

  it("draws the server's curve for the new weight, flat per bucket, from the bucket means read back from the held curve", () => {
    const held = bucketed(means, size, 0.6);
    // A weight whose reach spans buckets: the old curve (0.6) is the bucket means themselves.
    const out = previewSmoothed(held, { smoothing: 0.999, smoother: 'ema' }, { smoothing: 0.6, smoother: 'ema' })!;
    const want = serverCurve(means, size, 0.999);
    want.forEach((v, b) => [0, 1, 2, 3].forEach((k) => expect(out[b * 4 + k]).toBeCloseTo(v, 9)));
  });

  it('inverts an old curve whose reach spanned buckets too', () => {
    const held = bucketed(means, size, 0.998);
    const out = previewSmoothed(held, { smoothing: 0.6, smoother: 'ema' }, { smoothing: 0.998, smoother: 'ema' })!;
    serverCurve(means, size, 0.6).forEach((v, b) => expect(out[b * 4]).toBeCloseTo(v, 6));
  });

  it('never zigzags between the extremes a bucket holds', () => {
    const out = previewSmoothed(bucketed(means, size, 0.6), { smoothing: 0.95, smoother: 'ema' }, { smoothing: 0.6, smoother: 'ema' })!;
    for (let b = 0; b < means.length; b++) expect(new Set(out.slice(b * 4, b * 4 + 4)).size).toBe(1);
  });

  it('falls back to the mean of the held values without a held curve to read', () => {
    const held = { ...bucketed([1, 3], size, 0.6), smoothed: null, smoothedOn: null };
    const out = previewSmoothed(held, { smoothing: 0.5, smoother: 'ema' }, { smoothing: 0, smoother: 'ema' })!;
    // Held extremes per bucket: m+0.25, m−0.5, m+0.5, m−0.125, mean m + 0.03125.
    expect(out[0]).toBeCloseTo(1.03125, 9);
  });
});

describe('sameSmoothing', () => {
  it('compares weight and smoother', () => {
    expect(sameSmoothing({ smoothing: 0.6, smoother: 'ema' }, { smoothing: 0.6, smoother: 'ema' })).toBe(true);
    expect(sameSmoothing({ smoothing: 0.6, smoother: 'ema' }, { smoothing: 0.6, smoother: 'sma' })).toBe(false);
    expect(sameSmoothing({ smoothing: 0.6, smoother: 'ema' }, { smoothing: 0.9, smoother: 'ema' })).toBe(false);
  });
});
