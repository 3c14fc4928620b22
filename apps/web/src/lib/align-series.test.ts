import { describe, expect, it } from 'vitest';
import { alignSeries, countPoints } from './align-series';

const pts = (...pairs: [number, number][]) => pairs.map(([step, value]) => ({ step, value, wallTime: 0 }));

describe('alignSeries', () => {
  it('puts sparse test points on the union of steps with nulls elsewhere', () => {
    const train = pts([10, 2.3], [20, 2.1], [30, 1.9], [40, 1.8]);
    const test = pts([20, 2.2], [40, 1.95]);
    expect(alignSeries([train, test])).toEqual([
      [10, 20, 30, 40],
      [2.3, 2.1, 1.9, 1.8],
      [null, 2.2, null, 1.95],
    ]);
  });

  it('includes steps only one series has, sorted', () => {
    const a = pts([30, 1]);
    const b = pts([5, 2], [50, 3]);
    expect(alignSeries([a, b])).toEqual([
      [5, 30, 50],
      [null, 1, null],
      [2, null, 3],
    ]);
  });

  it('handles empty series', () => {
    expect(alignSeries([[], []])).toEqual([[], [], []]);
    expect(alignSeries([pts([1, 0.5]), []])).toEqual([[1], [0.5], [null]]);
  });

  it('keeps a value of 0 (not mistaken for a gap)', () => {
    expect(alignSeries([pts([1, 0])])).toEqual([[1], [0]]);
  });
});

describe('countPoints', () => {
  it('counts real values over all series', () => {
    const data = alignSeries([pts([10, 1], [20, 0], [30, 1]), pts([20, 5])]);
    expect(countPoints(data)).toBe(4);
    expect(countPoints(alignSeries([[], []]))).toBe(0);
  });
});
