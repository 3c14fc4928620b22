import { describe, expect, it } from 'vitest';
import { binEdges, coarsen, fineBinCount } from './histogram.bins';
import { percentilesFromHistogram } from './percentiles.interpolate';

describe('percentilesFromHistogram', () => {
  it('interpolates linearly inside the bin where the cumulative count reaches p·n', () => {
    // 10 bins of width 1 over [0, 10]; 100 values, 10 per bin: uniform, so p·n lands at value p·10.
    const counts = new Array<number>(10).fill(10);
    expect(percentilesFromHistogram(counts, 0, 10, [0, 2500, 5000, 7500, 10000])).toEqual([0, 2.5, 5, 7.5, 10]);
  });

  it('skips empty bins and stays inside the bin that holds the nearest-rank value', () => {
    // Values: 3 in [0,1), none in [1,2) … [7,8), 1 in [8,9), 6 in [9,10].
    const counts = [3, 0, 0, 0, 0, 0, 0, 0, 1, 6];
    const [p30, p35, p50] = percentilesFromHistogram(counts, 0, 10, [3000, 3500, 5000]);
    expect(p30).toBe(1); // target 3 reached exactly at the end of bin 0
    expect(p35).toBeCloseTo(8.5, 12); // target 3.5: half-way through the one value of bin 8
    expect(p50).toBeCloseTo(9 + 1 / 6, 12); // target 5: one of the six values of bin 9
  });

  it('returns min for every basis point below 10000 when the range is empty, and max at 10000', () => {
    expect(percentilesFromHistogram([4], 2, 2, [0, 5000, 10000])).toEqual([2, 2, 2]);
  });
});

describe('histogram bins', () => {
  it('uses at least 1024 fine bins, a whole multiple of the coarse count', () => {
    expect(fineBinCount(30)).toBe(1050);
    expect(fineBinCount(2)).toBe(1024);
    expect(fineBinCount(200)).toBe(1200);
    expect(() => fineBinCount(0)).toThrow();
  });

  it('sums runs of fine bins into coarse ones with edges from min to max', () => {
    expect(coarsen([1, 2, 3, 4, 5, 6], 3, -1, 2)).toEqual({ edges: [-1, 0, 1, 2], counts: [3, 7, 11] });
    expect(() => coarsen([1, 2, 3], 2, 0, 1)).toThrow();
    const edges = binEdges(0, 0.3, 3);
    [0, 0.1, 0.2].forEach((e, i) => expect(edges[i]).toBeCloseTo(e, 15));
    expect(edges[3]).toBe(0.3); // the last edge is max itself, not 0 + 3 · 0.1
  });
});
