import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { InspectInputError } from '../inspect/inspect-input.error';
import { buildLenet5 } from '../models/lenet5.model';
import { gradCam } from './grad-cam.map';
import { maxAbsDiff, randomImage, seededRandom } from './reference-net.test-util';
import type { TVisualImage } from './visual.types';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

/**
 * input 8×8×1 → conv 1×1×2 ReLU with kernel [1, −1] (map 0 = relu(x), map 1 = relu(−x))
 * → max-pool 2 (4×4×2) → flatten → dense 2. Class 0 reads only map 0 at pool cell (1, 2)
 * (weight 16 there, 0 elsewhere); class 1 has random weights.
 */
function constructed() {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ name: 'conv', inputShape: [8, 8, 1], filters: 2, kernelSize: 1, activation: 'relu' }));
  m.add(tf.layers.maxPooling2d({ name: 'pool', poolSize: 2 }));
  m.add(tf.layers.flatten({ name: 'flat' }));
  m.add(tf.layers.dense({ name: 'out', units: 2 }));
  const rnd = seededRandom(7);
  const w = new Float32Array(32 * 2);
  w[((1 * 4 + 2) * 2 + 0) * 2 + 0] = 16;
  for (let i = 0; i < 32; i++) w[i * 2 + 1] = rnd() * 2 - 1;
  const weights = [tf.tensor4d([1, -1], [1, 1, 1, 2]), tf.zeros([2]), tf.tensor2d(w, [32, 2]), tf.tensor1d([0.1, -0.2])];
  m.setWeights(weights);
  tf.dispose(weights);
  return { model: m, w };
}

/** A strong blob (3) on pool cell (1, 2) = pixels rows 2–3, cols 4–5; a weaker one (1) on cell (3, 0); a negative patch for map 1. */
function blobImage(): TVisualImage {
  const data = new Float32Array(64);
  for (const [y, x] of [
    [2, 4],
    [2, 5],
    [3, 4],
    [3, 5],
  ])
    data[y! * 8 + x!] = 3;
  data[6 * 8 + 0] = 1;
  data[0 * 8 + 7] = -2;
  data[5 * 8 + 2] = -1;
  return { shape: [8, 8, 1], data };
}

/** The two maps after pooling, by hand. */
function pooled(image: TVisualImage): Float64Array {
  const p = new Float64Array(32);
  for (let cy = 0; cy < 4; cy++)
    for (let cx = 0; cx < 4; cx++) {
      let m0 = 0;
      let m1 = 0;
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 2; j++) {
          const v = image.data[(2 * cy + i) * 8 + 2 * cx + j]!;
          m0 = Math.max(m0, v);
          m1 = Math.max(m1, -v);
        }
      p[(cy * 4 + cx) * 2] = m0;
      p[(cy * 4 + cx) * 2 + 1] = m1;
    }
  return p;
}

describe('gradCam on a constructed net with a known answer', () => {
  it('class 0: only map 0 matters (α = [1, 0]); the map is exactly relu(P0) and peaks on the blob', async () => {
    const { model } = constructed();
    const image = blobImage();
    const g = await gradCam(model, image, 'pool', 0);
    expect(g.classIndex).toBe(0);
    expect(Array.from(g.weights)).toEqual([1, 0]);
    const p = pooled(image);
    expect(
      maxAbsDiff(
        g.cam.data,
        Float64Array.from({ length: 16 }, (_, i) => p[i * 2]!),
      ),
    ).toBeLessThan(1e-6);
    expect(g.cam.data[1 * 4 + 2]).toBe(3);
    // Bilinear with half-pixel centres, 4 → 8: the blob's pixels get 0.75 · 0.75 · 3, the peak, and only they.
    expect([g.heatmap.height, g.heatmap.width]).toEqual([8, 8]);
    const peak = Math.max(...g.heatmap.data);
    expect(peak).toBeCloseTo(0.75 * 0.75 * 3, 5);
    const peaks = [...g.heatmap.data.keys()].filter((i) => g.heatmap.data[i]! > peak - 1e-6).map((i) => [Math.floor(i / 8), i % 8]);
    expect(peaks).toEqual([
      [2, 4],
      [2, 5],
      [3, 4],
      [3, 5],
    ]);
    model.dispose();
  });

  it('class 1: α_k is the mean of the dense weights on map k, and the map their ReLU’d weighted sum, at the pool and at the conv layer', async () => {
    const { model, w } = constructed();
    const image = blobImage();
    const alpha = [0, 1].map((k) => {
      let s = 0;
      for (let cell = 0; cell < 16; cell++) s += w[(cell * 2 + k) * 2 + 1]!;
      return s / 16;
    });
    const p = pooled(image);
    const g = await gradCam(model, image, 'pool', 1);
    expect(maxAbsDiff(g.weights, alpha)).toBeLessThan(1e-6);
    const want = Float64Array.from({ length: 16 }, (_, i) => Math.max(0, alpha[0]! * p[i * 2]! + alpha[1]! * p[i * 2 + 1]!));
    expect(maxAbsDiff(g.cam.data, want)).toBeLessThan(1e-5);

    // At the conv layer (8×8) each pool cell's gradient lands on one pixel of its window: the sum is kept, the mean is a quarter.
    const c = await gradCam(model, image, 'conv', 1);
    expect(
      maxAbsDiff(
        c.weights,
        alpha.map((a) => a / 4),
      ),
    ).toBeLessThan(1e-6);
    const wantConv = Float64Array.from({ length: 64 }, (_, i) =>
      Math.max(0, (alpha[0]! / 4) * Math.max(0, image.data[i]!) + (alpha[1]! / 4) * Math.max(0, -image.data[i]!)),
    );
    expect(maxAbsDiff(c.cam.data, wantConv)).toBeLessThan(1e-5);
    // Same size: the upsampling is the identity.
    expect(maxAbsDiff(c.heatmap.data, c.cam.data)).toBeLessThan(1e-6);
    model.dispose();
  });

  it('checks its inputs and leaks no tensors on LeNet-5', async () => {
    const { model } = constructed();
    const image = blobImage();
    await expect(gradCam(model, image, 'flat', 0)).rejects.toThrow(
      /layer 'flat' outputs \[32\], not feature maps \[h, w, c\] \(layers with feature maps: conv, pool\)/,
    );
    await expect(gradCam(model, image, 'nope', 0)).rejects.toBeInstanceOf(InspectInputError);
    await expect(gradCam(model, image, 'conv', 2)).rejects.toThrow(/class must be an integer from 0 to 1/);
    model.dispose();

    const lenet = buildLenet5({ variant: 'cifar-rgb32', seed: 1 });
    const x: TVisualImage = { shape: [32, 32, 3], data: randomImage(1, 32 * 32 * 3) };
    const before = tf.memory().numTensors;
    for (const layer of ['conv1', 'pool1', 'conv2', 'pool2']) {
      const g = await gradCam(lenet, x, layer);
      expect([g.heatmap.height, g.heatmap.width]).toEqual([32, 32]);
    }
    expect(tf.memory().numTensors).toBe(before);
    lenet.dispose();
  });
});
