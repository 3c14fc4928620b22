import * as tf from '@tensorflow/tfjs';
import { LENET5_VARIANT_INPUT, lenet5Layers, recurrentLayers, ZLayerStack } from '@tensorscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { buildLenet5 } from './lenet5.model';
import { buildNetwork } from './network.build';
import { buildRecurrentModel } from './recurrent.model';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

/** Every weight's values, exactly. */
const weightsOf = (model: tf.LayersModel) => model.getWeights().map((w) => [w.shape, Array.from(w.dataSync())] as const);

describe('buildNetwork', () => {
  it('builds the course presets weight for weight as the course builders do', () => {
    const lenet = buildLenet5({ variant: 'cifar-rgb32', seed: 9 });
    const fromStack = buildNetwork(lenet5Layers(), { inputShape: LENET5_VARIANT_INPUT['cifar-rgb32'], classes: 10, seed: 9 });
    expect(weightsOf(fromStack)).toEqual(weightsOf(lenet));
    for (const model of ['rnn', 'lstm', 'gru'] as const) {
      const config = { model, hiddenSize: 20, layers: 2, dropout: 0.2, seed: 4 };
      const course = buildRecurrentModel(config);
      const built = buildNetwork(recurrentLayers(config), { inputShape: [28, 28, 1], classes: 10, seed: 4 });
      expect(built.layers.map((l) => l.name)).toEqual(course.layers.map((l) => l.name));
      expect(weightsOf(built)).toEqual(weightsOf(course));
      course.dispose();
      built.dispose();
    }
    lenet.dispose();
    fromStack.dispose();
  });

  it('builds a custom stack with its head, and predicts one logit per class', () => {
    const stack = ZLayerStack.parse([
      { type: 'conv2d', filters: 4, kernelSize: 3, activation: 'relu' },
      { type: 'batchNorm' },
      { type: 'avgPool2d' },
      { type: 'dropout', rate: 0.1 },
      { type: 'globalAvgPool2d' },
    ]);
    const before = tf.memory().numTensors;
    const model = buildNetwork(stack, { inputShape: [28, 28, 1], classes: 7, seed: 1 });
    expect(model.layers.map((l) => l.name)).toEqual(['conv1', 'bn1', 'pool1', 'dropout1', 'gap1', 'head']);
    const out = tf.tidy(() => model.predict(tf.ones([2, 28, 28, 1])) as tf.Tensor);
    expect(out.shape).toEqual([2, 7]);
    out.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('throws what cannot train, with the layer named', () => {
    expect(() => buildNetwork(ZLayerStack.parse([{ type: 'lstm', units: 4 }]), { inputShape: [28, 28, 1], classes: 10, seed: 1 })).toThrow(
      /^layer 0 \(lstm\): a recurrent layer reads \[steps, features\]/,
    );
  });
});
