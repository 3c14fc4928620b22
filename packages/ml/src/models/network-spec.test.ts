import * as tf from '@tensorflow/tfjs';
import {
  importKerasTopology,
  inferNetwork,
  LENET5_VARIANT_INPUT,
  lenet5Layers,
  recurrentLayers,
  ZLenet5Variant,
} from '@tensorscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { buildLenet5 } from './lenet5.model';
import { buildRecurrentModel } from './recurrent.model';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

/** What TF.js itself says of a built model: each layer's name, output shape (no batch axis) and parameters. */
const described = (model: tf.LayersModel) =>
  model.layers.map((l) => [l.name, (l.outputShape as number[]).slice(1), l.countParams()] as const);

describe('the shared layer schema against TF.js', () => {
  it('presets describe the course models exactly: names, shapes, parameters', () => {
    for (const variant of ZLenet5Variant.options) {
      const model = buildLenet5({ variant, seed: 1 });
      const inferred = inferNetwork(lenet5Layers(), { inputShape: LENET5_VARIANT_INPUT[variant], classes: 10 });
      if (!inferred.ok) throw new Error(JSON.stringify(inferred.problems));
      expect(inferred.network.layers.map((l) => [l.name, l.outputShape, l.params] as const)).toEqual(described(model));
      expect(inferred.network.paramCount).toBe(model.countParams());
      model.dispose();
    }
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      const config = { model: cell, hiddenSize: 32, layers: 2, dropout: 0.1, seed: 1 };
      const model = buildRecurrentModel(config);
      const inferred = inferNetwork(recurrentLayers(config), { inputShape: [28, 28, 1], classes: 10 });
      if (!inferred.ok) throw new Error(JSON.stringify(inferred.problems));
      expect(inferred.network.layers.map((l) => [l.name, l.outputShape, l.params] as const)).toEqual(described(model));
      model.dispose();
    }
  });

  it('imports a tf.sequential() serialised with toJSON() and counts its parameters as countParams() does', () => {
    const model = tf.sequential();
    model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 6, kernelSize: 5, activation: 'relu' }));
    model.add(tf.layers.batchNormalization());
    model.add(tf.layers.averagePooling2d({ poolSize: 2 }));
    model.add(tf.layers.conv2d({ filters: 12, kernelSize: [3, 3], strides: 2, padding: 'same', useBias: false }));
    model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [1, 1] }));
    model.add(tf.layers.reshape({ targetShape: [5, 60] }));
    model.add(tf.layers.gru({ units: 16, returnSequences: true }));
    model.add(tf.layers.lstm({ units: 8 }));
    model.add(tf.layers.dropout({ rate: 0.3 }));
    model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
    const imported = importKerasTopology(model.toJSON());
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    expect(imported.inputShape).toEqual([28, 28, 1]);
    const inferred = inferNetwork(imported.layers, { inputShape: imported.inputShape!, classes: 10 });
    if (!inferred.ok) throw new Error(JSON.stringify(inferred.problems));
    expect(inferred.network.paramCount).toBe(model.countParams());
    expect(inferred.network.layers.map((l) => [l.name, l.outputShape, l.params] as const)).toEqual(described(model));
    // The object form (toJSON(null, false)) imports the same.
    expect(importKerasTopology(model.toJSON(null, false))).toEqual(imported);
    model.dispose();
  });
});
