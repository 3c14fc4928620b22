import * as tf from '@tensorflow/tfjs';
import type { TRecurrentConfig, TRecurrentModel } from '@tensorscope/shared';

/** An MNIST image as the recurrent models read it: 28 time steps (rows) of 28 features (pixels). */
export const RECURRENT_INPUT_SHAPE = [28, 28, 1] as const;
export const RECURRENT_NUM_CLASSES = 10;

export type TRecurrentModelConfig = Pick<TRecurrentConfig, 'model' | 'hiddenSize' | 'layers' | 'dropout' | 'seed'>;

/**
 * Layer names, a contract (weight inspection addresses layers by them): `rows`, then per
 * recurrent layer i = 1…layers `<model><i>` (e.g. lstm1) and, with dropout > 0,
 * `dropout<i>`; finally `fc`.
 */
export function recurrentLayerNames(config: Pick<TRecurrentConfig, 'model' | 'layers' | 'dropout'>): string[] {
  const names = ['rows'];
  for (let i = 1; i <= config.layers; i++) {
    names.push(`${config.model}${i}`);
    if (config.dropout > 0) names.push(`dropout${i}`);
  }
  names.push('fc');
  return names;
}

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

/** Arguments every cell type takes the same way. */
type CellArgs = {
  name: string;
  units: number;
  returnSequences: boolean;
  kernelInitializer: Initializer;
  recurrentInitializer: Initializer;
  biasInitializer: 'zeros';
};

// Gates use the logistic sigmoid, not TF.js's default hard sigmoid, whose zero gradient
// outside [−2.5, 2.5] can freeze a saturated gate for good.
const CELLS: Record<TRecurrentModel, (args: CellArgs) => tf.layers.Layer> = {
  rnn: (args) => tf.layers.simpleRNN({ ...args, activation: 'tanh' }),
  lstm: (args) => tf.layers.lstm({ ...args, recurrentActivation: 'sigmoid' }),
  gru: (args) => tf.layers.gru({ ...args, recurrentActivation: 'sigmoid' }),
};

/**
 * Sets an LSTM's forget-gate biases (the second of its four blocks: i, f, c, o) to 1, as
 * Keras's unit_forget_bias does: the cell starts out remembering, so gradients flow back
 * through all 28 rows from step one. Done by hand, not with TF.js's unitForgetBias: that
 * initializer leaks 4 tensors per layer at every build, including every loadSnapshot of
 * the model (modelFromJSON re-runs initializers), which would pile up in the API process.
 */
function setForgetBias(layer: tf.layers.Layer, units: number): void {
  const bias = layer.weights.find((w) => w.originalName.endsWith('/bias'));
  if (bias === undefined) throw new Error(`${layer.name} has no bias`);
  tf.tidy(() => {
    bias.write(tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]));
  });
}

/**
 * A recurrent classifier of MNIST rows: Reshape [28, 28, 1] → [28, 28] (`rows`), then
 * `layers` stacked cells of `hiddenSize` units (every one but the last returns its whole
 * sequence, so the next one reads 28 steps too; the last returns its final state), each
 * followed by Dropout when dropout > 0, then a dense layer of 10 logits (`fc`; the trainer
 * applies softmax cross-entropy to logits).
 *
 * The input stays [28, 28, 1], the shape the data pipeline produces for every MNIST model.
 *
 * Kernels and recurrent kernels are Glorot-uniform, each seeded from `config.seed` plus its
 * own offset, so no two weights start alike; biases start at zero (LSTM: forget gate at 1,
 * see setForgetBias).
 * Recurrent kernels are deliberately not orthogonal (the Keras default): TF.js computes an
 * orthogonal init by a Gram–Schmidt QR in JS, minutes for an LSTM-1024's 1024×4096 matrix
 * on wasm, while Glorot is one seeded uniform draw.
 *
 * Dropout layers get no seed: a seeded TF.js Dropout draws the same mask at every step.
 * So with dropout > 0 training is not bit-reproducible; without it, it is.
 *
 * Pure: builds and returns a model; compiles nothing.
 */
export function buildRecurrentModel(config: TRecurrentModelConfig): tf.LayersModel {
  const { model: cell, hiddenSize, layers, dropout, seed } = config;
  if (!Number.isInteger(layers) || layers < 1) throw new Error(`layers must be a positive integer, got ${layers}`);
  if (!Number.isInteger(hiddenSize) || hiddenSize < 1) throw new Error(`hiddenSize must be a positive integer, got ${hiddenSize}`);
  if (!(dropout >= 0 && dropout < 1)) throw new Error(`dropout must be in [0, 1), got ${dropout}`);
  const glorot = (offset: number) => tf.initializers.glorotUniform({ seed: seed + offset });
  const [steps, features] = RECURRENT_INPUT_SHAPE;

  const model = tf.sequential({ name: `${cell}-h${hiddenSize}-l${layers}` });
  model.add(tf.layers.reshape({ name: 'rows', inputShape: [...RECURRENT_INPUT_SHAPE], targetShape: [steps, features] }));
  for (let i = 1; i <= layers; i++) {
    const layer = CELLS[cell]({
      name: `${cell}${i}`,
      units: hiddenSize,
      returnSequences: i < layers,
      kernelInitializer: glorot(2 * i - 1),
      recurrentInitializer: glorot(2 * i),
      biasInitializer: 'zeros',
    });
    model.add(layer); // builds the layer: its weights exist from here on
    if (cell === 'lstm') setForgetBias(layer, hiddenSize);
    if (dropout > 0) model.add(tf.layers.dropout({ name: `dropout${i}`, rate: dropout }));
  }
  model.add(
    tf.layers.dense({
      name: 'fc',
      units: RECURRENT_NUM_CLASSES,
      activation: 'linear',
      kernelInitializer: glorot(2 * layers + 1),
      biasInitializer: 'zeros',
    }),
  );
  return model;
}
