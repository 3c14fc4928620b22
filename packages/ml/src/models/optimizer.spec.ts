import * as tf from '@tensorflow/tfjs';
import { LeanAdamOptimizer } from './adam-lean.optimizer';

/** An optimizer as TF.js serialises it: enough to build a twin in another thread (its state travels apart). */
export interface TOptimizerSpec {
  className: string;
  config: tf.serialization.ConfigDict;
}

export function optimizerSpec(optimizer: tf.Optimizer): TOptimizerSpec {
  return { className: optimizer.getClassName(), config: optimizer.getConfig() };
}

/** A fresh optimizer of the spec's class and settings (TF.js registers its optimizers for this on import; Adam: LeanAdamOptimizer). */
export function optimizerFromSpec(spec: TOptimizerSpec): tf.Optimizer {
  // Adam is built as createOptimizer builds it: the lean one (same updates, less memory).
  if (spec.className === LeanAdamOptimizer.className) {
    const { learningRate, beta1, beta2, epsilon } = spec.config as Record<'learningRate' | 'beta1' | 'beta2' | 'epsilon', number>;
    return new LeanAdamOptimizer(learningRate, beta1, beta2, epsilon);
  }
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[spec.className];
  if (entry === undefined) throw new Error(`unknown optimizer class ${spec.className}`);
  const [cls, fromConfig] = entry;
  const optimizer = fromConfig(cls, spec.config);
  if (!(optimizer instanceof tf.Optimizer)) throw new Error(`${spec.className} is not an optimizer`);
  return optimizer;
}
