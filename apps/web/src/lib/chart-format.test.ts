import { describe, expect, it } from 'vitest';
import { axisSize, formatTick } from './chart-format';

describe('formatTick', () => {
  it('keeps ordinary values short and switches to exponents at the extremes', () => {
    expect([0, 0.5, 1.25, -0.00128, 12.3456, 0.0001234, 25000].map(formatTick)).toEqual([
      '0',
      '0.5',
      '1.25',
      '-0.00128',
      '12.3',
      '1.2e-4',
      '2.5e+4',
    ]);
  });
});

describe('axisSize', () => {
  it('grows with the longest label, with a floor', () => {
    expect(axisSize(['0', '1'])).toBe(32);
    expect(axisSize(['-0.00128', '0.0012'])).toBeGreaterThan(axisSize(['0.5']));
    expect(axisSize(undefined)).toBe(32);
  });
});
