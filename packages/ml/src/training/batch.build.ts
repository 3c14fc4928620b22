import * as tf from '@tensorflow/tfjs';
import type { TrainImages } from '../datasets/image-source';
import type { ChannelStats } from '../core/channel-stats.compute';
import { ImageNormalizer } from '../core/image.normalize';

export interface Batch {
  /** [n, height, width, channels] float32, standardised per channel. */
  x: tf.Tensor4D;
  /** [n, numClasses] one-hot float32. */
  y: tf.Tensor2D;
}

/**
 * Turns uint8 NHWC images into float batches on demand, so only one batch of
 * floats exists at a time (all of CIFAR-10 as float32 would be ~740 MB).
 * Pixels are standardised by ImageNormalizer (byte/255 − mean[c]) / std[c].
 */
export class BatchBuilder {
  private readonly normalizer: ImageNormalizer;

  constructor(
    private readonly dataset: TrainImages,
    stats: ChannelStats,
    private readonly numClasses: number,
  ) {
    this.normalizer = new ImageNormalizer(dataset, stats);
  }

  /** Images order[start], …, order[end − 1]; or start…end − 1 when no order is given. */
  build(start: number, end: number, order?: ArrayLike<number>): Batch {
    const { height, width, channels } = this.dataset;
    const n = end - start;
    const { x, y } = this.fill(start, end, order);
    return {
      x: tf.tensor4d(x, [n, height, width, channels]),
      y: tf.tensor2d(y, [n, this.numClasses]),
    };
  }

  /** The same batch as plain arrays, x [n·h·w·c] and one-hot y [n·classes] (what a worker thread is sent). */
  fill(start: number, end: number, order?: ArrayLike<number>): { x: Float32Array; y: Float32Array } {
    const { labels } = this.dataset;
    const n = end - start;
    const size = this.normalizer.pixelsPerImage;
    const x = new Float32Array(n * size);
    const y = new Float32Array(n * this.numClasses);
    for (let b = 0; b < n; b++) {
      const index = order === undefined ? start + b : (order[start + b] as number);
      this.normalizer.fill(index, x, b * size);
      const label = labels[index] as number;
      if (label >= this.numClasses) throw new Error(`label ${label} of image ${index} is not below ${this.numClasses} classes`);
      y[b * this.numClasses + label] = 1;
    }
    return { x, y };
  }
}
