import type * as tf from '@tensorflow/tfjs';
import type { ImageDataset } from '../datasets/dataset.types';
import type { ChannelStats } from '../core/channel-stats.compute';
import { ImageNormalizer } from '../core/image.normalize';
import { walkLayerOutputs } from './layer-outputs.walk';

/** One image's activation at one layer, without the batch axis: [h, w, c] for conv/pool layers, [units] for dense ones and a recurrent model's last cell, [steps, units] for a cell that returns sequences. */
export interface Activation {
  shape: number[];
  data: Float32Array;
}

/**
 * The output of layer `layerName` for image `index` of `images`, in inference mode.
 * The image is standardised with `channelStats`, which must be the stats the model
 * was trained with (TWeightSnapshot.channelStats): the same ImageNormalizer as
 * training, so the layer sees exactly what it would have seen in training.
 * Layers after `layerName` are not run.
 */
export async function activationOf(
  model: tf.LayersModel,
  layerName: string,
  images: ImageDataset,
  index: number,
  channelStats: ChannelStats,
): Promise<Activation> {
  if (!model.layers.some((l) => l.name === layerName)) {
    throw new Error(`model has no layer '${layerName}' (layers: ${model.layers.map((l) => l.name).join(', ')})`);
  }
  const x = new ImageNormalizer(images, channelStats).tensor([index]);
  let result: Activation | undefined;
  try {
    await walkLayerOutputs(model, x, async (layer, output) => {
      if (layer.name !== layerName) return;
      result = { shape: output.shape.slice(1), data: new Float32Array(await output.data<'float32'>()) };
      return 'stop';
    });
  } finally {
    x.dispose();
  }
  if (result === undefined) throw new Error(`layer '${layerName}' produced no output`);
  return result;
}
