import { describe, expect, it } from 'vitest';
import { createLimit } from './concurrency-limit';

/** A task that runs until `finish()`; records when it started. */
function gate(started: string[], name: string) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const task = () => {
    started.push(name);
    return done;
  };
  return { task, finish: () => finish(name), fail: () => fail(new Error(name)) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createLimit', () => {
  it('runs at most max at once, the rest in the order they asked', async () => {
    const limit = createLimit(2);
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((n) => gate(started, n));
    const results = gates.map((g) => limit(g.task));
    await tick();
    expect(started).toEqual(['a', 'b']);
    gates[1]!.finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    const firstFails = expect(results[0]).rejects.toThrow('a');
    gates[0]!.fail();
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    gates[2]!.finish();
    gates[3]!.finish();
    await firstFails;
    expect(await Promise.all(results.slice(1))).toEqual(['b', 'c', 'd']);
    // All slots free again.
    const again = [gate(started, 'e'), gate(started, 'f')];
    again.forEach((g) => void limit(g.task));
    await tick();
    expect(started.slice(-2)).toEqual(['e', 'f']);
  });

  it('drops a waiting task that is cancelled, without taking a slot', async () => {
    const limit = createLimit(1);
    const started: string[] = [];
    const a = gate(started, 'a');
    const b = gate(started, 'b');
    const c = gate(started, 'c');
    void limit(a.task);
    const controller = new AbortController();
    const cancelled = limit(b.task, controller.signal);
    const last = limit(c.task);
    controller.abort(new Error('cancelled'));
    await expect(cancelled).rejects.toThrow('cancelled');
    a.finish();
    await tick();
    expect(started).toEqual(['a', 'c']);
    c.finish();
    expect(await last).toBe('c');
    await expect(limit(() => Promise.resolve(1), AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
