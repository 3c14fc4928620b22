import { describe, expect, it } from 'vitest';
import { CHART_HEIGHTS, chartColumnsFor, parseChartSize } from './chart-size';

describe('chart size', () => {
  it('keeps M as the default and the old height', () => {
    expect(parseChartSize(null)).toBe('M');
    expect(parseChartSize('XL')).toBe('M');
    expect(parseChartSize('L')).toBe('L');
    expect(CHART_HEIGHTS.S).toBeLessThan(CHART_HEIGHTS.M);
    expect(CHART_HEIGHTS.M).toBeLessThan(CHART_HEIGHTS.L);
  });

  it('fits more small charts per row on a wide screen, one large chart per row always', () => {
    // The compare grid at 1440 px and 2560 px wide (less the legend column).
    expect(chartColumnsFor('M', 1060, 4)).toBe(2);
    expect(chartColumnsFor('S', 1060, 4)).toBe(3);
    expect(chartColumnsFor('S', 2180, 8)).toBe(4);
    expect(chartColumnsFor('M', 2180, 8)).toBe(4);
    expect(chartColumnsFor('L', 2180, 8)).toBe(1);
    // Never more columns than charts, never fewer than one.
    expect(chartColumnsFor('S', 2180, 2)).toBe(2);
    expect(chartColumnsFor('M', 300, 4)).toBe(1);
  });
});
