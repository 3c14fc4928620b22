import * as tf from '@tensorflow/tfjs';
import { inferNetwork, type TLayer } from '@tensorscope/shared';
import { fuseRecurrentLayer } from './recurrent-fused.patch';

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

/**
 * Sets an LSTM's forget-gate biases (the second of its four blocks: i, f, c, o) to 1, as
 * Keras's unit_forget_bias does: the cell starts out remembering, so gradients flow back
 * through every step from the first. Done by hand, not with TF.js's unitForgetBias: that
 * initializer leaks 4 tensors per layer at every build, including every load of a snapshot
 * (modelFromJSON re-runs initializers), which would pile up in the API process.
 */
function setForgetBias(layer: tf.layers.Layer, units: number): void {
  const bias = layer.weights.find((w) => w.originalName.endsWith('/bias'));
  if (bias === undefined) throw new Error(`${layer.name} has no bias`);
  tf.tidy(() => {
    bias.write(tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]));
  });
}

/** One TF.js layer for one schema layer; `kernel()` hands out the next seeded Glorot initializer. */
function tfLayer(spec: TLayer, name: string, kernel: () => Initializer, first: { inputShape: number[] } | object): tf.layers.Layer {
  const base = { name, ...first };
  switch (spec.type) {
    case 'conv2d':
      return tf.layers.conv2d({
        ...base,
        filters: spec.filters,
        kernelSize: spec.kernelSize,
        strides: spec.strides,
        padding: spec.padding,
        activation: spec.activation,
        useBias: spec.useBias,
        kernelInitializer: kernel(),
        biasInitializer: 'zeros',
      });
    case 'maxPool2d':
    case 'avgPool2d': {
      const args = { ...base, poolSize: spec.poolSize, strides: spec.strides ?? spec.poolSize, padding: spec.padding };
      return spec.type === 'maxPool2d' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args);
    }
    case 'batchNorm':
      return tf.layers.batchNormalization({ ...base, momentum: spec.momentum, epsilon: spec.epsilon });
    case 'dropout':
      // No seed: a seeded TF.js Dropout draws the same mask at every step.
      return tf.layers.dropout({ ...base, rate: spec.rate });
    case 'flatten':
      return tf.layers.flatten(base);
    case 'globalAvgPool2d':
      return tf.layers.globalAveragePooling2d(base);
    case 'reshape':
      return tf.layers.reshape({ ...base, targetShape: spec.targetShape });
    case 'dense':
      return tf.layers.dense({
        ...base,
        units: spec.units,
        activation: spec.activation,
        useBias: spec.useBias,
        kernelInitializer: kernel(),
        biasInitializer: 'zeros',
      });
    case 'rnn':
    case 'lstm':
    case 'gru': {
      const args = {
        ...base,
        units: spec.units,
        returnSequences: spec.returnSequences,
        kernelInitializer: kernel(),
        recurrentInitializer: kernel(),
        biasInitializer: 'zeros' as const,
      };
      // Gates use the logistic sigmoid, not TF.js's default hard sigmoid, whose zero gradient
      // outside [−2.5, 2.5] can freeze a saturated gate for good. Recurrent kernels are Glorot,
      // not Keras's orthogonal: TF.js's QR in JS takes minutes for a 1024×4096 matrix on wasm.
      if (spec.type === 'rnn') return tf.layers.simpleRNN({ ...args, activation: 'tanh' });
      if (spec.type === 'lstm') return tf.layers.lstm({ ...args, recurrentActivation: 'sigmoid' });
      return tf.layers.gru({ ...args, recurrentActivation: 'sigmoid' });
    }
  }
}

/**
 * The untrained model a layer stack makes on images of `inputShape` with `classes` classes (see
 * inferNetwork: names, the added head, a final softmax trained as logits). Every kernel matrix
 * (a recurrent layer has two: kernel, then recurrent kernel) is Glorot-uniform seeded by
 * `seed + k`, k counting kernel matrices from 1 in layer order, so no two start alike and the same
 * seed always builds the same weights; biases start at zero (LSTM forget gates at 1).
 * LSTM and GRU layers compute through lstmSequence / gruSequence (fuseRecurrentLayer): one op
 * per layer with its own back-propagation through time, the same equations as TF.js's loop.
 * Pure: builds and returns a model; compiles nothing. Throws with inferNetwork's messages for a
 * stack that cannot train (the API refuses those before they are queued).
 */
export function buildNetwork(
  stack: readonly TLayer[],
  options: { inputShape: readonly number[]; classes: number; seed: number; name?: string },
): tf.LayersModel {
  const inferred = inferNetwork(stack, { inputShape: options.inputShape, classes: options.classes });
  if (!inferred.ok) throw new Error(inferred.problems.map((p) => p.message).join('; '));
  let k = 0;
  const kernel = () => tf.initializers.glorotUniform({ seed: options.seed + ++k });
  const model = tf.sequential(options.name !== undefined ? { name: options.name } : {});
  inferred.layers.forEach((spec, i) => {
    const layer = tfLayer(spec, inferred.network.layers[i]!.name, kernel, i === 0 ? { inputShape: [...options.inputShape] } : {});
    model.add(layer); // builds the layer: its weights exist from here on
    if (spec.type === 'lstm') setForgetBias(layer, spec.units);
    fuseRecurrentLayer(layer);
  });
  return model;
}
