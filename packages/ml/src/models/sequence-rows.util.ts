import * as tf from '@tensorflow/tfjs';

/*
 * The layout lstmSequence and gruSequence share: a sequence as time-major rows, step t's batch
 * being rows t·batch … (t+1)·batch − 1, so a product over every step is one matrix product and
 * a step's share is a contiguous slice.
 */

/** [batch, steps, width] as time-major rows [steps·batch, width]. */
export const timeMajorRows = (x: tf.Tensor): tf.Tensor2D => {
  const [batch, steps, width] = x.shape as [number, number, number];
  return tf.reshape(tf.transpose(x, [1, 0, 2]), [steps * batch, width]);
};

/** Time-major rows [steps·batch, width] back to [batch, steps, width]. */
export const batchMajor = (rows: tf.Tensor2D, steps: number, batch: number): tf.Tensor3D =>
  tf.transpose(tf.reshape(rows, [steps, batch, rows.shape[1]]), [1, 0, 2]);

/**
 * What follows from every step's pre-activation gradient dZ (time-major rows, [steps·batch,
 * gates·u]) on the input side: dZᵀ (the recurrent kernel's product needs it too), the kernel's
 * dW = Xᵀ·dZ, the bias's db = Σ dZ and the input's dX = dZ·Wᵀ ([batch, steps, features]).
 * The weight gradients are computed transposed, dZᵀ on the left: XNNPACK (wasm) packs its right
 * operand whole and streams the left one past it once per few columns, so Hᵀ·dZ with dZ on the
 * right (LSTM-1024: 3,456 × 4,096, 56 MB) ran at 17 GFLOP/s and dZᵀ·H at 30 (measured). dZᵀ also
 * makes db a sum along the last axis, which wasm reduces without a transpose.
 */
export function inputSideGrads(
  dZ: tf.Tensor2D,
  xRows: tf.Tensor2D,
  kernel: tf.Tensor2D,
  steps: number,
  batch: number,
): { dZt: tf.Tensor2D; dW: tf.Tensor2D; db: tf.Tensor1D; dX: tf.Tensor3D } {
  const dZt = tf.transpose(dZ);
  return {
    dZt,
    dW: tf.transpose(tf.matMul(dZt, xRows)) as tf.Tensor2D,
    db: tf.sum(dZt, 1),
    dX: batchMajor(tf.matMul(dZ, kernel, false, true), steps, batch),
  };
}
