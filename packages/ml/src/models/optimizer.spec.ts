import * as tf from '@tensorflow/tfjs';

/** An optimizer as TF.js serialises it: enough to build a twin in another thread (its state travels apart). */
export interface TOptimizerSpec {
  className: string;
  config: tf.serialization.ConfigDict;
}

export function optimizerSpec(optimizer: tf.Optimizer): TOptimizerSpec {
  return { className: optimizer.getClassName(), config: optimizer.getConfig() };
}

/** A fresh optimizer of the spec's class and settings (TF.js registers its optimizers for this on import). */
export function optimizerFromSpec(spec: TOptimizerSpec): tf.Optimizer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[spec.className];
  if (entry === undefined) throw new Error(`unknown optimizer class ${spec.className}`);
  const [cls, fromConfig] = entry;
  const optimizer = fromConfig(cls, spec.config);
  if (!(optimizer instanceof tf.Optimizer)) throw new Error(`${spec.className} is not an optimizer`);
  return optimizer;
}
