import type * as tf from '@tensorflow/tfjs';
import { LENET5_VARIANT_INPUT, lenet5Layers, type TLenet5Config } from '@tensorscope/shared';
import { buildNetwork } from './network.build';

/** Height, width, channels of the images each variant trains on. */
export const LENET5_INPUT_SHAPE = LENET5_VARIANT_INPUT;

export const LENET5_NUM_CLASSES = 10;

/** Layer names are part of the contract: weight inspection addresses layers by them. */
export const LENET5_LAYER_NAMES = ['conv1', 'pool1', 'conv2', 'pool2', 'flatten', 'fc1', 'fc2'] as const;
export type TLenet5LayerName = (typeof LENET5_LAYER_NAMES)[number];

/**
 * The course's LeNet-5 (the same layers for every variant; only the input differs, and with it
 * fc1's fan-in): conv 5×5×32 ReLU (same) → maxpool 2 → conv 5×5×64 ReLU (same) → maxpool 2 →
 * flatten → dense 1024 ReLU → dense 10 logits; the trainer applies softmax cross-entropy to them.
 * Built from its preset layer stack (shared's lenet5Layers) by buildNetwork, like any network:
 * Glorot-uniform kernels seeded from `config.seed` plus the kernel's place, zero biases.
 */
export function buildLenet5(config: Pick<TLenet5Config, 'variant' | 'seed'>): tf.LayersModel {
  return buildNetwork(lenet5Layers(), {
    inputShape: LENET5_INPUT_SHAPE[config.variant],
    classes: LENET5_NUM_CLASSES,
    seed: config.seed,
    name: `lenet5-${config.variant}`,
  });
}
