import type * as tf from '@tensorflow/tfjs';
import type { TLenet5Config } from '@tensorscope/shared';
import { buildLenet5 } from './lenet5.model';
import { buildRecurrentModel, type TRecurrentModelConfig } from './recurrent.model';

/** What building a model reads from a run config; every TRunConfig is one. */
export type TModelConfig = Pick<TLenet5Config, 'model' | 'variant' | 'seed'> | TRecurrentModelConfig;

/** The untrained model a run config describes: LeNet-5 in its variant, or a recurrent classifier of MNIST rows. */
export function buildModel(config: TModelConfig): tf.LayersModel {
  return config.model === 'lenet5' ? buildLenet5(config) : buildRecurrentModel(config);
}
