import * as tf from '@tensorflow/tfjs';

/** What `visit` may answer: 'stop' ends the walk after this layer. */
export type WalkControl = void | 'stop';

/**
 * Runs `x` through a Sequential model one layer at a time in inference mode
 * (training: false), handing each layer's output to `visit` before the next layer
 * runs, so at most two layer outputs are alive at once (all of them at once for 2,000
 * probe images would be ~0.5 GB). Each output is disposed after the next layer has
 * consumed it (or after visit, for the last one); x stays the caller's.
 * Only Sequential models: their layers form a chain, so layer i's input is layer
 * i − 1's output by construction.
 */
export async function walkLayerOutputs(
  model: tf.LayersModel,
  x: tf.Tensor,
  visit: (layer: tf.layers.Layer, output: tf.Tensor) => WalkControl | Promise<WalkControl>,
): Promise<void> {
  if (!(model instanceof tf.Sequential)) throw new Error('layer-by-layer inspection needs a Sequential model');
  let input = x;
  try {
    for (const layer of model.layers) {
      const output = tf.tidy(() => layer.apply(input, { training: false }) as tf.Tensor);
      if (input !== x) input.dispose();
      input = output;
      if ((await visit(layer, output)) === 'stop') break;
    }
  } finally {
    if (input !== x) input.dispose();
  }
}
