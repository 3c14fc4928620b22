import * as tf from '@tensorflow/tfjs';
import type { TOptimizer } from '@tensorscope/shared';
import { LeanAdamOptimizer } from './adam-lean.optimizer';

/** Momentum of the 'momentum' choice: the usual default, fixed so runs stay comparable. */
export const MOMENTUM = 0.9;

/** A fresh optimizer for one run (optimizers keep per-variable state: never share one between models). */
export function createOptimizer(config: { optimizer: TOptimizer; learningRate: number }): tf.Optimizer {
  switch (config.optimizer) {
    case 'adam':
      // tf.train.adam's defaults (beta1 0.9, beta2 0.999, the backend's epsilon), with less memory.
      return new LeanAdamOptimizer(config.learningRate, 0.9, 0.999);
    case 'sgd':
      return tf.train.sgd(config.learningRate);
    case 'momentum':
      return tf.train.momentum(config.learningRate, MOMENTUM);
  }
}
