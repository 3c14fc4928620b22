import type * as tf from '@tensorflow/tfjs';

/**
 * Sees one step's gradients of the loss, keyed by variable name, before they are
 * applied. They are the step's own tensors: read them, do not dispose or keep them.
 * Lives in core because both sides meet here: the train step calls it, the layer
 * inspector makes it.
 */
export type GradientHook = (grads: tf.NamedTensorMap) => Promise<void>;
