import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { loadMnist } from '../datasets/mnist.loader';
import type { DatasetSplit } from '../datasets/dataset.types';
import { buildModel } from '../models/model.build';
import { createOptimizer } from '../models/optimizer.factory';
import { BatchBuilder } from './batch.build';
import { computeChannelStats } from '../core/channel-stats.compute';
import { takeFirst } from './dataset-subset.util';
import { clipByGlobalNorm, globalNorm } from './grad-clip.op';
import { createTrainStep } from './train-step';

let mnist: DatasetSplit;

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
  mnist = await loadMnist();
});

/** float64 global norm of plain arrays. */
const norm64 = (arrays: ArrayLike<number>[]) => Math.sqrt(arrays.reduce((s, a) => s + Array.from(a).reduce((t, v) => t + v * v, 0), 0));

const bytesOf = (model: tf.LayersModel) => model.getWeights().map((w) => Buffer.from((w.dataSync() as Float32Array).slice().buffer));

describe('clipByGlobalNorm', () => {
  const make = () => ({
    a: tf.tensor2d([3, -4, 12, 0.5], [2, 2]),
    b: tf.tensor1d([-2, 7, 1]),
  });

  it('scales every tensor by one factor so that the global norm is the bound, keeping the direction', () => {
    const grads = make();
    const raw = [grads.a.dataSync(), grads.b.dataSync()];
    const before = tf.memory().numTensors;
    const clipped = clipByGlobalNorm(grads, 5);
    expect(tf.memory().numTensors).toBe(before + 2);
    const out = [clipped['a']!.dataSync(), clipped['b']!.dataSync()];
    const n = norm64(raw);
    expect(n).toBeGreaterThan(5);
    expect(norm64(out)).toBeLessThanOrEqual(5 * (1 + 1e-6));
    expect(norm64(out)).toBeGreaterThan(5 * (1 - 1e-6));
    // Same direction: every value is the raw one times 5 / n.
    raw.forEach((r, t) => r.forEach((v, i) => expect(out[t]![i]).toBeCloseTo((v * 5) / n, 6)));
    const g = globalNorm([grads.a, grads.b]);
    expect(g.dataSync()[0]).toBeCloseTo(n, 4);
    tf.dispose([g, grads, clipped]);
  });

  it('leaves gradients under the bound exactly as they are, and refuses a bound that is not positive', () => {
    const grads = make();
    const clipped = clipByGlobalNorm(grads, 1e6);
    expect(Array.from(clipped['a']!.dataSync())).toEqual(Array.from(grads.a.dataSync()));
    expect(Array.from(clipped['b']!.dataSync())).toEqual(Array.from(grads.b.dataSync()));
    expect(() => clipByGlobalNorm(grads, 0)).toThrow(/positive/);
    expect(() => clipByGlobalNorm(grads, Number.NaN)).toThrow(/positive/);
    tf.dispose([grads, clipped]);
  });
});

describe('createTrainStep with gradClipNorm', () => {
  /** Two steps of a small LSTM on the first 128 MNIST images, batch 64, Adam; returns the weights' bytes. */
  const trainTwo = async (options: { gradClipNorm?: number }) => {
    const train = takeFirst(mnist.train, 128);
    const batches = new BatchBuilder(train, computeChannelStats(train), 10);
    const model = buildModel({ model: 'lstm', hiddenSize: 16, layers: 1, dropout: 0, seed: 2 });
    const opt = createOptimizer({ optimizer: 'adam', learningRate: 0.01 });
    const step = createTrainStep(model, opt, options);
    const counts: number[] = [];
    for (const start of [0, 64]) {
      const { x, y } = batches.build(start, start + 64);
      await step(x, y);
      tf.dispose([x, y]);
      counts.push(tf.memory().numTensors);
    }
    // Adam's moments appear at the first step; clipping leaves nothing behind after either.
    expect(counts[1]).toBe(counts[0]);
    const weights = bytesOf(model);
    model.dispose();
    opt.dispose();
    return weights;
  };

  it('without the option updates exactly as optimizer.minimize does; a bound never reached changes nothing', async () => {
    // The reference: the plain minimize path, written out here independently of createTrainStep.
    const train = takeFirst(mnist.train, 128);
    const batches = new BatchBuilder(train, computeChannelStats(train), 10);
    const model = buildModel({ model: 'lstm', hiddenSize: 16, layers: 1, dropout: 0, seed: 2 });
    const opt = createOptimizer({ optimizer: 'adam', learningRate: 0.01 });
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    for (const start of [0, 64]) {
      const { x, y } = batches.build(start, start + 64);
      const loss = opt.minimize(
        () => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor2D) as tf.Scalar,
        true,
        vars,
      );
      tf.dispose([x, y, loss!]);
    }
    const reference = bytesOf(model);
    model.dispose();
    opt.dispose();

    const plain = await trainTwo({});
    const unreached = await trainTwo({ gradClipNorm: 1e6 });
    const clipped = await trainTwo({ gradClipNorm: 0.05 });
    plain.forEach((w, i) => expect(w.equals(reference[i]!)).toBe(true));
    unreached.forEach((w, i) => expect(w.equals(reference[i]!)).toBe(true));
    expect(clipped.some((w, i) => !w.equals(reference[i]!))).toBe(true);
  });

  it('applies the raw gradient rescaled to the bound: with SGD, Δw / lr has norm gradClipNorm along the raw gradient', async () => {
    const train = takeFirst(mnist.train, 64);
    const { x, y } = new BatchBuilder(train, computeChannelStats(train), 10).build(0, 64);
    const lr = 0.01;
    const clip = 0.05;

    // Raw gradient of a fresh model with the same seed.
    const fresh = buildModel({ model: 'gru', hiddenSize: 16, layers: 2, dropout: 0, seed: 4 });
    const freshVars = fresh.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy(y, fresh.apply(x, { training: true }) as tf.Tensor2D) as tf.Scalar,
      freshVars,
    );
    const raw = freshVars.map((v) => grads[v.name]!.dataSync().slice());
    tf.dispose([value, grads]);
    fresh.dispose();
    const rawNorm = norm64(raw);
    expect(rawNorm).toBeGreaterThan(4 * clip);

    const model = buildModel({ model: 'gru', hiddenSize: 16, layers: 2, dropout: 0, seed: 4 });
    const before = model.getWeights().map((w) => w.dataSync().slice());
    const opt = createOptimizer({ optimizer: 'sgd', learningRate: lr });
    const step = createTrainStep(model, opt, { gradClipNorm: clip });
    const tensors = tf.memory().numTensors;
    // The hook sees the raw gradients, not the clipped ones.
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    let hookNorm = 0;
    await step(x, y, async (g) => {
      hookNorm = norm64(vars.map((v) => g[v.name]!.dataSync()));
    });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(hookNorm).toBeCloseTo(rawNorm, 4);
    const after = model.getWeights().map((w) => w.dataSync());
    const applied = after.map((a, t) => Array.from(a, (v, i) => (before[t]![i]! - v) / lr));
    expect(norm64(applied)).toBeCloseTo(clip, 3);
    // Direction: the applied step is the raw gradient times clip / ‖raw‖ (float32 rounding of w − lr·g aside).
    const scale = clip / rawNorm;
    let worst = 0;
    applied.forEach((a, t) => a.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - raw[t]![i]! * scale)))));
    expect(worst).toBeLessThan(1e-3 * clip);
    tf.dispose([x, y]);
    model.dispose();
    opt.dispose();
  });

  it('refuses a bound that is not a positive number', () => {
    const model = buildModel({ model: 'rnn', hiddenSize: 4, layers: 1, dropout: 0, seed: 1 });
    const opt = createOptimizer({ optimizer: 'sgd', learningRate: 0.1 });
    expect(() => createTrainStep(model, opt, { gradClipNorm: -1 })).toThrow(/gradClipNorm/);
    model.dispose();
    opt.dispose();
  });
});
