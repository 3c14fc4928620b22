import { describe, expect, it } from 'vitest';
import {
  countNonPositive,
  drawableRange,
  dropNonPositive,
  percentile,
  selectKth,
  stridedSample,
  visibleValues,
  yRange,
} from './compare-y-range';

describe('selectKth / percentile', () => {
  it('selects ranks like a sort would', () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 5];
    const sorted = [...values].sort((a, b) => a - b);
    for (let k = 0; k < values.length; k++) expect(selectKth(Float64Array.from(values), k)).toBe(sorted[k]);
  });

  it('agrees with a sort on pseudo-random data, including duplicates', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = Array.from({ length: 1001 }, () => Math.round(rand() * 50));
    const sorted = [...values].sort((a, b) => a - b);
    for (const k of [0, 1, 50, 500, 999, 1000]) expect(selectKth(Float64Array.from(values), k)).toBe(sorted[k]);
  });

  it('interpolates between ranks', () => {
    // 1..11: rank of p=0.05 is 0.5 → 1.5; p=0.95 → rank 9.5 → 10.5
    const values = () => Float64Array.from([11, 3, 5, 1, 2, 9, 4, 10, 6, 8, 7]);
    expect(percentile(values(), 0.05)).toBeCloseTo(1.5);
    expect(percentile(values(), 0.95)).toBeCloseTo(10.5);
    expect(percentile(values(), 0.5)).toBe(6);
    expect(percentile(Float64Array.of(4), 0.3)).toBe(4);
    expect(percentile(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('visibleValues', () => {
  const columns = [
    { xs: [0, 1, 2, 3], ys: [5, null, -1, Number.POSITIVE_INFINITY] },
    { xs: Float64Array.of(2, 4), ys: [0, 7] },
  ];
  it('keeps finite values inside the x range', () => {
    expect([...visibleValues(columns, null, false)]).toEqual([5, -1, 0, 7]);
    expect([...visibleValues(columns, { min: 1, max: 3 }, false)]).toEqual([-1, 0]);
  });
  it('keeps only positive values for a log axis', () => {
    expect([...visibleValues(columns, null, true)]).toEqual([5, 7]);
  });
});

describe('yRange', () => {
  // 0, 1, …, 100 plus one outlier of 10,000.
  const values = () => Float64Array.from([...Array.from({ length: 101 }, (_, i) => i), 10_000]);

  it('fits the 5th–95th percentile with 5 % padding when ignoring outliers', () => {
    // 102 values: p5 at rank 5.05 → 5.05, p95 at rank 95.95 → 95.95; span 90.9, pad 4.545
    const [lo, hi] = yRange(values(), { ignoreOutliers: true, log: false })!;
    expect(lo).toBeCloseTo(0.505);
    expect(hi).toBeCloseTo(100.495);
  });

  it('fits everything otherwise', () => {
    const [lo, hi] = yRange(values(), { ignoreOutliers: false, log: false })!;
    expect(lo).toBeCloseTo(-500);
    expect(hi).toBeCloseTo(10_500);
  });

  it('does not reorder the caller’s values', () => {
    const v = Float64Array.of(3, 1, 2, 9, 4);
    yRange(v, { ignoreOutliers: true, log: false });
    expect([...v]).toEqual([3, 1, 2, 9, 4]);
  });

  it('pads a log axis in decades', () => {
    // 0.01 … 100: 4 decades, 5 % = 0.2 decade each side
    const [lo, hi] = yRange(Float64Array.of(0.01, 100), { ignoreOutliers: false, log: true })!;
    expect(Math.log10(lo)).toBeCloseTo(-2.2);
    expect(Math.log10(hi)).toBeCloseTo(2.2);
  });

  it('opens up a flat series and is null without values', () => {
    expect(yRange(Float64Array.of(2, 2, 2), { ignoreOutliers: true, log: false })).toEqual([1.9, 2.1]);
    expect(yRange(Float64Array.of(0, 0), { ignoreOutliers: false, log: false })).toEqual([-1, 1]);
    expect(yRange(new Float64Array(0), { ignoreOutliers: true, log: false })).toBeNull();
  });
});

describe('log helpers', () => {
  it('counts and drops values ≤ 0', () => {
    const ys = [1, 0, -2, null, 3];
    expect(countNonPositive([{ xs: [], ys }])).toBe(2);
    expect(dropNonPositive(ys)).toEqual([1, null, null, null, 3]);
    const clean = [1, null, 2];
    expect(dropNonPositive(clean)).toBe(clean);
  });
});

describe('drawableRange', () => {
  it('prefers the wanted range, else the data', () => {
    expect(drawableRange([1, 2], 0, 10, false)).toEqual([1, 2]);
    expect(drawableRange(null, 0, 10, false)).toEqual([0, 10]);
  });
  it('opens up a single value', () => {
    expect(drawableRange(null, 4, 4, false)).toEqual([3.8, 4.2]);
    expect(drawableRange([0, 0], null, null, false)).toEqual([-1, 1]);
    expect(drawableRange(null, 4, 4, true)).toEqual([2, 8]);
  });
  it('falls back when there is nothing usable', () => {
    expect(drawableRange(null, null, null, false)).toEqual([0, 1]);
    expect(drawableRange(null, -1, 5, true)).toEqual([0.1, 10]);
    expect(drawableRange(null, Number.NaN, 5, false)).toEqual([0, 1]);
  });
});

describe('stridedSample', () => {
  it('copies small inputs and strides through large ones', () => {
    const small = Float64Array.of(3, 1, 2);
    const copy = stridedSample(small, 5);
    expect([...copy]).toEqual([3, 1, 2]);
    expect(copy).not.toBe(small);
    expect([
      ...stridedSample(
        Float64Array.from({ length: 10 }, (_, i) => i),
        4,
      ),
    ]).toEqual([0, 2, 5, 7]);
  });

  it('keeps percentiles of a large ramp close', () => {
    const ramp = Float64Array.from({ length: 400_000 }, (_, i) => i / 400_000);
    const [lo, hi] = yRange(ramp, { ignoreOutliers: true, log: false })!;
    // exact: p5 = 0.05, p95 = 0.95, pad 0.045
    expect(lo).toBeCloseTo(0.005, 3);
    expect(hi).toBeCloseTo(0.995, 3);
  });
});
