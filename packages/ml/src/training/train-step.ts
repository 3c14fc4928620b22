import * as tf from '@tensorflow/tfjs';

export interface StepResult {
  /** Mean softmax cross-entropy over the batch. */
  loss: number;
  /** Images whose arg-max logit is the labelled class. */
  correct: number;
}

/**
 * Sees one step's gradients of the loss, keyed by variable name, before they are
 * applied. They are the step's own tensors: read them, do not dispose or keep them.
 */
export type GradientHook = (grads: tf.NamedTensorMap) => Promise<void>;

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
 * Everything the step creates is released before it returns (the loss closure runs
 * tidied; gradients, loss and the kept correct-count are disposed after being read);
 * x and y stay the caller's.
 */
export function createTrainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
): (x: tf.Tensor4D, y: tf.Tensor2D, onGradients?: GradientHook) => Promise<StepResult> {
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  return async (x, y, onGradients) => {
    let correct: tf.Scalar | undefined;
    const lossOf = () => {
      const logits = model.apply(x, { training: true }) as tf.Tensor2D;
      correct = tf.keep(countCorrect(logits, y));
      return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
    };
    let loss: tf.Scalar | null = null;
    let grads: tf.NamedTensorMap | undefined;
    try {
      if (onGradients === undefined) {
        loss = optimizer.minimize(lossOf, true, variables);
      } else {
        const computed = optimizer.computeGradients(lossOf, variables);
        loss = computed.value;
        grads = computed.grads;
        await onGradients(grads);
        optimizer.applyGradients(
          variables.map((v) => {
            const tensor = computed.grads[v.name];
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
      loss?.dispose();
      correct?.dispose();
    }
  };
}
