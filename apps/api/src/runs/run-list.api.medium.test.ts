import { FINISHED_STATUSES, type TRun, type TRunList } from '@tensorscope/shared';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { http, tokenFor, useTestApi } from '../../test/api.harness';

// The run list answers each run exactly as GET /api/runs/:id does (every field, the queue
// position, dates to the millisecond), in createdAt-then-id order, and pages without gaps.
describe('run list rows', () => {
  const api = useTestApi();
  const tag = `lst${randomUUID().slice(0, 8)}`;
  const ids: string[] = [];
  const list = (query: string) => http<TRunList>(api.base, `/api/runs?name=${tag}&${query}`);

  it('stores runs in every state a list shows', async () => {
    for (let i = 0; i < 6; i++) {
      const created = await http<TRun>(api.base, '/api/runs', {
        body: i % 2 ? { name: `${tag}-${i}`, model: 'gru', hiddenSize: 64 * (i + 1) } : { name: `${tag}-${i}`, model: 'lenet5' },
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    await http(api.base, `/api/runs/${ids[1]}`, { method: 'PATCH', body: { tags: ['keeper', 'b'], notes: '# n' } });
    await http(api.base, `/api/runs/${ids[5]}`, { method: 'PATCH', body: { archived: true } });
    const db = new Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    try {
      // 0: completed with everything a finished run stores (a big topology the list never shows);
      // 2: failed; 1, 3: queued with the same createdAt (the tie goes by id); 4: cancelled.
      await db.query(
        `UPDATE "Run" SET status = 'completed', backend = 'wasm', "startedAt" = now() - interval '90.5 seconds', "finishedAt" = now(),
           "finalMetrics" = '{"test/accuracy": 0.61, "train/loss": 1.25}', "bestMetrics" = '{"test/accuracy": {"value": 0.63, "step": 40}}',
           progress = '{"epoch": 1, "epochs": 1, "step": 50, "totalSteps": 50, "imagesPerSec": 812.5, "etaSeconds": null}',
           topology = $2, "inputStats" = '{"mean": [0.5], "std": [0.25]}', attempts = 2, interruption = 'worker w lost', "checkpointStep" = 30
         WHERE id = $1`,
        [ids[0], JSON.stringify({ layers: Array.from({ length: 200 }, (_, k) => ({ name: `layer${k}`, units: k })) })],
      );
      await db.query(`UPDATE "Run" SET status = 'failed', "startedAt" = now(), "finishedAt" = now(), error = 'NaN loss' WHERE id = $1`, [
        ids[2],
      ]);
      await db.query(`UPDATE "Run" SET "createdAt" = (SELECT "createdAt" FROM "Run" WHERE id = $1) WHERE id = $2`, [ids[1], ids[3]]);
      await db.query(`UPDATE "Run" SET status = 'cancelled', "finishedAt" = now() WHERE id = $1`, [ids[4]]);
    } finally {
      await db.end();
    }
  });

  it('answers every run as its own GET does, newest first, ties by id', async () => {
    const all = await list('archived=include&pageSize=200');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(6);
    // The list leaves out what only one run's GET has: its resolved network, layer by layer.
    for (const item of all.body.items) {
      const { network, ...one } = (await http<TRun>(api.base, `/api/runs/${item.id}`)).body;
      expect(network?.layers.length).toBeGreaterThan(0);
      expect(item).toEqual(one);
    }
    const order = [...all.body.items].sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    );
    expect(all.body.items.map((r) => r.id)).toEqual(order.map((r) => r.id));
    const queued = all.body.items.filter((r) => r.status === 'queued');
    // 1, 3 and 5 (archived, still queued): claimNext's order is createdAt then id, the list's the reverse.
    expect(queued.map((r) => r.id)).toEqual([ids[5], ids[3] > ids[1] ? ids[3] : ids[1], ids[3] > ids[1] ? ids[1] : ids[3]]);
    const positions = queued.map((r) => r.queuePosition!);
    expect(positions[0]! - positions[1]!).toBe(1);
    expect(positions[1]! - positions[2]!).toBe(1);
    const done = all.body.items.find((r) => r.id === ids[0])!;
    expect(done).toMatchObject({ status: 'completed', attempts: 2, checkpointStep: 30, queuePosition: null });
    expect(done.durationSeconds).toBeCloseTo(90.5, 1);
  });

  it('is sent as JSON (the kept text), and a bad query still gets the error shape', async () => {
    const headers = { authorization: `Bearer ${await tokenFor(api.base)}` };
    const ok = await fetch(`${api.base}/api/runs?name=${tag}&archived=include`, { headers });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await ok.json()) as TRunList).total).toBe(6);
    const bad = await fetch(`${api.base}/api/runs?pageSize=0`, { headers });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await bad.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  it('pages through the same order without gaps, and filters by status and archive', async () => {
    const all = (await list('archived=include&pageSize=200')).body.items.map((r) => r.id);
    const pages: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const answer = await list(`archived=include&pageSize=2&page=${page}`);
      expect(answer.body).toMatchObject({ total: 6, page, pageSize: 2 });
      pages.push(...answer.body.items.map((r) => r.id));
    }
    expect(pages).toEqual(all);
    expect((await list('')).body.items.map((r) => r.id)).toEqual(all.filter((id) => id !== ids[5]));
    expect((await list('archived=only')).body.items.map((r) => r.id)).toEqual([ids[5]]);
    const queued = await list('status=queued&archived=include');
    expect(queued.body.total).toBe(3);
    expect(queued.body.items.every((r) => r.status === 'queued')).toBe(true);
    expect((await list('model=gru&archived=include')).body.items.map((r) => r.name).sort()).toEqual([`${tag}-1`, `${tag}-3`, `${tag}-5`]);
    expect((await list('archived=include&page=9')).body).toMatchObject({ items: [], total: 6 });
  });

  it('answers the same page whether it comes from an index or from one scan of every run', async () => {
    // Without a name, filter or sort the page comes from the list index; `sort=-createdAt` is
    // the same order read by the scan that counts and pages at once.
    for (const query of [
      'archived=include&pageSize=7&page=1',
      'archived=include&pageSize=7&page=2',
      'status=queued&pageSize=50',
      'archived=only',
    ]) {
      const indexed = await http<TRunList>(api.base, `/api/runs?${query}`);
      const scanned = await http<TRunList>(api.base, `/api/runs?${query}&sort=-createdAt`);
      expect(indexed.status).toBe(200);
      expectSamePage(scanned.body, indexed.body);
    }
    const first = await http<TRunList>(api.base, '/api/runs?archived=include&pageSize=200');
    for (const item of first.body.items.slice(0, 10)) {
      const { network: _network, ...one } = (await http<TRun>(api.base, `/api/runs/${item.id}`)).body;
      expectSameRun(item, one);
    }
  });
});

/**
 * Two reads of the list are not one instant: runs other test files left training move on in
 * between (duration, progress, metrics, even status). Pages are compared by ids and totals; a run
 * finished in both reads (it can no longer change) field by field.
 */
function expectSameRun(a: TRun, b: TRun): void {
  if (FINISHED_STATUSES.includes(a.status) && FINISHED_STATUSES.includes(b.status)) expect(a).toEqual(b);
  else expect(a.id).toBe(b.id);
}
function expectSamePage(a: TRunList, b: TRunList): void {
  expect({ ...a, items: a.items.map((r) => r.id) }).toEqual({ ...b, items: b.items.map((r) => r.id) });
  a.items.forEach((run, i) => expectSameRun(run, b.items[i]!));
}
