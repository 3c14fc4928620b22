import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { readLayerSpecs } from './layer-specs.read';
import { switchMaxPool } from './switch-max-pool.op';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

describe('switchMaxPool', () => {
  it('pools like TF and sends each gradient to the first maximum of its window, also for windows of zeros or negatives', () => {
    const model = tf.sequential({ layers: [tf.layers.maxPooling2d({ name: 'p', inputShape: [4, 4, 1], poolSize: 2 })] });
    const spec = readLayerSpecs(model)[0]!;
    if (spec.kind !== 'maxPool2d') throw new Error('expected a pool spec');
    // Windows: [0 0; 1 0] (max 1 at 4), [−1 −1; −1 −1] (tie → 2), [−2 0; 0 0] (max 0 first at 9), [3 3; 3 3] (tie → 10).
    const x = tf.tensor4d([0, 0, -1, -1, 1, 0, -1, -1, -2, 0, 3, 3, 0, 0, 3, 3], [1, 4, 4, 1]);
    const weights = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
    const before = tf.memory().numTensors;
    const [value, grad] = tf.tidy(() => {
      const y = switchMaxPool(spec, x);
      const g = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(switchMaxPool(spec, a), weights)))(x);
      return [Array.from(y.dataSync()), Array.from(g.dataSync())];
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(value).toEqual([1, -1, 0, 3]);
    const want = new Array(16).fill(0);
    want[4] = 1;
    want[2] = 2;
    want[9] = 3;
    want[10] = 4;
    expect(grad).toEqual(want);
    tf.dispose([x, weights]);
    model.dispose();
  });
});
