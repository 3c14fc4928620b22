import * as tf from '@tensorflow/tfjs';
import { ZLayerStack } from '@tensorscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { buildNetwork } from './network.build';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

describe('buildNetwork', () => {
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
