import type { TResolvedNetwork } from './network-shape.infer';

/**
 * The most a training step may need. A wasm worker's heap stops at 4 GB (wasm32) and the other
 * backends share the worker's memory with the dataset, so 3 GiB leaves room for the images and
 * the snapshot copies; a run that needs more is refused before it is queued, not killed mid-run.
 */
export const TRAIN_MEMORY_MAX_BYTES = 3 * 1024 ** 3;

/**
 * Floats a recurrent layer holds per time step and unit in a training step, from real runs on
 * wasm (statistics every step, a snapshot, evaluation; peak wasm heap): LSTM-1024 peaked at
 * 1.55 GiB at batch 512 and 3.51 GiB at 1,400, 2.3 MiB more per image, ≈ 21 floats per unit and
 * step (LSTM and GRU compute as one op keeping each step's gates and states and, backward, their
 * gradients); GRU has three gates of four. A simple RNN (tf.layers' taped loop) peaked at
 * 1.44 GiB for RNN-1024 at batch 1,536: 16 is more than it needs.
 */
const RECURRENT_FLOATS_PER_UNIT_STEP: Partial<Record<TResolvedNetwork['layers'][number]['type'], number>> = { lstm: 22, gru: 17, rnn: 16 };

/**
 * Rough bytes one training step holds (float32): every weight four times (the weights, their
 * gradients and Adam's two moments), every layer output of the batch three times (kept for the
 * backward pass, its gradient, one temporary), what a recurrent layer keeps at every time step
 * (its output may be only the last step's), plus the input batch. Deliberately simple: it only
 * has to tell a network that fits from one that is far too big.
 */
export function trainStepBytes(network: TResolvedNetwork, batchSize: number): number {
  return 4 * (4 * network.paramCount + batchSize * floatsPerImage(network));
}

/** The floats trainStepBytes counts per image of the batch (see there). */
function floatsPerImage(network: TResolvedNetwork): number {
  const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
  const activations = network.layers.reduce((sum, l) => sum + size(l.outputShape), 0);
  const recurrent = network.layers.reduce((sum, l, i) => {
    const perUnitStep = RECURRENT_FLOATS_PER_UNIT_STEP[l.type];
    if (perUnitStep === undefined) return sum;
    const steps = (i === 0 ? network.inputShape : network.layers[i - 1]!.outputShape)[0] ?? 1;
    return sum + steps * l.outputShape.at(-1)! * perUnitStep;
  }, 0);
  return 3 * activations + recurrent + size(network.inputShape);
}

/** Why a network cannot train at this batch size within TRAIN_MEMORY_MAX_BYTES (and the largest batch that can), or undefined. */
export function trainMemoryProblem(network: TResolvedNetwork, batchSize: number): string | undefined {
  const bytes = trainStepBytes(network, batchSize);
  if (bytes <= TRAIN_MEMORY_MAX_BYTES) return undefined;
  const gb = (b: number) => (b / 1024 ** 3).toFixed(1);
  const largest = Math.floor((TRAIN_MEMORY_MAX_BYTES / 4 - 4 * network.paramCount) / floatsPerImage(network));
  const lower = largest >= 1 ? `use batchSize ≤ ${largest}, or smaller layers` : 'use smaller layers';
  return `at batchSize ${batchSize} a training step needs about ${gb(bytes)} GB; a worker allows ${gb(TRAIN_MEMORY_MAX_BYTES)} GB: ${lower}`;
}
