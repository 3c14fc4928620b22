import type { TTaggedScalar } from '@tensorscope/shared';
import { describe, expect, it, vi } from 'vitest';
import type { EventBus } from '../bus/event-bus.port';
import type { RunRepository } from '../runs/run.repository';
import type { ScalarStore } from '../scalars/scalar.store';
import { ScalarWriter } from './scalar-writer';

const point = (step: number): TTaggedScalar => ({ tag: 'train/loss', step, wallTime: step, value: 1 / (step + 1) });

function writer(append: ScalarStore['append']) {
  const scalars = { append };
  const runs = { setFinalMetrics: vi.fn(async () => undefined) } as unknown as RunRepository;
  const bus = { publishRunEvents: vi.fn(async () => undefined) } as unknown as EventBus;
  return { w: new ScalarWriter('run', scalars, runs, bus, undefined, {}, { maxBuffered: 100 }), runs, bus };
}

describe('ScalarWriter', () => {
  it('writes, records final and best metrics, then announces', async () => {
    const insert = vi.fn(async () => undefined);
    const { w, runs, bus } = writer(insert);
    await w.add([point(1), { ...point(2), value: 0.1 }, { ...point(3), value: 0.4 }]);
    await w.flush();
    expect(insert).toHaveBeenCalledTimes(1);
    expect(runs.setFinalMetrics).toHaveBeenCalledWith('run', { 'train/loss': 0.4 }, { 'train/loss': { value: 0.1, step: 2 } });
    expect(bus.publishRunEvents).toHaveBeenCalledWith('run', [{ type: 'run.scalars', runId: 'run', points: expect.any(Array) }]);
  });

  it('keeps system tags in the run row (the list filters on them) but not layer statistics', async () => {
    const { w, runs } = writer(vi.fn(async () => undefined));
    await w.add([
      { tag: 'system/images_per_sec', step: 1, wallTime: 1, value: 120 },
      { tag: 'system/images_per_sec', step: 2, wallTime: 2, value: 90 },
      { tag: 'system/rss_mb', step: 2, wallTime: 2, value: 700 },
      { tag: 'weights/conv1/kernel/std', step: 2, wallTime: 2, value: 0.1 },
    ]);
    await w.flush();
    expect(runs.setFinalMetrics).toHaveBeenCalledWith(
      'run',
      { 'system/images_per_sec': 90, 'system/rss_mb': 700 },
      // Throughput is best when highest, memory when lowest.
      { 'system/images_per_sec': { value: 120, step: 1 }, 'system/rss_mb': { value: 700, step: 2 } },
    );
  });

  it('keeps a failed timed write and fails the next add and flush, without an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const { w } = writer(async () => {
        throw new Error('database gone');
      });
      await w.add([point(1)]); // buffered; the background flush fails
      await new Promise((r) => setTimeout(r, 50));
      await expect(w.add([point(2)])).rejects.toThrow('database gone');
      await expect(w.flush()).rejects.toThrow('database gone');
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('writes a point at once when no write is in flight, and batches what arrives during one', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const { w } = writer(async (_run, points) => {
      batches.push(points.map((p) => p.step));
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
    });
    await w.add([point(1)]);
    await vi.waitFor(() => expect(batches).toEqual([[1]]));
    // The first write hangs: these wait, then go together.
    for (const step of [2, 3, 4]) await w.add([point(step)]);
    await new Promise((r) => setTimeout(r, 20));
    expect(batches).toEqual([[1]]);
    release();
    await vi.waitFor(() => expect(batches).toEqual([[1], [2, 3, 4]]));
  });

  it('makes a producer that outruns the database wait once maxBuffered points are waiting', async () => {
    let release: () => void = () => undefined;
    let writes = 0;
    const { w } = writer(async () => {
      writes++;
      await new Promise<void>((r) => (release = r));
    });
    await w.add([point(0)]);
    await vi.waitFor(() => expect(writes).toBe(1));
    let returned = false;
    const full = w.add(Array.from({ length: 100 }, (_, i) => point(i + 1))).then(() => (returned = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(returned).toBe(false);
    release();
    await vi.waitFor(() => expect(writes).toBe(2));
    release();
    await full;
    expect(returned).toBe(true);
  });
});
