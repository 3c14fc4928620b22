import type { TRun, TRunConfigInput } from '@tensorscope/shared';
import type { TSnapshotTensorData } from '@tensorscope/ml';
import { randomUUID } from 'node:crypto';
import { identityInputStats, untrainedSnapshot } from '../src/bench/untrained-snapshot';
import { http } from './api.harness';

/**
 * A finished-looking run with one stored snapshot at `step`, without training: the run is created
 * through the API (no worker takes it), cancelled, and an untrained model's snapshot written by
 * `save` (the InspectRepository's saveSnapshot) with the identity input normalisation.
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
  await save(created.body.id, step, { topology: snapshot.topology, inputStats: identityInputStats(config) }, snapshot.tensors);
  return created.body;
}
