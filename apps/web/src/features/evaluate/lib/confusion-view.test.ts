import { describe, expect, it } from 'vitest';
import { cellShade, formatShare, rowShares, topConfusions } from './confusion-view';

const matrix = [
  [8, 2, 0],
  [0, 0, 0],
  [1, 3, 6],
];

describe('confusion matrix view', () => {
  it('shares of each true class (row), an empty row all 0', () => {
    expect(rowShares(matrix)).toEqual([
      [0.8, 0.2, 0],
      [0, 0, 0],
      [0.1, 0.3, 0.6],
    ]);
  });

  it('shades right cells blue and wrong ones red, none when empty, white text on dark fills', () => {
    expect(cellShade(0, true)).toEqual({ background: 'transparent', color: undefined });
    expect(cellShade(1, true)).toEqual({ background: 'rgba(37, 99, 235, 1.000)', color: '#fff' });
    expect(cellShade(0.25, false)).toEqual({ background: 'rgba(220, 38, 38, 0.310)', color: undefined });
  });

  it('formats ratios, and an undefined one as a dash', () => {
    expect(formatShare(0.9345)).toBe('93.5 %');
    expect(formatShare(0)).toBe('0.0 %');
    expect(formatShare(null)).toBe('—');
  });

  it('lists the biggest mix-ups first', () => {
    expect(topConfusions(matrix, 2)).toEqual([
      { label: 2, predicted: 1, count: 3 },
      { label: 0, predicted: 1, count: 2 },
    ]);
    expect(topConfusions([[5]], 3)).toEqual([]);
  });
});
