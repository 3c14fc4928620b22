import { QueryClient } from '@tanstack/react-query';
import type { TCompareQuery, TCompareResult, TCompareSeries } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { invalidateCompareForRuns } from './compare-live';
import { compareFromCachedParts, compareFromParts } from './compare-run-parts';

const series = (runId: string, tag: string): TCompareSeries => ({
  runId,
  tag,
  steps: [0, 10],
  wallTimes: [1, 2],
  values: [1, 0.5],
  smoothed: null,
  smoothedOn: null,
  totalPoints: 2,
  downsampled: false,
});

/** A fake API: every run has both tags except `gone`, which does not exist; records what it was asked. */
function fakeApi() {
  const asked: string[][] = [];
  const fetch = async (q: TCompareQuery): Promise<TCompareResult> => {
    asked.push(q.runs);
    const present = q.runs.filter((id) => id !== 'gone');
    return { series: present.flatMap((id) => q.tags.map((tag) => series(id, tag))), missingRuns: q.runs.filter((id) => id === 'gone') };
  };
  return { asked, fetch };
}

const query = (runs: string[]): TCompareQuery => ({
  runs,
  tags: ['train/loss', 'test/loss'],
  smoothing: 0.6,
  smoother: 'ema',
  buckets: 275,
});

describe('compareFromParts', () => {
  it('asks only for runs it has no part of, and answers in request order as the API would', async () => {
    const client = new QueryClient();
    const api = fakeApi();
    const first = await compareFromParts(client, query(['a', 'gone', 'b']), api.fetch);
    expect(first).toEqual(await fakeApi().fetch(query(['a', 'gone', 'b'])));

    const added = await compareFromParts(client, query(['b', 'a', 'c']), api.fetch);
    expect(added.series.map((s) => `${s.runId} ${s.tag}`)).toEqual([
      'b train/loss',
      'b test/loss',
      'a train/loss',
      'a test/loss',
      'c train/loss',
      'c test/loss',
    ]);
    expect(await compareFromParts(client, query(['gone', 'c']), api.fetch)).toEqual({
      series: [series('c', 'train/loss'), series('c', 'test/loss')],
      missingRuns: ['gone'],
    });
    expect(api.asked).toEqual([['a', 'gone', 'b'], ['c']]);
  });

  it('keeps parts apart per request shape: other buckets or smoothing fetch again', async () => {
    const client = new QueryClient();
    const api = fakeApi();
    await compareFromParts(client, query(['a']), api.fetch);
    await compareFromParts(client, { ...query(['a']), buckets: 550 }, api.fetch);
    await compareFromParts(client, { ...query(['a']), smoothing: 0.9 }, api.fetch);
    expect(api.asked).toEqual([['a'], ['a'], ['a']]);
  });

  it('refetches just the runs the live refresh marked stale', async () => {
    const client = new QueryClient();
    const api = fakeApi();
    await compareFromParts(client, query(['a', 'b', 'c']), api.fetch);
    invalidateCompareForRuns(client, new Set(['b']), false);
    await compareFromParts(client, query(['a', 'b', 'c']), api.fetch);
    expect(api.asked).toEqual([['a', 'b', 'c'], ['b']]);
  });

  it('waits for parts another request is already fetching (the picker’s prefetch) instead of asking again', async () => {
    const client = new QueryClient();
    const api = fakeApi();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const slow = async (q: TCompareQuery) => {
      await held;
      return api.fetch(q);
    };
    const prefetch = compareFromParts(client, query(['c', 'd']), slow);
    const assembled = compareFromParts(client, query(['a', 'c']), api.fetch);
    release();
    expect((await assembled).series.map((s) => s.runId)).toEqual(['a', 'a', 'c', 'c']);
    await prefetch;
    expect(api.asked).toEqual([['a'], ['c', 'd']]);
    // Cached once answered: nothing is asked again.
    await compareFromParts(client, query(['d', 'c']), api.fetch);
    expect(api.asked).toHaveLength(2);
  });

  it('asks itself for the parts whose other request failed', async () => {
    const client = new QueryClient();
    const api = fakeApi();
    const failing = compareFromParts(client, query(['c']), () => Promise.reject(new Error('offline')));
    const assembled = compareFromParts(client, query(['c']), api.fetch);
    await expect(failing).rejects.toThrow('offline');
    expect((await assembled).series.map((s) => s.runId)).toEqual(['c', 'c']);
    expect(api.asked).toEqual([['c']]);
  });

  it('assembles an answer without any request when every run has a valid cached part, and only then', async () => {
    const client = new QueryClient();
    const api = fakeApi();
    expect(compareFromCachedParts(client, query(['a']))).toBeUndefined();
    const full = await compareFromParts(client, query(['a', 'gone', 'b']), api.fetch);
    expect(compareFromCachedParts(client, query(['a', 'gone', 'b']))).toEqual(full);
    expect(compareFromCachedParts(client, query(['b', 'a']))?.series.map((s) => s.runId)).toEqual(['b', 'b', 'a', 'a']);
    expect(compareFromCachedParts(client, query(['a', 'c']))).toBeUndefined();
    invalidateCompareForRuns(client, new Set(['b']), false);
    expect(compareFromCachedParts(client, query(['a', 'b']))).toBeUndefined();
    expect(api.asked).toEqual([['a', 'gone', 'b']]);
  });
});
