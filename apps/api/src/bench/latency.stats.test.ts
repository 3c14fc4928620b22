import { describe, expect, it } from 'vitest';
import { nearestRank, summarize } from './latency.stats';

describe('nearestRank', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1); // 1 … 100

  it('answers the sample at rank ceil(q·n), never a blend', () => {
    expect(nearestRank(hundred, 0.5)).toBe(50);
    expect(nearestRank(hundred, 0.95)).toBe(95);
    expect(nearestRank(hundred, 0.99)).toBe(99);
    expect(nearestRank(hundred, 1)).toBe(100);
    expect(nearestRank([1, 2, 3], 0.5)).toBe(2);
    expect(nearestRank([10, 20], 0.5)).toBe(10);
  });

  it('with few samples a high percentile is the slowest one', () => {
    expect(nearestRank([3, 7, 9], 0.99)).toBe(9);
    expect(nearestRank([5], 0.01)).toBe(5);
  });

  it('is NaN without samples and refuses quantiles outside (0, 1]', () => {
    expect(nearestRank([], 0.5)).toBeNaN();
    expect(() => nearestRank([1], 0)).toThrow(RangeError);
    expect(() => nearestRank([1], 1.5)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts numerically (not as strings) before taking ranks', () => {
    const s = summarize([100, 9, 25, 3, 1000, 42, 7, 8, 11, 2]);
    expect(s).toEqual({ count: 10, mean: 120.7, p50: 9, p95: 1000, p99: 1000, max: 1000 });
  });

  it('of 200 requests, p99 hides the slowest two and shows a third', () => {
    const fast = (n: number) => Array.from({ length: n }, () => 5);
    expect(summarize([...fast(198), 80, 90])).toMatchObject({ p99: 5, max: 90 });
    expect(summarize([...fast(197), 70, 80, 90])).toMatchObject({ p95: 5, p99: 70, max: 90 });
  });

  it('an empty set reports zero samples and NaN numbers', () => {
    const s = summarize([]);
    expect(s.count).toBe(0);
    expect(s.p99).toBeNaN();
    expect(s.mean).toBeNaN();
  });
});
