import type * as tf from '@tensorflow/tfjs';
import { lstmSequence } from './lstm-sequence.op';

/** What the patch reads of a TF.js LSTM layer (tfjs-layers' RNN with an LSTMCell). */
interface LstmLayerView {
  call: (inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>) => tf.Tensor | tf.Tensor[];
  returnSequences: boolean;
  cell: { kernel: tf.LayerVariable; recurrentKernel: tf.LayerVariable; bias: tf.LayerVariable | null };
}

/** The configurations lstmSequence computes exactly as tf.layers does. */
function fusable(layer: tf.layers.Layer): boolean {
  const c = layer.getConfig();
  return (
    layer.getClassName() === 'LSTM' &&
    c['activation'] === 'tanh' &&
    c['recurrentActivation'] === 'sigmoid' &&
    c['useBias'] === true &&
    !c['dropout'] &&
    !c['recurrentDropout'] &&
    c['stateful'] !== true &&
    c['goBackwards'] !== true &&
    c['returnState'] !== true
  );
}

/**
 * Makes an LSTM layer compute through lstmSequence (one op with its own back-propagation
 * through time: see there why) whenever it is called the plain way: a single input tensor, no
 * mask, no initial state. Anything else, and any configuration lstmSequence does not cover
 * (dropout inside the cell, other activations, stateful…), keeps TF.js's own loop. The layer
 * stays a TF.js LSTM in every other respect (class, weights, config, serialisation), so
 * snapshots, statistics and the hidden-state views see no difference; only the arithmetic's
 * order differs, to float tolerance (tested against TF.js's loop). Returns whether it did.
 */
export function fuseLstmLayer(layer: tf.layers.Layer): boolean {
  if (!fusable(layer)) return false;
  const view = layer as unknown as LstmLayerView;
  const original = view.call.bind(layer);
  view.call = (inputs, kwargs) => {
    const x = Array.isArray(inputs) ? (inputs.length === 1 ? inputs[0] : undefined) : inputs;
    const { bias } = view.cell;
    if (x === undefined || x.rank !== 3 || kwargs?.['mask'] != null || kwargs?.['initialState'] != null || bias === null) {
      return original(inputs, kwargs);
    }
    return lstmSequence(
      x as tf.Tensor3D,
      view.cell.kernel.read() as tf.Tensor2D,
      view.cell.recurrentKernel.read() as tf.Tensor2D,
      bias.read() as tf.Tensor1D,
      view.returnSequences,
    );
  };
  return true;
}

/** fuseLstmLayer on every layer of `model` (a trainer's, its helper thread's, a loaded snapshot's); returns how many. */
export function fuseLstmLayers(model: tf.LayersModel): number {
  return model.layers.filter((layer) => fuseLstmLayer(layer)).length;
}
