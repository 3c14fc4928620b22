import { describe, expect, it } from 'vitest';
import { bucketsForWidth, chartColumns, CROWD } from './compare-layout';

describe('chart layout', () => {
  it('uses two columns from 820 px when there are several charts', () => {
    expect(chartColumns(819, 4)).toBe(1);
    expect(chartColumns(820, 4)).toBe(2);
    expect(chartColumns(1200, 1)).toBe(1);
  });

  it('follows the chart size: more small charts per row, one large chart per row', () => {
    expect(chartColumns(2180, 8, 'S')).toBe(4);
    expect(chartColumns(2180, 8, 'L')).toBe(1);
    // Fewer, wider plots ask for more buckets.
    expect(bucketsForWidth(1400, 4, 'L')).toBeGreaterThan(bucketsForWidth(1400, 4, 'S'));
  });

  it('asks for one bucket per two plot pixels, within bounds', () => {
    // one column: (700 - 90) / 2 = 305 → 300
    expect(bucketsForWidth(700, 4)).toBe(300);
    // two columns: ((900 - 14) / 2 - 90) / 2 = 176.5 → 175
    expect(bucketsForWidth(900, 4)).toBe(175);
    // one chart: (900 - 90) / 2 = 405 → 400
    expect(bucketsForWidth(900, 1)).toBe(400);
    expect(bucketsForWidth(100, 2)).toBe(100);
    expect(bucketsForWidth(10_000, 1)).toBe(1000);
  });

  it('asks a crowd of runs for one bucket per four plot pixels', () => {
    // (1180 - 90) / 2 = 545 → 550 for up to CROWD runs; / 4 = 272.5 → 275 past it.
    expect(bucketsForWidth(1180, 1, 'M', CROWD)).toBe(550);
    expect(bucketsForWidth(1180, 1, 'M', CROWD + 1)).toBe(275);
    expect(bucketsForWidth(100, 1, 'M', 100)).toBe(100);
  });
});
