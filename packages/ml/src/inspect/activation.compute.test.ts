import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { dataCacheDir } from '../bench/data-cache.dir';
import { loadCifar10 } from '../datasets/cifar10.loader';
import type { DatasetSplit } from '../datasets/dataset.types';
import { buildLenet5 } from '../models/lenet5.model';
import { BatchBuilder } from '../training/batch.build';
import { computeChannelStats } from '../core/channel-stats.compute';
import { activationOf } from './activation.compute';

let data: DatasetSplit;

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
  data = await loadCifar10({ variant: 'rgb32', cacheDir: dataCacheDir() });
});

describe('activationOf', () => {
  it('equals the layer output of a Keras-style sub-model on the training-normalised image', async () => {
    const model = buildLenet5({ variant: 'cifar-rgb32', seed: 2 });
    const stats = computeChannelStats(data.train);
    // Independent path: the evaluation batch builder (same normalisation as training) and a
    // functional model cut at the layer.
    const { x, y } = new BatchBuilder(data.test, stats, 10).build(1234, 1235);
    for (const [layer, shape] of [
      ['conv1', [32, 32, 32]],
      ['pool2', [8, 8, 64]],
      ['fc2', [10]],
    ] as const) {
      const cut = tf.model({ inputs: model.inputs, outputs: model.getLayer(layer).output as tf.SymbolicTensor });
      const want = tf.tidy(() => cut.predict(x) as tf.Tensor);
      const got = await activationOf(model, layer, data.test, 1234, stats);
      expect(got.shape).toEqual(shape);
      const wantData = await want.data();
      expect(got.data).toHaveLength(wantData.length);
      let maxDiff = 0;
      for (let i = 0; i < wantData.length; i++) maxDiff = Math.max(maxDiff, Math.abs(got.data[i]! - wantData[i]!));
      expect(maxDiff).toBeLessThan(1e-5);
      want.dispose();
    }
    tf.dispose([x, y]);
    model.dispose();
  });

  it('depends on the channel stats it is given, and leaks nothing', async () => {
    const model = buildLenet5({ variant: 'cifar-rgb32', seed: 2 });
    const stats = computeChannelStats(data.train);
    const before = tf.memory().numTensors;
    const a = await activationOf(model, 'conv1', data.test, 7, stats);
    const b = await activationOf(model, 'conv1', data.test, 7, { mean: [0, 0, 0], std: [1, 1, 1] });
    expect(tf.memory().numTensors).toBe(before);
    expect(a.data).not.toEqual(b.data);
    await expect(activationOf(model, 'conv9', data.test, 7, stats)).rejects.toThrow(/no layer 'conv9'/);
    await expect(activationOf(model, 'conv1', data.test, 10_000, stats)).rejects.toThrow(/0\.\.9999/);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
