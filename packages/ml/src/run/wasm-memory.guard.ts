import { isRecurrent, resolveRunNetwork, trainMemoryProblem, type TBackendName, type TRunConfig } from '@tensorscope/shared';

/**
 * Backprop through 28 time steps keeps every step's gates and states, so a recurrent preset's
 * memory grows with layers × hiddenSize × batchSize, and wasm32's heap stops at 4 GB, then aborts
 * the whole process (no catchable error). A preset is a layer stack like any custom network, so
 * it is held to the same estimate the API applies to custom networks before queueing them
 * (shared's trainMemoryProblem, calibrated on real wasm runs). Other backends have no such limit.
 */
export function wasmMemoryProblem(config: TRunConfig, backend: TBackendName): string | undefined {
  if (backend !== 'wasm' || !isRecurrent(config)) return undefined;
  const inferred = resolveRunNetwork(config);
  if (!inferred.ok) return undefined; // refused with its own reasons when the model is built
  const problem = trainMemoryProblem(inferred.network, config.batchSize);
  return (
    problem &&
    `${config.model} with ${config.layers} × ${config.hiddenSize} units on the wasm backend (4 GB heap) ${problem}; a worker with tfjs-node(-gpu) has no such limit`
  );
}
