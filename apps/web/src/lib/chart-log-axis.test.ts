import { describe, expect, it } from 'vitest';
import { yRange } from '../features/compare/lib/compare-y-range';
import { logSplits } from './chart-log-axis';

describe('logSplits', () => {
  it('ticks 1–9 × 10^e inside the range, as clean decimals', () => {
    expect(logSplits(0.02, 0.3)).toEqual([0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.2, 0.3]);
    expect(logSplits(50, 2000)).toEqual([50, 60, 70, 80, 90, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 2000]);
  });

  it('terminates on a minimum just under a power of ten (uPlot 1.6.32 looped forever on these)', () => {
    // uPlot's splitter stepped 0.0996 → 0.11 (the new step) → 0.22, rounded with no known
    // decimals to 0, then 0 + 0.11 → 0 forever: the 15 s freeze and the empty chart.
    for (const [min, max] of [
      [0.0996, 3],
      [0.095, 3],
      [0.91, 4.2],
      [9.7e-5, 0.5],
    ] as const) {
      const ticks = logSplits(min, max);
      expect(ticks.length).toBeGreaterThan(2);
      expect(ticks.length).toBeLessThan(40);
      expect(ticks.every((t) => t >= min && t <= max)).toBe(true);
      expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
    }
  });

  it('the log fit of a loss that settles at 0.11 gives such a minimum, and it is ticked', () => {
    // A test loss from 2.3 down to 0.11: the fit pads below the 5th percentile to 0.0978, where
    // uPlot's first step (0.0978 + 0.01, to two decimals) is 0.11, the runaway case.
    const loss = Float64Array.from({ length: 300 }, (_, i) => 0.11 + 2.2 * Math.exp(-i / 20));
    const [lo, hi] = yRange(loss, { ignoreOutliers: true, log: true })!;
    expect(lo).toBeGreaterThan(0.095);
    expect(lo).toBeLessThan(0.1);
    expect(logSplits(lo, hi)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('ticks a narrow range inside one decade linearly', () => {
    expect(logSplits(0.21, 0.29)).toEqual([0.22, 0.24, 0.26, 0.28]);
    expect(logSplits(1.0001, 1.0009)).toEqual([1.0002, 1.0004, 1.0006, 1.0008]);
  });

  it('thins a range of hundreds of decades to powers of ten, a bounded number of them', () => {
    const ticks = logSplits(1e-300, 1e300);
    expect(ticks.length).toBeLessThanOrEqual(41);
    expect(ticks).toContain(1);
    expect(logSplits(1e-8, 1e8)).toEqual(Array.from({ length: 17 }, (_, i) => Number(`1e${i - 8}`)));
  });

  it('gives nothing for a range a log axis cannot draw', () => {
    expect(logSplits(0, 1)).toEqual([]);
    expect(logSplits(-1, 1)).toEqual([]);
    expect(logSplits(1, Number.POSITIVE_INFINITY)).toEqual([]);
    expect(logSplits(2, 1)).toEqual([]);
    expect(logSplits(5, 5)).toEqual([5]);
  });
});
