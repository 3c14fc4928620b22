import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import type { DatasetSplit } from '../datasets/dataset.types';
import { loadMnist } from '../datasets/mnist.loader';
import { buildModel, type TModelConfig } from '../models/model.build';
import { subsetSplit } from './dataset-subset.util';
import { expectLearnsInOneEpoch } from './learning.test-util';

/**
 * Do the MNIST models learn at all? First 2,000 real MNIST training images, 1 epoch (32
 * steps of 64), Adam, evaluated on the first 1,000 test images, seed 1.
 *
 * Chance is 0.10 and a guessing model's accuracy on n = 1,000 has std √(0.1·0.9/1000) ≈ 0.95 %,
 * so every bound below is > 25σ above chance. Measured on wasm with seeds 1–6:
 * - LSTM-32, Adam 1e-2: 0.571, 0.603, 0.648, 0.591, 0.606, 0.584 → bound 0.40.
 *   (With Adam 1e-3 the same LSTM only reaches 0.29–0.34 in 32 steps: too slow for a
 *   1-epoch test, hence 1e-2.)
 * - GRU-32, Adam 1e-2: 0.514, 0.521, 0.474, 0.517, 0.558, 0.477 → bound 0.33.
 * - LeNet-5 mnist, Adam 1e-3: 0.864, 0.887, 0.853, 0.924, 0.882, 0.880 → bound 0.70.
 * Each bound sits ≥ 14 points under the worst seed, leaving room for seed and backend variation.
 */
const CASES: Array<{ label: string; config: TModelConfig; learningRate: number; bound: number }> = [
  { label: 'LSTM-32', config: { model: 'lstm', hiddenSize: 32, layers: 1, dropout: 0, seed: 1 }, learningRate: 1e-2, bound: 0.4 },
  { label: 'GRU-32', config: { model: 'gru', hiddenSize: 32, layers: 1, dropout: 0, seed: 1 }, learningRate: 1e-2, bound: 0.33 },
  { label: 'LeNet-5 mnist', config: { model: 'lenet5', variant: 'mnist', seed: 1 }, learningRate: 1e-3, bound: 0.7 },
];

let data: DatasetSplit;

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
  data = subsetSplit(await loadMnist(), { train: 2000, test: 1000 });
});

describe.each(CASES)('$label on MNIST', ({ label, config, learningRate, bound }) => {
  it(`beats chance clearly after one epoch on 2,000 images (bound ${bound})`, async () => {
    await expectLearnsInOneEpoch(`learning test ${label}`, buildModel(config), data, { learningRate, bound });
  });
});
