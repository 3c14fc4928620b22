import { QueryClient } from '@tanstack/react-query';
import { compareKeys } from '@tensorscope/shared';
import { describe, expect, it, vi } from 'vitest';
import {
  compareKeyRuns,
  createRefresher,
  invalidateCompareForRuns,
  ROUGHNESS_KEY_PART,
  runActivityMark,
  type TTimers,
} from './compare-live';

function fakeTimers() {
  let now = 0;
  const queue: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const timers: TTimers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      queue.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      const i = queue.findIndex((t) => t.id === id);
      if (i >= 0) queue.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of queue.filter((t) => t.at <= now)) {
      queue.splice(queue.indexOf(t), 1);
      t.fn();
    }
  };
  return { timers, advance };
}

describe('createRefresher', () => {
  it('flushes the first signal at once, then at most once per interval with everything collected', () => {
    const { timers, advance } = fakeTimers();
    const flush = vi.fn();
    const refresher = createRefresher(flush, 2000, timers);
    refresher.signal('a');
    expect(flush).toHaveBeenCalledTimes(1);
    expect([...flush.mock.calls[0]![0]]).toEqual(['a']);

    advance(500);
    refresher.signal('b');
    refresher.signal('a');
    refresher.signal('c', true);
    expect(flush).toHaveBeenCalledTimes(1);
    advance(1499);
    expect(flush).toHaveBeenCalledTimes(1);
    advance(1);
    expect(flush).toHaveBeenCalledTimes(2);
    expect([...flush.mock.calls[1]![0]].sort()).toEqual(['a', 'b', 'c']);
    expect(flush.mock.calls[1]![1]).toBe(true);

    // Quiet for a whole interval: the next signal flushes at once again.
    advance(2000);
    refresher.signal('d');
    expect(flush).toHaveBeenCalledTimes(3);
    expect(flush.mock.calls[2]![1]).toBe(false);
  });

  it('forgets what is pending when disposed', () => {
    const { timers, advance } = fakeTimers();
    const flush = vi.fn();
    const refresher = createRefresher(flush, 2000, timers);
    refresher.signal('a');
    refresher.signal('b');
    refresher.dispose();
    advance(5000);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});

describe('invalidateCompareForRuns', () => {
  const q = (runs: string[]) => ({ runs, tags: ['train/loss'], smoother: 'ema' as const, buckets: 100 });

  it('marks stale only compare answers that include a signalled run; young roughness answers wait', () => {
    const client = new QueryClient();
    const now = 100_000;
    vi.spyOn(Date, 'now').mockReturnValue(now);
    client.setQueryData(compareKeys.series(q(['a', 'b'])), {});
    client.setQueryData(compareKeys.series(q(['c'])), {});
    client.setQueryData([...compareKeys.series(q(['a'])), ROUGHNESS_KEY_PART], 0.1);
    client.setQueryData(['runs', 'a'], {});
    vi.restoreAllMocks();

    invalidateCompareForRuns(client, new Set(['a']), false, now + 1000);
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(stale(compareKeys.series(q(['a', 'b'])))).toBe(true);
    expect(stale(compareKeys.series(q(['c'])))).toBe(false);
    expect(stale([...compareKeys.series(q(['a'])), ROUGHNESS_KEY_PART])).toBe(false);
    expect(stale(['runs', 'a'])).toBe(false);

    invalidateCompareForRuns(client, new Set(['a']), true, now + 1000);
    expect(stale([...compareKeys.series(q(['a'])), ROUGHNESS_KEY_PART])).toBe(true);
  });

  it('reads run ids from compare keys only', () => {
    expect(compareKeyRuns(compareKeys.series(q(['x'])))).toEqual(['x']);
    expect(compareKeyRuns(['runs', 'x'])).toBeNull();
  });
});

describe('runActivityMark', () => {
  it('changes with the progress step and the status', () => {
    const base = { status: 'running' as const, progress: null };
    const at = (step: number) => ({ epoch: 1, epochs: 1, step, totalSteps: 10, imagesPerSec: 1, etaSeconds: 1 });
    expect(runActivityMark(base)).toBe('running:');
    expect(runActivityMark({ ...base, progress: at(3) })).not.toBe(runActivityMark({ ...base, progress: at(4) }));
    expect(runActivityMark({ ...base, status: 'completed', progress: at(4) })).not.toBe(runActivityMark({ ...base, progress: at(4) }));
  });
});
