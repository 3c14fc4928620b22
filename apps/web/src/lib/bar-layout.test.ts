import { describe, expect, it } from 'vitest';
import { barGeometry } from './bar-layout';

describe('barGeometry', () => {
  it('puts probabilities on a fixed 0–1 scale', () => {
    const { zero, bars } = barGeometry([0.25, 1, 0], [0, 1]);
    expect(zero).toBe(0);
    expect(bars).toEqual([
      { left: 0, width: 25 },
      { left: 0, width: 100 },
      { left: 0, width: 0 },
    ]);
  });

  it('runs negative logits left of zero and positive ones right, on one scale', () => {
    // Scale −2 … 6: zero at 25 %.
    const { zero, bars } = barGeometry([-2, 6, 2]);
    expect(zero).toBe(25);
    expect(bars).toEqual([
      { left: 0, width: 25 },
      { left: 25, width: 75 },
      { left: 25, width: 25 },
    ]);
  });

  it('draws nothing for non-finite values or an all-zero layer', () => {
    expect(barGeometry([Number.NaN, 1]).bars[0]).toEqual({ left: 0, width: 0 });
    expect(barGeometry([0, 0]).bars).toEqual([
      { left: 0, width: 0 },
      { left: 0, width: 0 },
    ]);
  });
});
