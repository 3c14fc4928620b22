import { describe, expect, it } from 'vitest';
import { separatorFor, tileGrid, tileOrigin } from './tile-grid.layout';

describe('tile grid', () => {
  it('keeps 1-pixel separators at small zooms and widens them at large ones', () => {
    expect([1, 2, 3, 4, 8, 16].map(separatorFor)).toEqual([1, 1, 1, 1, 2, 4]);
  });

  it('places tiles and sizes the grid with the separator', () => {
    const grid = tileGrid(6, 6, 80, 80, 4);
    expect([grid.width, grid.height]).toEqual([6 * 80 + 5 * 4, 6 * 80 + 5 * 4]);
    expect(tileOrigin(grid, 1, 2)).toEqual({ x: 2 * 84, y: 84 });
  });
});
