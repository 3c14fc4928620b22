import type { TLayerSpec } from './layer-specs.read';

/**
 * Where a conv layer's activations are rectified: the conv layer itself (ReLU built in, or
 * none at all), or an Activation('relu') layer right after a linear conv. Top activations
 * and the deconvnet both read activations there, "after ReLU" as in the paper.
 */
export function rectifiedIndex(specs: readonly TLayerSpec[], conv: TLayerSpec & { kind: 'conv2d' }): number {
  const next = specs[conv.index + 1];
  return conv.activation !== 'relu' && next?.kind === 'activation' && next.activation === 'relu' ? conv.index + 1 : conv.index;
}
