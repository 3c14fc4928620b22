import type * as tf from '@tensorflow/tfjs';
import { activationOf } from '../inspect/activation.compute';
import { featureMapsLayout, renderFeatureMaps } from '../inspect/feature-maps.render';
import { InspectInputError } from '../inspect/inspect-input.error';
import { loadSnapshot } from '../inspect/snapshot.load';
import type { TSnapshotTensorData } from '../inspect/snapshot.types';
import type { ChannelStats } from '../core/channel-stats.compute';
import type { TRunDataChoice } from './run-images.select';
import { runTestSet, type TrainRunEnv } from './train-run';
import type { ImageDataset } from '../datasets/dataset.types';
import { datasetImageRgba } from '../visualize/image-patch.crop';
import { rgbaToPng } from '../visualize/rgba-image.png';

export { InspectInputError };

/** Beyond this an inspection image (feature maps, filter grids: conv2 at zoom 32 is 5151×10303) costs seconds and megabytes to render and send. */
export const MAX_IMAGE_PIXELS = 4_000_000;

export interface StoredModel {
  topology: unknown;
  tensors: readonly TSnapshotTensorData[];
  /** The normalisation the run trained with. */
  channelStats: ChannelStats;
}

/** A snapshot rebuilt as a TF.js model, with the normalisation its run trained with. The owner disposes `model`. */
export interface LoadedModel {
  model: tf.LayersModel;
  channelStats: ChannelStats;
}

/** Rebuilds a stored snapshot (see loadSnapshot); the caller owns the model. */
export async function loadStoredModel(stored: StoredModel): Promise<LoadedModel> {
  return { model: await loadSnapshot(stored.topology, stored.tensors), channelStats: stored.channelStats };
}

/**
 * What layer `layer` of a loaded snapshot computes for test image `imageIndex` of the run's dataset:
 * conv/pool outputs as [h, w, c], flat outputs (dense layers, a recurrent model's last cell) as
 * [units]. A layer whose output is a sequence ([steps, features]: `rows`, a cell that returns
 * sequences, the dropout after it) has no feature maps: InspectInputError, as for an unknown
 * layer or a bad image index.
 */
async function layerActivation(
  config: TRunDataChoice,
  env: TrainRunEnv,
  loaded: LoadedModel,
  layer: string,
  imageIndex: number,
): Promise<{ test: ImageDataset; shape: number[]; data: Float32Array }> {
  const test = await runTestSet(config, env);
  if (!Number.isInteger(imageIndex) || imageIndex < 0 || imageIndex >= test.count) {
    throw new InspectInputError(`image must be an index from 0 to ${test.count - 1}, got ${imageIndex}`);
  }
  const { model } = loaded;
  const found = model.layers.find((l) => l.name === layer);
  if (found === undefined) {
    throw new InspectInputError(`model has no layer '${layer}' (layers: ${model.layers.map((l) => l.name).join(', ')})`);
  }
  // Checked before running anything: [batch, h, w, c] or [batch, units] only.
  const outputShape = found.outputShape;
  const rank = Array.isArray(outputShape[0]) ? -1 : outputShape.length;
  if (rank !== 4 && rank !== 2) {
    const perImage =
      rank === 3 ? `a sequence of [${outputShape.slice(1).join(', ')}] (steps × features)` : `shape [${outputShape.join(', ')}]`;
    throw new InspectInputError(
      `layer ${layer} outputs ${perImage}; feature maps exist for conv/pool layers (and flat outputs, drawn as one strip)`,
    );
  }
  const activation = await activationOf(model, layer, test, imageIndex, loaded.channelStats);
  return { test, shape: activation.shape.length === 3 ? activation.shape : [activation.data.length], data: activation.data };
}

/** Runs `op` on a snapshot loaded for this call only (the one-shot form of the functions below). */
async function withLoaded<T>(stored: StoredModel, op: (loaded: LoadedModel) => Promise<T>): Promise<T> {
  const loaded = await loadStoredModel(stored);
  try {
    return await op(loaded);
  } finally {
    loaded.model.dispose();
  }
}

/**
 * What layer `layer` of a loaded snapshot computes for test image `imageIndex`, as a PNG of one
 * tile per channel (conv/pool), or one 1×units strip (flat outputs). See layerActivation for
 * errors; a zoom too big is one too.
 */
export async function renderLayerFeatureMaps(
  config: TRunDataChoice,
  env: TrainRunEnv,
  loaded: LoadedModel,
  layer: string,
  imageIndex: number,
  zoom: number,
): Promise<Buffer> {
  const activation = await layerActivation(config, env, loaded, layer, imageIndex);
  const shape = activation.shape.length === 3 ? activation.shape : [1, activation.data.length, 1];
  const { width, height } = featureMapsLayout(shape, zoom);
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new InspectInputError(`zoom ${zoom} makes a ${width}×${height} image for ${layer}; use a smaller zoom`);
  }
  return renderFeatureMaps({ shape, data: activation.data }, zoom);
}

/** renderLayerFeatureMaps on a stored snapshot, loaded for this call. */
export function renderRunFeatureMaps(
  config: TRunDataChoice,
  env: TrainRunEnv,
  stored: StoredModel,
  layer: string,
  imageIndex: number,
  zoom: number,
): Promise<Buffer> {
  return withLoaded(stored, (loaded) => renderLayerFeatureMaps(config, env, loaded, layer, imageIndex, zoom));
}

/** Flat outputs up to this many units come back as numbers (a labelled bar chart); bigger ones only as the strip. */
export const MAX_PROBE_VALUES = 1024;

export interface TLayerProbe {
  /** The test image as stored (before normalisation), as a PNG. */
  inputPng: Buffer;
  /** Its true class. */
  label: number;
  /** The layer's output shape for one image: [h, w, c] or [units]. */
  shape: number[];
  /** A flat output's values (up to MAX_PROBE_VALUES units), else null. */
  values: number[] | null;
}

/** What the feature maps of a loaded snapshot are of: the input image, its label, and a flat layer's values. */
export async function probeLayer(
  config: TRunDataChoice,
  env: TrainRunEnv,
  loaded: LoadedModel,
  layer: string,
  imageIndex: number,
): Promise<TLayerProbe> {
  const { test, shape, data } = await layerActivation(config, env, loaded, layer, imageIndex);
  return {
    inputPng: rgbaToPng(datasetImageRgba(test, imageIndex)),
    label: test.labels[imageIndex]!,
    shape,
    values: shape.length === 1 && data.length <= MAX_PROBE_VALUES ? Array.from(data) : null,
  };
}

/** probeLayer on a stored snapshot, loaded for this call. */
export function probeRunLayer(
  config: TRunDataChoice,
  env: TrainRunEnv,
  stored: StoredModel,
  layer: string,
  imageIndex: number,
): Promise<TLayerProbe> {
  return withLoaded(stored, (loaded) => probeLayer(config, env, loaded, layer, imageIndex));
}
