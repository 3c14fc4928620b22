import type { TCompareSeries } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { buildChartData, focusSeriesIndex, seriesByTag, seriesLayout } from './compare-series';

const series = (runId: string, tag: string, values: (number | null)[], extra: Partial<TCompareSeries> = {}): TCompareSeries => ({
  runId,
  tag,
  steps: values.map((_, i) => i * 10),
  wallTimes: values.map((_, i) => 1000 + i * 500),
  values,
  smoothed: values.map((v) => (v === null ? null : v / 2)),
  smoothedOn: 'full',
  totalPoints: values.length,
  downsampled: false,
  ...extra,
});

const runs = new Map([
  ['a', { color: '#111111', stepsPerEpoch: 20, originMs: 1000 }],
  ['b', { color: '#222222' }],
]);

describe('seriesByTag', () => {
  it('groups in answer order', () => {
    const grouped = seriesByTag([series('a', 't1', [1]), series('b', 't2', [1]), series('b', 't1', [2])]);
    expect([...grouped.keys()]).toEqual(['t1', 't2']);
    expect(grouped.get('t1')!.map((s) => s.runId)).toEqual(['a', 'b']);
  });
});

describe('buildChartData', () => {
  it('uses the server arrays as they are on the step axis', () => {
    const a = series('a', 'train/loss', [3, 2, 1]);
    const data = buildChartData('train/loss', [a], { x: 'step', log: false, runs });
    expect(data.lines).toHaveLength(1);
    expect(data.lines[0]!.xs).toBe(a.steps);
    expect(data.lines[0]!.raw).toBe(a.values);
    expect(data.lines[0]!.smoothed).toBe(a.smoothed);
    expect(data.lines[0]!.color).toBe('#111111');
    expect(data).toMatchObject({ smoothedOn: 'full', totalPoints: 3, shownPoints: 3, droppedNonPositive: 0, unplaced: 0 });
  });

  it('places runs on the epoch axis only once their config is known', () => {
    const data = buildChartData('t', [series('a', 't', [1, 2, 3]), series('b', 't', [1, 2])], { x: 'epoch', log: false, runs });
    expect(data.lines.map((l) => l.runId)).toEqual(['a']);
    expect([...data.lines[0]!.xs]).toEqual([0, 0.5, 1]);
    expect(data.unplaced).toBe(1);
  });

  it('counts relative time from the run origin', () => {
    const data = buildChartData('t', [series('a', 't', [1, 2])], { x: 'relative', log: false, runs });
    expect([...data.lines[0]!.xs]).toEqual([0, 0.5]);
  });

  it('turns values ≤ 0 into gaps on a log axis and counts them', () => {
    const data = buildChartData('t', [series('a', 't', [2, 0, -1, null, 4])], { x: 'step', log: true, runs });
    expect(data.lines[0]!.raw).toEqual([2, null, null, null, 4]);
    expect(data.lines[0]!.smoothed).toEqual([1, null, null, null, 2]);
    expect(data.droppedNonPositive).toBe(2);
  });

  it('reports bucket smoothing if any series used it, and totals', () => {
    const data = buildChartData(
      't',
      [
        series('a', 't', [1, 2], { totalPoints: 50_000, downsampled: true, smoothedOn: 'buckets' }),
        series('b', 't', [1, 2], { smoothedOn: 'full' }),
        series('b', 't', [], {}),
      ],
      { x: 'step', log: false, runs },
    );
    expect(data).toMatchObject({ smoothedOn: 'buckets', totalPoints: 50_002, shownPoints: 4 });
    expect(data.lines).toHaveLength(2);
  });

  it('has no smoothing note without smoothing', () => {
    const data = buildChartData('t', [series('a', 't', [1], { smoothed: null, smoothedOn: null })], { x: 'step', log: false, runs });
    expect(data.smoothedOn).toBeNull();
    expect(data.lines[0]!.smoothed).toBeNull();
  });
});

describe('series layout', () => {
  const lines = [
    { runId: 'a', smoothed: [1] },
    { runId: 'b', smoothed: null },
    { runId: 'c', smoothed: [1] },
  ];

  it('draws all raw lines, then all smoothed ones', () => {
    expect(seriesLayout(lines)).toEqual([
      { line: 0, smoothed: false },
      { line: 1, smoothed: false },
      { line: 2, smoothed: false },
      { line: 0, smoothed: true },
      { line: 2, smoothed: true },
    ]);
  });

  it('focuses a run on its solid line', () => {
    expect(focusSeriesIndex(lines, 'a')).toBe(4);
    expect(focusSeriesIndex(lines, 'b')).toBe(2);
    expect(focusSeriesIndex(lines, 'c')).toBe(5);
    expect(focusSeriesIndex(lines, 'zzz')).toBeNull();
  });
});
