import { halfPixelTaps, resizeBilinearPlane } from './bilinear.resize';
import type { ImageDataset } from './dataset.types';
import { rgbToLuminance } from './luminance.transform';

export const GRAY28_SIDE = 28;

/**
 * Identifies the exact transform; it is stored in the cache manifest so a
 * change to this recipe invalidates cached gray28 bytes.
 */
export const GRAY28_TRANSFORM_ID =
  'gray28-v1: Y=0.299R+0.587G+0.114B (BT.601, float64, unrounded); ' +
  'bilinear 32x32->28x28, half-pixel centres, no align-corners (TF halfPixelCenters=true); ' +
  'round half up (Math.round), clamp 0..255';

/**
 * Derives the 28×28×1 gray variant of a 32×32×3 dataset (so CIFAR-10 can feed
 * MNIST-shaped models):
 *   1. Y = 0.299 R + 0.587 G + 0.114 B per pixel (ITU-R BT.601), kept as float64;
 *   2. bilinear resize 32×32 → 28×28 with half-pixel centres: for output index o,
 *      src = (o + 0.5)·32/28 − 0.5, blend rows floor(src) and ceil(src) (clamped
 *      to the image) with weight src − floor(src), columns likewise, x first then y;
 *   3. Math.round (half up) and clamp to 0..255.
 * Rounding once at the end avoids compounding two quantisation steps.
 */
export function rgbToGray28(source: ImageDataset): ImageDataset {
  if (source.channels !== 3) {
    throw new Error(`gray28 needs an RGB dataset, got ${source.channels} channel(s).`);
  }
  const inPixels = source.height * source.width;
  const outPixels = GRAY28_SIDE * GRAY28_SIDE;
  const rows = halfPixelTaps(source.height, GRAY28_SIDE);
  const cols = halfPixelTaps(source.width, GRAY28_SIDE);
  const luminance = new Float64Array(inPixels);
  const resized = new Float64Array(outPixels);
  const images = new Uint8Array(source.count * outPixels);

  for (let n = 0; n < source.count; n++) {
    rgbToLuminance(source.images, n * inPixels * 3, inPixels, luminance);
    resizeBilinearPlane(luminance, source.width, rows, cols, resized);
    const base = n * outPixels;
    for (let p = 0; p < outPixels; p++) {
      images[base + p] = Math.min(255, Math.max(0, Math.round(resized[p]!)));
    }
  }

  return {
    images,
    labels: source.labels.slice(),
    count: source.count,
    height: GRAY28_SIDE,
    width: GRAY28_SIDE,
    channels: 1,
    classNames: source.classNames,
  };
}
