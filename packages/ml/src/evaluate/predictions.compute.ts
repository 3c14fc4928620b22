import * as tf from '@tensorflow/tfjs';
import type { ChannelStats } from '../core/channel-stats.compute';
import { ImageNormalizer } from '../core/image.normalize';
import { yieldToEventLoop } from '../core/event-loop.yield';
import type { ImageDataset } from '../datasets/dataset.types';
import { walkLayerOutputs } from '../inspect/layer-outputs.walk';

export interface TPredictions {
  /** Softmax probabilities, images × classes, row-major. */
  probabilities: Float32Array;
  classes: number;
  /** With `features`: that layer's outputs, images × featureSize, row-major. */
  features?: Float32Array;
  featureSize?: number;
}

export interface PredictOptions {
  channelStats: ChannelStats;
  /** Also keep this layer's (flattened) outputs per image. */
  features?: string;
  batchSize?: number;
  onProgress?: (fraction: number) => void | Promise<void>;
}

/**
 * The model's softmax over the first `count` images of `images`, in inference mode and in
 * batches (one batch of activations alive at a time; the event loop gets a turn between them),
 * with the images standardised exactly as in training.
 */
export async function predictImages(
  model: tf.LayersModel,
  images: ImageDataset,
  count: number,
  options: PredictOptions,
): Promise<TPredictions> {
  const batchSize = options.batchSize ?? 250;
  const normalizer = new ImageNormalizer(images, options.channelStats);
  const chunks: Float32Array[] = [];
  const featureChunks: Float32Array[] = [];
  let classes = 0;
  let featureSize: number | undefined;
  for (let start = 0; start < count; start += batchSize) {
    const indices = Array.from({ length: Math.min(batchSize, count - start) }, (_, i) => start + i);
    const x = normalizer.tensor(indices);
    try {
      let logits: tf.Tensor | undefined;
      await walkLayerOutputs(model, x, async (layer, output) => {
        if (layer.name === options.features) {
          featureSize = output.size / indices.length;
          featureChunks.push(new Float32Array(await output.data<'float32'>()));
        }
        if (layer === model.layers[model.layers.length - 1]) logits = tf.softmax(output as tf.Tensor2D);
      });
      if (!logits) throw new Error('the model produced no output');
      classes = logits.shape[1]!;
      chunks.push(new Float32Array(await logits.data<'float32'>()));
      logits.dispose();
    } finally {
      x.dispose();
    }
    await options.onProgress?.(Math.min(count, start + batchSize) / count);
    await yieldToEventLoop();
  }
  if (options.features !== undefined && featureSize === undefined) throw new Error(`model has no layer '${options.features}'`);
  const result: TPredictions = { probabilities: concat(chunks), classes };
  if (featureSize !== undefined) Object.assign(result, { features: concat(featureChunks), featureSize });
  return result;
}

function concat(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The layer feeding the classifier (the last layer): its outputs are the model's learned
 * representation. Dropout layers are skipped, since in inference they pass their input through.
 */
export function penultimateLayer(model: tf.LayersModel): string {
  for (let i = model.layers.length - 2; i >= 0; i--) {
    const layer = model.layers[i]!;
    if (layer.getClassName() !== 'Dropout') return layer.name;
  }
  throw new Error('the model has a single layer: nothing feeds its classifier');
}
