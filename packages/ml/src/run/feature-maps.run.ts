import type { TRunConfig } from '@tensorscope/shared';
import { activationOf } from '../inspect/activation.compute';
import { featureMapsLayout, renderFeatureMaps } from '../inspect/feature-maps.render';
import { loadSnapshot } from '../inspect/snapshot.load';
import type { TSnapshotTensorData } from '../inspect/snapshot.types';
import type { ChannelStats } from '../training/channel-stats.compute';
import { runTestSet, type TrainRunEnv } from './train-run';

/** Beyond this an inspection image (feature maps, filter grids: conv2 at zoom 32 is 5151×10303) costs seconds and megabytes to render and send. */
export const MAX_IMAGE_PIXELS = 4_000_000;

/** A request that names something the snapshot or dataset does not have (a 4xx, not a crash). */
export class InspectInputError extends Error {}

export interface StoredModel {
  topology: unknown;
  tensors: readonly TSnapshotTensorData[];
  /** The normalisation the run trained with. */
  channelStats: ChannelStats;
}

/**
 * What layer `layer` of a snapshot computes for test image `imageIndex` of the run's variant, as a
 * PNG of one tile per channel (conv/pool: [h, w, c]; dense layers: one 1×units strip).
 */
export async function renderRunFeatureMaps(
  config: Pick<TRunConfig, 'variant'>,
  env: TrainRunEnv,
  stored: StoredModel,
  layer: string,
  imageIndex: number,
  zoom: number,
): Promise<Buffer> {
  const test = await runTestSet(config, env);
  if (!Number.isInteger(imageIndex) || imageIndex < 0 || imageIndex >= test.count) {
    throw new InspectInputError(`image must be an index from 0 to ${test.count - 1}, got ${imageIndex}`);
  }
  const model = await loadSnapshot(stored.topology, stored.tensors);
  try {
    if (!model.layers.some((l) => l.name === layer)) {
      throw new InspectInputError(`model has no layer '${layer}' (layers: ${model.layers.map((l) => l.name).join(', ')})`);
    }
    const activation = await activationOf(model, layer, test, imageIndex, stored.channelStats);
    const shape = activation.shape.length === 3 ? activation.shape : [1, activation.data.length, 1];
    const { width, height } = featureMapsLayout(shape, zoom);
    if (width * height > MAX_IMAGE_PIXELS) {
      throw new InspectInputError(`zoom ${zoom} makes a ${width}×${height} image for ${layer}; use a smaller zoom`);
    }
    return renderFeatureMaps({ shape, data: activation.data }, zoom);
  } finally {
    model.dispose();
  }
}
