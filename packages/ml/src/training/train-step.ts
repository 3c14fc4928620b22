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

/** The model's trainable variables in the order every step and optimizer sees them. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/**
 * What a step differentiates: softmax cross-entropy of model(x) (logits) against one-hot y,
 * averaged over the batch. The arg-max hit count is kept out of the tidy scope and handed to
 * `onCorrect`: the caller disposes it.
 */
export function lossClosure(
  model: tf.LayersModel,
  x: tf.Tensor4D,
  y: tf.Tensor2D,
  onCorrect: (correct: tf.Scalar) => void,
): () => tf.Scalar {
  return () => {
    const logits = model.apply(x, { training: true }) as tf.Tensor2D;
    onCorrect(tf.keep(countCorrect(logits, y)));
    return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
  };
}

export function checkGradClipNorm(gradClipNorm: number | undefined): void {
  if (gradClipNorm !== undefined && !(gradClipNorm > 0 && Number.isFinite(gradClipNorm))) {
    throw new Error(`gradClipNorm must be a positive number, got ${gradClipNorm}`);
  }
}

/**
 * optimizer.applyGradients with `grads` (keyed by variable name) in `variables`' order, rescaled
 * to a global L2 norm of at most gradClipNorm when it is set. `grads` stay the caller's.
 */
export function applyGradients(
  optimizer: tf.Optimizer,
  variables: readonly tf.Variable[],
  grads: tf.NamedTensorMap,
  gradClipNorm: number | undefined,
): void {
  const clipped = gradClipNorm === undefined ? undefined : clipByGlobalNorm(grads, gradClipNorm);
  try {
    const applied = clipped ?? grads;
    optimizer.applyGradients(
      variables.map((v) => {
        const tensor = applied[v.name];
        if (tensor === undefined) throw new Error(`no gradient for ${v.name}`);
        return { name: v.name, tensor };
      }),
    );
  } finally {
    if (clipped !== undefined) tf.dispose(clipped);
  }
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
  const variables = trainableVariables(model);
  const { gradClipNorm } = options;
  checkGradClipNorm(gradClipNorm);
  return async (x, y, onGradients) => {
    let correct: tf.Scalar | undefined;
    const lossOf = lossClosure(model, x, y, (c) => (correct = c));
    let loss: tf.Scalar | null = null;
    let grads: tf.NamedTensorMap | undefined;
    try {
      if (onGradients === undefined && gradClipNorm === undefined) {
        loss = optimizer.minimize(lossOf, true, variables);
      } else {
        const computed = optimizer.computeGradients(lossOf, variables);
        loss = computed.value;
        grads = computed.grads;
        if (onGradients !== undefined) await onGradients(grads);
        applyGradients(optimizer, variables, grads, gradClipNorm);
      }
      if (loss === null || correct === undefined) throw new Error('optimizer.minimize returned no loss');
      const [lossValue, correctValue] = await Promise.all([loss.data(), correct.data()]);
      return { loss: lossValue[0] as number, correct: correctValue[0] as number };
    } finally {
      if (grads !== undefined) tf.dispose(grads);
      loss?.dispose();
      correct?.dispose();
    }
  };
}
