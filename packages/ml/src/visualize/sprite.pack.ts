import type { TSpriteRect } from '@tensorscope/shared';
import { GRID_BACKGROUND } from '../inspect/rgb-image.canvas';
import { blankRgba, type TRgbaImage } from './rgba-image.png';

/**
 * Many small images in one (a top-9 job's 576–2,304 projections and patches: one download instead
 * of one request each). Row r, column c of `rows` sits at (c·cell, r·cell), top-left aligned, with
 * `cell` the largest side of any tile, so every position is known from the grid alone; an absent
 * tile leaves its cell background. Pixels are copied unchanged, so a tile cut out at its rect is
 * the image that went in.
 */
export function packSprite(
  rows: readonly (readonly (TRgbaImage | undefined)[])[],
  columns: number,
): { image: TRgbaImage; rects: (TSpriteRect | null)[][] } {
  let cell = 1;
  for (const row of rows) for (const tile of row) if (tile) cell = Math.max(cell, tile.width, tile.height);
  const image = blankRgba(columns * cell, Math.max(1, rows.length) * cell, GRID_BACKGROUND);
  const rects = rows.map((row, r) => {
    if (row.length > columns) throw new Error(`a sprite row has ${row.length} tiles, more than its ${columns} columns`);
    return row.map((tile, c): TSpriteRect | null => {
      if (!tile) return null;
      const x0 = c * cell;
      const y0 = r * cell;
      for (let y = 0; y < tile.height; y++)
        image.data.set(tile.data.subarray(y * tile.width * 4, (y + 1) * tile.width * 4), ((y0 + y) * image.width + x0) * 4);
      return [x0, y0, tile.width, tile.height];
    });
  });
  return { image, rects };
}
