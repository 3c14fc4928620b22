import * as tf from '@tensorflow/tfjs';
import type { ImageDataset } from '../datasets/dataset.types';
import type { ChannelStats } from './channel-stats.compute';

export interface Batch {
  /** [n, height, width, channels] float32, standardised per channel. */
  x: tf.Tensor4D;
  /** [n, numClasses] one-hot float32. */
  y: tf.Tensor2D;
}

/**
 * Turns uint8 NHWC images into float batches on demand, so only one batch of
 * floats exists at a time (all of CIFAR-10 as float32 would be ~740 MB).
 * A 256-entry lookup table per channel maps a byte straight to
 * (byte/255 − mean[c]) / std[c]: one table read per value.
 */
export class BatchBuilder {
  private readonly lut: Float32Array;
  private readonly pixelsPerImage: number;

  constructor(
    private readonly dataset: ImageDataset,
    stats: ChannelStats,
    private readonly numClasses: number,
  ) {
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

  /** Images order[start], …, order[end − 1]; or start…end − 1 when no order is given. */
  build(start: number, end: number, order?: ArrayLike<number>): Batch {
    const { images, labels, height, width, channels } = this.dataset;
    const n = end - start;
    const size = this.pixelsPerImage;
    const x = new Float32Array(n * size);
    const y = new Float32Array(n * this.numClasses);
    for (let b = 0; b < n; b++) {
      const index = order === undefined ? start + b : (order[start + b] as number);
      const src = index * size;
      const dst = b * size;
      if (channels === 1) {
        for (let p = 0; p < size; p++) x[dst + p] = this.lut[images[src + p] as number] as number;
      } else {
        for (let p = 0; p < size; p += channels) {
          for (let c = 0; c < channels; c++) x[dst + p + c] = this.lut[c * 256 + (images[src + p + c] as number)] as number;
        }
      }
      const label = labels[index] as number;
      if (label >= this.numClasses) throw new Error(`label ${label} of image ${index} is not below ${this.numClasses} classes`);
      y[b * this.numClasses + label] = 1;
    }
    return {
      x: tf.tensor4d(x, [n, height, width, channels]),
      y: tf.tensor2d(y, [n, this.numClasses]),
    };
  }
}
