import { ZRunConfig, type TApiError, type TRun, type TRunEvents, type TRunList } from '@tensorscope/shared';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { RunEventRepository } from './run-event.repository';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { http, userToken, useTestApi } from '../../test/api.harness';

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
      body: { ...valid, learningRate: -1, batchSize: 2.5, trainSubset: 60001, variant: 'nope', name: 'x'.repeat(121) },
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

  it('names a run posted without a name after what sets it apart', async () => {
    const { name: _given, ...unnamed } = valid;
    const blank = await http<TRun>(api.base, '/api/runs', {
      body: { ...unnamed, model: 'lstm', hiddenSize: 256, layers: 2, learningRate: 0.01 },
    });
    expect(blank.status).toBe(201);
    expect(blank.body.name).toBe('lstm-256x2-adam-lr0.01-train2k');
    expect(blank.body.config.name).toBe(blank.body.name);
    const spaces = await http<TRun>(api.base, '/api/runs', { body: { ...valid, name: '   ' } });
    expect(spaces.body.name).toBe('lenet5-cifar-gray28-adam-train2k');
  });

  describe('rename, notes and tags (PATCH /api/runs/:id)', () => {
    const patch = (id: string, body: unknown, token?: string) =>
      http<TRun & TApiError>(api.base, `/api/runs/${id}`, { method: 'PATCH', body, token });
    const create = async (name: string, token?: string) =>
      (await http<TRun>(api.base, '/api/runs', { body: { ...valid, name: `${tag}-${name}` }, token })).body;

    it('renames (the stored config too), writes notes and replaces the tag list', async () => {
      const run = await create('manage');
      const seqBefore = (await http<TRunEvents>(api.base, `/api/runs/${run.id}/events?afterSeq=0`)).body.lastSeq;
      const renamed = await patch(run.id, { name: `  ${tag}-renamed `, notes: '## Why\nlr *too* high', tags: ['baseline', 'lr sweep'] });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: `${tag}-renamed`, notes: '## Why\nlr *too* high', tags: ['baseline', 'lr sweep'] });
      expect(renamed.body.config.name).toBe(`${tag}-renamed`);
      expect((await http<TRunList>(api.base, `/api/runs?name=${tag}-renamed`)).body.items.map((r) => r.id)).toEqual([run.id]);

      // Untouched fields stay; an empty list removes every tag.
      const untagged = await patch(run.id, { tags: [] });
      expect(untagged.body).toMatchObject({ name: `${tag}-renamed`, notes: '## Why\nlr *too* high', tags: [] });
      const fetched = await http<TRun>(api.base, `/api/runs/${run.id}`);
      expect(fetched.body).toMatchObject({ tags: [], notes: '## Why\nlr *too* high' });

      // Each change is announced, so open dashboards take the new row.
      const events = await http<TRunEvents>(api.base, `/api/runs/${run.id}/events?afterSeq=${seqBefore}`);
      expect(events.body.events.map((e) => e.type)).toEqual(['run.updated', 'run.updated']);
    });

    it('applies concurrent tag additions and removals to the stored list, losing none', async () => {
      const run = await create('concurrent-tags');
      await patch(run.id, { tags: ['keep', 'drop'] });
      // Ten people tag the run at the same moment while one removes a tag: with whole-list
      // replacement all but one addition would be lost.
      const answers = await Promise.all([
        ...Array.from({ length: 10 }, (_, i) => patch(run.id, { addTags: [`t${i}`] })),
        patch(run.id, { removeTags: ['DROP'] }),
      ]);
      expect(answers.map((a) => a.status)).toEqual(Array(11).fill(200));
      const after = (await http<TRun>(api.base, `/api/runs/${run.id}`)).body.tags;
      expect([...after].sort()).toEqual(['keep', ...Array.from({ length: 10 }, (_, i) => `t${i}`)].sort());
      // Over the limit: a 400 naming addTags, and the list stays as it was.
      const full = await patch(run.id, { addTags: Array.from({ length: 10 }, (_, i) => `more${i}`) });
      expect(full.status).toBe(400);
      expect(full.body.details).toEqual([{ path: 'addTags', message: 'at most 20 tags per run (it would have 21)' }]);
      expect((await http<TRun>(api.base, `/api/runs/${run.id}`)).body.tags).toEqual(after);
      expect((await patch(randomUUID(), { addTags: ['x'] })).status).toBe(404);
    });

    it('answers 400 per field for bad input and changes nothing', async () => {
      const run = await create('bad-input');
      const cases: [unknown, string[]][] = [
        [{}, ['(root)']],
        [{ name: '   ' }, ['name']],
        [{ name: 'x'.repeat(121), notes: 'n'.repeat(20_001) }, ['name', 'notes']],
        [{ notes: 'a\u0000b' }, ['notes']],
        [{ tags: ['ok', '<script>'] }, ['tags.1']],
        [{ tags: ['dup', 'DUP'] }, ['tags.1']],
        [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, ['tags']],
        [{ tags: 'baseline' }, ['tags']],
        // An unknown field is named; with no known one, the "give at least one" note comes too.
        [{ status: 'completed' }, ['(root)', 'status']],
      ];
      for (const [body, paths] of cases) {
        const res = await patch(run.id, body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
        expect((res.body.details as { path: string }[]).map((d) => d.path).sort()).toEqual(paths);
      }
      const after = await http<TRun>(api.base, `/api/runs/${run.id}`);
      expect(after.body).toMatchObject({ name: run.name, notes: '', tags: [] });
    });

    it('lets the owner and admins change a run, nobody else', async () => {
      const who = (role: string) => ({ email: `${role}-${tag}@test.local`, password: `${role}-password-1` });
      const owner = await userToken(api.base, who('owner'), 'launcher');
      const other = await userToken(api.base, who('other'), 'launcher');
      const viewer = await userToken(api.base, who('viewer'), 'viewer');
      const run = await create('owned', owner);
      expect((await patch(run.id, { tags: ['mine'] }, owner)).body.tags).toEqual(['mine']);
      const refused = await patch(run.id, { name: 'stolen' }, other);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toContain('rename');
      expect((await patch(run.id, { notes: 'x' }, other)).status).toBe(403);
      expect((await patch(run.id, { tags: [] }, viewer)).status).toBe(403);
      expect((await patch(run.id, { notes: 'checked by an admin' })).body.notes).toBe('checked by an admin');
      expect((await http<TRun>(api.base, `/api/runs/${run.id}`)).body).toMatchObject({ name: run.name, tags: ['mine'] });
      expect((await patch(randomUUID(), { tags: [] })).status).toBe(404);
    });
  });

  it("answers a queued run's place in line, in claim order, and nothing once it left the queue", async () => {
    const made: TRun[] = [];
    for (const n of ['q1', 'q2', 'q3'])
      made.push((await http<TRun>(api.base, '/api/runs', { body: { ...valid, name: `${tag}-${n}` } })).body);
    const [first, second, third] = made as [TRun, TRun, TRun];
    expect(first.queuePosition).toBeGreaterThanOrEqual(1);
    const position = async (id: string) => (await http<TRun>(api.base, `/api/runs/${id}`)).body.queuePosition;
    const start = (await position(first.id))!;
    expect([await position(second.id), await position(third.id)]).toEqual([start + 1, start + 2]);
    const listed = await http<TRunList>(api.base, `/api/runs?name=${tag}-q`);
    expect(Object.fromEntries(listed.body.items.map((r) => [r.name, r.queuePosition]))).toEqual({
      [`${tag}-q1`]: start,
      [`${tag}-q2`]: start + 1,
      [`${tag}-q3`]: start + 2,
    });

    // The first leaves the queue: the others move up, and it has no place any more.
    expect((await http<TRun>(api.base, `/api/runs/${first.id}/cancel`, { method: 'POST' })).body.queuePosition).toBeNull();
    expect([await position(second.id), await position(third.id)]).toEqual([start, start + 1]);
  });

  it('serves an OpenAPI document generated from the shared schemas', async () => {
    const doc = await http<{ openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>(
      api.base,
      '/api/docs/openapi.json',
    );
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/runs',
        '/api/runs/{id}',
        '/api/runs/{id}/scalars',
        '/api/runs/{id}/cancel',
        '/api/datasets',
        '/api/datasets/{id}',
      ]),
    );
    expect(JSON.stringify(doc.body.components.schemas.RunConfigInput)).toContain('learningRate');
    expect(JSON.stringify(doc.body.components.schemas.Dataset)).toContain('channelMean');
    const ui = await fetch(`${api.base}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});
