import * as tf from '@tensorflow/tfjs';
import type { ImageDataset } from '../datasets/dataset.types';
import { InspectInputError } from '../inspect/inspect-input.error';
import type { ChannelStats } from '../core/channel-stats.compute';
import { ImageNormalizer } from '../core/image.normalize';
import { modelInputShape, readLayerSpecs } from './layer-specs.read';
import { runLayers } from './layers.forward';
import { receptiveField } from './receptive-field.compute';
import { rectifiedIndex } from './rectified-layer.find';
import { checkIntegerIn, requireConvLayer } from './visual-input.check';
import type { TGridPosition, TPixelBox } from './visual.types';

export interface TopActivationsOptions {
  /** The normalisation the model was trained with (StoredModel.channelStats). */
  channelStats: ChannelStats;
  /** Images per forward pass (default 256): memory ~ batch × the layer's output, speed flat beyond ~128. */
  batchSize?: number;
  /** Which images of the dataset to search (default: all of them, in order). */
  indices?: readonly number[];
}

export interface TTopActivation {
  /** Index of the image in the dataset. */
  image: number;
  /** The map's largest activation on that image (after ReLU). */
  value: number;
  /** Where in the layer's output grid that maximum is (first in row-major order on ties). */
  position: TGridPosition;
  /** Its receptive field in input pixels: the patch to crop. */
  box: TPixelBox;
}

export interface TTopActivations {
  layerName: string;
  k: number;
  /** featureMaps[c]: the (up to) k images whose largest activation in map c is largest, strongest first; ties go to the lower image index. */
  featureMaps: TTopActivation[][];
}

interface Candidate {
  image: number;
  value: number;
  flatPosition: number;
}

/** Inserts into a list kept sorted strongest first and at most k long; an equal value goes after those already there (earlier images win ties). */
function offer(list: Candidate[], k: number, c: Candidate): void {
  if (list.length === k && !(c.value > (list[k - 1] as Candidate).value)) return;
  let at = list.length;
  while (at > 0 && (list[at - 1] as Candidate).value < c.value) at--;
  list.splice(at, 0, c);
  if (list.length > k) list.pop();
}

/**
 * For every feature map of conv layer `layerName`: the k images of `images` on which the map
 * responds most, scored by the map's largest activation (max over positions, after ReLU),
 * with where that maximum is. This picks the images the paper's top-9 figures show; feed
 * each (image, map) pair to deconvProject for its projection. Batched forward passes, each
 * in tf.tidy, stopping at the layer: the tensor count does not grow.
 */
export async function topActivations(
  model: tf.LayersModel,
  images: ImageDataset,
  layerName: string,
  k = 9,
  opts: TopActivationsOptions,
): Promise<TTopActivations> {
  const specs = readLayerSpecs(model);
  const conv = requireConvLayer(specs, layerName);
  const [h, w, c] = conv.outShape as [number, number, number];
  const [ih, iw, ic] = modelInputShape(model);
  if (images.height !== ih || images.width !== iw || images.channels !== ic) {
    throw new InspectInputError(`the images are ${images.height}×${images.width}×${images.channels}, the model takes ${ih}×${iw}×${ic}`);
  }
  checkIntegerIn('k', k, 1, 1000);
  const batchSize = opts.batchSize ?? 256;
  checkIntegerIn('batch size', batchSize, 1, 4096);
  const indices = opts.indices ?? Array.from({ length: images.count }, (_, i) => i);
  for (const i of indices) checkIntegerIn('image index', i, 0, images.count - 1);
  const top = rectifiedIndex(specs, conv);
  const normalizer = new ImageNormalizer(images, opts.channelStats);

  const lists: Candidate[][] = Array.from({ length: c }, () => []);
  for (let start = 0; start < indices.length; start += batchSize) {
    const batch = indices.slice(start, start + batchSize);
    const x = normalizer.tensor(batch);
    const [maxT, argT] = tf.tidy((): [tf.Tensor, tf.Tensor] => {
      const flat = tf.reshape(runLayers(specs, x, 0, top), [batch.length, h * w, c]);
      return [tf.max(flat, 1), tf.argMax(flat, 1)];
    });
    x.dispose();
    let maxima: Float32Array;
    let positions: Int32Array;
    try {
      [maxima, positions] = await Promise.all([maxT.data<'float32'>(), argT.data<'int32'>()]);
    } finally {
      tf.dispose([maxT, argT]);
    }
    for (let b = 0; b < batch.length; b++) {
      for (let ch = 0; ch < c; ch++) {
        const value = maxima[b * c + ch] as number;
        if (Number.isNaN(value)) continue;
        offer(lists[ch] as Candidate[], k, { image: batch[b] as number, value, flatPosition: positions[b * c + ch] as number });
      }
    }
  }

  return {
    layerName,
    k,
    featureMaps: lists.map((list) =>
      list.map(({ image, value, flatPosition }) => {
        const position = { y: Math.floor(flatPosition / w), x: flatPosition % w };
        return { image, value, position, box: receptiveField(specs, top, position) };
      }),
    ),
  };
}
