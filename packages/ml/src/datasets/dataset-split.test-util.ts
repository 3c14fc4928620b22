import { expect } from 'vitest';
import type { DatasetSplit, ImageDataset } from './dataset.types';

/** How many images of each of the ten classes `labels` holds. */
export function classCounts(labels: Uint8Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of labels) counts[label]! += 1;
  return counts;
}

/**
 * A loaded split has `train` and `test` images of height × width × channels, as many labels as
 * images, and image bytes that fill exactly that shape. Returns both splits for further checks.
 */
export function expectSplitShape(
  data: DatasetSplit,
  counts: { train: number; test: number },
  [height, width, channels]: [number, number, number],
): ImageDataset[] {
  expect([data.train.count, data.test.count]).toEqual([counts.train, counts.test]);
  for (const split of [data.train, data.test]) {
    expect([split.height, split.width, split.channels]).toEqual([height, width, channels]);
    expect(split.images.length).toBe(split.count * height * width * channels);
    expect(split.labels.length).toBe(split.count);
  }
  return [data.train, data.test];
}
