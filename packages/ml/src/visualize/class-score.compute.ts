import * as tf from '@tensorflow/tfjs';
import type { TLayerSpec } from './layer-specs.read';
import { runLayers, type ForwardMode } from './layers.forward';
import { checkClassIndex } from './visual-input.check';

/**
 * The score of class `classIndex` for a batch of one, from layer `from` on: the model's
 * output before any final softmax (the logits; LeNet-5's fc2 is linear already). Gradient
 * maps differentiate this unnormalised score, as Simonyan et al. and Grad-CAM do: the
 * softmax would mix in every other class. Call inside tf.tidy / tf.grad.
 */
export function classScore(specs: readonly TLayerSpec[], x: tf.Tensor, classIndex: number, from = 0, mode: ForwardMode = {}): tf.Scalar {
  const scores = runLayers(specs, x, from, specs.length - 1, { ...mode, logits: true });
  return tf.sum(tf.slice(scores, [0, classIndex], [1, 1]));
}

/** The class the model predicts for a batch of one; the default target of the gradient maps. */
export async function predictedClass(specs: readonly TLayerSpec[], x: tf.Tensor): Promise<number> {
  const best = tf.tidy(() => tf.argMax(tf.reshape(runLayers(specs, x, 0, specs.length - 1, { logits: true }), [-1])));
  try {
    return (await best.data())[0] as number;
  } finally {
    best.dispose();
  }
}

/** classIndex if given (checked), else the predicted class. */
export async function targetClass(specs: readonly TLayerSpec[], x: tf.Tensor, classIndex: number | undefined): Promise<number> {
  if (classIndex === undefined) return predictedClass(specs, x);
  checkClassIndex(specs, classIndex);
  return classIndex;
}
