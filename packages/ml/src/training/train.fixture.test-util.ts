import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { dataCacheDir } from '../bench/data-cache.dir';
import { loadCifar10 } from '../datasets/cifar10.loader';
import type { ImageDataset } from '../datasets/dataset.types';
import { loadMnist } from '../datasets/mnist.loader';
import { selectProbe } from '../inspect/probe.select';
import { createOptimizer } from '../models/optimizer.factory';
import { subsetSplit } from './dataset-subset.util';
import { train } from './train';
import type { TrainCallbacks, TrainData, TrainOptions } from './train.types';

/**
 * Shared by the training-loop tests: 600 real 28×28×1 training images (10 steps of 64 per
 * epoch, the last one 24), 200 test images, and `probeCount` probe images drawn from the
 * whole test split with `probeSeed`, on wasm. CIFAR-10 gray28 by default (LeNet's tests);
 * MNIST for the models that read digits.
 */
export async function loadTrainFixture(
  probeCount: number,
  probeSeed: number,
  dataset: 'cifar-gray28' | 'mnist' = 'cifar-gray28',
): Promise<{ data: TrainData; probe: ImageDataset }> {
  if ((await initBackend('wasm')) !== 'wasm') throw new Error('the training tests need the wasm backend');
  const full = dataset === 'mnist' ? await loadMnist() : await loadCifar10({ variant: 'gray28', cacheDir: dataCacheDir() });
  return { data: subsetSplit(full, { train: 600, test: 200 }), probe: selectProbe(full.test, probeCount, probeSeed)! };
}

/** Batch 64, one epoch, a point per step, no evaluation until asked; a fresh Adam each call. */
export function trainOptions(overrides: Partial<TrainOptions> = {}): TrainOptions {
  return {
    batchSize: 64,
    epochs: 1,
    evalInterval: 1000,
    logInterval: 1,
    seed: 1,
    optimizer: createOptimizer({ optimizer: 'adam', learningRate: 1e-3 }),
    ...overrides,
  };
}

/**
 * Trains `model` on `data` and checks that nothing piles up: the live tensor count after the last
 * step, and after training, equals the count after step 2 (Adam creates its moment variables
 * during step 1). Evaluations fall in between, so they are covered. With `inspect`, statistics and
 * snapshots are taken too (the loop inspects only when someone listens) and their steps returned.
 */
export async function expectNoTensorGrowth(
  model: tf.LayersModel,
  data: TrainData,
  options: TrainOptions,
  { inspect = false } = {},
): Promise<{ statsSteps: number[]; snapshotSteps: number[] }> {
  const tensorsAt = new Map<number, number>();
  const statsSteps: number[] = [];
  const snapshotSteps: number[] = [];
  const callbacks: TrainCallbacks = {
    onScalars: (p) => {
      if (p[0]?.tag === 'train/loss') tensorsAt.set(p[0].step, tf.memory().numTensors);
    },
  };
  if (inspect) {
    callbacks.onHistograms = (h) => void statsSteps.push(h[0]!.step);
    callbacks.onSnapshot = (s) => void snapshotSteps.push(s.step);
  }
  const result = await train(model, data, options, callbacks);
  expect(result.steps).toBeGreaterThan(2);
  expect(tensorsAt.get(2)).toBeDefined();
  expect(tensorsAt.get(result.steps)).toBe(tensorsAt.get(2));
  expect(tf.memory().numTensors).toBe(tensorsAt.get(2));
  return { statsSteps, snapshotSteps };
}
