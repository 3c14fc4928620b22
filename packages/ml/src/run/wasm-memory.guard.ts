import { isRecurrent, type TBackendName, type TRunConfig } from '@tensorscope/shared';

/** Gate matrices per recurrent cell: LSTM 4, GRU 3, simple RNN 1. */
const GATES = { rnn: 1, lstm: 4, gru: 3 } as const;

/**
 * Backprop through 28 time steps keeps every step's gate activations: memory grows with
 * layers × gates × hiddenSize × batchSize. wasm32's heap stops at 4 GB and then aborts the whole
 * process (no catchable error). Measured on wasm 4.22: LSTM-1024 at batch 128 trains; at batch 256
 * it aborts. So the budget is that largest working case, 1 × 4 × 1024 × 128.
 */
export const WASM_RECURRENT_BUDGET = 4 * 1024 * 128;

/** A clear refusal before training, instead of a worker killed mid-run; undefined when it fits. */
export function wasmMemoryProblem(config: TRunConfig, backend: TBackendName): string | undefined {
  if (backend !== 'wasm' || !isRecurrent(config)) return undefined;
  const cost = config.layers * GATES[config.model] * config.hiddenSize * config.batchSize;
  if (cost <= WASM_RECURRENT_BUDGET) return undefined;
  const maxBatch = Math.floor(WASM_RECURRENT_BUDGET / (config.layers * GATES[config.model] * config.hiddenSize));
  return (
    `${config.model} with ${config.layers} × ${config.hiddenSize} units at batch ${config.batchSize} needs more memory than the wasm backend's 4 GB heap ` +
    `(layers × gates × hiddenSize × batchSize = ${cost} > ${WASM_RECURRENT_BUDGET}); ` +
    (maxBatch >= 1 ? `use batchSize ≤ ${maxBatch}` : 'use a smaller hiddenSize') +
    ', or a worker with tfjs-node(-gpu)'
  );
}
