import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { randomValues } from '../backend/random-values.test-util';
import { buildLenet5 } from './lenet5.model';
import { LeanAdamOptimizer } from './adam-lean.optimizer';
import { optimizerFromSpec, optimizerSpec } from './optimizer.spec';
import { createOptimizer } from './optimizer.factory';
import { createTrainStep } from '../training/train-step';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

/** Three steps of LeNet-5 gray28 on fixed random batches; the weights and Adam slots after them. */
async function trainWith(optimizer: tf.Optimizer): Promise<{ weights: number[]; slots: number[] }> {
  const model = buildLenet5({ variant: 'cifar-gray28', seed: 8 });
  const step = createTrainStep(model, optimizer);
  for (let i = 0; i < 3; i++) {
    const x = tf.tensor4d(randomValues(16 * 28 * 28, 10 + i), [16, 28, 28, 1]);
    const y = tf
      .oneHot(
        tf.tensor1d(
          [...Array(16).keys()].map((k) => (k * 7 + i) % 10),
          'int32',
        ),
        10,
      )
      .toFloat() as tf.Tensor2D;
    await step(x, y);
    tf.dispose([x, y]);
  }
  const weights = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
  const saved = await optimizer.getWeights();
  const slots = saved.flatMap((s) => Array.from(s.tensor.dataSync()));
  tf.dispose(saved.filter((s) => s.name === 'iter').map((s) => s.tensor));
  optimizer.dispose();
  model.dispose();
  return { weights, slots };
}

it("updates exactly as TF.js's Adam, bit for bit, and leaves no more tensors behind than it", async () => {
  await trainWith(tf.train.adam(1e-3)); // first-use setup (kernels, constants) out of the count
  const left = async (optimizer: tf.Optimizer) => {
    const before = tf.memory().numTensors;
    const trained = await trainWith(optimizer);
    return { ...trained, left: tf.memory().numTensors - before };
  };
  const reference = await left(tf.train.adam(1e-3));
  const lean = await left(new LeanAdamOptimizer(1e-3, 0.9, 0.999));
  expect(lean.weights).toEqual(reference.weights);
  expect(lean.slots).toEqual(reference.slots);
  expect(lean.left).toBe(reference.left);
});

it("is what createOptimizer('adam') and a rebuilt 'Adam' spec give, under Adam's name and settings", () => {
  const adam = createOptimizer({ optimizer: 'adam', learningRate: 0.01 });
  expect(adam).toBeInstanceOf(LeanAdamOptimizer);
  expect(optimizerSpec(adam)).toEqual(optimizerSpec(tf.train.adam(0.01)));
  const twin = optimizerFromSpec(optimizerSpec(adam));
  expect(twin).toBeInstanceOf(LeanAdamOptimizer);
  expect(twin.getConfig()).toEqual(adam.getConfig());
  expect(optimizerFromSpec(optimizerSpec(tf.train.momentum(0.1, 0.9))).getClassName()).toBe('Momentum');
  [adam, twin].forEach((o) => o.dispose());
});
