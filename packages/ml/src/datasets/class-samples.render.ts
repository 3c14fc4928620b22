import { GRID_BACKGROUND, RgbCanvas } from '../inspect/rgb-image.canvas';
import type { ImageDataset } from './dataset.types';

/** Classes shown in a sample grid at most (rows): a 200-class dataset gets its first 64. */
export const SAMPLE_CLASSES_MAX = 64;
const GAP = 2;

/**
 * A PNG with one row per class (label order) of the first `perClass` images of that class, as
 * stored (gray or RGB, native size), separated by thin lines: what a dataset looks like at a glance.
 * A class with fewer images leaves its row's end transparent.
 */
export function renderClassSamples(dataset: ImageDataset, perClass: number): Buffer {
  const classes = Math.min(dataset.classNames.length, SAMPLE_CLASSES_MAX);
  const { height: h, width: w, channels } = dataset;
  const picked: number[][] = Array.from({ length: classes }, () => []);
  let missing = classes * perClass;
  for (let i = 0; i < dataset.count && missing > 0; i++) {
    const row = picked[dataset.labels[i]!];
    if (row && row.length < perClass) {
      row.push(i);
      missing--;
    }
  }
  const canvas = new RgbCanvas(perClass * (w + GAP) + GAP, classes * (h + GAP) + GAP, GRID_BACKGROUND);
  const size = h * w * channels;
  picked.forEach((images, c) => {
    for (let k = images.length; k < perClass; k++) canvas.clearRect(GAP + k * (w + GAP), GAP + c * (h + GAP), w, h);
    images.forEach((index, k) => {
      const x0 = GAP + k * (w + GAP);
      const y0 = GAP + c * (h + GAP);
      const base = index * size;
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const o = base + (y * w + x) * channels;
          const px = dataset.images;
          canvas.fillRect(x0 + x, y0 + y, 1, 1, channels === 3 ? [px[o]!, px[o + 1]!, px[o + 2]!] : [px[o]!, px[o]!, px[o]!]);
        }
    });
  });
  return canvas.toPng();
}
