import { describe, expect, it } from 'vitest';
import { collapseFlatRuns } from './compare-flat-runs';

describe('collapseFlatRuns', () => {
  it('keeps the ends of each flat run and every point where the line bends', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    const ys = [5, 5, 5, 5, 4, 4, 4, 3, 2];
    const { xs: x, ys: y } = collapseFlatRuns(xs, ys);
    expect([...x]).toEqual([0, 3, 4, 6, 7, 8]);
    expect(y).toEqual([5, 5, 4, 4, 3, 2]);
  });

  it('answers the same arrays when nothing is flat', () => {
    const xs = [0, 1, 2, 3];
    const ys = [1, 2, 2, 3];
    const drawn = collapseFlatRuns(xs, ys);
    expect(drawn.xs).toBe(xs);
    expect(drawn.ys).toBe(ys);
    expect(collapseFlatRuns([], []).ys).toEqual([]);
  });

  it('leaves gaps where they are: a null is never part of a run, and splits one', () => {
    const { xs, ys } = collapseFlatRuns([0, 1, 2, 3, 4, 5, 6, 7], [1, 1, 1, null, null, null, 1, 1]);
    expect([...xs]).toEqual([0, 2, 3, 4, 5, 6, 7]);
    expect(ys).toEqual([1, 1, null, null, null, 1, 1]);
  });

  it('halves a bucket-smoothed column (4 points per bucket, one value each)', () => {
    const buckets = 100;
    const ys = Array.from({ length: buckets * 4 }, (_, i) => 1 / (1 + Math.floor(i / 4)));
    const xs = Float64Array.from(ys, (_, i) => i * 10);
    expect(collapseFlatRuns(xs, ys).ys).toHaveLength(buckets * 2);
  });
});
