import type { DatasetSplit, ImageDataset } from '../datasets/dataset.types';

/** The first `count` images of a dataset as views (`subarray`) of its bytes: nothing is copied. */
export function takeFirst(dataset: ImageDataset, count: number): ImageDataset {
  if (!Number.isInteger(count) || count < 1 || count > dataset.count) {
    throw new Error(`subset size must be an integer in 1..${dataset.count}, got ${count}`);
  }
  const size = dataset.height * dataset.width * dataset.channels;
  return {
    ...dataset,
    images: dataset.images.subarray(0, count * size),
    labels: dataset.labels.subarray(0, count),
    count,
  };
}

/** First `train` training images and first `test` test images (the same fixed test set at every evaluation). */
export function subsetSplit(split: DatasetSplit, sizes: { train: number; test: number }): DatasetSplit {
  return { train: takeFirst(split.train, sizes.train), test: takeFirst(split.test, sizes.test) };
}
