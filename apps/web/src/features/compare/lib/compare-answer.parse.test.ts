import { ZCompareResult } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { ZCompareResultColumns } from './compare-answer.parse';

const series = (over: Record<string, unknown> = {}) => ({
  runId: '7f0c9c43-4a53-4a57-9df1-0d3a1f2b6e11',
  tag: 'train/loss',
  steps: [0, 10, 20],
  wallTimes: [1.7e12, 1.7e12 + 250.5, 1.7e12 + 500],
  values: [2.3, null, 0.5],
  smoothed: [2.3, 2.3, 1.1],
  smoothedOn: 'full',
  totalPoints: 3,
  downsampled: false,
  ...over,
});
const answer = (over: Record<string, unknown> = {}) => ({ series: [series(over)], missingRuns: [] });

describe('ZCompareResultColumns', () => {
  it('parses a valid answer to what the shared schema gives, keeping the columns themselves', () => {
    const body = answer();
    const parsed = ZCompareResultColumns.parse(body);
    expect(parsed).toEqual(ZCompareResult.parse(body));
    // No copy of the big arrays: the chart reads the parsed JSON's own.
    expect(parsed.series[0]!.values).toBe(body.series[0]!.values);
    expect(ZCompareResultColumns.parse(answer({ smoothed: null, smoothedOn: null })).series[0]!.smoothed).toBeNull();
  });

  it('rejects what the shared schema rejects', () => {
    const bad: Record<string, unknown>[] = [
      { steps: [0, 10.5, 20] },
      { steps: [0, null, 20] },
      { steps: [0, '10', 20] },
      { steps: 'nope' },
      { wallTimes: [1, null, 3] },
      { values: [1, '2', 3] },
      { values: [1, {}, 3] },
      { smoothed: [1, 2, true] },
      { smoothed: undefined },
      { smoothedOn: 'sometimes' },
      { totalPoints: 1.5 },
      { runId: 7 },
    ];
    for (const over of bad) {
      expect(ZCompareResult.safeParse(answer(over)).success, JSON.stringify(over)).toBe(false);
      expect(ZCompareResultColumns.safeParse(answer(over)).success, JSON.stringify(over)).toBe(false);
    }
    expect(ZCompareResultColumns.safeParse({ series: [series()] }).success).toBe(false);
  });

  it('also rejects columns of different lengths, which the chart pairs up by index', () => {
    for (const over of [{ wallTimes: [1, 2] }, { values: [1, 2, 3, 4] }, { smoothed: [1] }]) {
      expect(ZCompareResultColumns.safeParse(answer(over)).success, JSON.stringify(over)).toBe(false);
    }
  });

  it('names the column at fault', () => {
    const result = ZCompareResultColumns.safeParse(answer({ values: [1, 'x', 3] }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['series', 0, 'values']);
  });
});
