import type { Rgb } from '../inspect/rgb-image.canvas';

export type TColormapName = 'jet' | 'viridis';

/** Colour stops at evenly spaced t; between stops, linear interpolation. */
const STOPS: Readonly<Record<TColormapName, readonly Rgb[]>> = {
  // Matplotlib's jet at t = 0, 1/8 (0,0,1) … : what Grad-CAM and occlusion figures are usually drawn with.
  jet: [
    [0, 0, 128],
    [0, 0, 255],
    [0, 128, 255],
    [0, 255, 255],
    [128, 255, 128],
    [255, 255, 0],
    [255, 128, 0],
    [255, 0, 0],
    [128, 0, 0],
  ],
  // Matplotlib's viridis sampled at t = 0, 1/8 … 1: perceptually uniform, readable in greyscale.
  viridis: [
    [68, 1, 84],
    [71, 44, 122],
    [59, 81, 139],
    [44, 113, 142],
    [33, 144, 141],
    [39, 173, 129],
    [92, 200, 99],
    [170, 220, 50],
    [253, 231, 37],
  ],
};

export const COLORMAPS = Object.keys(STOPS) as TColormapName[];

/** The colour of t ∈ [0, 1] (clamped; NaN → 0) in a colormap. */
export function colormap(name: TColormapName, t: number): Rgb {
  const stops = STOPS[name];
  const u = Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(u));
  const f = u - i;
  const a = stops[i] as Rgb;
  const b = stops[i + 1] as Rgb;
  return [Math.round(a[0] + f * (b[0] - a[0])), Math.round(a[1] + f * (b[1] - a[1])), Math.round(a[2] + f * (b[2] - a[2]))];
}
