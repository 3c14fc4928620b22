import * as tf from '@tensorflow/tfjs';
import type { ImageDataset } from '../datasets/dataset.types';
import type { ChannelStats } from '../core/channel-stats.compute';
import { ImageNormalizer } from '../core/image.normalize';
import { checkIntegerIn } from './visual-input.check';
import type { TVisualImage } from './visual.types';

export function checkImageIndex(dataset: ImageDataset, index: number): void {
  if (dataset.count === 0) throw new Error('the dataset is empty');
  checkIntegerIn('image index', index, 0, dataset.count - 1);
}

/**
 * Image `index` of a dataset as the model sees it: standardised with the run's channel stats
 * (TWeightSnapshot.channelStats / StoredModel.channelStats) by the one ImageNormalizer that
 * training used. A model fed raw bytes or [0, 1] values would compute something else entirely.
 */
export function datasetImage(dataset: ImageDataset, index: number, channelStats: ChannelStats): TVisualImage {
  checkImageIndex(dataset, index);
  const normalizer = new ImageNormalizer(dataset, channelStats);
  const data = new Float32Array(normalizer.pixelsPerImage);
  normalizer.fill(index, data, 0);
  return { shape: [dataset.height, dataset.width, dataset.channels], data };
}

/** A batch of one, [1, h, w, c]. */
export function imageTensor(image: TVisualImage): tf.Tensor4D {
  return tf.tensor4d(image.data, [1, ...image.shape]);
}
