import { rangeOf, type ValueRange } from '../inspect/gray-level.scale';
import { InspectInputError } from '../inspect/inspect-input.error';
import { colormap, COLORMAPS, type TColormapName } from './colormap.lut';
import { blankRgba, type TRgbaImage } from './rgba-image.png';
import type { TPlane } from './visual.types';

export interface HeatmapOptions {
  colormap?: TColormapName;
  /** Values mapped to the colormap's ends; default the plane's own min … max (use {min: 0, max: 1} for probabilities). */
  range?: ValueRange;
  /** Reversed: max → the colormap's low end. Occlusion probabilities read better so: a drop lights up. */
  reverse?: boolean;
}

/** A coarse grid whose cells tile the image (an occlusion map: cell (r, c) covers rows r·stride …) as one value per pixel. */
export function cellsToPixels(plane: TPlane, stride: number, height: number, width: number): TPlane {
  if (!Number.isInteger(stride) || stride < 1) throw new InspectInputError(`stride must be a positive integer, got ${stride}`);
  if (Math.ceil(height / stride) !== plane.height || Math.ceil(width / stride) !== plane.width) {
    throw new InspectInputError(`a ${plane.height}×${plane.width} grid at stride ${stride} does not tile a ${height}×${width} image`);
  }
  const data = new Float32Array(height * width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++)
      data[y * width + x] = plane.data[Math.floor(y / stride) * plane.width + Math.floor(x / stride)] as number;
  }
  return { height, width, data };
}

function checkOptions(opts: HeatmapOptions): void {
  if (opts.colormap !== undefined && !COLORMAPS.includes(opts.colormap))
    throw new InspectInputError(`colormap must be one of ${COLORMAPS.join(', ')}, got ${String(opts.colormap)}`);
  if (
    opts.range !== undefined &&
    !(Number.isFinite(opts.range.min) && Number.isFinite(opts.range.max) && opts.range.min <= opts.range.max)
  ) {
    throw new InspectInputError(`range must be finite with min ≤ max, got ${opts.range.min} … ${opts.range.max}`);
  }
}

/** t ∈ [0, 1] of every value of the plane; a constant plane maps to 0. */
function normalised(plane: TPlane, opts: HeatmapOptions): (i: number) => number {
  const range = opts.range ?? rangeOf(plane.data);
  const span = range.max - range.min;
  return (i) => {
    const t = span > 0 ? ((plane.data[i] as number) - range.min) / span : 0;
    return opts.reverse === true ? 1 - t : t;
  };
}

/** The plane in a colormap: one opaque pixel per value. */
export function heatmapRgba(plane: TPlane, opts: HeatmapOptions = {}): TRgbaImage {
  checkOptions(opts);
  const t = normalised(plane, opts);
  const out = blankRgba(plane.width, plane.height);
  for (let i = 0; i < plane.height * plane.width; i++) out.data.set(colormap(opts.colormap ?? 'jet', t(i)), i * 4);
  return out;
}

/**
 * The heat-map laid over the image: colour = (1 − alpha·t) · image + alpha·t · colormap(t)
 * when `weighByValue`, else a uniform blend (1 − alpha) · image + alpha · colormap(t).
 * Weighting by t (default) leaves cold regions showing the image, as Grad-CAM figures do.
 */
export function overlayHeatmap(
  base: TRgbaImage,
  plane: TPlane,
  opts: HeatmapOptions & { alpha?: number; weighByValue?: boolean } = {},
): TRgbaImage {
  checkOptions(opts);
  if (plane.height !== base.height || plane.width !== base.width) {
    throw new InspectInputError(
      `a ${plane.height}×${plane.width} heat-map cannot lie over a ${base.height}×${base.width} image (cellsToPixels first?)`,
    );
  }
  const alpha = opts.alpha ?? 0.5;
  if (!(alpha >= 0 && alpha <= 1)) throw new InspectInputError(`alpha must be in 0 … 1, got ${alpha}`);
  const t = normalised(plane, opts);
  const out = blankRgba(base.width, base.height);
  for (let i = 0; i < base.width * base.height; i++) {
    const v = t(i);
    const colour = colormap(opts.colormap ?? 'jet', v);
    const a = opts.weighByValue === false ? alpha : alpha * v;
    for (let k = 0; k < 3; k++) out.data[i * 4 + k] = Math.round((1 - a) * (base.data[i * 4 + k] as number) + a * colour[k]!);
  }
  return out;
}
