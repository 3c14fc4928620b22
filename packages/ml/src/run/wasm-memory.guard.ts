import { isRecurrent, type TBackendName, type TRunConfig } from '@tensorscope/shared';

/** Gate matrices per recurrent cell: LSTM 4, GRU 3, simple RNN 1. */
const GATES = { rnn: 1, lstm: 4, gru: 3 } as const;

/**
 * Backprop through 28 time steps keeps every step's gate activations: memory grows with
 * layers × gates × hiddenSize × batchSize. wasm32's heap stops at 4 GB and then aborts the whole
 * process (no catchable error). So the budget is the largest case measured to train, as a real
 * run (statistics at every step, a snapshot, evaluation) on one thread:
 * - LSTM and GRU compute as one op each (models/recurrent-fused.patch.ts), which keeps only the
 *   gates and states: 2 × LSTM-1024 at batch 512 peaks at 2.45 GiB of wasm heap (1 × LSTM-1024
 *   at 512: 1.55 GiB), so 2 × 4 × 1024 × 512, with ~1.5 GiB to spare.
 * - A simple RNN goes through tf.layers' taped loop, measured on wasm 4.22 as LSTM-1024 was
 *   before: batch 128 trained, 256 aborted, so 1 × 4 × 1024 × 128.
 */
export const WASM_RECURRENT_BUDGET = { fused: 2 * 4 * 1024 * 512, taped: 4 * 1024 * 128 } as const;

/** A clear refusal before training, instead of a worker killed mid-run; undefined when it fits. */
export function wasmMemoryProblem(config: TRunConfig, backend: TBackendName): string | undefined {
  if (backend !== 'wasm' || !isRecurrent(config)) return undefined;
  const budget = config.model === 'rnn' ? WASM_RECURRENT_BUDGET.taped : WASM_RECURRENT_BUDGET.fused;
  const cost = config.layers * GATES[config.model] * config.hiddenSize * config.batchSize;
  if (cost <= budget) return undefined;
  const maxBatch = Math.floor(budget / (config.layers * GATES[config.model] * config.hiddenSize));
  return (
    `${config.model} with ${config.layers} × ${config.hiddenSize} units at batch ${config.batchSize} needs more memory than the wasm backend's 4 GB heap ` +
    `(layers × gates × hiddenSize × batchSize = ${cost} > ${budget}); ` +
    (maxBatch >= 1 ? `use batchSize ≤ ${maxBatch}` : 'use a smaller hiddenSize') +
    ', or a worker with tfjs-node(-gpu)'
  );
}
