import type { TLenet5Variant, TRecurrentModel } from '../run-config.schema';
import type { TLayer } from './network-layer.schema';

/*
 * The course's models as layer stacks: the form offers them as starting points, and a preset run
 * builds from exactly these layers (names included: inspection addresses layers by name).
 */

/** LeNet-5 as the course trains it, the same layers for every variant (only the input differs). */
export function lenet5Layers(): TLayer[] {
  const conv = (name: string, filters: number): TLayer => ({
    type: 'conv2d',
    name,
    filters,
    kernelSize: 5,
    strides: 1,
    padding: 'same',
    activation: 'relu',
    useBias: true,
  });
  const pool = (name: string): TLayer => ({ type: 'maxPool2d', name, poolSize: 2, strides: 2, padding: 'valid' });
  return [
    conv('conv1', 32),
    pool('pool1'),
    conv('conv2', 64),
    pool('pool2'),
    { type: 'flatten', name: 'flatten' },
    { type: 'dense', name: 'fc1', units: 1024, activation: 'relu', useBias: true },
    { type: 'dense', name: 'fc2', units: 10, activation: 'linear', useBias: true },
  ];
}

/** Input shape of each LeNet-5 variant's images [height, width, channels]. */
export const LENET5_VARIANT_INPUT: Readonly<Record<TLenet5Variant, readonly [number, number, number]>> = {
  'cifar-gray28': [28, 28, 1],
  'cifar-rgb32': [32, 32, 3],
  mnist: [28, 28, 1],
};

/**
 * A recurrent classifier of MNIST rows: `rows` reshapes [28, 28, 1] to 28 steps of 28 pixels,
 * then `layers` cells (all but the last return their whole sequence), each followed by dropout
 * when it is above 0, then 10 logits (`fc`).
 */
export function recurrentLayers(config: { model: TRecurrentModel; hiddenSize: number; layers: number; dropout: number }): TLayer[] {
  const stack: TLayer[] = [{ type: 'reshape', name: 'rows', targetShape: [28, 28] }];
  for (let i = 1; i <= config.layers; i++) {
    stack.push({ type: config.model, name: `${config.model}${i}`, units: config.hiddenSize, returnSequences: i < config.layers });
    if (config.dropout > 0) stack.push({ type: 'dropout', name: `dropout${i}`, rate: config.dropout });
  }
  stack.push({ type: 'dense', name: 'fc', units: 10, activation: 'linear', useBias: true });
  return stack;
}
