import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RenderInputError, RenderPool, RenderThreadError } from './render.pool';
import type { TRenderResult } from './render.protocol';

const entry = join(__dirname, '..', '..', '..', 'test', 'render-threads', 'scripted.thread.mjs');
const noModel = () => Promise.reject(new Error('not asked for'));
/** The scripted thread's answers: [value, threadId]. */
const bytes = (r: TRenderResult) => (r.kind === 'png' ? [...r.png] : []);

let pool: RenderPool;
const makePool = (threads = 1, timeoutMs = 5000) =>
  (pool = new RenderPool({ entry, threads, timeoutMs, init: { backend: 'wasm', cacheDir: '/tmp', modelSlots: 2 } }));
const task = (kind: string, value = 0) => ({ kind, value }) as never;

afterEach(async () => {
  await pool?.close();
});

describe('RenderPool: real threads, supervised', () => {
  it('runs tasks in a thread, one at a time per thread, in order', async () => {
    makePool(1);
    const answers = await Promise.all([1, 2, 3].map((v) => pool.run(task('answer', v), null, noModel)));
    expect(answers.map((a) => bytes(a)[0])).toEqual([1, 2, 3]);
    expect(new Set(answers.map((a) => bytes(a)[1])).size).toBe(1);
    expect(pool.tasksStarted).toBe(3);
  });

  it('hands a snapshot to the thread only when it asks, and sends later tasks on it to the thread that holds it', async () => {
    makePool(2);
    let loads = 0;
    const load = () => {
      loads += 1;
      return Promise.resolve({
        key: 'run/4',
        topology: {},
        tensors: [{ layer: 'a', param: 'kernel', shape: [2], data: new Float32Array(2) }],
      } as never);
    };
    const first = bytes(await pool.run(task('snapshot'), 'run/4', load));
    expect(first[0]).toBe(1);
    const again = bytes(await pool.run(task('snapshot'), 'run/4', load));
    expect(again).toEqual([255, first[1]]);
    expect(loads).toBe(1);
  });

  it('answers a snapshot that cannot load with its own error, and the thread goes on', async () => {
    makePool(1);
    const gone = new Error('snapshot gone');
    await expect(pool.run(task('snapshot'), 'run/9', () => Promise.reject(gone))).rejects.toBe(gone);
    expect(bytes(await pool.run(task('answer', 7), null, noModel))[0]).toBe(7);
  });

  it('passes an input refusal on as RenderInputError', async () => {
    makePool(1);
    await expect(pool.run(task('refuse'), null, noModel)).rejects.toBeInstanceOf(RenderInputError);
  });

  it('fails only the task of a thread that crashes or exits, and starts a fresh thread for the next', async () => {
    makePool(1);
    const before = bytes(await pool.run(task('answer', 1), null, noModel))[1];
    const queued = pool.run(task('answer', 2), null, noModel);
    await expect(pool.run(task('crash'), null, noModel)).rejects.toThrow(/render thread crashed: wasm abort/);
    // Queued ahead of the crash, so answered before it.
    expect(bytes(await queued)[0]).toBe(2);
    const crashingAfter = pool.run(task('crash'), null, noModel);
    const behind = pool.run(task('answer', 3), null, noModel);
    await expect(crashingAfter).rejects.toBeInstanceOf(RenderThreadError);
    const fresh = bytes(await behind);
    expect(fresh[0]).toBe(3);
    expect(fresh[1]).not.toBe(before);
    await expect(pool.run(task('exit'), null, noModel)).rejects.toThrow(/exited \(code 3\)/);
    expect(bytes(await pool.run(task('answer', 4), null, noModel))[0]).toBe(4);
  });

  it('abandons a hung render after its time, kills the thread and serves the next task on a new one', async () => {
    makePool(1, 300);
    const hung = pool.run(task('hang'), null, noModel);
    const next = pool.run(task('answer', 5), null, noModel);
    await expect(hung).rejects.toThrow(/longer than 0.3 s/);
    expect(bytes(await next)[0]).toBe(5);
  });

  it('refuses work once closed, failing what was waiting', async () => {
    makePool(1);
    const failed = Promise.all([
      expect(pool.run(task('hang'), null, noModel)).rejects.toBeInstanceOf(RenderThreadError),
      expect(pool.run(task('answer', 1), null, noModel)).rejects.toBeInstanceOf(RenderThreadError),
    ]);
    await pool.close();
    await failed;
    await expect(pool.run(task('answer', 1), null, noModel)).rejects.toThrow(/shut down/);
  });
});
