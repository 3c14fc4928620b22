/** Tiles in rows and columns with a 1-pixel separator between neighbours (none around the outside). */
export interface TileGrid {
  rows: number;
  cols: number;
  tileWidth: number;
  tileHeight: number;
  /** cols · tileWidth + (cols − 1) */
  width: number;
  /** rows · tileHeight + (rows − 1) */
  height: number;
}

export const SEPARATOR_PX = 1;

export function tileGrid(rows: number, cols: number, tileWidth: number, tileHeight: number): TileGrid {
  return {
    rows,
    cols,
    tileWidth,
    tileHeight,
    width: cols * tileWidth + (cols - 1) * SEPARATOR_PX,
    height: rows * tileHeight + (rows - 1) * SEPARATOR_PX,
  };
}

/** Top-left pixel of tile (row, col). */
export function tileOrigin(grid: TileGrid, row: number, col: number): { x: number; y: number } {
  return { x: col * (grid.tileWidth + SEPARATOR_PX), y: row * (grid.tileHeight + SEPARATOR_PX) };
}

/** The most square arrangement of n tiles, filled row by row: ⌈√n⌉ columns (32 → 6×6 with 4 empty cells). */
export function nearSquare(n: number): { rows: number; cols: number } {
  const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
  return { rows: Math.max(1, Math.ceil(n / cols)), cols };
}

export function checkZoom(zoom: number): void {
  if (!Number.isInteger(zoom) || zoom < 1) throw new Error(`zoom must be a positive integer, got ${zoom}`);
}
