import type * as tf from '@tensorflow/tfjs';
import type { ChannelStats } from '../core/channel-stats.compute';
import { listParams } from './model-params.list';
import type { TSnapshotTensorData, TWeightSnapshot } from './snapshot.types';

/** The architecture as a plain object; it never changes during training, so a run computes it once. */
export function modelTopology(model: tf.LayersModel): unknown {
  return model.toJSON(null, false);
}

/**
 * Reads every weight of `model` (kernels, recurrent kernels, biases, batch-norm statistics; one read per
 * tensor; ~13 MB for LeNet gray28, ~17 MB for rgb32, nearly all of it fc1's kernel). Each array is a fresh copy the
 * caller owns: on the cpu backend `data()` hands out the backend's own array, which
 * must never be mutated.
 */
export async function takeSnapshot(
  model: tf.LayersModel,
  step: number,
  channelStats: ChannelStats,
  topology: unknown = modelTopology(model),
): Promise<TWeightSnapshot> {
  const params = listParams(model, 'all');
  const values = await Promise.all(params.map((p) => p.variable.data<'float32'>()));
  const tensors: TSnapshotTensorData[] = params.map((p, i) => ({
    layer: p.layer,
    param: p.param,
    shape: [...p.variable.shape],
    data: new Float32Array(values[i] as Float32Array),
  }));
  return { step, wallTime: Date.now(), topology, tensors, channelStats: { mean: [...channelStats.mean], std: [...channelStats.std] } };
}
