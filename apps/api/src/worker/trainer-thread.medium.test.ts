import { ZRunConfig } from '@tensorscope/shared';
import { join } from 'node:path';
import { type Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { TrainerThread } from './trainer-thread.client';

const cacheDir = join(__dirname, '..', '..', '..', '..', '.data', 'cache');
const config = ZRunConfig.parse({
  name: 'thread',
  model: 'lenet5',
  variant: 'mnist',
  batchSize: 32,
  trainSubset: 640,
  evalSubset: 100,
  logInterval: 2,
  evalInterval: 10,
  statsInterval: 1000,
  snapshotsPerEpoch: 0,
  probeImages: 0,
});

describe('trainer thread', () => {
  it('trains in a worker thread; the callbacks arrive in order, each acknowledged before the next step', async () => {
    const thread = new TrainerThread();
    const steps: number[] = [];
    let inCallback = false;
    const run = thread.start(
      { config, backend: 'wasm', cacheDir, checkpointEveryMs: 60_000 },
      {
        onScalars: async (points) => {
          expect(inCallback).toBe(false);
          inCallback = true;
          // A slow write (a database outage, say) holds the trainer: nothing else arrives meanwhile.
          await new Promise((r) => setTimeout(r, 20));
          inCallback = false;
          for (const p of points) if (p.tag === 'train/loss') steps.push(p.step);
        },
      },
    );
    expect(await run.backend).toBe('wasm');
    const result = await run.result;
    expect(result).toMatchObject({ stopped: false, steps: 20 });
    expect(steps).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    await thread.close();
  });

  it('trains on two threads when asked, says so in the run log, and learns the same as one thread', async () => {
    const thread = new TrainerThread();
    const trainLosses = async (trainThreads: 1 | 2) => {
      const logs: string[] = [];
      const losses: number[] = [];
      const run = thread.start(
        { config, backend: 'wasm', cacheDir, checkpointEveryMs: 60_000, trainThreads },
        {
          onLog: (_level, message) => void logs.push(message),
          onScalars: (points) => {
            for (const p of points) if (p.tag === 'train/loss') losses.push(p.value);
          },
        },
      );
      expect(await run.result).toMatchObject({ stopped: false, steps: 20 });
      return { losses, logs };
    };
    const two = await trainLosses(2);
    expect(two.logs).toContainEqual('threads: wasm × 2 threads (data-parallel, batch of 32 split 16 + 16 per step; TRAIN_THREADS=2)');
    const one = await trainLosses(1);
    expect(one.logs).toContainEqual('threads: wasm × 1 thread (TRAIN_THREADS=1)');
    // The first steps agree to float rounding. Later ones drift apart (measured: from ~1e-7 to
    // ~3e-3 by step 20): summing a gradient in another order moves weights by ~1e-7, which flips
    // a few ReLU/max-pool choices and Adam's normalised steps, as any other kernel would.
    expect(Math.abs(two.losses[0]! - one.losses[0]!)).toBeLessThan(1e-5 * one.losses[0]!);
    expect(Math.abs(two.losses.at(-1)! - one.losses.at(-1)!)).toBeLessThan(0.02 * one.losses.at(-1)!);
    await thread.close();
  });

  it('a crashed thread fails its run with the reason, and the next run gets a new thread', async () => {
    const thread = new TrainerThread();
    const run = thread.start(
      { config, backend: 'wasm', cacheDir, checkpointEveryMs: 60_000 },
      {
        onScalars: () => {
          // Stands in for a wasm abort or an out-of-memory kill of the thread.
          void (thread as unknown as { worker: Worker }).worker.terminate();
        },
      },
    );
    await expect(run.result).rejects.toThrow(/trainer thread exited/);
    const again = thread.start({ config, backend: 'wasm', cacheDir, checkpointEveryMs: 60_000 }, {});
    expect((await again.result).steps).toBe(20);
    await thread.close();
  });

  it('a run that fails at once (the wasm memory guard) rejects its result only, even while the caller is busy', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const thread = new TrainerThread();
    try {
      const huge = ZRunConfig.parse({ name: 'huge', model: 'lstm', hiddenSize: 1024, layers: 1, batchSize: 4096, trainSubset: 4096 });
      const run = thread.start({ config: huge, backend: 'wasm', cacheDir, checkpointEveryMs: 60_000 }, {});
      expect(await run.backend).toBe('wasm');
      // What the worker does here before it awaits the result: database writes, which take a while.
      await new Promise((r) => setTimeout(r, 500));
      expect(unhandled).toEqual([]);
      await expect(run.result).rejects.toThrow(/at batchSize 4096 a training step needs about .* use batchSize ≤ \d+/);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await thread.close();
    }
  });

  it('suspend hands over a checkpoint instead of logging the open window', async () => {
    const thread = new TrainerThread();
    let saved = 0;
    let scalarsAfterStop = 0;
    let stopped = false;
    const run = thread.start(
      { config, backend: 'wasm', cacheDir, checkpointEveryMs: 60_000 },
      {
        onScalars: () => {
          if (stopped) scalarsAfterStop++;
          if (!stopped) {
            stopped = true;
            run.stop('suspend');
          }
        },
        onCheckpoint: (c) => void (saved = c.step),
      },
    );
    const result = await run.result;
    expect(result).toMatchObject({ stopped: true, suspended: true });
    expect(saved).toBe(result.steps);
    expect(scalarsAfterStop).toBe(0);
    await thread.close();
  });
});
