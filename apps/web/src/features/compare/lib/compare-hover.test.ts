import { describe, expect, it } from 'vitest';
import { nearestIndex, valueAt } from './compare-hover';

describe('nearestIndex', () => {
  const xs = [0, 10, 20, 40];
  it('finds the nearest point, ties to the left', () => {
    expect(nearestIndex(xs, 0)).toBe(0);
    expect(nearestIndex(xs, 4)).toBe(0);
    expect(nearestIndex(xs, 5)).toBe(0);
    expect(nearestIndex(xs, 6)).toBe(1);
    expect(nearestIndex(xs, 31)).toBe(3);
    expect(nearestIndex(xs, 40)).toBe(3);
  });

  it('is -1 outside the series or for an empty one', () => {
    expect(nearestIndex(xs, -0.1)).toBe(-1);
    expect(nearestIndex(xs, 40.5)).toBe(-1);
    expect(nearestIndex([], 1)).toBe(-1);
    expect(nearestIndex(xs, Number.NaN)).toBe(-1);
  });

  it('works on typed arrays and single points', () => {
    expect(nearestIndex(Float64Array.of(0.5, 1.5), 1.2)).toBe(1);
    expect(nearestIndex([7], 7)).toBe(0);
  });
});

describe('valueAt', () => {
  it('reads raw and smoothed at the nearest point', () => {
    const line = { xs: [0, 10, 20], raw: [1, null, 3], smoothed: [1, 1.5, 2.2] };
    expect(valueAt(line, 9)).toEqual({ x: 10, raw: null, smoothed: 1.5 });
    expect(valueAt({ ...line, smoothed: null }, 19)).toEqual({ x: 20, raw: 3, smoothed: null });
    expect(valueAt(line, 25)).toBeNull();
  });
});
