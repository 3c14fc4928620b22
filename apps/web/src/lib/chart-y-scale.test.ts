import { describe, expect, it } from 'vitest';
import { linearSplits, logLabelFilter, switchableYScale } from './chart-y-scale';

describe('switchableYScale', () => {
  it('maps values through log10 only while the mode says log, read at each call', () => {
    let log = false;
    const scale = switchableYScale(
      () => log,
      () => [0, 1],
    );
    expect(scale.distr).toBe(100);
    expect(scale.fwd!(100)).toBe(100);
    log = true;
    expect(scale.fwd!(100)).toBe(2);
    expect(scale.bwd!(-1)).toBeCloseTo(0.1, 12);
  });
});

describe('linearSplits', () => {
  it('ticks every multiple of the increment inside the range, as clean decimals', () => {
    expect(linearSplits(0.05, 0.62, 0.1)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    expect(linearSplits(-1, 1, 0.5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(Object.is(linearSplits(-0.5, 0.5, 0.5)[1], 0)).toBe(true);
  });

  it('answers nothing for a range or increment it cannot tick', () => {
    expect(linearSplits(1, 0, 0.1)).toEqual([]);
    expect(linearSplits(0, 1, 0)).toEqual([]);
    expect(linearSplits(Number.NaN, 1, 0.1)).toEqual([]);
  });
});

describe('logLabelFilter', () => {
  const splits = [0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1, 2, 3, 5, 7, 9, 10];
  // Pixels per decade: a log axis whose decade spans `decade` px (up is larger).
  const pxOf = (decade: number) => (v: number) => -Math.log10(v) * decade;

  it('labels every tick where a decade is roomy', () => {
    expect(logLabelFilter(splits, pxOf(1000), 30)).toEqual(splits);
  });

  it('thins to 1, 2 and 5 × 10^e as room shrinks, then to powers of ten', () => {
    // 9→10 spans 0.046 of a decade, 5→10 0.30: at 150 px per decade only 1/2/5 (and 1/2/3/5/7 a little above).
    expect(logLabelFilter(splits, pxOf(150), 30)).toEqual([0.1, 0.2, null, 0.5, null, null, 1, 2, null, 5, null, null, 10]);
    expect(logLabelFilter(splits, pxOf(60), 30)).toEqual([0.1, null, null, null, null, null, 1, null, null, null, null, null, 10]);
  });

  it('labels every k-th power of ten, the top one kept, where decades are narrower than a label', () => {
    const powers = [1e-4, 1e-3, 1e-2, 1e-1, 1, 10];
    // 12 px per decade, 30 px per label: every third power, counted from the top.
    expect(logLabelFilter(powers, pxOf(12), 30)).toEqual([null, null, 1e-2, null, null, 10]);
  });
});
