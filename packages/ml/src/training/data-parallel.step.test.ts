import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { randomValues } from '../backend/random-values.test-util';
import { buildModel, type TModelConfig } from '../models/model.build';
import { createOptimizer } from '../models/optimizer.factory';
import { DataParallelStep } from './data-parallel.step';
import { createTrainStep } from './train-step';

/**
 * Two worker threads on half a batch each, gradients averaged, give the losses of one
 * thread on the whole batch (float tolerance) over 3 Adam steps: the replicas start equal,
 * apply the full batch's gradient and stay equal. The workers run the compiled worker in
 * dist/ (worker threads run JS): build the package first (`tsc -b`).
 */

const WORKER = path.resolve(__dirname, '..', '..', 'dist', 'training', 'data-parallel.worker.js');

interface Batch {
  x: Float32Array;
  y: Float32Array;
}

function batches(shape: [number, number, number, number]): Batch[] {
  return [0, 1, 2].map((i) => {
    const y = new Float32Array(shape[0] * 10);
    for (let k = 0; k < shape[0]; k++) y[k * 10 + ((k * 3 + i) % 10)] = 1;
    return {
      x: randomValues(
        shape.reduce((a, b) => a * b, 1),
        50 + i,
      ),
      y,
    };
  });
}

async function singleThread(config: TModelConfig, shape: [number, number, number, number], data: Batch[]): Promise<number[]> {
  const model = buildModel(config);
  const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 1e-3 });
  const step = createTrainStep(model, optimizer);
  const losses: number[] = [];
  for (const d of data) {
    const x = tf.tensor4d(d.x, shape);
    const y = tf.tensor2d(d.y, [shape[0], 10]);
    losses.push((await step(x, y)).loss);
    tf.dispose([x, y]);
  }
  optimizer.dispose();
  model.dispose();
  return losses;
}

let dp: DataParallelStep | undefined;

beforeAll(async () => {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: build @tensorscope/ml (tsc -b) first`);
  expect(await initBackend('wasm')).toBe('wasm');
});

afterAll(async () => {
  await dp?.dispose();
});

it.each([
  {
    name: 'LeNet-5 CIFAR-RGB',
    config: { model: 'lenet5', variant: 'cifar-rgb32', seed: 3 } as TModelConfig,
    shape: [8, 32, 32, 3] as [number, number, number, number],
  },
  {
    name: 'LSTM-64',
    config: { model: 'lstm', hiddenSize: 64, layers: 1, dropout: 0, seed: 3 } as TModelConfig,
    shape: [16, 28, 28, 1] as [number, number, number, number],
  },
])('$name: 2 threads on half batches give the losses of 1 thread on the whole batch', async ({ config, shape }) => {
  const data = batches(shape);
  const reference = await singleThread(config, shape, data);
  await dp?.dispose();
  dp = await DataParallelStep.create(config, 1e-3);
  const parallel: number[] = [];
  const tensors: number[][] = [];
  let correct = 0;
  for (const d of data) {
    const r = await dp.step(d.x, shape, d.y, 10);
    parallel.push(r.loss);
    tensors.push(dp.workerTensors);
    correct += r.correct;
  }
  // From the first step on (Adam's slots exist), neither worker gains tensors per step.
  expect(tensors[2]).toEqual(tensors[0]);
  expect(tensors[0]![0]).toBeGreaterThan(0);
  expect(correct).toBeGreaterThanOrEqual(0);
  expect(correct).toBeLessThanOrEqual(3 * shape[0]);
  parallel.forEach((l, i) => expect(Math.abs(l - reference[i]!)).toBeLessThan(1e-4 * Math.max(1, reference[i]!)));
  // Steps 2 and 3 differ from step 1: the updates were applied, and applied alike.
  expect(reference[0]).not.toBeCloseTo(reference[2]!, 3);
});

it('rejects an odd batch', async () => {
  const config: TModelConfig = { model: 'lstm', hiddenSize: 8, layers: 1, dropout: 0, seed: 1 };
  await dp?.dispose();
  dp = await DataParallelStep.create(config, 1e-3);
  await expect(dp.step(new Float32Array(3 * 784), [3, 28, 28, 1], new Float32Array(30), 10)).rejects.toThrow(/even batch/);
});
