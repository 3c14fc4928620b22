import { expect, it } from 'vitest';
import type { BatchStep } from './batch-step.types';
import { createAdaptiveStep } from './threads.adapt';

/** Fake steps on a fake clock: each mode costs its current ms per image; the log says which ran. */
function rig(cost: { one: number; two: number }) {
  let clock = 0;
  const ran: Array<1 | 2 | 'sync'> = [];
  const fake =
    (mode: 1 | 2): BatchStep =>
    async (batch) => {
      clock += cost[mode === 1 ? 'one' : 'two'] * batch.count;
      ran.push(mode);
      return { loss: 1, correct: 0 };
    };
  const changes: Array<[1 | 2, { one: number; two: number }]> = [];
  const step = createAdaptiveStep(fake(1), fake(2), async () => void ran.push('sync'), {
    trialSteps: 3,
    holdSteps: 4,
    onChange: (threads, ms) => void changes.push([threads, ms]),
    now: () => clock,
  });
  const batch = { x: new Float32Array(0), y: new Float32Array(0), count: 10 };
  const run = async (steps: number, hooked = false) => {
    for (let i = 0; i < steps; i++) await step(batch, hooked ? async () => undefined : undefined);
  };
  return { cost, ran, changes, run };
}

it('keeps two threads while they are faster, re-syncing the helper after each one-thread trial', async () => {
  const r = rig({ one: 2, two: 1 });
  await r.run(20);
  // trial: 3 on two, 3 on one; hold 4 on two (synced first); again.
  expect(r.ran).toEqual([2, 2, 2, 1, 1, 1, 'sync', 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 'sync', 2, 2, 2, 2]);
  expect(r.changes).toEqual([]);
});

it('falls back to one thread while that is faster, and returns to two when they win again', async () => {
  const r = rig({ one: 2, two: 3 });
  await r.run(10);
  expect(r.ran).toEqual([2, 2, 2, 1, 1, 1, 1, 1, 1, 1]);
  expect(r.changes).toEqual([[1, { one: 2, two: 3 }]]);
  r.cost.two = 1; // the other work on the cores has ended
  await r.run(10);
  expect(r.ran.slice(10)).toEqual(['sync', 2, 2, 2, 1, 1, 1, 'sync', 2, 2, 2, 2]);
  expect(r.changes).toEqual([
    [1, { one: 2, two: 3 }],
    [2, { one: 2, two: 1 }],
  ]);
});

it('does not time inspected steps: with no evidence the choice stays', async () => {
  const r = rig({ one: 1, two: 5 });
  await r.run(10, true);
  expect(r.changes).toEqual([]);
  expect(r.ran.slice(0, 6)).toEqual([2, 2, 2, 1, 1, 1]);
});
