import * as tf from '@tensorflow/tfjs';
import type { GradientHook } from '../core/gradient.hook';
import { clipByGlobalNorm } from './grad-clip.op';

export interface StepResult {
  /** Mean softmax cross-entropy over the batch. */
  loss: number;
  /** Images whose arg-max logit is the labelled class. */
  correct: number;
}

/** argmax(logits) == argmax(oneHot), counted: a scalar. */
export function countCorrect(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(oneHot, 1)), 'float32')));
}

/**
 * One optimisation step per call: forward on `x`, softmax cross-entropy against
 * one-hot `y` (fc2 emits logits), gradients, update. The trained variables are
 * the model's own, passed explicitly: by default `minimize` would differentiate
 * every trainable variable alive in TF.js, including other models'.
 *
 * With `onGradients` (stats steps) the step is `minimize` unrolled, exactly as
 * tfjs-core writes it (computeGradients, then applyGradients with the same
 * variable-ordered list, then dispose), with the hook between the two: the update
 * is the one a plain step makes, and plain steps keep the fused `minimize` path.
 *
 * With `gradClipNorm` every step takes the unrolled path and applies the gradients
 * rescaled to a global L2 norm of at most gradClipNorm (clipByGlobalNorm). The hook still
 * sees the raw gradients: gradients/… statistics chart the loss's own gradient, so an
 * exploding one stays visible while clipping tames the update. Without gradClipNorm the
 * update is the plain one, bit for bit.
 *
 * Everything the step creates is released before it returns (the loss closure runs
 * tidied; gradients, clipped gradients, loss and the kept correct-count are disposed after
 * being read); x and y stay the caller's.
 */
export function createTrainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  options: { gradClipNorm?: number | undefined } = {},
): (x: tf.Tensor4D, y: tf.Tensor2D, onGradients?: GradientHook) => Promise<StepResult> {
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { gradClipNorm } = options;
  if (gradClipNorm !== undefined && !(gradClipNorm > 0 && Number.isFinite(gradClipNorm))) {
    throw new Error(`gradClipNorm must be a positive number, got ${gradClipNorm}`);
  }
  return async (x, y, onGradients) => {
    let correct: tf.Scalar | undefined;
    const lossOf = () => {
      const logits = model.apply(x, { training: true }) as tf.Tensor2D;
      correct = tf.keep(countCorrect(logits, y));
      return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
    };
    let loss: tf.Scalar | null = null;
    let grads: tf.NamedTensorMap | undefined;
    let clipped: tf.NamedTensorMap | undefined;
    try {
      if (onGradients === undefined && gradClipNorm === undefined) {
        loss = optimizer.minimize(lossOf, true, variables);
      } else {
        const computed = optimizer.computeGradients(lossOf, variables);
        loss = computed.value;
        grads = computed.grads;
        if (onGradients !== undefined) await onGradients(grads);
        if (gradClipNorm !== undefined) clipped = clipByGlobalNorm(grads, gradClipNorm);
        const applied = clipped ?? grads;
        optimizer.applyGradients(
          variables.map((v) => {
            const tensor = applied[v.name];
            if (tensor === undefined) throw new Error(`no gradient for ${v.name}`);
            return { name: v.name, tensor };
          }),
        );
      }
      if (loss === null || correct === undefined) throw new Error('optimizer.minimize returned no loss');
      const [lossValue, correctValue] = await Promise.all([loss.data(), correct.data()]);
      return { loss: lossValue[0] as number, correct: correctValue[0] as number };
    } finally {
      if (grads !== undefined) tf.dispose(grads);
      if (clipped !== undefined) tf.dispose(clipped);
      loss?.dispose();
      correct?.dispose();
    }
  };
}
