import type { THistogram } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { distributionBands, distributionData, MEDIAN_INDEX, percentileLabel } from './distribution-bands';

const histogram = (step: number, percentiles: number[]): THistogram => ({
  step,
  wallTime: step,
  min: percentiles[0] ?? 0,
  max: percentiles.at(-1) ?? 0,
  edges: [0, 1],
  counts: [1],
  percentiles,
});
const nine = (offset: number) => [0, 1, 2, 3, 4, 5, 6, 7, 8].map((v) => v + offset);

describe('distributionData', () => {
  it('turns histograms into steps plus one column per percentile', () => {
    const data = distributionData([histogram(0, nine(0)), histogram(50, nine(10))]);
    expect(data).toHaveLength(10);
    expect(data[0]).toEqual([0, 50]);
    expect(data[1]).toEqual([0, 10]); // min
    expect(data[MEDIAN_INDEX + 1]).toEqual([4, 14]);
    expect(data[9]).toEqual([8, 18]); // max
  });

  it('skips a histogram without a full, finite percentile row', () => {
    const data = distributionData([histogram(0, [1, 2, 3]), histogram(10, nine(0)), histogram(20, [...nine(0).slice(0, 8), Number.NaN])]);
    expect(data[0]).toEqual([10]);
  });

  it('is empty (but well-formed) without histograms', () => {
    const data = distributionData([]);
    expect(data).toHaveLength(10);
    expect(data.every((column) => column.length === 0)).toBe(true);
  });
});

describe('distributionBands', () => {
  it('pairs symmetric percentiles from the outside in, each darker than the last', () => {
    const bands = distributionBands();
    // uPlot series indices: percentile i is series i + 1.
    expect(bands.map((b) => b.series)).toEqual([
      [9, 1], // max – min
      [8, 2], // 93.32 – 6.68
      [7, 3], // 84.13 – 15.87
      [6, 4], // 69.15 – 30.85
    ]);
    for (let i = 1; i < bands.length; i++) expect(bands[i]!.opacity).toBeGreaterThan(bands[i - 1]!.opacity);
    expect(bands.every((b) => b.opacity > 0 && b.opacity <= 1)).toBe(true);
  });

  it('labels percentiles for the legend', () => {
    expect([0, 668, 5000, 8413, 10000].map(percentileLabel)).toEqual(['min', '6.7%', 'median', '84.1%', 'max']);
  });
});
