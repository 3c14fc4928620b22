import { describe, expect, it } from 'vitest';
import { snapshotsToDrop } from './snapshot-retention';

describe('snapshotsToDrop', () => {
  it('keeps everything up to the limit, or with limit 0', () => {
    expect(snapshotsToDrop([10, 20, 30], 3, 2)).toEqual([]);
    expect(snapshotsToDrop([10, 20, 30, 40, 50], 0, 2)).toEqual([]);
  });

  it('past the limit keeps every Nth by position, the first and the newest', () => {
    expect(snapshotsToDrop([10, 20, 30, 40, 50], 4, 2)).toEqual([20, 40]);
    expect(snapshotsToDrop([1, 2, 3, 4, 5, 6, 7, 8], 4, 3)).toEqual([2, 3, 5, 6]);
  });

  it('stays bounded when applied after every new snapshot', () => {
    let stored: number[] = [];
    for (let step = 1; step <= 200; step++) {
      stored.push(step);
      const drop = new Set(snapshotsToDrop(stored, 10, 2));
      stored = stored.filter((s) => !drop.has(s));
      expect(stored.length).toBeLessThanOrEqual(10);
      expect(stored.at(-1)).toBe(step);
      expect(stored[0]).toBe(1);
    }
    expect(stored.length).toBeGreaterThanOrEqual(5);
  });
});
