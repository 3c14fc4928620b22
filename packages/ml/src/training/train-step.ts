import * as tf from '@tensorflow/tfjs';

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
 * Everything the step creates is released before it returns (minimize tidies
 * its closure; the two kept scalars are disposed after being read); x and y stay
 * the caller's.
 */
export function createTrainStep(model: tf.LayersModel, optimizer: tf.Optimizer): (x: tf.Tensor4D, y: tf.Tensor2D) => Promise<StepResult> {
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  return async (x, y) => {
    let correct: tf.Scalar | undefined;
    const loss = optimizer.minimize(
      () => {
        const logits = model.apply(x, { training: true }) as tf.Tensor2D;
        correct = tf.keep(countCorrect(logits, y));
        return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
      },
      true,
      variables,
    );
    try {
      if (loss === null || correct === undefined) throw new Error('optimizer.minimize returned no loss');
      const [lossValue, correctValue] = await Promise.all([loss.data(), correct.data()]);
      return { loss: lossValue[0] as number, correct: correctValue[0] as number };
    } finally {
      loss?.dispose();
      correct?.dispose();
    }
  };
}
