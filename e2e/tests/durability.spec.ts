import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { apiFetch } from '../api-auth';
import { API_PORT } from '../playwright.config';

// Faults under the real start command (scripts/stack.mjs supervises the stack these tests run
// against): a worker killed, the database stopped, the API restarted, each in the middle of a run.
// Each test ends with the product up again, so the specs after it run on a recovered stack.

const api = `http://127.0.0.1:${API_PORT}`;
type TStack = { postgres: { pid: number }; children: Record<string, { pid: number; running: boolean }> };
const stack = (): TStack => JSON.parse(readFileSync(process.env.E2E_STATE_FILE!, 'utf8')) as TStack;

/** LeNet on 3,200 MNIST digits: 100 steps of 32, a train point every step, a test point every 25. */
const run = (name: string) => ({
  name,
  model: 'lenet5',
  variant: 'mnist',
  batchSize: 32,
  epochs: 1,
  trainSubset: 3200,
  evalSubset: 200,
  evalInterval: 25,
  logInterval: 1,
  statsInterval: 1000,
  snapshotsPerEpoch: 0,
  probeImages: 0,
});
const ALL_STEPS = Array.from({ length: 100 }, (_, i) => i + 1);

/** The fields of GET /api/runs/:id these tests read. */
type TRun = { id: string; status: string; attempts: number; interruption: string | null; checkpointStep: number | null };
type TPoint = { step: number; wallTime: number; value: number };
async function json<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await apiFetch(path, { ...init, headers: { 'content-type': 'application/json' } });
  return { status: res.status, body: (await res.json()) as T };
}
const points = async (id: string, tag = 'train/loss') =>
  (await json<{ points: TPoint[] }>(`/api/runs/${id}/scalars?tag=${tag}`)).body.points;
const getRun = async (id: string) => (await json<TRun>(`/api/runs/${id}`)).body;
async function launch(name: string): Promise<string> {
  const created = await json<TRun>('/api/runs', { method: 'POST', body: JSON.stringify(run(name)) });
  expect(created.status).toBe(201);
  return created.body.id;
}
async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 120_000, every = 200): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}
const finished = (id: string) =>
  until(
    'the run to end',
    async () => {
      const r = await getRun(id);
      return ['completed', 'failed', 'cancelled'].includes(r.status) ? r : undefined;
    },
    180_000,
  );

/** Every step exactly once, and each point stored before the fault unchanged (value and wall time). */
async function expectNoGapNoDuplicate(id: string, before: TPoint[]): Promise<void> {
  const after = await points(id);
  expect(after.map((p) => p.step)).toEqual(ALL_STEPS);
  const byStep = new Map(after.map((p) => [p.step, p]));
  for (const p of before) expect(byStep.get(p.step)).toEqual(p);
  expect((await points(id, 'test/loss')).map((p) => p.step)).toEqual([25, 50, 75, 100]);
}

test('kill -9 of the worker mid-epoch: the product stays up, a worker is back in seconds and resumes the run from its checkpoint', async () => {
  const id = await launch(`durable-kill-${Date.now()}`);
  const beforeKill = await until('30 points and a checkpoint', async () => {
    const [r, p] = await Promise.all([getRun(id), points(id)]);
    return r.checkpointStep !== null && p.length >= 30 && r.status === 'running' ? p : undefined;
  });
  const victim = stack().children.worker!.pid;
  const apiPid = stack().children.api!.pid;
  const killedAt = Date.now();
  process.kill(victim, 'SIGKILL');

  expect((await fetch(`${api}/api/health`)).status).toBe(200);
  const back = await until(
    'a new worker',
    async () => {
      const w = stack().children.worker!;
      return w.pid !== victim && w.running ? Date.now() - killedAt : undefined;
    },
    30_000,
    50,
  );
  console.log(`worker back ${back} ms after kill -9`);
  expect((await fetch(`${api}/api/health`)).status).toBe(200);
  expect(stack().children.api!.pid).toBe(apiPid);

  const done = await finished(id);
  expect(done.status).toBe('completed');
  expect(done.attempts).toBe(2);
  expect(done.interruption).toMatch(/restarted while training it.*resumed from step \d+ \(attempt 2 of 5\)/);
  await expectNoGapNoDuplicate(id, beforeKill);
});

test('database stopped (immediate shutdown) mid-run: 503 while it is away, recovery without restarting any process, no missing step', async () => {
  const id = await launch(`durable-db-${Date.now()}`);
  const beforeStop = await until('20 points', async () => {
    const p = await points(id);
    return p.length >= 20 ? p : undefined;
  });
  const pids = { api: stack().children.api!.pid, worker: stack().children.worker!.pid };
  const pg = stack().postgres.pid;
  // SIGQUIT is Postgres's immediate shutdown: no checkpoint, every connection cut; the supervisor starts it again.
  process.kill(pg, 'SIGQUIT');

  const outage = await until(
    'a 503 from GET /api/runs',
    async () => {
      const res = await apiFetch('/api/runs');
      return res.status === 503 ? ((await res.json()) as { code: string; message: string }) : undefined;
    },
    10_000,
    20,
  );
  expect(outage.code).toBe('DATABASE_UNAVAILABLE');
  expect(outage.message).toMatch(/database/i);
  const health = await fetch(`${api}/api/health`);
  if (health.status === 503) expect(((await health.json()) as { details: { database: string } }).details.database).toBe('down');

  const dbBackAt = await until('Postgres restarted', async () => (stack().postgres.pid !== pg ? Date.now() : undefined), 30_000, 20);
  const recovered = await until(
    'GET /api/runs 200',
    async () => ((await apiFetch('/api/runs')).status === 200 ? Date.now() : undefined),
    30_000,
    50,
  );
  console.log(`API answered 200 again ${recovered - dbBackAt} ms after Postgres was back`);
  expect(recovered - dbBackAt).toBeLessThan(30_000);

  const done = await finished(id);
  expect(done.status).toBe('completed');
  expect(done.attempts).toBe(1);
  await expectNoGapNoDuplicate(id, beforeStop);
  expect(stack().children.api!.pid).toBe(pids.api);
  expect(stack().children.worker!.pid).toBe(pids.worker);
});

test('SIGTERM to the API mid-run: it is restarted, the run completes, and the open dashboard reconnects and shows every point', async ({
  page,
}) => {
  const id = await launch(`durable-api-${Date.now()}`);
  await page.goto(`/runs/${id}`);
  const loss = page.getByTestId('chart-loss');
  await expect.poll(async () => Number(await loss.getAttribute('data-points')), { timeout: 120_000 }).toBeGreaterThan(5);
  const apiPid = stack().children.api!.pid;
  process.kill(apiPid, 'SIGTERM');
  await until(
    'a new API',
    async () => (stack().children.api!.pid !== apiPid && (await fetch(`${api}/api/health`)).status === 200 ? true : undefined),
    60_000,
  );

  const done = await finished(id);
  expect(done.status).toBe('completed');
  await expectNoGapNoDuplicate(id, []);
  // Without a reload: 100 train points and 4 test points on the loss chart.
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 60_000 });
  await expect(loss).toHaveAttribute('data-points', '104', { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/durability-run-page.png', fullPage: true });
});
