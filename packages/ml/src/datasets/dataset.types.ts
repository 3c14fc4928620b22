/**
 * A decoded image dataset kept as raw bytes: 8-bit pixels, NHWC, so that all of
 * CIFAR-10 fits in ~180 MB; batches are turned into float tensors on demand.
 */
export interface ImageDataset {
  /** count × height × width × channels bytes, row-major, channels interleaved. */
  images: Uint8Array;
  /** count class indices. */
  labels: Uint8Array;
  count: number;
  height: number;
  width: number;
  channels: number;
  classNames: readonly string[];
}

export interface DatasetSplit {
  train: ImageDataset;
  test: ImageDataset;
}

export type CifarVariant = 'rgb32' | 'gray28';
