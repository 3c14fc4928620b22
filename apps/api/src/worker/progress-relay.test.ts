import type { TRunProgress, TTaggedScalar } from '@tensorscope/shared';
import { describe, expect, it, vi } from 'vitest';
import type { EventBus } from '../bus/event-bus.port';
import type { RunRepository } from '../runs/run.repository';
import { createProgressRelay } from './progress-relay';
import { ScalarWriter } from './scalar-writer';

const progress = (step: number, totalSteps = 100): TRunProgress => ({
  epoch: 1,
  epochs: 1,
  step,
  totalSteps,
  imagesPerSec: 1,
  etaSeconds: 1,
});
const loss = (step: number): TTaggedScalar => ({ tag: 'train/loss', step, wallTime: step, value: 1 / step });

describe('createProgressRelay', () => {
  it('announces the points logged up to a step before the progress that reports it', async () => {
    // What the bus saw, in order: the client applies events in this order.
    const published: string[] = [];
    const bus = {
      publishRunEvents: vi.fn(async (_runId: string, events: { type: string; points?: TTaggedScalar[] }[]) => {
        for (const event of events) {
          published.push(event.type === 'run.scalars' ? `points ${event.points!.map((p) => p.step).join(',')}` : event.type);
        }
      }),
    } as unknown as EventBus;
    const runs = { setFinalMetrics: vi.fn(async () => undefined) } as unknown as RunRepository;
    const writer = new ScalarWriter('run', { append: async () => undefined }, runs, bus, undefined, {}, { maxBuffered: 200 });
    let clock = 0;
    const relay = createProgressRelay({
      flushPoints: () => writer.flush(),
      publish: async (p) => {
        published.push(`progress ${p.step}`);
      },
      now: () => clock,
      everyMs: 500,
    });
    for (const step of [10, 20, 30]) await writer.add([loss(step)]);
    clock = 1000;
    await relay(progress(31));
    expect(published).toEqual(['points 10,20,30', 'progress 31']);
  });

  it('throttles progress (and its flush) to one per interval, but always sends the last step', async () => {
    const flushPoints = vi.fn(async () => undefined);
    const publish = vi.fn(async () => undefined);
    let clock = 1000;
    const relay = createProgressRelay({ flushPoints, publish, now: () => clock, everyMs: 500 });
    await relay(progress(1, 3));
    clock += 100;
    await relay(progress(2, 3));
    expect(publish).toHaveBeenCalledTimes(1);
    expect(flushPoints).toHaveBeenCalledTimes(1);
    clock += 100;
    await relay(progress(3, 3));
    expect(publish).toHaveBeenCalledTimes(2);
    expect(flushPoints).toHaveBeenCalledTimes(2);
  });
});
