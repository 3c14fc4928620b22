import { QueryClient } from '@tanstack/react-query';
import type { TScalarSeries, TScalarTag } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { fetchScalarSeries, readWholeSeriesNext } from './scalar-query';

const pts = (...steps: number[]) => steps.map((step) => ({ step, wallTime: step, value: step / 100 }));

describe('fetchScalarSeries', () => {
  it('fetches everything when nothing is cached', async () => {
    const client = new QueryClient();
    const asked: (number | undefined)[] = [];
    const series = await fetchScalarSeries(client, 'r1', 'train/loss', undefined, async (_id, _tag, afterStep) => {
      asked.push(afterStep);
      return { points: pts(10, 20) };
    });
    expect(asked).toEqual([undefined]);
    expect(series.points.map((p) => p.step)).toEqual([10, 20]);
  });

  it('asks only for steps after the cached ones and keeps points appended meanwhile', async () => {
    const client = new QueryClient();
    const key = runKeys.scalar('r1', 'train/loss');
    client.setQueryData<TScalarSeries>(key, { points: pts(10, 20) });
    const asked: (number | undefined)[] = [];
    const series = await fetchScalarSeries(client, 'r1', 'train/loss', undefined, async (_id: string, _tag: TScalarTag, afterStep) => {
      asked.push(afterStep);
      // While the request is out, the socket appends step 50.
      client.setQueryData<TScalarSeries>(key, { points: pts(10, 20, 50) });
      return { points: pts(30, 40) };
    });
    expect(asked).toEqual([20]);
    expect(series.points.map((p) => p.step)).toEqual([10, 20, 30, 40, 50]);
  });

  it('returns the cached object when the answer adds nothing', async () => {
    const client = new QueryClient();
    const key = runKeys.scalar('r1', 'test/loss');
    const cached = { points: pts(10) };
    client.setQueryData<TScalarSeries>(key, cached);
    expect(await fetchScalarSeries(client, 'r1', 'test/loss', undefined, async () => ({ points: [] }))).toBe(cached);
  });

  it('reads a finished run whole, filling a point missed in the middle', async () => {
    const client = new QueryClient();
    const key = runKeys.scalar('r1', 'train/loss');
    client.setQueryData<TScalarSeries>(key, { points: pts(10, 30) });
    readWholeSeriesNext(client, 'r1');
    const asked: (number | undefined)[] = [];
    const series = await fetchScalarSeries(client, 'r1', 'train/loss', undefined, async (_id, _tag, afterStep) => {
      asked.push(afterStep);
      return { points: pts(10, 20, 30) };
    });
    expect(asked).toEqual([undefined]);
    expect(series.points.map((p) => p.step)).toEqual([10, 20, 30]);
    // Once: the next fetch of that series is incremental again.
    client.setQueryData<TScalarSeries>(key, series);
    await fetchScalarSeries(client, 'r1', 'train/loss', undefined, async (_id, _tag, afterStep) => (asked.push(afterStep), { points: [] }));
    expect(asked).toEqual([undefined, 30]);
    // Another run is still read incrementally.
    client.setQueryData<TScalarSeries>(runKeys.scalar('r2', 'train/loss'), { points: pts(10) });
    await fetchScalarSeries(client, 'r2', 'train/loss', undefined, async (_id, _tag, afterStep) => (asked.push(afterStep), { points: [] }));
    expect(asked).toEqual([undefined, 30, 10]);
  });
});
