import { ZRunConfig } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/api.harness';
import { RunRepository } from '../runs/run.repository';
import { InspectRepository } from './inspect.repository';

// Weight snapshots round-trip bit for bit, a step is stored once, and the run's topology and
// input statistics are written by the first snapshot only.
describe('InspectRepository snapshots', () => {
  const api = useTestApi();

  it('stores a snapshot once and reads it back exactly, with the first topology kept', async () => {
    const runs = api.app.get(RunRepository);
    const repo = api.app.get(InspectRepository);
    const run = await runs.create(ZRunConfig.parse({ name: 'snapshot-roundtrip', model: 'lenet5' }));
    const kernel = Float32Array.from({ length: 6 * 25 }, (_, i) => Math.sin(i) * 1e-3);
    kernel[3] = Number.NaN;
    kernel[4] = -0;
    // A view at an odd byte offset inside a bigger buffer, as a copied tensor may be.
    const backing = new Uint8Array(4 * 3 + 1);
    const bias = new Float32Array(backing.buffer.slice(1, 13));
    bias.set([0.5, -1.25, 3e38]);
    const tensors = [
      { layer: 'conv1', param: 'kernel' as const, shape: [5, 5, 1, 6], data: kernel },
      { layer: 'conv1', param: 'bias' as const, shape: [3], data: bias },
    ];
    await repo.saveSnapshot(run.id, 10, { topology: { class: 'Sequential' }, inputStats: { mean: [0.5], std: [0.2] } }, tensors);
    // The same step again (a resumed run) changes nothing, and neither does a later topology.
    await repo.saveSnapshot(run.id, 10, { topology: { class: 'Other' }, inputStats: null }, [
      { ...tensors[0]!, data: new Float32Array(150) },
    ]);
    await repo.saveSnapshot(run.id, 20, { topology: { class: 'Other' }, inputStats: null }, [tensors[1]!]);

    const read = await repo.readSnapshot(run.id, 10);
    expect(read?.topology).toEqual({ class: 'Sequential' });
    expect(read?.inputStats).toEqual({ mean: [0.5], std: [0.2] });
    expect(read?.tensors.map((t) => [t.layer, t.param, t.shape])).toEqual([
      ['conv1', 'bias', [3]],
      ['conv1', 'kernel', [5, 5, 1, 6]],
    ]);
    expect(Buffer.from(read!.tensors[1]!.data.buffer)).toEqual(Buffer.from(kernel.buffer));
    expect(Array.from(read!.tensors[0]!.data)).toEqual(Array.from(bias));
    expect(await repo.snapshotSteps(run.id)).toEqual([10, 20]);
    const listed = await repo.listSnapshots(run.id);
    expect(listed.map((s) => [s.step, s.bytes])).toEqual([
      [10, 4 * 150 + 4 * 3],
      [20, 4 * 3],
    ]);
    expect(Math.abs(Date.parse(listed[0]!.createdAt) - Date.now())).toBeLessThan(60_000);
  });
});
