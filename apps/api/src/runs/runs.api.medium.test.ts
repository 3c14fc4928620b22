import { ZRunConfig, type TApiError, type TRun, type TRunEvents, type TRunList } from '@tensorscope/shared';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { RunEventRepository } from './run-event.repository';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { http, useTestApi } from '../../test/api.harness';

// REST contract against a real Postgres and the real queue; no worker runs here, so runs stay queued.
describe('runs REST API', () => {
  const api = useTestApi();
  const tag = `api-${randomUUID().slice(0, 8)}`;
  // The rest (variant cifar-gray28, adam, …) comes from the defaults, which the shared schema's own tests pin.
  const valid = { name: `${tag}-gray-adam`, model: 'lenet5', trainSubset: 2000, evalSubset: 1000, evalInterval: 10 };

  it('creates a run: 201, queued, defaults applied', async () => {
    const res = await http<TRun>(api.base, '/api/runs', { body: valid });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('queued');
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    // The API stores the config with the shared contract's defaults filled in.
    expect(res.body.config).toEqual(ZRunConfig.parse(valid));
    expect(res.body.backend).toBeNull();
    const again = await http<TRun>(api.base, `/api/runs/${res.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body.name).toBe(valid.name);
  });

  it('refuses invalid configs with one message per field and stores nothing', async () => {
    const before = await http<TRunList>(api.base, `/api/runs?name=${tag}`);
    const res = await http<TApiError>(api.base, '/api/runs', {
      body: { ...valid, learningRate: -1, batchSize: 2.5, trainSubset: 60001, variant: 'nope', name: '' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const paths = (res.body.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['batchSize', 'learningRate', 'name', 'trainSubset', 'variant']);
    const after = await http<TRunList>(api.base, `/api/runs?name=${tag}`);
    expect(after.body.total).toBe(before.body.total);
  });

  it('answers 4xx with the error shape for malformed input, never 5xx', async () => {
    const cases: [string, { method?: string; body?: unknown; rawBody?: string }, number][] = [
      ['/api/runs', { rawBody: '{"name": ' }, 400],
      ['/api/runs', { body: [1, 2] }, 400],
      ['/api/runs', { body: { ...valid, model: 'resnet' } }, 400],
      ['/api/runs/not-a-uuid', {}, 400],
      [`/api/runs/${randomUUID()}`, {}, 404],
      [`/api/runs/${randomUUID()}/scalars?tag=train/loss`, {}, 404],
      ['/api/runs?page=0', {}, 400],
      ['/api/runs?status=sleeping', {}, 400],
      ['/api/nowhere', {}, 404],
    ];
    for (const [path, init, status] of cases) {
      const res = await http<TApiError>(api.base, path, init);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(typeof res.body.code).toBe('string');
      expect(typeof res.body.message).toBe('string');
    }
  });

  it('lists newest first with filters and pagination', async () => {
    const names = [`${tag}-list-a`, `${tag}-list-b`, `${tag}-list-c`];
    for (const name of names) expect((await http(api.base, '/api/runs', { body: { ...valid, name } })).status).toBe(201);
    const page1 = await http<TRunList>(api.base, `/api/runs?name=${tag}-LIST&pageSize=2`);
    expect(page1.body.total).toBe(3);
    expect(page1.body.items.map((r) => r.name)).toEqual([names[2], names[1]]);
    const page2 = await http<TRunList>(api.base, `/api/runs?name=${tag}-list&pageSize=2&page=2`);
    expect(page2.body.items.map((r) => r.name)).toEqual([names[0]]);
    const queued = await http<TRunList>(api.base, `/api/runs?name=${tag}-list&status=queued&model=lenet5`);
    expect(queued.body.total).toBe(3);
    const done = await http<TRunList>(api.base, `/api/runs?name=${tag}-list&status=completed`);
    expect(done.body.total).toBe(0);
  });

  it('cancels a queued run once; a second cancel is a 409', async () => {
    const created = await http<TRun>(api.base, '/api/runs', { body: { ...valid, name: `${tag}-cancel` } });
    const cancelled = await http<TRun>(api.base, `/api/runs/${created.body.id}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.finishedAt).not.toBeNull();
    const again = await http<TApiError>(api.base, `/api/runs/${created.body.id}/cancel`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
  });

  it('reads an empty scalar series and rejects malformed tags', async () => {
    const created = await http<TRun>(api.base, '/api/runs', { body: { ...valid, name: `${tag}-scalars` } });
    const ok = await http<{ points: unknown[] }>(api.base, `/api/runs/${created.body.id}/scalars?tag=test/accuracy`);
    expect(ok).toEqual({ status: 200, body: { points: [] } });
    const unlogged = await http<{ points: unknown[] }>(api.base, `/api/runs/${created.body.id}/scalars?tag=weights/conv9/kernel/std`);
    expect(unlogged).toEqual({ status: 200, body: { points: [] } });
    const bad = await http<TApiError>(api.base, `/api/runs/${created.body.id}/scalars?tag=a//b`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it("numbers each run's live events and answers what a reconnecting client missed", async () => {
    const created = await http<TRun>(api.base, '/api/runs', { body: { ...valid, name: `${tag}-events` } });
    const id = created.body.id;
    const events = (after: number) => http<TRunEvents>(api.base, `/api/runs/${id}/events?afterSeq=${after}`);
    const first = await events(0);
    expect(first.body).toMatchObject({ lastSeq: 1, complete: true, events: [{ type: 'run.updated', runId: id, seq: 1 }] });

    const bus = api.app.get<EventBus>(EVENT_BUS);
    const progress = { epoch: 1, epochs: 1, step: 3, totalSteps: 10, imagesPerSec: 5, etaSeconds: 1 };
    await bus.publish({ type: 'run.progress', runId: id, progress });
    await bus.publish({ type: 'run.snapshot', runId: id, step: 3 });
    await bus.publish({ type: 'run.cancel', runId: id }); // a control signal: not part of the stream
    const later = await events(1);
    expect(later.body).toEqual({
      lastSeq: 3,
      complete: true,
      events: [
        { type: 'run.progress', runId: id, progress, seq: 2 },
        { type: 'run.snapshot', runId: id, step: 3, seq: 3 },
      ],
    });
    expect((await events(3)).body).toEqual({ lastSeq: 3, complete: true, events: [] });

    // Pruned events cannot be replayed: the answer says so, and the client refetches instead.
    await api.app.get(RunEventRepository).prune(new Date(Date.now() + 60_000));
    expect((await events(1)).body).toEqual({ lastSeq: 3, complete: false, events: [] });
    expect((await events(3)).body.complete).toBe(true);
    expect((await http<TApiError>(api.base, `/api/runs/${id}/events?afterSeq=-1`)).status).toBe(400);
    expect((await http<TApiError>(api.base, `/api/runs/${randomUUID()}/events?afterSeq=0`)).status).toBe(404);
  });

  it('serves an OpenAPI document generated from the shared schemas', async () => {
    const doc = await http<{ openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>(
      api.base,
      '/api/docs/openapi.json',
    );
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/runs', '/api/runs/{id}', '/api/runs/{id}/scalars', '/api/runs/{id}/cancel']),
    );
    expect(JSON.stringify(doc.body.components.schemas.RunConfigInput)).toContain('learningRate');
    const ui = await fetch(`${api.base}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});
