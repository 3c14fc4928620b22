import type { TTaggedScalar } from '@tensorscope/shared';
import { describe, expect, it, vi } from 'vitest';
import type { EventBus } from '../bus/event-bus.port';
import type { RunRepository } from '../runs/run.repository';
import type { ScalarStore } from '../scalars/scalar.store';
import { ScalarWriter } from './scalar-writer';

const point = (step: number): TTaggedScalar => ({ tag: 'train/loss', step, wallTime: step, value: 1 / (step + 1) });

function writer(append: ScalarStore['append'], flushMs = 5) {
  const scalars = { append };
  const runs = { setFinalMetrics: vi.fn(async () => undefined) } as unknown as RunRepository;
  const bus = { publish: vi.fn(async () => undefined) } as unknown as EventBus;
  return { w: new ScalarWriter('run', scalars, runs, bus, undefined, {}, { maxBuffered: 100, flushMs }), runs, bus };
}

describe('ScalarWriter', () => {
  it('writes, records final and best metrics, then announces', async () => {
    const insert = vi.fn(async () => undefined);
    const { w, runs, bus } = writer(insert);
    await w.add([point(1), { ...point(2), value: 0.1 }, { ...point(3), value: 0.4 }]);
    await w.flush();
    expect(insert).toHaveBeenCalledTimes(1);
    expect(runs.setFinalMetrics).toHaveBeenCalledWith('run', { 'train/loss': 0.4 }, { 'train/loss': { value: 0.1, step: 2 } });
    expect(bus.publish).toHaveBeenCalled();
  });

  it('keeps a failed timed write and fails the next add and flush, without an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const { w } = writer(async () => {
        throw new Error('database gone');
      });
      await w.add([point(1)]); // buffered; the 5 ms timer flushes and fails
      await new Promise((r) => setTimeout(r, 50));
      await expect(w.add([point(2)])).rejects.toThrow('database gone');
      await expect(w.flush()).rejects.toThrow('database gone');
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
