import type { TRun, TRunConfigInput } from '@tensorscope/shared';
import type { TSnapshotTensorData } from '@tensorscope/ml';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { http } from './api.harness';

/**
 * The snapshot of an untrained model for `config`, made in a thread of its own so that the test
 * process (which is also the API's request thread) never initialises TF.js: tests can then tell
 * that the API did not run TF.js there either.
 */
function untrainedSnapshot(config: TRunConfigInput, step: number): Promise<{ topology: unknown; tensors: TSnapshotTensorData[] }> {
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

/**
 * A finished-looking run with one stored snapshot at `step`, without training: the run is created
 * through the API (no worker takes it), cancelled, and the snapshot written by `save` (the
 * InspectRepository's saveSnapshot). The input normalisation is the identity.
 */
export async function runWithSnapshot(
  base: string,
  config: TRunConfigInput,
  step: number,
  save: (runId: string, step: number, model: { topology: unknown; inputStats: unknown }, tensors: TSnapshotTensorData[]) => Promise<void>,
): Promise<TRun> {
  const created = await http<TRun>(base, '/api/runs', { body: { name: `snap-${randomUUID().slice(0, 8)}`, ...config } });
  if (created.status !== 201) throw new Error(`creating the run answered ${created.status}: ${JSON.stringify(created.body)}`);
  await http(base, `/api/runs/${created.body.id}/cancel`, { body: {} });
  const snapshot = await untrainedSnapshot(config, step);
  const channels = config.model === 'lenet5' && config.variant === 'cifar-rgb32' ? 3 : 1;
  const inputStats = { mean: new Array<number>(channels).fill(0), std: new Array<number>(channels).fill(1) };
  await save(created.body.id, step, { topology: snapshot.topology, inputStats }, snapshot.tensors);
  return created.body;
}
