import { InspectInputError } from './inspect-input.error';
import { grayLevel, rangeOf, type ValueRange } from './gray-level.scale';
import { GRID_BACKGROUND, RgbCanvas } from './rgb-image.canvas';
import { checkZoom, emptyCellRects, nearSquare, separatorFor, tileGrid, tileOrigin, type TileGrid } from './tile-grid.layout';

export interface KernelValues {
  /** [fh, fw, cin, cout], as TF.js stores a conv2d kernel. */
  shape: number[];
  /** Row-major: value (i, j, c, f) is at ((i·fw + j)·cin + c)·cout + f. */
  data: Float32Array;
}

export interface FilterGridOptions {
  /** per-filter: each output filter scaled to its own min–max; shared: one min–max for the whole layer. */
  scale: 'per-filter' | 'shared';
  /** Pixels per weight (a square of zoom × zoom). */
  zoom: number;
  /** Only this output filter: its input channels as a near-square grid of tiles (see FilterGridLayout). */
  filter?: number | undefined;
}

/**
 * How a kernel is laid out:
 * - 'filters' (cin 1 or 3, a first layer looking at gray or RGB pixels): one tile per
 *   output filter, gray or in colour, in a near-square grid, filter f at row ⌊f / cols⌋,
 *   column f mod cols.
 * - 'channels' (any other cin: deeper layers, whose inputs are feature maps, not
 *   colours): one gray tile per (filter, input channel), row f = output filter,
 *   column c = input channel (conv2 5×5×32×64: 64 rows × 32 columns).
 * - 'filter' (one output filter asked for): that filter's input channels, one gray tile each,
 *   channel c at row ⌊c / cols⌋, column c mod cols of a near-square grid (conv2's filter 7:
 *   32 tiles, 6×6), so one filter of a deep layer can be read at a large zoom; for cin 1 or 3
 *   a single tile, gray or in colour.
 * Tiles are fh·zoom tall, fw·zoom wide, with 1-pixel separators.
 */
export interface FilterGridLayout extends TileGrid {
  mode: 'filters' | 'channels' | 'filter';
}

function kernelDims(kernel: KernelValues): [number, number, number, number] {
  const [fh, fw, cin, cout] = kernel.shape;
  if (
    kernel.shape.length !== 4 ||
    fh === undefined ||
    fw === undefined ||
    cin === undefined ||
    cout === undefined ||
    Math.min(fh, fw, cin, cout) < 1
  ) {
    // A dense or recurrent kernel is a matrix, not filters: asking for its grid is the caller's mistake.
    throw new InspectInputError(
      `a conv kernel is [fh, fw, cin, cout], got [${kernel.shape.join(', ')}]; filter grids exist for conv layers only`,
    );
  }
  if (kernel.data.length !== fh * fw * cin * cout)
    throw new Error(`kernel of shape [${kernel.shape.join(', ')}] needs ${fh * fw * cin * cout} values, got ${kernel.data.length}`);
  return [fh, fw, cin, cout];
}

export function filterGridLayout(shape: number[], zoom: number, filter?: number): FilterGridLayout {
  checkZoom(zoom);
  const [fh, fw, cin, cout] = kernelDims({ shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });
  if (filter !== undefined) {
    if (!Number.isInteger(filter) || filter < 0 || filter >= cout) {
      throw new InspectInputError(`filter must be an integer from 0 to ${cout - 1} (the layer has ${cout} filters), got ${filter}`);
    }
    const { rows, cols } = cin === 3 ? { rows: 1, cols: 1 } : nearSquare(cin);
    return { mode: 'filter', ...tileGrid(rows, cols, fw * zoom, fh * zoom, separatorFor(zoom)) };
  }
  if (cin === 1 || cin === 3) {
    const { rows, cols } = nearSquare(cout);
    return { mode: 'filters', ...tileGrid(rows, cols, fw * zoom, fh * zoom, separatorFor(zoom)) };
  }
  return { mode: 'channels', ...tileGrid(cout, cin, fw * zoom, fh * zoom, separatorFor(zoom)) };
}

/**
 * A conv kernel as a PNG (see FilterGridLayout for the arrangement). Gray level
 * (or each colour component, for RGB filters) = 255 · (w − min) / (max − min), rounded.
 * With scale 'per-filter' min/max are the filter's own over all its fh·fw·cin
 * weights, also in the 'channels' layout: one scale per row, so the input channels
 * a filter leans on most stand out against its weak ones. With 'shared' they are
 * the layer's, so filters compare with each other. Constant ranges render black.
 */
export function renderFilterGrid(kernel: KernelValues, options: FilterGridOptions): Buffer {
  const [fh, fw, cin, cout] = kernelDims(kernel);
  const { zoom } = options;
  const layout = filterGridLayout(kernel.shape, zoom, options.filter);
  const { data } = kernel;
  const at = (i: number, j: number, c: number, f: number) => data[((i * fw + j) * cin + c) * cout + f] as number;
  const shared = rangeOf(data);
  const rangeOfFilter = (f: number): ValueRange => (options.scale === 'shared' ? shared : rangeOf(data, f, fh * fw * cin, cout));

  const canvas = new RgbCanvas(layout.width, layout.height, GRID_BACKGROUND);
  const only = options.filter;
  for (let f = only ?? 0; f < (only === undefined ? cout : only + 1); f++) {
    const range = rangeOfFilter(f);
    if (layout.mode === 'filters' || (layout.mode === 'filter' && cin === 3)) {
      const cell = layout.mode === 'filter' ? 0 : f;
      const { x, y } = tileOrigin(layout, Math.floor(cell / layout.cols), cell % layout.cols);
      for (let i = 0; i < fh; i++) {
        for (let j = 0; j < fw; j++) {
          const r = grayLevel(at(i, j, 0, f), range);
          const rgb = cin === 3 ? ([r, grayLevel(at(i, j, 1, f), range), grayLevel(at(i, j, 2, f), range)] as const) : ([r, r, r] as const);
          canvas.fillRect(x + j * zoom, y + i * zoom, zoom, zoom, rgb);
        }
      }
    } else {
      for (let c = 0; c < cin; c++) {
        const { x, y } =
          layout.mode === 'filter' ? tileOrigin(layout, Math.floor(c / layout.cols), c % layout.cols) : tileOrigin(layout, f, c);
        for (let i = 0; i < fh; i++) {
          for (let j = 0; j < fw; j++) {
            const g = grayLevel(at(i, j, c, f), range);
            canvas.fillRect(x + j * zoom, y + i * zoom, zoom, zoom, [g, g, g]);
          }
        }
      }
    }
  }
  const used = layout.mode === 'filters' ? cout : layout.mode === 'filter' ? (cin === 3 ? 1 : cin) : layout.rows * layout.cols;
  for (const r of emptyCellRects(layout, used)) canvas.clearRect(r.x, r.y, r.w, r.h);
  return canvas.toPng();
}
