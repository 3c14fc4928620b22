import * as tf from '@tensorflow/tfjs';
import { paramKind } from './model-params.list';
import { fuseRecurrentLayers } from '../models/recurrent-fused.patch';
import type { TSnapshotTensorData } from './snapshot.types';

type ModelJson = Parameters<typeof tf.models.modelFromJSON>[0];

/**
 * The topology with every initializer replaced by zeros: every weight is overwritten from the
 * snapshot (and a missing one refused), so drawing 4 M seeded random numbers for LeNet's kernels
 * first is wasted time on every cold load (~40–60 ms on wasm).
 */
function withZeroInitializers(topology: unknown): unknown {
  return JSON.parse(JSON.stringify(topology), (key, value: unknown) =>
    key.endsWith('_initializer') && typeof value === 'object' && value !== null ? { class_name: 'Zeros', config: {} } : value,
  );
}

const shapeText = (shape: readonly (number | null)[]) => `[${shape.join(', ')}]`;

/**
 * Rebuilds a model from a snapshot: the architecture from `topology` (as in
 * TWeightSnapshot), then every kernel and bias set from `tensors`. Refuses a
 * snapshot that does not fit: a missing or extra tensor, or a shape mismatch.
 * The caller owns (and disposes) the returned model.
 */
export async function loadSnapshot(topology: unknown, tensors: readonly TSnapshotTensorData[]): Promise<tf.LayersModel> {
  const model = await tf.models.modelFromJSON({ modelTopology: withZeroInitializers(topology) } as ModelJson);
  try {
    const byName = new Map(tensors.map((t) => [`${t.layer}/${t.param}`, t]));
    for (const layer of model.layers) {
      if (layer.weights.length === 0) continue;
      // Match and check every weight of the layer before creating any tensor: nothing to undo on a mismatch.
      const matched = layer.weights.map((w) => {
        const param = paramKind(w.originalName);
        const key = `${layer.name}/${param ?? w.originalName}`;
        const t = byName.get(key);
        if (t === undefined) throw new Error(`snapshot has no tensor ${key}`);
        if (shapeText(t.shape) !== shapeText(w.shape))
          throw new Error(`snapshot tensor ${key} is ${shapeText(t.shape)}, the model needs ${shapeText(w.shape)}`);
        byName.delete(key);
        return t;
      });
      const values = matched.map((t) => tf.tensor(t.data, t.shape, 'float32'));
      try {
        layer.setWeights(values);
      } finally {
        tf.dispose(values);
      }
    }
    const extra = [...byName.keys()];
    if (extra.length > 0) throw new Error(`snapshot tensors ${extra.join(', ')} match no weight of the model`);
    fuseRecurrentLayers(model); // as the trainer computed it (see buildNetwork)
    return model;
  } catch (e) {
    model.dispose();
    throw e;
  }
}
