import { describe, expect, it } from 'vitest';
import { axisSize, formatTick, STEP_INCREMENTS, stepSplits } from './chart-format';

describe('formatTick', () => {
  it('keeps ordinary values short and switches to exponents at the extremes', () => {
    expect([0, 0.5, 1.25, -0.00128, 12.3456, 0.0001234, 25000].map(formatTick)).toEqual([
      '0',
      '0.5',
      '1.25',
      '-0.00128',
      '12.3',
      '1.2e-4',
      '2.5e+4',
    ]);
  });
});

describe('axisSize', () => {
  it('grows with the longest label, with a floor', () => {
    expect(axisSize(['0', '1'])).toBe(32);
    expect(axisSize(['-0.00128', '0.0012'])).toBeGreaterThan(axisSize(['0.5']));
    expect(axisSize(undefined)).toBe(32);
  });
});

describe('stepSplits', () => {
  it('gives a narrow 0–938 axis several ticks, not one', () => {
    // The LSTM stat charts: stats from step 50 to 938, 180 px wide.
    const ticks = stepSplits(50, 938, 180);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks).toEqual([250, 500, 750]);
  });

  it('keeps ticks apart on wide charts, on integer spacings', () => {
    const ticks = stepSplits(0, 10_000, 800);
    expect(ticks).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
    expect(STEP_INCREMENTS.every(Number.isInteger)).toBe(true);
    expect(STEP_INCREMENTS.slice(0, 6)).toEqual([1, 2, 5, 10, 20, 25]);
  });

  it('falls back to a finer spacing rather than show one tick', () => {
    // 450–560 in 60 px: 100s would give only 500.
    expect(stepSplits(450, 560, 60).length).toBeGreaterThanOrEqual(2);
  });

  it('handles a single step and bad input', () => {
    expect(stepSplits(7, 7, 100)).toEqual([7]);
    expect(stepSplits(Number.NaN, 5, 100)).toEqual([]);
  });
});
