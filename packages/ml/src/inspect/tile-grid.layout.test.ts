import { describe, expect, it } from 'vitest';
import { emptyCellRects, separatorFor, tileGrid, tileOrigin } from './tile-grid.layout';

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

describe('emptyCellRects', () => {
  it('covers the cells after the used ones, with the separators on their left and top', () => {
    // 2 × 3 grid of 4×4 tiles, 1 px apart, 4 used: cells 4 and 5 (row 1, columns 1 and 2) are empty.
    const grid = { rows: 2, cols: 3, tileWidth: 4, tileHeight: 4, separator: 1, width: 14, height: 9 };
    expect(emptyCellRects(grid, 4)).toEqual([
      { x: 4, y: 4, w: 5, h: 5 },
      { x: 9, y: 4, w: 5, h: 5 },
    ]);
    expect(emptyCellRects(grid, 6)).toEqual([]);
    // A first-row, first-column cell has no separator before it.
    expect(emptyCellRects(grid, 0)[0]).toEqual({ x: 0, y: 0, w: 4, h: 4 });
  });
});
