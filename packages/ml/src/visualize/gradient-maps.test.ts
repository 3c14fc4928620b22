import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { InspectInputError } from '../inspect/inspect-input.error';
import { buildLenet5 } from '../models/lenet5.model';
import { maxAbsDiff, randomImage, tinyForward, tinyInputGradient, tinyModel, tinyWeights } from './reference-net.test-util';
import { guidedBackprop, saliencyMap } from './saliency.map';
import type { TVisualImage } from './visual.types';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

/** d logit_k / d input by TF.js's own autodiff through model.apply: what saliency must equal. */
function tfGradient(model: tf.LayersModel, image: TVisualImage, k: number): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(image.data, [1, ...image.shape]);
    const g = tf.grad((input: tf.Tensor) => tf.sum(tf.slice(model.apply(input) as tf.Tensor, [0, k], [1, 1])))(x);
    return g.dataSync() as Float32Array;
  });
}

describe('saliency and guided backprop on a tiny 8×8×3 net', () => {
  const weights = tinyWeights(5, [8, 8, 3], 3, 4, 6, 3);
  let model: tf.Sequential;
  beforeAll(() => {
    model = tinyModel(weights);
  });
  const images = [21, 22, 23, 24].map((seed): TVisualImage => ({ shape: [8, 8, 3], data: randomImage(seed, 192) }));

  it('saliency is |d score / d input| (TF.js gradients), max over channels', async () => {
    for (const image of images) {
      for (let k = 0; k < 3; k++) {
        const want = tfGradient(model, image, k);
        const s = await saliencyMap(model, image, k);
        expect(s.classIndex).toBe(k);
        expect(maxAbsDiff(s.gradient.data, want)).toBeLessThan(1e-5);
        const plane = Float32Array.from({ length: 64 }, (_, p) =>
          Math.max(Math.abs(want[p * 3]!), Math.abs(want[p * 3 + 1]!), Math.abs(want[p * 3 + 2]!)),
        );
        expect([s.saliency.height, s.saliency.width]).toEqual([8, 8]);
        expect(maxAbsDiff(s.saliency.data, plane)).toBeLessThan(1e-5);
        // …and it is the plain backward pass of the loop reference too.
        expect(maxAbsDiff(s.gradient.data, tinyInputGradient(weights, tinyForward(weights, image.data), k, false).data)).toBeLessThan(1e-5);
      }
    }
  });

  it('guided backprop equals a loop reference that zeros negative gradients at every ReLU, and differs from the plain gradient', async () => {
    let differs = false;
    let nonZero = false;
    for (const image of images) {
      const f = tinyForward(weights, image.data);
      for (let k = 0; k < 3; k++) {
        const g = await guidedBackprop(model, image, k);
        const want = tinyInputGradient(weights, f, k, true).data;
        expect(maxAbsDiff(g.gradient.data, want)).toBeLessThan(1e-5);
        if (maxAbsDiff(want, tinyInputGradient(weights, f, k, false).data) > 1e-3) differs = true;
        if (want.some((v) => Math.abs(v) > 1e-3)) nonZero = true;
      }
    }
    expect(differs).toBe(true);
    expect(nonZero).toBe(true);
  });

  it('leaves ordinary gradients alone afterwards (no global override) and leaks no tensors', async () => {
    const image = images[0]!;
    await guidedBackprop(model, image, 1);
    expect(maxAbsDiff((await saliencyMap(model, image, 1)).gradient.data, tfGradient(model, image, 1))).toBeLessThan(1e-5);
    const before = tf.memory().numTensors;
    await saliencyMap(model, image);
    await guidedBackprop(model, image);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('defaults to the predicted class', async () => {
    const image = images[1]!;
    const logits = tinyForward(weights, image.data).logits;
    const best = logits.indexOf(Math.max(...logits));
    expect((await saliencyMap(model, image)).classIndex).toBe(best);
    expect((await guidedBackprop(model, image)).classIndex).toBe(best);
  });

  it('checks its inputs', async () => {
    const image = images[0]!;
    for (const p of [
      saliencyMap(model, image, 3),
      guidedBackprop(model, image, -1),
      saliencyMap(model, { shape: [8, 8, 1], data: new Float32Array(64) }, 0),
    ]) {
      await expect(p).rejects.toBeInstanceOf(InspectInputError);
    }
    await expect(saliencyMap(model, image, 3)).rejects.toThrow(/class must be an integer from 0 to 2, got 3/);
  });

  it('runs on LeNet-5 with a final softmax too (the score is the logit before it)', async () => {
    const lenet = buildLenet5({ variant: 'mnist', seed: 2 });
    const image: TVisualImage = { shape: [28, 28, 1], data: randomImage(3, 784) };
    const s = await saliencyMap(lenet, image, 4);
    expect(maxAbsDiff(s.gradient.data, tfGradient(lenet, image, 4))).toBeLessThan(1e-5);
    const g = await guidedBackprop(lenet, image, 4);
    expect(g.gradient.data.some((v) => v !== 0)).toBe(true);
    lenet.dispose();

    // Same net with softmax on its last layer: saliency differentiates the logit, i.e. the same map.
    const soft = tf.sequential();
    soft.add(tf.layers.conv2d({ inputShape: [8, 8, 3], filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', name: 'c' }));
    soft.add(tf.layers.flatten({}));
    soft.add(tf.layers.dense({ units: 3, activation: 'softmax', name: 'out' }));
    const linear = tf.sequential();
    linear.add(tf.layers.conv2d({ inputShape: [8, 8, 3], filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', name: 'c2' }));
    linear.add(tf.layers.flatten({}));
    linear.add(tf.layers.dense({ units: 3, name: 'out2' }));
    linear.setWeights(soft.getWeights());
    const a = await saliencyMap(soft, images[0]!, 2);
    const b = await saliencyMap(linear, images[0]!, 2);
    expect(maxAbsDiff(a.gradient.data, b.gradient.data)).toBeLessThan(1e-6);
    soft.dispose();
    linear.dispose();
  });
});
