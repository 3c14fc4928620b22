import { initBackend } from '../backend/backend.select';
import { dataCacheDir } from '../bench/data-cache.dir';
import { loadCifar10 } from '../datasets/cifar10.loader';
import type { ImageDataset } from '../datasets/dataset.types';
import { loadMnist } from '../datasets/mnist.loader';
import { selectProbe } from '../inspect/probe.select';
import { createOptimizer } from '../models/optimizer.factory';
import { subsetSplit } from './dataset-subset.util';
import type { TrainData, TrainOptions } from './train.types';

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
