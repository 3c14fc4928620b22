import * as tf from '@tensorflow/tfjs';
import type { TCheckpointTensor, TTrainCheckpoint } from './checkpoint.types';

async function readAll(named: Array<{ name: string; tensor: tf.Tensor }>): Promise<TCheckpointTensor[]> {
  const values = await Promise.all(named.map((n) => n.tensor.data()));
  // Copies: on the cpu backend data() hands out the backend's own array.
  return named.map((n, i) => ({ name: n.name, shape: [...n.tensor.shape], data: Float32Array.from(values[i] as ArrayLike<number>) }));
}

/** Reads the model's weights and the optimizer's slots; the caller's tensors stay untouched. */
export async function takeCheckpointTensors(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
): Promise<Pick<TTrainCheckpoint, 'weights' | 'optimizer'>> {
  const weights = await readAll(model.weights.map((w) => ({ name: w.originalName, tensor: w.read() })));
  // getWeights() answers the optimizer's own variables plus a fresh `iter` scalar: dispose that one.
  const slots = await optimizer.getWeights();
  try {
    return { weights, optimizer: await readAll(slots) };
  } finally {
    for (const s of slots) if (s.name === 'iter') s.tensor.dispose();
  }
}

/**
 * Puts the weights and optimizer slots back. Slots are matched by position (TF.js optimizers
 * key their state by the order of the gradients, which the same config builds the same way),
 * so a count or shape mismatch is refused rather than applied to the wrong variable.
 */
export async function restoreCheckpointTensors(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  checkpoint: Pick<TTrainCheckpoint, 'weights' | 'optimizer'>,
): Promise<void> {
  const weights = model.weights;
  if (weights.length !== checkpoint.weights.length) {
    throw new Error(`checkpoint has ${checkpoint.weights.length} weights, the model ${weights.length}: it belongs to another network`);
  }
  weights.forEach((w, i) => {
    const saved = checkpoint.weights[i]!;
    if (saved.shape.join('x') !== w.shape.join('x')) {
      throw new Error(`checkpoint weight ${saved.name} is ${saved.shape.join('×')}, the model's ${w.originalName} is ${w.shape.join('×')}`);
    }
  });
  const values = checkpoint.weights.map((t) => tf.tensor(t.data, t.shape, 'float32'));
  try {
    model.setWeights(values);
  } finally {
    tf.dispose(values);
  }
  const slots = checkpoint.optimizer.map((t) => ({ name: t.name, tensor: tf.tensor(t.data, t.shape, 'float32') }));
  try {
    await optimizer.setWeights(slots);
  } finally {
    // setWeights wraps each slot in a variable that shares (and holds a reference to) its data.
    tf.dispose(slots.map((s) => s.tensor));
  }
}
