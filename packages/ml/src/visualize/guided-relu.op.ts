import * as tf from '@tensorflow/tfjs';

/**
 * ReLU whose backward pass is guided backpropagation's (Springenberg et al. 2015): a gradient
 * goes through only where the forward input was positive (ordinary ReLU) and the gradient
 * itself is positive (the deconvnet's rule). A local op made with tf.customGrad, used only
 * where layers.forward runs in guided mode: nothing global is overridden, so no other
 * gradient in the process changes. step(0) = 0 on both sides, as TF's own ReLU gradient at 0.
 */
export const guidedRelu = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [z, save] = args as [tf.Tensor, tf.GradSaveFunc];
  save([z]);
  return {
    value: tf.relu(z),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [input] = saved;
      if (input === undefined || Array.isArray(dy)) throw new Error('guidedRelu: unexpected gradient arguments');
      return tf.mul(tf.mul(dy, tf.step(input)), tf.step(dy));
    },
  };
}) as (z: tf.Tensor) => tf.Tensor;
