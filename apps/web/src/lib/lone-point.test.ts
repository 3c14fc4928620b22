import { describe, expect, it } from 'vitest';
import { isLonePoint } from './lone-point';

describe('isLonePoint', () => {
  it('is true for one value among gaps', () => {
    expect(isLonePoint([null, 3, null], 0, 2)).toBe(true);
  });
  it('is false for two or more values, however far apart', () => {
    expect(isLonePoint([1, null, null, null, 2], 0, 4)).toBe(false);
  });
  it('counts only the visible range', () => {
    expect(isLonePoint([1, 2, 3], 2, 2)).toBe(true);
    expect(isLonePoint([1, 2, 3], 1, 2)).toBe(false);
  });
  it('is false for no values, and ignores non-finite ones', () => {
    expect(isLonePoint([null, undefined], 0, 1)).toBe(false);
    expect(isLonePoint([NaN, 4], 0, 1)).toBe(true);
  });
});
