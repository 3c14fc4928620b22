import * as tf from '@tensorflow/tfjs';
import { afterAll, expect, it } from 'vitest';
import { describeTrainThreads, MIN_PARALLEL_BATCH, planTrainThreads } from './train-threads.plan';

const plain = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [4, 4, 1] }), tf.layers.dense({ units: 10 })] });
const normed = tf.sequential({
  layers: [tf.layers.batchNormalization({ inputShape: [4, 4, 1], name: 'bn1' }), tf.layers.flatten(), tf.layers.dense({ units: 10 })],
});
afterAll(() => {
  plain.dispose();
  normed.dispose();
});

const run = { backend: 'wasm' as const, cores: 2, batchSize: 64, model: plain };

it('auto splits wasm runs with a second core and a batch worth splitting', () => {
  expect(planTrainThreads('auto', run)).toMatchObject({ threads: 2, adapt: true });
  expect(planTrainThreads('auto', { ...run, batchSize: MIN_PARALLEL_BATCH }).threads).toBe(2);
  expect(planTrainThreads('auto', { ...run, batchSize: MIN_PARALLEL_BATCH - 1 })).toEqual({
    threads: 1,
    adapt: false,
    reason: `batch ${MIN_PARALLEL_BATCH - 1} is below ${MIN_PARALLEL_BATCH}: too small to split`,
  });
  expect(planTrainThreads('auto', { ...run, cores: 1 }).threads).toBe(1);
  expect(planTrainThreads('auto', { ...run, model: normed })).toEqual({
    threads: 1,
    adapt: false,
    reason: 'bn1 normalises over the batch: halves would change training',
  });
});

it('never splits other backends; 1 and 2 otherwise say so', () => {
  for (const backend of ['tensorflow', 'tensorflow-gpu', 'cpu'] as const) {
    expect(planTrainThreads('auto', { ...run, backend }).threads).toBe(1);
    expect(planTrainThreads(2, { ...run, backend }).threads).toBe(1);
  }
  expect(planTrainThreads(1, run).threads).toBe(1);
  expect(planTrainThreads(2, { ...run, cores: 1, batchSize: 2, model: normed })).toMatchObject({ threads: 2, adapt: false });
});

it('says it in one log line', () => {
  expect(describeTrainThreads('wasm', planTrainThreads('auto', { ...run, batchSize: 65 }), 65)).toBe(
    'threads: wasm × 2 threads (data-parallel, batch of 65 split 33 + 32 per step; TRAIN_THREADS=auto, 2 cores; 1 thread while that is faster)',
  );
  expect(describeTrainThreads('wasm', planTrainThreads(1, run), 64)).toBe('threads: wasm × 1 thread (TRAIN_THREADS=1)');
});
