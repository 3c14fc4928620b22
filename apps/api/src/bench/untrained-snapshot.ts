import type { TSnapshotTensorData } from '@tensorscope/ml';
import type { TRunConfigInput } from '@tensorscope/shared';
import { Worker } from 'node:worker_threads';

/**
 * The weights of an untrained (seeded) model for `config`, as a snapshot stores them, made in a
 * thread of its own: the calling process (in tests and benches also the API's request thread)
 * never initialises TF.js, so they can tell that the API did not run TF.js there either. Image
 * costs depend on shapes, not on weight values.
 */
export function untrainedSnapshot(config: TRunConfigInput, step: number): Promise<{ topology: unknown; tensors: TSnapshotTensorData[] }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const ml = require('@tensorscope/ml');
    (async () => {
      await ml.initBackend('wasm');
      const model = ml.buildModel({ seed: 1, ...workerData.config });
      const s = await ml.takeSnapshot(model, workerData.step, { mean: [0], std: [1] });
      model.dispose();
      parentPort.postMessage({ topology: s.topology, tensors: s.tensors });
    })();`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { config, step } });
    worker.once('message', (m: { topology: unknown; tensors: TSnapshotTensorData[] }) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** The identity normalisation for a run's input channels (what untrained snapshots are stored with). */
export function identityInputStats(config: TRunConfigInput): { mean: number[]; std: number[] } {
  const channels = config.model === 'lenet5' && config.variant === 'cifar-rgb32' ? 3 : 1;
  return { mean: new Array<number>(channels).fill(0), std: new Array<number>(channels).fill(1) };
}
