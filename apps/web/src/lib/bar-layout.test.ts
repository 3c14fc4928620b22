import { describe, expect, it } from 'vitest';
import { barGeometry } from './bar-layout';

describe('barGeometry', () => {
  // [case, values, domain, zero, [left, width] per bar]; logits on −2 … 6 put zero at 25 %.
  it.each([
    [
      'probabilities on a fixed 0–1 scale',
      [0.25, 1, 0],
      [0, 1] as const,
      0,
      [
        [0, 25],
        [0, 100],
        [0, 0],
      ],
    ],
    [
      'negative logits left of zero, positive ones right',
      [-2, 6, 2],
      undefined,
      25,
      [
        [0, 25],
        [25, 75],
        [25, 25],
      ],
    ],
  ])('puts %s', (_case, values, domain, zero, bars) => {
    const geometry = barGeometry(values, domain);
    expect(geometry.zero).toBe(zero);
    expect(geometry.bars.map((b) => [b.left, b.width])).toEqual(bars);
  });

  it('draws nothing for non-finite values or an all-zero layer', () => {
    expect(barGeometry([Number.NaN, 1]).bars[0]).toEqual({ left: 0, width: 0 });
    expect(barGeometry([0, 0]).bars).toEqual([
      { left: 0, width: 0 },
      { left: 0, width: 0 },
    ]);
  });
});
