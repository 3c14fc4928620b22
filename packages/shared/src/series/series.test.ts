import { describe, expect, it } from 'vitest';
import { downsampleExtremes } from './downsample.extremes';
import { smoothEma } from './ema.smooth';
import { smoothCentredMean } from './sma.smooth';
import { smoothTimeWeightedEma } from './twema.smooth';

describe('smoothEma (TensorBoard debiased EMA)', () => {
  it('matches hand-computed values', () => {
    // w = 0.5: last 0.5, 1.75, 3.375 over n = 1, 2, 3 → ÷ 0.5, 0.75, 0.875
    const out = smoothEma([1, 3, 5], 0.5);
    expect(out[0]).toBeCloseTo(1, 12);
    expect(out[1]).toBeCloseTo(1.75 / 0.75, 12);
    expect(out[2]).toBeCloseTo(3.375 / 0.875, 12);
  });

  it('w = 0 is the raw series; w = 0.999 starts at the first value and moves slowly', () => {
    expect(smoothEma([3, -1, 7], 0)).toEqual([3, -1, 7]);
    const slow = smoothEma([10, 0, 0, 0], 0.999);
    expect(slow[0]).toBeCloseTo(10, 9);
    expect(slow[3]).toBeGreaterThan(2.4); // 10·0.999³·0.001 / (1 − 0.999⁴) ≈ 2.49
    expect(slow[3]).toBeCloseTo((10 * 0.001 * 0.999 ** 3) / (1 - 0.999 ** 4), 9);
  });

  it('w = 1 returns the raw running value (all zeros), as TensorBoard does', () => {
    expect(smoothEma([1, 2, 3], 1)).toEqual([0, 0, 0]);
  });

  it('passes NaN/Infinity through without advancing the debias count', () => {
    const out = smoothEma([1, Number.NaN, 3, Number.POSITIVE_INFINITY], 0.5);
    expect(out[1]).toBeNaN();
    expect(out[3]).toBe(Number.POSITIVE_INFINITY);
    expect(out[2]).toBeCloseTo(smoothEma([1, 3], 0.5)[1]!, 12);
  });

  it('keeps a constant series exactly constant', () => {
    expect(smoothEma([0.1, 0.1, 0.1, 0.1], 0.9)).toEqual([0.1, 0.1, 0.1, 0.1]);
  });
});

describe('other smoothers', () => {
  it('time-weighted EMA equals the EMA on evenly spaced steps and decays more across gaps', () => {
    const even = [1, 4, 2, 8].map((value, i) => ({ step: (i + 1) * 10, value }));
    const tw = smoothTimeWeightedEma(even, 0.6);
    smoothEma([1, 4, 2, 8], 0.6).forEach((v, i) => expect(tw[i]).toBeCloseTo(v, 12));
    const gap = smoothTimeWeightedEma(
      [
        { step: 1, value: 0 },
        { step: 2, value: 0 },
        { step: 100, value: 10 },
      ],
      0.6,
    );
    const noGap = smoothEma([0, 0, 10], 0.6);
    expect(gap[2]!).toBeGreaterThan(noGap[2]!);
  });

  it('centred mean: window ±round(w/(1−w)), shrinking at the ends, skipping non-finite', () => {
    expect(smoothCentredMean([1, 2, 3, 4, 5], 0)).toEqual([1, 2, 3, 4, 5]);
    // w = 0.5 → ±1 point
    expect(smoothCentredMean([1, 2, 6, 4, 5], 0.5)).toEqual([1.5, 3, 4, 5, 4.5]);
    const out = smoothCentredMean([1, Number.NaN, 3], 0.5);
    expect(out).toEqual([1, Number.NaN, 3]);
  });
});

describe('downsampleExtremes', () => {
  const series = Array.from({ length: 10_000 }, (_, i) => ({ step: i, wallTime: i, value: Math.sin(i / 50) }));
  series[4321]!.value = 99; // a spike
  series[8765]!.value = -99;

  it('bounds the point count by 4 per bucket and keeps every spike, first and last', () => {
    const out = downsampleExtremes(series, 50);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out.some((p) => p.value === 99 && p.step === 4321)).toBe(true);
    expect(out.some((p) => p.value === -99 && p.step === 8765)).toBe(true);
    expect(out[0]!.step).toBe(0);
    expect(out.at(-1)!.step).toBe(9_999);
    expect(out.map((p) => p.step)).toEqual([...out.map((p) => p.step)].sort((a, b) => a - b));
  });

  it('is exact when the series already fits', () => {
    expect(downsampleExtremes(series.slice(0, 100), 25)).toEqual(series.slice(0, 100));
  });
});
