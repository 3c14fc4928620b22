/** Tiles in rows and columns with a separator between neighbours (none around the outside). */
export interface TileGrid {
  rows: number;
  cols: number;
  tileWidth: number;
  tileHeight: number;
  /** Pixels between neighbouring tiles. */
  separator: number;
  /** cols · tileWidth + (cols − 1) · separator */
  width: number;
  /** rows · tileHeight + (rows − 1) · separator */
  height: number;
}

/** Separators grow with the zoom: at 16× a 1-pixel line vanishes between 80-pixel tiles. */
export function separatorFor(zoom: number): number {
  return Math.max(1, Math.floor(zoom / 4));
}

export function tileGrid(rows: number, cols: number, tileWidth: number, tileHeight: number, separator = 1): TileGrid {
  return {
    rows,
    cols,
    tileWidth,
    tileHeight,
    separator,
    width: cols * tileWidth + (cols - 1) * separator,
    height: rows * tileHeight + (rows - 1) * separator,
  };
}

/** Top-left pixel of tile (row, col). */
export function tileOrigin(grid: TileGrid, row: number, col: number): { x: number; y: number } {
  return { x: col * (grid.tileWidth + grid.separator), y: row * (grid.tileHeight + grid.separator) };
}

/** The most square arrangement of n tiles, filled row by row: ⌈√n⌉ columns (32 → 6×6 with 4 empty cells). */
export function nearSquare(n: number): { rows: number; cols: number } {
  const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
  return { rows: Math.max(1, Math.ceil(n / cols)), cols };
}

export function checkZoom(zoom: number): void {
  if (!Number.isInteger(zoom) || zoom < 1) throw new Error(`zoom must be a positive integer, got ${zoom}`);
}

/**
 * The rectangles of the cells after the first `used` (row by row), each with the separators on its
 * left and top: cleared, the empty end of a grid leaves no coloured block and no stray lines.
 */
export function emptyCellRects(grid: TileGrid, used: number): { x: number; y: number; w: number; h: number }[] {
  const rects: { x: number; y: number; w: number; h: number }[] = [];
  for (let k = Math.max(0, used); k < grid.rows * grid.cols; k++) {
    const row = Math.floor(k / grid.cols);
    const col = k % grid.cols;
    const { x, y } = tileOrigin(grid, row, col);
    const left = col > 0 ? grid.separator : 0;
    const top = row > 0 ? grid.separator : 0;
    rects.push({ x: x - left, y: y - top, w: grid.tileWidth + left, h: grid.tileHeight + top });
  }
  return rects;
}
