import { QueryClient } from '@tanstack/react-query';
import type { THistogram, THistogramSeries } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { fetchHistogramSeries } from './histogram-query';
import { mergeHistograms } from '../../../lib/histogram-series';

const h = (step: number, wallTime = step): THistogram => ({ step, wallTime, min: 0, max: 1, edges: [0, 1], counts: [1], percentiles: [] });

describe('mergeHistograms', () => {
  it('appends newer steps and keeps the array when nothing changes', () => {
    const existing = [h(0), h(50)];
    expect(mergeHistograms(existing, [h(100)]).map((x) => x.step)).toEqual([0, 50, 100]);
    expect(mergeHistograms(existing, [])).toBe(existing);
    expect(mergeHistograms(existing, [h(50)])).toBe(existing);
  });
  it('replaces a re-sent step and sorts out-of-order input', () => {
    const merged = mergeHistograms([h(0), h(100)], [h(50), h(0, 9)]);
    expect(merged.map((x) => [x.step, x.wallTime])).toEqual([
      [0, 9],
      [50, 50],
      [100, 100],
    ]);
  });
});

describe('fetchHistogramSeries', () => {
  it('asks only for steps after the cached ones and merges them in', async () => {
    const client = new QueryClient();
    const key = runKeys.histogram('r1', 'weights/conv1/kernel');
    const asked: (number | undefined)[] = [];
    const get = async (_id: string, _tag: string, afterStep: number | undefined): Promise<THistogramSeries> => {
      asked.push(afterStep);
      return { points: afterStep === undefined ? [h(0), h(50)] : [h(100)] };
    };
    client.setQueryData(key, await fetchHistogramSeries(client, 'r1', 'weights/conv1/kernel', undefined, get));
    const second = await fetchHistogramSeries(client, 'r1', 'weights/conv1/kernel', undefined, get);
    expect(asked).toEqual([undefined, 50]);
    expect(second.points.map((x) => x.step)).toEqual([0, 50, 100]);
  });
});
