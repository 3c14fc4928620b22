import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { yAxisSize } from './chart-axes';

describe('yAxisSize', () => {
  it('grows with the longest tick label, never below 40 px', () => {
    const self = {} as uPlot;
    expect(yAxisSize(self, ['0', '0.5', '1'])).toBe(40);
    expect(yAxisSize(self, ['100.75', '101', '101.25'])).toBe(14 + 7 * 6);
    expect(yAxisSize(self, ['1,000,000'])).toBeGreaterThan(yAxisSize(self, ['1,000']));
    expect(yAxisSize(self, null)).toBe(40);
  });
});
