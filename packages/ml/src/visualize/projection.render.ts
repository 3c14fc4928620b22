import { InspectInputError } from '../inspect/inspect-input.error';
import { blankRgba, type TRgbaImage } from './rgba-image.png';
import type { TVisualImage } from './visual.types';

/** The largest |v| of an image: the default scale of projectionRgba, or a shared one over several images (max of each). */
export function maxAbs(image: TVisualImage): number {
  let m = 0;
  for (let i = 0; i < image.data.length; i++) m = Math.max(m, Math.abs(image.data[i] as number));
  return m;
}

/**
 * A signed pixel-space image (a deconv projection, a guided-backprop gradient) as RGBA,
 * centred at grey: 0 → 128, ±scale → 128 ± 127, so positive and negative contributions are
 * brighter and darker than grey. scale defaults to the image's own max |v| (each projection
 * on its own contrast, as the paper shows them); pass a common scale to compare images.
 * 1 channel → grey, 3 channels → RGB. An all-zero image is flat grey.
 */
export function projectionRgba(image: TVisualImage, opts: { scale?: number } = {}): TRgbaImage {
  const [h, w, c] = image.shape;
  if (c !== 1 && c !== 3) throw new InspectInputError(`a projection is drawn with 1 or 3 channels, this one has ${c}`);
  if (image.data.length !== h * w * c)
    throw new Error(`image of shape [${image.shape.join(', ')}] needs ${h * w * c} values, got ${image.data.length}`);
  const scale = opts.scale ?? maxAbs(image);
  if (!(scale >= 0) || !Number.isFinite(scale)) throw new InspectInputError(`scale must be a finite number ≥ 0, got ${scale}`);
  const out = blankRgba(w, h);
  const level = (v: number) => (scale > 0 ? Math.round(128 + (127 * Math.max(-scale, Math.min(scale, v))) / scale) : 128);
  for (let p = 0; p < h * w; p++) {
    for (let k = 0; k < 3; k++) out.data[p * 4 + k] = level(image.data[p * c + (c === 1 ? 0 : k)] as number);
  }
  return out;
}
