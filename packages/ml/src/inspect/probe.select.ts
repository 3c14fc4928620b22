import type { ImageDataset } from '../datasets/dataset.types';
import { mulberry32 } from '../core/seeded.rng';

/** Mixed into the run seed so the probe's random stream is not any epoch's shuffle stream. */
const PROBE_STREAM = 0x70726f62; // 'prob'

/**
 * Which `count` images of a `total`-image split form the probe set: the first
 * `count` positions of a seeded Fisher–Yates shuffle of all `total` indices (a
 * uniform random subset), sorted ascending. Fixed by (seed, total, count) alone,
 * so every stats step of a run, and a rerun, sees the same images.
 */
export function probeIndices(total: number, count: number, seed: number): Uint32Array {
  if (!Number.isInteger(count) || count < 0 || count > total) throw new Error(`probe size must be an integer in 0..${total}, got ${count}`);
  const random = mulberry32((seed ^ PROBE_STREAM) >>> 0);
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  // Only the first `count` positions are needed: a partial shuffle draws just those.
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (total - i));
    const tmp = order[i] as number;
    order[i] = order[j] as number;
    order[j] = tmp;
  }
  return order.slice(0, count).sort();
}

/**
 * The probe set as its own small dataset (bytes copied, ~200 KB for 256 rgb32
 * images): `count` images of `split` picked by probeIndices. Pass the whole test
 * split, not the evaluation subset, so the probe does not depend on evalSubset.
 * undefined for count 0 (no activation statistics).
 */
export function selectProbe(split: ImageDataset, count: number, seed: number): ImageDataset | undefined {
  if (count === 0) return undefined;
  const indices = probeIndices(split.count, count, seed);
  const size = split.height * split.width * split.channels;
  const images = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  indices.forEach((index, i) => {
    images.set(split.images.subarray(index * size, (index + 1) * size), i * size);
    labels[i] = split.labels[index] as number;
  });
  return { ...split, images, labels, count };
}
