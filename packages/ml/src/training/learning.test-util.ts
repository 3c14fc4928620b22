import type * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import type { DatasetSplit } from '../datasets/dataset.types';
import { createOptimizer } from '../models/optimizer.factory';
import { train } from './train';

/**
 * The learning tests' one run and checks: `model` trained for one epoch of 64-image batches on
 * `data` (2,000 training images: 32 steps), Adam at `learningRate`, shuffle seed 1; its test
 * accuracy must exceed `bound`, and its test loss must have fallen below log(10) ≈ 2.303, the loss
 * of a uniform guess. Disposes the model.
 */
export async function expectLearnsInOneEpoch(
  label: string,
  model: tf.LayersModel,
  data: DatasetSplit,
  { learningRate, bound }: { learningRate: number; bound: number },
): Promise<void> {
  const result = await train(model, data, {
    batchSize: 64,
    epochs: 1,
    evalInterval: 1000,
    logInterval: 8,
    seed: 1,
    optimizer: createOptimizer({ optimizer: 'adam', learningRate }),
  });
  model.dispose();
  expect(result.steps).toBe(32);
  const accuracy = result.finalMetrics['test/accuracy'];
  console.log(`${label}: test accuracy ${accuracy} (bound ${bound})`);
  expect(accuracy).toBeGreaterThan(bound);
  expect(result.finalMetrics['test/loss']).toBeLessThan(Math.log(10));
}
