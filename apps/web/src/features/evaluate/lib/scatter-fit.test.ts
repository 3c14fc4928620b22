import { describe, expect, it } from 'vitest';
import { fitPoints } from './scatter-fit';

describe('fitPoints', () => {
  it('one scale for both axes, the wider span filling the box, centred, y up', () => {
    // x spans 4, y spans 1: scale = (100 − 2·10) / 4 = 20 px per unit.
    const { px, py } = fitPoints([-2, 2, 0], [0, 1, 0.5], 100, 100, 10);
    expect(px).toEqual([10, 90, 50]);
    expect(py).toEqual([60, 40, 50]);
  });

  it('puts coincident points in the middle', () => {
    expect(fitPoints([3, 3], [1, 1], 50, 30, 5)).toEqual({ px: [25, 25], py: [15, 15] });
    expect(fitPoints([], [], 50, 30, 5)).toEqual({ px: [], py: [] });
  });
});
