import type * as tf from '@tensorflow/tfjs';
import { gruSequence } from './gru-sequence.op';
import { lstmSequence } from './lstm-sequence.op';

/** What the patch reads of a TF.js LSTM or GRU layer (tfjs-layers' RNN around its cell). */
interface RecurrentLayerView {
  call: (inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>) => tf.Tensor | tf.Tensor[];
  returnSequences: boolean;
  cell: { kernel: tf.LayerVariable; recurrentKernel: tf.LayerVariable; bias: tf.LayerVariable | null };
}

/** The one-op form of each layer class it exists for. */
const SEQUENCE_OPS = { LSTM: lstmSequence, GRU: gruSequence } as const;

/** The sequence op that computes `layer` exactly as tf.layers does, if there is one for its configuration. */
function sequenceOpOf(layer: tf.layers.Layer): (typeof SEQUENCE_OPS)[keyof typeof SEQUENCE_OPS] | undefined {
  const op = SEQUENCE_OPS[layer.getClassName() as keyof typeof SEQUENCE_OPS];
  const c = layer.getConfig();
  const plain =
    c['activation'] === 'tanh' &&
    c['recurrentActivation'] === 'sigmoid' &&
    c['useBias'] === true &&
    !c['dropout'] &&
    !c['recurrentDropout'] &&
    c['stateful'] !== true &&
    c['goBackwards'] !== true &&
    c['returnState'] !== true &&
    // Keras's reset_after GRU variant (TF.js has none today) would be other equations.
    c['resetAfter'] !== true;
  return plain ? op : undefined;
}

/**
 * Makes an LSTM or GRU layer compute through its sequence op (lstmSequence, gruSequence: one op
 * with its own back-propagation through time; see there why) whenever it is called the plain
 * way: a single input tensor, no mask, no initial state. Anything else, and any configuration
 * the ops do not cover (dropout inside the cell, other activations, stateful…), keeps TF.js's
 * own loop. The layer stays a TF.js layer in every other respect (class, weights, config,
 * serialisation), so snapshots, statistics and the hidden-state views see no difference; only
 * the arithmetic's order differs, to float tolerance (tested against TF.js's loop). Returns
 * whether it did.
 */
export function fuseRecurrentLayer(layer: tf.layers.Layer): boolean {
  const op = sequenceOpOf(layer);
  if (op === undefined) return false;
  const view = layer as unknown as RecurrentLayerView;
  const original = view.call.bind(layer);
  view.call = (inputs, kwargs) => {
    const x = Array.isArray(inputs) ? (inputs.length === 1 ? inputs[0] : undefined) : inputs;
    const { bias } = view.cell;
    if (x === undefined || x.rank !== 3 || kwargs?.['mask'] != null || kwargs?.['initialState'] != null || bias === null) {
      return original(inputs, kwargs);
    }
    return op(
      x as tf.Tensor3D,
      view.cell.kernel.read() as tf.Tensor2D,
      view.cell.recurrentKernel.read() as tf.Tensor2D,
      bias.read() as tf.Tensor1D,
      view.returnSequences,
    );
  };
  return true;
}

/** fuseRecurrentLayer on every layer of `model` (a trainer's, its helper thread's, a loaded snapshot's); returns how many. */
export function fuseRecurrentLayers(model: tf.LayersModel): number {
  return model.layers.filter((layer) => fuseRecurrentLayer(layer)).length;
}
