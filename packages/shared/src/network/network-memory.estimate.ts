import type { TResolvedNetwork } from './network-shape.infer';

/**
 * The most a training step may need. A wasm worker's heap stops at 4 GB (wasm32) and the other
 * backends share the worker's memory with the dataset, so 3 GiB leaves room for the images and
 * the snapshot copies; a run that needs more is refused before it is queued, not killed mid-run.
 */
export const TRAIN_MEMORY_MAX_BYTES = 3 * 1024 ** 3;

/**
 * Rough bytes one training step holds (float32): every weight four times (the weights, their
 * gradients and Adam's two moments) and every layer output of the batch three times (kept for
 * the backward pass, its gradient, one temporary), plus the input batch. Deliberately simple:
 * it only has to tell a network that fits from one that is far too big.
 */
export function trainStepBytes(network: TResolvedNetwork, batchSize: number): number {
  const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
  const activations = network.layers.reduce((sum, l) => sum + size(l.outputShape), 0);
  return 4 * (4 * network.paramCount + batchSize * (3 * activations + size(network.inputShape)));
}

/** Why a network cannot train at this batch size within TRAIN_MEMORY_MAX_BYTES, or undefined. */
export function trainMemoryProblem(network: TResolvedNetwork, batchSize: number): string | undefined {
  const bytes = trainStepBytes(network, batchSize);
  if (bytes <= TRAIN_MEMORY_MAX_BYTES) return undefined;
  const gb = (b: number) => (b / 1024 ** 3).toFixed(1);
  return `at batchSize ${batchSize} a training step needs about ${gb(bytes)} GB; a worker allows ${gb(TRAIN_MEMORY_MAX_BYTES)} GB: lower batchSize or the layer sizes`;
}
