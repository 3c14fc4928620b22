import type { Rgb } from '../inspect/rgb-image.canvas';
import { CLASS_PALETTE } from '@tensorscope/shared';
import { blankRgba, type TRgbaImage } from './rgba-image.png';

/** Class colours shared with the dashboard's legend (packages/shared). */
export { CLASS_PALETTE };

/** A grid of class labels (an occlusion map's most probable class per cell) in CLASS_PALETTE colours, one pixel per cell. */
export function labelMapRgba(labels: ArrayLike<number>, rows: number, cols: number): TRgbaImage {
  if (labels.length !== rows * cols) throw new Error(`${labels.length} labels for a ${rows}×${cols} grid`);
  const out = blankRgba(cols, rows);
  for (let i = 0; i < labels.length; i++) out.data.set(CLASS_PALETTE[(labels[i] as number) % CLASS_PALETTE.length] as Rgb, i * 4);
  return out;
}
