import type * as tf from '@tensorflow/tfjs';
import { PARAM_KINDS, type TParamKind } from '@tensorscope/shared';

/** One trainable parameter tensor of a model, addressed the way tags and snapshots name it. */
export interface ModelParam {
  /** Layer name, e.g. conv1. */
  layer: string;
  param: TParamKind;
  /** The backing variable. Its name (e.g. conv1/kernel_1 when several models share a process) keys gradient maps. */
  variable: tf.Variable;
}

/** `conv1/kernel` → kernel, `lstm1/recurrent_kernel` → recurrent_kernel; null for anything the inspection contract has no name for. */
export function paramKind(originalName: string): TParamKind | null {
  const last = originalName.split('/').pop();
  return PARAM_KINDS.find((k) => k === last) ?? null;
}

/**
 * The parameters of `model`, in layer order and, within a layer, in TF.js's weight order
 * (conv1/kernel, conv1/bias, …; lstm1/kernel, lstm1/recurrent_kernel, lstm1/bias; bn1/gamma,
 * bn1/beta). Trainable ones only (what has gradients and statistics), unless `all`: a snapshot
 * also needs a batch norm's moving mean and variance, without which it computes something else.
 */
export function listParams(model: tf.LayersModel, which: 'trainable' | 'all' = 'trainable'): ModelParam[] {
  const params: ModelParam[] = [];
  for (const layer of model.layers) {
    for (const weight of which === 'all' ? layer.weights : layer.trainableWeights) {
      const param = paramKind(weight.originalName);
      if (param !== null) params.push({ layer: layer.name, param, variable: weight.read() as tf.Variable });
    }
  }
  return params;
}
