import { matchesRunFilter, parseRunFilter, type TApiError, type TRun, type TRunList } from '@tensorscope/shared';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { http, useTestApi } from '../../test/api.harness';

// The run list's filter language and sort against real rows: the SQL must pick exactly the runs
// the shared reference matcher picks, NULL semantics included.
describe('run list filter and sort', () => {
  const api = useTestApi();
  const tag = `flt${randomUUID().slice(0, 8)}`;
  const specs = [
    {
      config: { model: 'lstm', hiddenSize: 256, layers: 2, optimizer: 'sgd' },
      final: { 'test/accuracy': 0.95, 'test/loss': 0.2 },
      best: 0.96,
      tags: ['baseline'],
    },
    { config: { model: 'lstm', hiddenSize: 128 }, final: { 'test/accuracy': 0.97, 'test/loss': 0.1 }, best: 0.97, tags: [] },
    {
      config: { model: 'gru', hiddenSize: 1024, learningRate: 0.01 },
      final: { 'test/accuracy': 0.5 },
      best: 0.88,
      tags: ['big', 'baseline'],
    },
    { config: { model: 'lenet5', variant: 'mnist', optimizer: 'momentum' }, final: null, best: null, tags: ['cnn'] },
    { config: { model: 'lenet5', gradClipNorm: 1 }, final: { 'test/accuracy': 0.51 }, best: 0.52, tags: [] },
  ];
  let runs: TRun[] = [];

  const list = (query: string) => http<TRunList>(api.base, `/api/runs?pageSize=200&${query}`);
  const mine = (filter: string) => `name ~ ${tag} and (${filter})`;

  it('stores the runs (metrics set as a finished run would have them)', async () => {
    const db = new Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    try {
      for (const [i, spec] of specs.entries()) {
        const created = await http<TRun>(api.base, '/api/runs', { body: { name: `${tag}-${i}`, trainSubset: 64, ...spec.config } });
        expect(created.status).toBe(201);
        await http(api.base, `/api/runs/${created.body.id}`, { method: 'PATCH', body: { tags: spec.tags } });
        const best = spec.best === null ? null : { 'test/accuracy': { value: spec.best, step: 10 } };
        await db.query(`UPDATE "Run" SET "finalMetrics" = $2, "bestMetrics" = $3 WHERE id = $1`, [created.body.id, spec.final, best]);
      }
    } finally {
      await db.end();
    }
    runs = (await list(`filter=${encodeURIComponent(`name ~ ${tag}`)}`)).body.items;
    expect(runs).toHaveLength(specs.length);
  });

  it.each([
    'hiddenSize >= 256 and test/accuracy > 0.9',
    'hiddenSize < 300',
    'not hiddenSize < 300',
    'hiddenSize != 128',
    'optimizer in (sgd, momentum) or best(test/accuracy) > 0.9',
    'model not in (lstm)',
    'test/loss <= 0.15 or gradClipNorm > 0',
    'tag = baseline',
    'tag != baseline',
    'tag in (cnn, big)',
    'tag ~ BASE',
    'variant = mnist',
    'learningRate >= 0.01',
    'status = queued and layers = 2',
  ])('%s: the SQL picks what the reference picks', async (filter) => {
    const parsed = parseRunFilter(filter);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const expected = runs.filter((r) => matchesRunFilter(parsed.expr, r)).map((r) => r.name);
    const answer = await list(`filter=${encodeURIComponent(mine(filter))}`);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((r) => r.name).sort()).toEqual(expected.sort());
    expect(answer.body.total).toBe(expected.length);
  });

  it('sorts by a config field or a metric, runs without the value last, then pages', async () => {
    const byAccuracy = await list(`filter=${encodeURIComponent(`name ~ ${tag}`)}&sort=-test/accuracy`);
    expect(byAccuracy.body.items.map((r) => r.name)).toEqual([`${tag}-1`, `${tag}-0`, `${tag}-4`, `${tag}-2`, `${tag}-3`]);
    const bySize = await list(`filter=${encodeURIComponent(`name ~ ${tag}`)}&sort=hiddenSize`);
    expect(bySize.body.items.slice(0, 3).map((r) => r.name)).toEqual([`${tag}-1`, `${tag}-0`, `${tag}-2`]);
    const page2 = await http<TRunList>(
      api.base,
      `/api/runs?pageSize=2&page=2&filter=${encodeURIComponent(`name ~ ${tag}`)}&sort=-best(test/accuracy)`,
    );
    expect(page2.body).toMatchObject({ total: 5, page: 2 });
    expect(page2.body.items.map((r) => r.name)).toEqual([`${tag}-2`, `${tag}-4`]);
  });

  it('refuses a filter or sort it cannot read, saying what and where', async () => {
    const bad = await http<TApiError>(api.base, `/api/runs?filter=${encodeURIComponent('hiddenSize > big')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ path: 'filter', message: 'hiddenSize takes a number, not "big" (at character 14)' }]);
    const sort = await http<TApiError>(api.base, `/api/runs?sort=${encodeURIComponent('-hiddensize')}`);
    expect(sort.status).toBe(400);
    expect(sort.body.details).toEqual([{ path: 'sort', message: 'unknown field "hiddensize" (did you mean hiddenSize?)' }]);
    // Quotes, LIKE wildcards and SQL in values are data, never SQL.
    const sneaky = await list(`filter=${encodeURIComponent(mine(`name ~ '%' or name ~ '_' or name = "x'; drop table Run; --"`))}`);
    expect(sneaky.status).toBe(200);
    expect(sneaky.body.items).toEqual([]);
  });
});
