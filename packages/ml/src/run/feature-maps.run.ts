import { activationOf } from '../inspect/activation.compute';
import { featureMapsLayout, renderFeatureMaps } from '../inspect/feature-maps.render';
import { InspectInputError } from '../inspect/inspect-input.error';
import { loadSnapshot } from '../inspect/snapshot.load';
import type { TSnapshotTensorData } from '../inspect/snapshot.types';
import type { ChannelStats } from '../core/channel-stats.compute';
import type { TRunDataChoice } from './run-images.select';
import { runTestSet, type TrainRunEnv } from './train-run';

export { InspectInputError };

/** Beyond this an inspection image (feature maps, filter grids: conv2 at zoom 32 is 5151×10303) costs seconds and megabytes to render and send. */
export const MAX_IMAGE_PIXELS = 4_000_000;

export interface StoredModel {
  topology: unknown;
  tensors: readonly TSnapshotTensorData[];
  /** The normalisation the run trained with. */
  channelStats: ChannelStats;
}

/**
 * What layer `layer` of a snapshot computes for test image `imageIndex` of the run's dataset, as a
 * PNG of one tile per channel (conv/pool: [h, w, c]; flat outputs, e.g. dense layers or a
 * recurrent model's last cell: one 1×units strip). A layer whose output is a sequence
 * ([steps, features]: `rows`, a cell that returns sequences, the dropout after it) has no
 * feature maps: InspectInputError, as for an unknown layer, a bad image index or a zoom too big.
 */
export async function renderRunFeatureMaps(
  config: TRunDataChoice,
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
