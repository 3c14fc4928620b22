import type { Rgb } from '../inspect/rgb-image.canvas';
import { blankRgba, type TRgbaImage } from './rgba-image.png';

/** Ten distinct colours (Tableau 10) for class labels; the web legend can use the same list. Classes ≥ 10 reuse them cyclically. */
export const CLASS_PALETTE: readonly Rgb[] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
  [127, 127, 127],
  [188, 189, 34],
  [23, 190, 207],
];

/** A grid of class labels (an occlusion map's most probable class per cell) in CLASS_PALETTE colours, one pixel per cell. */
export function labelMapRgba(labels: ArrayLike<number>, rows: number, cols: number): TRgbaImage {
  if (labels.length !== rows * cols) throw new Error(`${labels.length} labels for a ${rows}×${cols} grid`);
  const out = blankRgba(cols, rows);
  for (let i = 0; i < labels.length; i++) out.data.set(CLASS_PALETTE[(labels[i] as number) % CLASS_PALETTE.length] as Rgb, i * 4);
  return out;
}
