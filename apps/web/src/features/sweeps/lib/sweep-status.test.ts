import { describe, expect, it } from 'vitest';
import { countStatuses, finishedCount, statusCountList } from './sweep-status';

describe('sweep status counts', () => {
  const runs = [
    { status: 'running' },
    { status: 'completed' },
    { status: 'queued' },
    { status: 'completed' },
    { status: 'failed' },
  ] as const;

  it('counts runs per status', () => {
    expect(countStatuses(runs)).toEqual({ running: 1, completed: 2, queued: 1, failed: 1 });
    expect(countStatuses([])).toEqual({});
  });

  it('lists non-zero counts in lifecycle order', () => {
    expect(statusCountList({ completed: 2, cancelled: 0, queued: 1, failed: 1 })).toEqual([
      { status: 'queued', count: 1 },
      { status: 'completed', count: 2 },
      { status: 'failed', count: 1 },
    ]);
  });

  it('adds up the finished runs', () => {
    expect(finishedCount({ running: 3, completed: 2, failed: 1, cancelled: 4 })).toBe(7);
    expect(finishedCount({ queued: 5 })).toBe(0);
  });
});
