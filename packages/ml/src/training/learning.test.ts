import { expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { dataCacheDir } from '../bench/data-cache.dir';
import { loadCifar10 } from '../datasets/cifar10.loader';
import { buildLenet5 } from '../models/lenet5.model';
import { createOptimizer } from '../models/optimizer.factory';
import { subsetSplit } from './dataset-subset.util';
import { train } from './train';

/**
 * Does LeNet learn at all? gray28 LeNet, first 2,000 real CIFAR-10 training images,
 * 1 epoch (32 steps of 64), Adam 1e-3, evaluated on the first 1,000 test images.
 *
 * Bound 0.18. Chance is 0.10 and a guessing model's accuracy on n = 1,000 has std
 * √(0.1·0.9/1000) ≈ 0.95 %, so 0.18 is > 8σ above chance. Measured here on wasm
 * with seeds 1–8: 0.240, 0.254, 0.311, 0.334, 0.289, 0.299, 0.284, 0.290; the
 * bound sits 6 points under the worst seed, leaving room for seed variation.
 */
const BOUND = 0.18;

it('LeNet gray28 beats chance clearly after one epoch on 2,000 images', async () => {
  expect(await initBackend('wasm')).toBe('wasm');
  const data = subsetSplit(await loadCifar10({ variant: 'gray28', cacheDir: dataCacheDir() }), { train: 2000, test: 1000 });
  const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
  const result = await train(model, data, {
    batchSize: 64,
    epochs: 1,
    evalInterval: 1000,
    logInterval: 8,
    seed: 1,
    optimizer: createOptimizer({ optimizer: 'adam', learningRate: 1e-3 }),
  });
  model.dispose();
  expect(result.steps).toBe(32);
  const accuracy = result.finalMetrics['test/accuracy'];
  console.log(`learning test: test accuracy ${accuracy} (bound ${BOUND})`);
  expect(accuracy).toBeGreaterThan(BOUND);
  // Loss must have fallen below log(10) ≈ 2.303, the loss of a uniform guess.
  expect(result.finalMetrics['test/loss']).toBeLessThan(Math.log(10));
});
