import { smoothCentredMean, smoothEma, smoothTimeWeightedEma } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { previewSmoothed, sameSmoothing } from './compare-smooth-preview';

const steps = (n: number, every = 10) => Array.from({ length: n }, (_, i) => i * every);
const noisy = Array.from({ length: 60 }, (_, i) => 2 / (1 + i / 10) + (i % 3) * 0.05);

describe('previewSmoothed', () => {
  it('answers null for weight 0, as the server answers no smoothed column', () => {
    expect(previewSmoothed(steps(3), [1, 2, 3], { smoothing: 0, smoother: 'ema' }, 1)).toBeNull();
  });

  it('is the shared smoother itself where every stored point is held', () => {
    const ema = previewSmoothed(steps(noisy.length), noisy, { smoothing: 0.6, smoother: 'ema' }, 1);
    expect(ema).toEqual(smoothEma(noisy, 0.6));
    const sma = previewSmoothed(steps(noisy.length), noisy, { smoothing: 0.6, smoother: 'sma' }, 1)!;
    smoothCentredMean(noisy, 0.6).forEach((v, i) => expect(sma[i]).toBeCloseTo(v, 12));
    const points = steps(noisy.length).map((step, i) => ({ step, value: noisy[i]! }));
    expect(previewSmoothed(steps(noisy.length), noisy, { smoothing: 0.6, smoother: 'twema' }, 1)).toEqual(
      smoothTimeWeightedEma(points, 0.6),
    );
  });

  it('keeps the reach in stored points when each held point stands for k of them', () => {
    // EMA: w per stored point is w^k per held point.
    expect(previewSmoothed(steps(noisy.length), noisy, { smoothing: 0.9, smoother: 'ema' }, 4)).toEqual(smoothEma(noisy, 0.9 ** 4));
    // Centred mean: 0.9 spans 9 stored points each side, so 3 held points at k = 3 (weight 0.75).
    const sma = previewSmoothed(steps(noisy.length), noisy, { smoothing: 0.9, smoother: 'sma' }, 3)!;
    smoothCentredMean(noisy, 0.75).forEach((v, i) => expect(sma[i]).toBeCloseTo(v, 12));
  });

  it('leaves gaps (null) as gaps and smooths across them', () => {
    const out = previewSmoothed(steps(4), [1, null, 3, 3], { smoothing: 0.5, smoother: 'ema' }, 1)!;
    expect(out[1]).toBeNull();
    expect(out).toEqual(smoothEma([1, Number.NaN, 3, 3], 0.5).map((v) => (Number.isNaN(v) ? null : v)));
  });
});

describe('sameSmoothing', () => {
  it('compares weight and smoother', () => {
    expect(sameSmoothing({ smoothing: 0.6, smoother: 'ema' }, { smoothing: 0.6, smoother: 'ema' })).toBe(true);
    expect(sameSmoothing({ smoothing: 0.6, smoother: 'ema' }, { smoothing: 0.6, smoother: 'sma' })).toBe(false);
    expect(sameSmoothing({ smoothing: 0.6, smoother: 'ema' }, { smoothing: 0.9, smoother: 'ema' })).toBe(false);
  });
});
