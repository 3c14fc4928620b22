import { InspectInputError } from '../inspect/inspect-input.error';
import { GRID_BACKGROUND } from '../inspect/rgb-image.canvas';
import { tileGrid, tileOrigin } from '../inspect/tile-grid.layout';
import { blankRgba, type TRgbaImage } from './rgba-image.png';

/**
 * Images in a grid (a map's top-9 patches or projections, 3 × 3 as in the paper), cols per
 * row, on the inspection grids' background. Tiles are as big as the largest image; a smaller
 * one (a receptive field clipped at the image edge) sits centred in its tile.
 */
export function tileRgba(images: readonly TRgbaImage[], cols = 3, separator = 1): TRgbaImage {
  if (images.length === 0) throw new InspectInputError('no images to tile');
  if (!Number.isInteger(cols) || cols < 1) throw new InspectInputError(`cols must be a positive integer, got ${cols}`);
  if (!Number.isInteger(separator) || separator < 0) throw new InspectInputError(`separator must be an integer ≥ 0, got ${separator}`);
  const tileWidth = Math.max(...images.map((i) => i.width));
  const tileHeight = Math.max(...images.map((i) => i.height));
  const used = Math.min(cols, images.length);
  const grid = tileGrid(Math.ceil(images.length / used), used, tileWidth, tileHeight, separator);
  const out = blankRgba(grid.width, grid.height, GRID_BACKGROUND);
  images.forEach((image, n) => {
    const origin = tileOrigin(grid, Math.floor(n / used), n % used);
    const x0 = origin.x + Math.floor((tileWidth - image.width) / 2);
    const y0 = origin.y + Math.floor((tileHeight - image.height) / 2);
    for (let y = 0; y < image.height; y++)
      out.data.set(image.data.subarray(y * image.width * 4, (y + 1) * image.width * 4), ((y0 + y) * grid.width + x0) * 4);
  });
  return out;
}
