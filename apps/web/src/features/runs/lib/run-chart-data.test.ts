import { smoothEma } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { firstWallTime, runChartData, xOf } from './run-chart-data';

const train = [
  { step: 10, wallTime: 1_000_000, value: 2 },
  { step: 20, wallTime: 1_002_000, value: 1 },
  { step: 30, wallTime: 1_004_000, value: 0.5 },
];
const test = [{ step: 20, wallTime: 1_003_000, value: 1.5 }];

describe('runChartData', () => {
  it('gives each series a smoothed line and its raw points on one x axis', () => {
    const { data, columns } = runChartData([train, test], { smoothing: 0.6, x: 'step', logY: false }, {});
    expect(columns).toEqual([
      { series: 0, kind: 'smoothed' },
      { series: 0, kind: 'raw' },
      { series: 1, kind: 'smoothed' },
      { series: 1, kind: 'raw' },
    ]);
    expect(data[0]).toEqual([10, 20, 30]);
    expect(data[1]).toEqual(smoothEma([2, 1, 0.5], 0.6));
    expect(data[2]).toEqual([2, 1, 0.5]);
    expect(data[4]).toEqual([null, 1.5, null]);
  });

  it('draws raw lines only without smoothing', () => {
    const { data, columns } = runChartData([train], { smoothing: 0, x: 'step', logY: false }, {});
    expect(columns).toEqual([{ series: 0, kind: 'raw' }]);
    expect(data[1]).toEqual([2, 1, 0.5]);
  });

  it('puts points on epochs, relative or wall time', () => {
    expect(runChartData([train], { smoothing: 0, x: 'epoch', logY: false }, { stepsPerEpoch: 20 }).data[0]).toEqual([0.5, 1, 1.5]);
    const origin = firstWallTime([train, test]);
    expect(origin).toBe(1_000_000);
    expect(runChartData([train], { smoothing: 0, x: 'relative', logY: false }, { originMs: origin }).data[0]).toEqual([0, 2, 4]);
    expect(xOf('wall', train[0]!, {})).toBe(1000);
    // Unknown epochs length: no points rather than wrong ones.
    expect(runChartData([train], { smoothing: 0, x: 'epoch', logY: false }, {}).data[0]).toEqual([]);
  });

  it('leaves values ≤ 0 out of a log axis', () => {
    const withZero = [{ step: 1, wallTime: 0, value: 0 }, ...train];
    const { data } = runChartData([withZero], { smoothing: 0, x: 'step', logY: true }, {});
    expect(data[0]).toEqual([10, 20, 30]);
  });
});
