import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { dataCacheDir } from '../bench/data-cache.dir';
import { loadCifar10 } from '../datasets/cifar10.loader';
import type { DatasetSplit, ImageDataset } from '../datasets/dataset.types';
import { loadMnist } from '../datasets/mnist.loader';
import { buildLenet5 } from '../models/lenet5.model';
import { buildModel } from '../models/model.build';
import { buildNetwork } from '../models/network.build';
import { createOptimizer } from '../models/optimizer.factory';
import { BatchBuilder } from '../training/batch.build';
import { computeChannelStats } from '../core/channel-stats.compute';
import { createTrainStep } from '../training/train-step';
import { listParams } from './model-params.list';
import { loadSnapshot } from './snapshot.load';
import { snapshotSteps } from './snapshot-steps.plan';
import { takeSnapshot } from './snapshot.take';
import { snapshotBytes } from './snapshot.types';

/** Bitwise equality of two float arrays (vitest's toEqual walks 4M elements one by one: tens of seconds). */
const sameBytes = (a: ArrayLike<number> & ArrayBufferView, b: ArrayLike<number> & ArrayBufferView) =>
  a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/**
 * Three Adam steps of 32 images on the first 96 of `train`, so the weights are no longer the
 * initial ones. Returns what the caller goes on with; the optimizer is the caller's to dispose.
 */
async function trainThreeSteps(model: tf.LayersModel, train: ImageDataset, learningRate: number) {
  const optimizer = createOptimizer({ optimizer: 'adam', learningRate });
  const stats = computeChannelStats(train);
  const batches = new BatchBuilder(train, stats, 10);
  const step = createTrainStep(model, optimizer);
  for (let s = 0; s < 3; s++) {
    const { x, y } = batches.build(s * 32, (s + 1) * 32);
    await step(x, y);
    tf.dispose([x, y]);
  }
  return { optimizer, stats, batches, step };
}

describe('snapshotSteps', () => {
  it('spaces snapshots evenly in every epoch, the last at the epoch end, plus the final step', () => {
    expect([...snapshotSteps(782, 1, 4)]).toEqual([196, 391, 587, 782]);
    expect([...snapshotSteps(10, 2, 2)]).toEqual([5, 10, 15, 20]);
    expect([...snapshotSteps(10, 3, 0)]).toEqual([30]);
  });

  it('deduplicates when an epoch has fewer steps than snapshots', () => {
    expect([...snapshotSteps(2, 2, 4)]).toEqual([1, 2, 3, 4]);
    expect([...snapshotSteps(1, 3, 4)]).toEqual([1, 2, 3]);
    expect(() => snapshotSteps(10, 1, -1)).toThrow();
  });
});

describe('takeSnapshot / loadSnapshot', () => {
  let data: DatasetSplit;

  beforeAll(async () => {
    expect(await initBackend('wasm')).toBe('wasm');
    data = await loadCifar10({ variant: 'rgb32', cacheDir: dataCacheDir() });
  });

  it('round-trips a trained model: the restored model predicts exactly the same', async () => {
    const model = buildLenet5({ variant: 'cifar-rgb32', seed: 4 });
    const { optimizer, stats, batches: train, step } = await trainThreeSteps(model, data.train, 1e-3);

    const snapshot = await takeSnapshot(model, 3, stats);
    expect(snapshot.step).toBe(3);
    expect(snapshot.channelStats).toEqual(stats);
    expect(snapshot.tensors.map((t) => `${t.layer}/${t.param}:${t.shape.join('x')}`)).toEqual([
      'conv1/kernel:5x5x3x32',
      'conv1/bias:32',
      'conv2/kernel:5x5x32x64',
      'conv2/bias:64',
      'fc1/kernel:4096x1024',
      'fc1/bias:1024',
      'fc2/kernel:1024x10',
      'fc2/bias:10',
    ]);
    expect(snapshotBytes(snapshot.tensors)).toBe(4 * (5 * 5 * 3 * 32 + 32 + 5 * 5 * 32 * 64 + 64 + 4096 * 1024 + 1024 + 1024 * 10 + 10));
    // The snapshot travels as plain data (as it would through a store): JSON topology, copied arrays.
    const topology: unknown = JSON.parse(JSON.stringify(snapshot.topology));
    const tensors = snapshot.tensors.map((t) => ({ ...t, data: new Float32Array(t.data) }));

    // Training on after the snapshot must not change what was captured.
    const before = new Float32Array(snapshot.tensors[4]!.data);
    const { x: x4, y: y4 } = train.build(96, 128);
    const eval4 = new BatchBuilder(data.test, stats, 10).build(0, 64);
    const predictedAtSnapshot = tf.tidy(() => model.predict(eval4.x) as tf.Tensor);
    const expected = await predictedAtSnapshot.data();
    await step(x4, y4);
    expect(sameBytes(snapshot.tensors[4]!.data, before)).toBe(true);

    const restored = await loadSnapshot(topology, tensors);
    expect(restored).not.toBe(model);
    expect(restored.layers.map((l) => l.name)).toEqual(model.layers.map((l) => l.name));
    const predicted = tf.tidy(() => restored.predict(eval4.x) as tf.Tensor);
    expect(predicted.shape).toEqual([64, 10]);
    expect(sameBytes(await predicted.data(), expected)).toBe(true);

    tf.dispose([x4, y4, eval4.x, eval4.y, predicted, predictedAtSnapshot]);
    restored.dispose();
    model.dispose();
    optimizer.dispose();
  });

  it('refuses tensors that do not fit the topology', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    const snapshot = await takeSnapshot(model, 0, { mean: [0.5], std: [0.25] });
    const before = tf.memory().numTensors;
    await expect(loadSnapshot(snapshot.topology, snapshot.tensors.slice(1))).rejects.toThrow(/no tensor conv1\/kernel/);
    const wrongShape = snapshot.tensors.map((t) =>
      t.layer === 'fc2' && t.param === 'bias' ? { ...t, shape: [5], data: new Float32Array(5) } : t,
    );
    await expect(loadSnapshot(snapshot.topology, wrongShape)).rejects.toThrow(/fc2\/bias is \[5\], the model needs \[10\]/);
    const extra = [...snapshot.tensors, { layer: 'fc3', param: 'bias' as const, shape: [1], data: new Float32Array(1) }];
    await expect(loadSnapshot(snapshot.topology, extra)).rejects.toThrow(/fc3\/bias match no weight/);
    // Failed loads dispose the half-built model.
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

describe.each(['lstm', 'gru'] as const)('takeSnapshot / loadSnapshot of a trained %s', (cell) => {
  it('stores kernel, recurrent_kernel and bias of every cell and restores a model that predicts exactly the same', async () => {
    expect(await initBackend('wasm')).toBe('wasm');
    const mnist = await loadMnist();
    const h = 16;
    const gates = cell === 'lstm' ? 4 : 3;
    const model = buildModel({ model: cell, hiddenSize: h, layers: 2, dropout: 0.25, seed: 8 });
    const { optimizer, stats } = await trainThreeSteps(model, mnist.train, 1e-2);

    expect(listParams(model).map((p) => `${p.layer}/${p.param}`)).toEqual([
      `${cell}1/kernel`,
      `${cell}1/recurrent_kernel`,
      `${cell}1/bias`,
      `${cell}2/kernel`,
      `${cell}2/recurrent_kernel`,
      `${cell}2/bias`,
      'fc/kernel',
      'fc/bias',
    ]);
    const snapshot = await takeSnapshot(model, 3, stats);
    expect(snapshot.tensors.map((t) => `${t.layer}/${t.param}:${t.shape.join('x')}`)).toEqual([
      `${cell}1/kernel:28x${gates * h}`,
      `${cell}1/recurrent_kernel:${h}x${gates * h}`,
      `${cell}1/bias:${gates * h}`,
      `${cell}2/kernel:${h}x${gates * h}`,
      `${cell}2/recurrent_kernel:${h}x${gates * h}`,
      `${cell}2/bias:${gates * h}`,
      `fc/kernel:${h}x10`,
      'fc/bias:10',
    ]);
    const topology: unknown = JSON.parse(JSON.stringify(snapshot.topology));
    const tensors = snapshot.tensors.map((t) => ({ ...t, data: new Float32Array(t.data) }));

    const probe = new BatchBuilder(mnist.test, stats, 10).build(0, 64);
    const expected = tf.tidy(() => model.predict(probe.x) as tf.Tensor);
    const restored = await loadSnapshot(topology, tensors);
    expect(restored.layers.map((l) => l.name)).toEqual(['rows', `${cell}1`, 'dropout1', `${cell}2`, 'dropout2', 'fc']);
    const predicted = tf.tidy(() => restored.predict(probe.x) as tf.Tensor);
    expect(sameBytes(await predicted.data(), await expected.data())).toBe(true);

    // A snapshot without the recurrent kernels does not fit.
    const before = tf.memory().numTensors;
    await expect(
      loadSnapshot(
        topology,
        tensors.filter((t) => t.param !== 'recurrent_kernel'),
      ),
    ).rejects.toThrow(new RegExp(`no tensor ${cell}1/recurrent_kernel`));
    expect(tf.memory().numTensors).toBe(before);

    tf.dispose([probe.x, probe.y, expected, predicted]);
    restored.dispose();
    model.dispose();
    optimizer.dispose();
  });
});

describe('takeSnapshot / loadSnapshot of a custom network with batch norm', () => {
  it('keeps the batch norm’s moving statistics (not trainable, but part of what it computes) and restores the same predictions', async () => {
    expect(await initBackend('wasm')).toBe('wasm');
    const mnist = await loadMnist();
    const model = buildNetwork(
      [
        { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'linear', useBias: true },
        { type: 'batchNorm', momentum: 0.9, epsilon: 0.001 },
        { type: 'globalAvgPool2d' },
      ],
      { inputShape: [28, 28, 1], classes: 10, seed: 2 },
    );
    const { optimizer, stats } = await trainThreeSteps(model, mnist.train, 1e-2);
    // Statistics and gradients for what trains; the snapshot holds every weight.
    expect(listParams(model).map((p) => `${p.layer}/${p.param}`)).toEqual([
      'conv1/kernel',
      'conv1/bias',
      'bn1/gamma',
      'bn1/beta',
      'head/kernel',
      'head/bias',
    ]);
    const snapshot = await takeSnapshot(model, 3, stats);
    expect(snapshot.tensors.map((t) => `${t.layer}/${t.param}`)).toEqual([
      'conv1/kernel',
      'conv1/bias',
      'bn1/gamma',
      'bn1/beta',
      'bn1/moving_mean',
      'bn1/moving_variance',
      'head/kernel',
      'head/bias',
    ]);
    const movingMean = snapshot.tensors.find((t) => t.param === 'moving_mean')!;
    expect(Array.from(movingMean.data).some((v) => v !== 0)).toBe(true); // training moved it
    const probe = new BatchBuilder(mnist.test, stats, 10).build(0, 64);
    const expected = tf.tidy(() => model.predict(probe.x) as tf.Tensor);
    const restored = await loadSnapshot(JSON.parse(JSON.stringify(snapshot.topology)), snapshot.tensors);
    const predicted = tf.tidy(() => restored.predict(probe.x) as tf.Tensor);
    expect(sameBytes(await predicted.data(), await expected.data())).toBe(true);
    tf.dispose([probe.x, probe.y, expected, predicted]);
    restored.dispose();
    model.dispose();
    optimizer.dispose();
  });
});
