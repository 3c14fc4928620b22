import type { TApiError, TRun, TRunList, TSweep, TSweepList } from '@tensorscope/shared';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { http, useTestApi } from '../../test/api.harness';

// No worker here: a sweep's runs stay queued, which is all the REST contract needs.
describe('sweeps REST API', () => {
  const api = useTestApi();
  const name = `sweep-${randomUUID().slice(0, 8)}`;
  const study = {
    name,
    base: { model: 'lstm', epochs: 1, trainSubset: 600, evalSubset: 200, batchSize: 64 },
    axes: [
      { field: 'model', values: ['lstm', 'gru'] },
      { field: 'hiddenSize', values: [128, 256, 1024] },
    ],
  };

  it('creates one queued run per combination, grouped under the sweep', async () => {
    const res = await http<{ sweep: TSweep; runs: TRun[] }>(api.base, '/api/sweeps', { body: study });
    expect(res.status).toBe(201);
    expect(res.body.sweep).toMatchObject({ name, runCount: 6, statusCounts: { queued: 6 }, axes: study.axes });
    expect(res.body.runs.map((r) => [r.config.model, 'hiddenSize' in r.config ? r.config.hiddenSize : null])).toEqual([
      ['lstm', 128],
      ['lstm', 256],
      ['lstm', 1024],
      ['gru', 128],
      ['gru', 256],
      ['gru', 1024],
    ]);
    expect(res.body.runs.every((r) => r.sweepId === res.body.sweep.id && r.status === 'queued')).toBe(true);
    expect(res.body.runs[0]!.name).toBe(`${name} · model=lstm hiddenSize=128`);

    const listed = await http<TRunList>(api.base, `/api/runs?sweepId=${res.body.sweep.id}&pageSize=50`);
    expect(listed.body.total).toBe(6);
    const one = await http<TSweep>(api.base, `/api/sweeps/${res.body.sweep.id}`);
    expect(one.body.runCount).toBe(6);
    const all = await http<TSweepList>(api.base, '/api/sweeps');
    expect(all.body.items[0]!.id).toBe(res.body.sweep.id);

    // Cancelling a run shows in the sweep's counts.
    await http(api.base, `/api/runs/${res.body.runs[0]!.id}/cancel`, { method: 'POST' });
    const after = await http<TSweep>(api.base, `/api/sweeps/${res.body.sweep.id}`);
    expect(after.body.statusCounts).toEqual({ queued: 5, cancelled: 1 });
  });

  it('refuses a sweep with an invalid combination, names the value at fault, and creates nothing', async () => {
    const before = await http<TRunList>(api.base, `/api/runs?name=${name}-bad`);
    const res = await http<TApiError>(api.base, '/api/sweeps', {
      body: { ...study, name: `${name}-bad`, axes: [{ field: 'hiddenSize', values: [128, 4096] }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([{ path: 'axes.0.values.1', message: '(hiddenSize=4096) hiddenSize must be at most 2048' }]);
    const after = await http<TRunList>(api.base, `/api/runs?name=${name}-bad`);
    expect(after.body.total).toBe(before.body.total);
  });

  it('answers 4xx with the error shape for malformed sweeps', async () => {
    const cases: [string, unknown, number][] = [
      ['/api/sweeps', { ...study, axes: [] }, 400],
      ['/api/sweeps', { ...study, axes: [{ field: 'name', values: ['a'] }] }, 400],
      [
        '/api/sweeps',
        {
          ...study,
          axes: [
            { field: 'seed', values: Array.from({ length: 50 }, (_, i) => i) },
            { field: 'learningRate', values: [0.1, 0.01, 0.001] },
          ],
        },
        400,
      ],
    ];
    for (const [path, body, status] of cases) {
      const res = await http<TApiError>(api.base, path, { body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await http<TApiError>(api.base, `/api/sweeps/${randomUUID()}`)).status).toBe(404);
    expect((await http<TApiError>(api.base, '/api/sweeps/nope')).status).toBe(400);
  });
});
