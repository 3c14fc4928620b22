import type { ImageDataset } from './dataset.types';

/**
 * Images read by index, wherever their bytes are: in memory (an ImageDataset) or in a verified
 * cache file (DiskImageSource), so a run's training split need not sit in the worker's heap
 * (CIFAR-10 rgb32's 50,000 training images are 153 MB; a training step reads 64 of them).
 * Labels are small and always in memory.
 */
export interface ImageSource {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  /** count class indices. */
  readonly labels: Uint8Array;
  readonly classNames: readonly string[];
  /**
   * The bytes of images [start, start + n), NHWC. The view is valid until the next call
   * (a disk source reuses one buffer): copy what must be kept.
   */
  images(start: number, n: number): Uint8Array;
}

/** A training split as train() takes it: whole in memory, or read by index. */
export type TrainImages = ImageDataset | ImageSource;

/** An in-memory dataset as a source: views of its bytes, nothing copied. */
export function memorySource(dataset: ImageDataset): ImageSource {
  const size = dataset.height * dataset.width * dataset.channels;
  const { count, height, width, channels, labels, classNames } = dataset;
  return {
    count,
    height,
    width,
    channels,
    labels,
    classNames,
    images: (start, n) => {
      checkRange(count, start, n);
      return dataset.images.subarray(start * size, (start + n) * size);
    },
  };
}

export function asImageSource(images: TrainImages): ImageSource {
  return isImageSource(images) ? images : memorySource(images);
}

function isImageSource(images: TrainImages): images is ImageSource {
  return typeof images.images === 'function';
}

/** The first `count` images of a source (a view: nothing is read or copied). */
export function takeFirstSource(source: ImageSource, count: number): ImageSource {
  if (!Number.isInteger(count) || count < 1 || count > source.count) {
    throw new Error(`subset size must be an integer in 1..${source.count}, got ${count}`);
  }
  return {
    count,
    height: source.height,
    width: source.width,
    channels: source.channels,
    labels: source.labels.subarray(0, count),
    classNames: source.classNames,
    images: (start, n) => {
      checkRange(count, start, n);
      return source.images(start, n);
    },
  };
}

export function checkRange(count: number, start: number, n: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(n) || start < 0 || n < 0 || start + n > count) {
    throw new Error(`images ${start}..${start + n - 1} are outside 0..${count - 1}`);
  }
}
