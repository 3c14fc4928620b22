import type * as tf from '@tensorflow/tfjs';
import { classNamesOf, inputShapeOf, layersOf, type TCustomConfig, type TLenet5Config } from '@tensorscope/shared';
import { buildLenet5 } from './lenet5.model';
import { buildNetwork } from './network.build';
import { buildRecurrentModel, type TRecurrentModelConfig } from './recurrent.model';

/** What building a model reads from a run config; every TRunConfig is one. */
export type TModelConfig = Pick<TLenet5Config, 'model' | 'variant' | 'seed'> | TRecurrentModelConfig | TCustomConfig;

/**
 * The untrained model a run config describes: LeNet-5 in its variant, a recurrent classifier of
 * MNIST rows, or a custom layer stack on its dataset (all three built by buildNetwork).
 */
export function buildModel(config: TModelConfig): tf.LayersModel {
  if (config.model === 'lenet5') return buildLenet5(config);
  if (config.model !== 'custom') return buildRecurrentModel(config);
  const stack = layersOf(config);
  if (!stack.ok) throw new Error(stack.problems.join('; '));
  const inputShape = inputShapeOf(config);
  if (inputShape === undefined)
    throw new Error(`dataset ${config.dataset}: the run has no dataset facts (it was not created through the API)`);
  return buildNetwork(stack.layers, { inputShape, classes: classNamesOf(config).length, seed: config.seed, name: 'custom' });
}
