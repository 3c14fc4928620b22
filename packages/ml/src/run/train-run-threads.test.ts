import * as tf from '@tensorflow/tfjs';
import { ZLenet5Config, type TTaggedScalar } from '@tensorscope/shared';
import { beforeAll, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { dataCacheDir } from '../bench/data-cache.dir';
import { DataParallelHelper } from '../training/data-parallel.helper';
import type { TTrainCheckpoint } from '../training/checkpoint.types';
import { trainRun } from './train-run';

/** trainRun on two threads: said in the run's log, and however the run ends, its helper thread ends with it. */

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

const env = { cacheDir: dataCacheDir(), trainThreads: 2 as const };
/** 3 steps of 64 CIFAR-10 gray28 images (the last 32). */
const config = ZLenet5Config.parse({ name: 'threads', model: 'lenet5', trainSubset: 160, evalSubset: 50, probeImages: 0, seed: 4 });

it('says "wasm × 2 threads" in the run log, trains, and leaves no thread or tensor behind', async () => {
  const logs: string[] = [];
  const before = tf.memory().numTensors;
  const result = await trainRun(config, env, { onLog: (line) => void logs.push(line) });
  expect(result).toMatchObject({ stopped: false, steps: 3 });
  expect(result.finalMetrics['test/loss']).toBeGreaterThan(0);
  expect(logs).toContainEqual('threads: wasm × 2 threads (data-parallel, batch of 64 split 32 + 32 per step; TRAIN_THREADS=2)');
  expect(DataParallelHelper.running).toBe(0);
  expect(tf.memory().numTensors).toBe(before);
});

it('ends the helper thread on cancel, on suspend and on failure', async () => {
  const before = tf.memory().numTensors;
  let running = -1;
  const cancelled = await trainRun(config, env, {
    shouldStop: () => {
      running = DataParallelHelper.running;
      return running === 1;
    },
  });
  expect(cancelled).toMatchObject({ stopped: true, steps: 0 });
  expect(running).toBe(1);
  expect(DataParallelHelper.running).toBe(0);

  let saved: TTrainCheckpoint | undefined;
  let checks = 0;
  const suspended = await trainRun(
    config,
    env,
    { shouldStop: () => (++checks > 1 ? 'suspend' : false), onCheckpoint: (c) => void (saved = c) },
    {},
  );
  expect(suspended).toMatchObject({ suspended: true, steps: 1 });
  expect(saved?.step).toBe(1);
  expect(DataParallelHelper.running).toBe(0);

  const points: TTaggedScalar[] = [];
  const failed = trainRun(config, env, {
    onScalars: (p) => {
      points.push(...p);
      throw new Error('the database went away');
    },
  });
  await expect(failed).rejects.toThrow('the database went away');
  expect(points.length).toBeGreaterThan(0);
  expect(DataParallelHelper.running).toBe(0);
  expect(tf.memory().numTensors).toBe(before);
});
