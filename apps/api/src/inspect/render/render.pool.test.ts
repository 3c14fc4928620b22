import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RenderInputError, RenderNotFoundError, RenderPool, RenderThreadError } from './render.pool';
import type { TRenderResult } from './render.protocol';

const entry = join(__dirname, '..', '..', '..', 'test', 'render-threads', 'scripted.thread.mjs');
/** The scripted thread's answers: [value, threadId]. */
const bytes = (r: TRenderResult) => (r.kind === 'png' ? [...r.png] : []);

let pool: RenderPool;
const makePool = (threads = 1, timeoutMs = 5000) =>
  (pool = new RenderPool({
    entry,
    threads,
    timeoutMs,
    init: { backend: 'wasm', cacheDir: '/tmp', databaseUrl: 'postgres://unused', modelSlots: 2 },
  }));
const task = (kind: string, value = 0) => ({ kind, value }) as never;

afterEach(async () => {
  await pool?.close();
});

describe('RenderPool: real threads, supervised', () => {
  it('runs tasks in a thread, one at a time per thread, in order', async () => {
    makePool(1);
    const answers = await Promise.all([1, 2, 3].map((v) => pool.run(task('answer', v), null)));
    expect(answers.map((a) => bytes(a)[0])).toEqual([1, 2, 3]);
    expect(new Set(answers.map((a) => bytes(a)[1])).size).toBe(1);
  });

  it('sends a task on a snapshot to the thread that loaded it, even when another is free first', async () => {
    makePool(2);
    const ref = { runId: 'r', step: 4 };
    const [other, loaded] = await Promise.all([pool.run(task('answer', 9), null), pool.run(task('snapshot'), ref)]);
    expect(bytes(loaded)[0]).toBe(0);
    expect(bytes(other)[1]).not.toBe(bytes(loaded)[1]);
    const again = bytes(await pool.run(task('snapshot'), ref));
    expect(again).toEqual([1, bytes(loaded)[1]]);
    expect(pool.snapshotLoads).toBe(1);
  });

  it('tells a missing snapshot and a database error apart from other failures', async () => {
    makePool(1);
    await expect(pool.run(task('missing'), { runId: 'r', step: 1 })).rejects.toBeInstanceOf(RenderNotFoundError);
    // The code survives, so the API's outage check answers 503 for it.
    await expect(pool.run(task('db-down'), { runId: 'r', step: 1 })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(bytes(await pool.run(task('answer', 7), null))[0]).toBe(7);
  });

  it('lets a filter grid pass the snapshot renders waiting, but not what came before them', async () => {
    makePool(1);
    const order: string[] = [];
    const track = (name: string, p: Promise<unknown>) => p.then(() => order.push(name));
    await Promise.all([
      track('running', pool.run(task('answer', 1), null)),
      track('warm', pool.run(task('answer', 2), null)),
      track('feature-maps', pool.run(task('snapshot'), { runId: 'r', step: 1 })),
      track('filter-grid', pool.run(task('filter-grid', 3), null)),
    ]);
    expect(order).toEqual(['running', 'warm', 'filter-grid', 'feature-maps']);
  });

  it('passes an input refusal on as RenderInputError', async () => {
    makePool(1);
    await expect(pool.run(task('refuse'), null)).rejects.toBeInstanceOf(RenderInputError);
  });

  it('fails only the task of a thread that crashes or exits, and starts a fresh thread for the next', async () => {
    makePool(1);
    const before = bytes(await pool.run(task('answer', 1), null))[1];
    const queued = pool.run(task('answer', 2), null);
    await expect(pool.run(task('crash'), null)).rejects.toThrow(/render thread crashed: wasm abort/);
    // Queued ahead of the crash, so answered before it.
    expect(bytes(await queued)[0]).toBe(2);
    const crashingAfter = pool.run(task('crash'), null);
    const behind = pool.run(task('answer', 3), null);
    await expect(crashingAfter).rejects.toBeInstanceOf(RenderThreadError);
    const fresh = bytes(await behind);
    expect(fresh[0]).toBe(3);
    expect(fresh[1]).not.toBe(before);
    await expect(pool.run(task('exit'), null)).rejects.toThrow(/exited \(code 3\)/);
    expect(bytes(await pool.run(task('answer', 4), null))[0]).toBe(4);
  });

  it('abandons a hung render after its time, kills the thread and serves the next task on a new one', async () => {
    makePool(1, 300);
    const hung = pool.run(task('hang'), null);
    const next = pool.run(task('answer', 5), null);
    await expect(hung).rejects.toThrow(/longer than 0.3 s/);
    expect(bytes(await next)[0]).toBe(5);
  });

  it('refuses work once closed, failing what was waiting', async () => {
    makePool(1);
    const failed = Promise.all([
      expect(pool.run(task('hang'), null)).rejects.toBeInstanceOf(RenderThreadError),
      expect(pool.run(task('answer', 1), null)).rejects.toBeInstanceOf(RenderThreadError),
    ]);
    await pool.close();
    await failed;
    await expect(pool.run(task('answer', 1), null)).rejects.toThrow(/shut down/);
  });
});
