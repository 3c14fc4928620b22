import { describe, expect, it } from 'vitest';
import { bucketsForWidth, chartColumns } from './compare-layout';

describe('chart layout', () => {
  it('uses two columns from 820 px when there are several charts', () => {
    expect(chartColumns(819, 4)).toBe(1);
    expect(chartColumns(820, 4)).toBe(2);
    expect(chartColumns(1200, 1)).toBe(1);
  });

  it('asks for about one bucket per plot pixel, within bounds', () => {
    // one column: 700 - 90 = 610 → 600
    expect(bucketsForWidth(700, 4)).toBe(600);
    // two columns: (900 - 14) / 2 - 90 = 353 → 350
    expect(bucketsForWidth(900, 4)).toBe(350);
    // one chart: 900 - 90 = 810 → 800
    expect(bucketsForWidth(900, 1)).toBe(800);
    expect(bucketsForWidth(100, 2)).toBe(200);
    expect(bucketsForWidth(10_000, 1)).toBe(2000);
  });
});
