import * as tf from '@tensorflow/tfjs';

/** √(Σ over every tensor of Σ g²): the L2 norm of all gradients taken as one vector. */
export function globalNorm(grads: readonly tf.Tensor[]): tf.Scalar {
  return tf.tidy(() => tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g))))) as tf.Scalar);
}

/**
 * Gradients rescaled so their global L2 norm is at most `maxNorm`, as TensorFlow's
 * clip_by_global_norm: every tensor times maxNorm / max(norm, maxNorm). One factor for all
 * of them, so the update keeps its direction and only its length shrinks; below the bound
 * the factor is exactly 1 and the values come back unchanged. Computed on the backend (no
 * read-back, so no stall per step). Returns new tensors, keyed like `grads`; the caller
 * disposes both maps.
 */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): tf.NamedTensorMap {
  if (!(maxNorm > 0) || !Number.isFinite(maxNorm)) throw new Error(`gradient clip norm must be a positive number, got ${maxNorm}`);
  const names = Object.keys(grads);
  if (names.length === 0) return {};
  return tf.tidy(() => {
    const tensors = names.map((n) => grads[n] as tf.Tensor);
    const bound = tf.scalar(maxNorm);
    const scale = tf.div(bound, tf.maximum(globalNorm(tensors), bound));
    const clipped: tf.NamedTensorMap = {};
    names.forEach((n, i) => (clipped[n] = tf.mul(tensors[i]!, scale)));
    return clipped;
  });
}
