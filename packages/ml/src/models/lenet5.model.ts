import * as tf from '@tensorflow/tfjs';
import type { TLenet5Config, TLenet5Variant } from '@tensorscope/shared';

/** Height, width, channels of the images each variant trains on. */
export const LENET5_INPUT_SHAPE: Readonly<Record<TLenet5Variant, readonly [number, number, number]>> = {
  'cifar-gray28': [28, 28, 1],
  'cifar-rgb32': [32, 32, 3],
  mnist: [28, 28, 1],
};

export const LENET5_NUM_CLASSES = 10;

/** Layer names are part of the contract: weight inspection addresses layers by them. */
export const LENET5_LAYER_NAMES = ['conv1', 'pool1', 'conv2', 'pool2', 'flatten', 'fc1', 'fc2'] as const;
export type TLenet5LayerName = (typeof LENET5_LAYER_NAMES)[number];

/**
 * The course's LeNet-5 (the same layers for every variant; only the input differs,
 * and with it fc1's fan-in): conv 5×5×32 ReLU (same) → maxpool 2 → conv 5×5×64 ReLU
 * (same) → maxpool 2 → flatten → dense 1024 ReLU → dense 10.
 *
 * fc2 outputs logits (linear), not probabilities: the trainer applies
 * softmax cross-entropy to logits, which is numerically stable; apply
 * `tf.softmax` to the output to get class probabilities.
 *
 * Every kernel gets a Glorot-uniform initializer seeded from `config.seed`
 * (plus the layer's index, so equal-shaped layers never start identical);
 * biases start at zero. Same seed, same backend → same initial weights.
 * Pure: builds and returns a model, compiles nothing, touches no global state
 * beyond TF.js's variable registry.
 */
export function buildLenet5(config: Pick<TLenet5Config, 'variant' | 'seed'>): tf.LayersModel {
  const [height, width, channels] = LENET5_INPUT_SHAPE[config.variant];
  const kernelInitializer = (layerIndex: number) => tf.initializers.glorotUniform({ seed: config.seed + layerIndex });

  const model = tf.sequential({ name: `lenet5-${config.variant}` });
  model.add(
    tf.layers.conv2d({
      name: 'conv1',
      inputShape: [height, width, channels],
      filters: 32,
      kernelSize: 5,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: kernelInitializer(1),
      biasInitializer: 'zeros',
    }),
  );
  model.add(tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2, strides: 2 }));
  model.add(
    tf.layers.conv2d({
      name: 'conv2',
      filters: 64,
      kernelSize: 5,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: kernelInitializer(2),
      biasInitializer: 'zeros',
    }),
  );
  model.add(tf.layers.maxPooling2d({ name: 'pool2', poolSize: 2, strides: 2 }));
  model.add(tf.layers.flatten({ name: 'flatten' }));
  model.add(
    tf.layers.dense({
      name: 'fc1',
      units: 1024,
      activation: 'relu',
      kernelInitializer: kernelInitializer(3),
      biasInitializer: 'zeros',
    }),
  );
  model.add(
    tf.layers.dense({
      name: 'fc2',
      units: LENET5_NUM_CLASSES,
      activation: 'linear',
      kernelInitializer: kernelInitializer(4),
      biasInitializer: 'zeros',
    }),
  );
  return model;
}
