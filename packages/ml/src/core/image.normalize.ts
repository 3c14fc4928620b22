import * as tf from '@tensorflow/tfjs';
import { asImageSource, type ImageSource, type TrainImages } from '../datasets/image-source';
import type { ChannelStats } from './channel-stats.compute';

/**
 * The one input normalisation of the project: byte → (byte/255 − mean[c]) / std[c],
 * with the training set's channel stats. Training batches, evaluation batches,
 * probe images and single-image inspection all go through this class, so a model
 * never sees inputs scaled differently from how it was trained.
 * A 256-entry lookup table per channel maps a byte straight to its float: one
 * table read per value.
 */
export class ImageNormalizer {
  private readonly lut: Float32Array;
  private readonly source: ImageSource;
  readonly pixelsPerImage: number;

  constructor(dataset: TrainImages, stats: ChannelStats) {
    this.source = asImageSource(dataset);
    const { channels } = dataset;
    if (stats.mean.length !== channels || stats.std.length !== channels) {
      throw new Error(`channel stats are for ${stats.mean.length} channels, the dataset has ${channels}`);
    }
    this.lut = new Float32Array(channels * 256);
    for (let c = 0; c < channels; c++) {
      const mean = stats.mean[c] as number;
      const std = stats.std[c] as number;
      for (let v = 0; v < 256; v++) this.lut[c * 256 + v] = (v / 255 - mean) / std;
    }
    this.pixelsPerImage = dataset.height * dataset.width * channels;
  }

  /** Writes image `index` of the images, standardised, into dst from dstOffset on. */
  fill(index: number, dst: Float32Array, dstOffset: number): void {
    const { channels } = this.source;
    if (!Number.isInteger(index) || index < 0 || index >= this.source.count) {
      throw new Error(`image index must be an integer in 0..${this.source.count - 1}, got ${index}`);
    }
    const size = this.pixelsPerImage;
    // One image's bytes: a view of memory, or read from the file (a disk source).
    const bytes = this.source.images(index, 1);
    if (channels === 1) {
      for (let p = 0; p < size; p++) dst[dstOffset + p] = this.lut[bytes[p] as number] as number;
    } else {
      for (let p = 0; p < size; p += channels) {
        for (let c = 0; c < channels; c++) dst[dstOffset + p + c] = this.lut[c * 256 + (bytes[p + c] as number)] as number;
      }
    }
  }

  /** The images at `indices`, in that order, as one [n, height, width, channels] float32 tensor. */
  tensor(indices: ArrayLike<number>): tf.Tensor4D {
    const { height, width, channels } = this.source;
    const x = new Float32Array(indices.length * this.pixelsPerImage);
    for (let b = 0; b < indices.length; b++) this.fill(indices[b] as number, x, b * this.pixelsPerImage);
    return tf.tensor4d(x, [indices.length, height, width, channels]);
  }
}
