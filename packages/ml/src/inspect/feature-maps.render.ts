import { InspectInputError } from './inspect-input.error';
import { grayLevel, rangeOf } from './gray-level.scale';
import { GRID_BACKGROUND, RgbCanvas } from './rgb-image.canvas';
import { checkZoom, emptyCellRects, nearSquare, separatorFor, type TileGrid, tileGrid, tileOrigin } from './tile-grid.layout';

export interface FeatureMapValues {
  /** [h, w, c]: one image's conv or pool layer output (activationOf). */
  shape: number[];
  /** Row-major: value (y, x, ch) is at (y·w + x)·c + ch. */
  data: Float32Array;
}

function mapDims(activation: FeatureMapValues): [number, number, number] {
  const [h, w, c] = activation.shape;
  if (activation.shape.length !== 3 || h === undefined || w === undefined || c === undefined || Math.min(h, w, c) < 1) {
    throw new InspectInputError(`feature maps are [h, w, c], got [${activation.shape.join(', ')}]`);
  }
  if (activation.data.length !== h * w * c)
    throw new Error(`feature maps of shape [${activation.shape.join(', ')}] need ${h * w * c} values, got ${activation.data.length}`);
  return [h, w, c];
}

/** One tile per channel, h·zoom tall and w·zoom wide, channel k at row ⌊k / cols⌋, column k mod cols of a near-square grid. */
export function featureMapsLayout(shape: number[], zoom: number): TileGrid {
  checkZoom(zoom);
  const [h, w, c] = mapDims({ shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });
  const { rows, cols } = nearSquare(c);
  return tileGrid(rows, cols, w * zoom, h * zoom, separatorFor(zoom));
}

/**
 * One image's feature maps as a PNG of gray tiles. Each channel is scaled to its own
 * min–max (a channel's pattern matters, not its magnitude; magnitudes are what the
 * activation statistics chart); a constant channel, e.g. a dead ReLU, renders black.
 */
export function renderFeatureMaps(activation: FeatureMapValues, zoom: number): Buffer {
  const [h, w, c] = mapDims(activation);
  const layout = featureMapsLayout(activation.shape, zoom);
  const canvas = new RgbCanvas(layout.width, layout.height, GRID_BACKGROUND);
  for (let k = 0; k < c; k++) {
    const range = rangeOf(activation.data, k, h * w, c);
    const { x, y } = tileOrigin(layout, Math.floor(k / layout.cols), k % layout.cols);
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const g = grayLevel(activation.data[(i * w + j) * c + k] as number, range);
        canvas.fillRect(x + j * zoom, y + i * zoom, zoom, zoom, [g, g, g]);
      }
    }
  }
  for (const r of emptyCellRects(layout, c)) canvas.clearRect(r.x, r.y, r.w, r.h);
  return canvas.toPng();
}
