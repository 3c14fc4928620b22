import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import type { ImageDataset } from '../datasets/dataset.types';
import { InspectInputError } from '../inspect/inspect-input.error';
import { buildLenet5 } from '../models/lenet5.model';
import { seededRandom } from './reference-net.test-util';
import { topActivations } from './top-activations.compute';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

/** mean 0, std 1/255: standardisation gives back the byte values, so activations are readable numbers. */
const BYTES = { mean: [0], std: [1 / 255] };

/**
 * conv1 1×1, 2 maps, ReLU: map 0 = v, map 1 = 255 − v → pool1 2 → conv2 1×1, 1 map = pooled map 0.
 * So map 0's best images are those with the highest byte, map 1's those with the lowest.
 */
function probeModel(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ name: 'conv1', inputShape: [6, 6, 1], filters: 2, kernelSize: 1, activation: 'relu' }));
  m.add(tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }));
  m.add(tf.layers.conv2d({ name: 'conv2', filters: 1, kernelSize: 1, activation: 'relu' }));
  m.add(tf.layers.flatten({ name: 'flat' }));
  m.add(tf.layers.dense({ name: 'out', units: 2 }));
  const w = [
    tf.tensor4d([1, -1], [1, 1, 1, 2]),
    tf.tensor1d([0, 255]),
    tf.tensor4d([1, 0], [1, 1, 2, 1]),
    tf.zeros([1]),
    tf.zeros([9, 2]),
    tf.zeros([2]),
  ];
  m.setWeights(w);
  tf.dispose(w);
  return m;
}

// Image i: background 10, one bright pixel PEAK[i] at PEAK_AT[i], one dark pixel DIP[i] at DIP_AT[i] (10: none).
const PEAK = [50, 200, 120, 200, 90, 250, 30, 120, 180, 60, 240];
const DIP = [5, 10, 0, 7, 3, 10, 1, 2, 10, 4, 6];
const PEAK_AT = PEAK.map((_, i) => ({ y: (i * 7 + 1) % 6, x: (i * 5 + 2) % 6 }));
const DIP_AT = PEAK_AT.map(({ y, x }) => ({ y: (y + 3) % 6, x: (x + 1) % 6 }));

function synthetic(): ImageDataset {
  const n = PEAK.length;
  const images = new Uint8Array(n * 36).fill(10);
  PEAK.forEach((v, i) => {
    images[i * 36 + PEAK_AT[i]!.y * 6 + PEAK_AT[i]!.x] = v;
    images[i * 36 + DIP_AT[i]!.y * 6 + DIP_AT[i]!.x] = DIP[i]!;
  });
  return { images, labels: new Uint8Array(n), count: n, height: 6, width: 6, channels: 1, classNames: ['a', 'b'] };
}

describe('topActivations on a synthetic set with a known order', () => {
  it('ranks images by each map’s largest activation, strongest first, earlier image on ties, with position and receptive field', async () => {
    const model = probeModel();
    const data = synthetic();
    const top = await topActivations(model, data, 'conv1', 4, { channelStats: BYTES, batchSize: 4 });
    expect(top.featureMaps).toHaveLength(2);
    // Map 0: 250 (image 5), 240 (10), 200 (1, before 3: a tie), 200 (3).
    expect(top.featureMaps[0]!.map((t) => [t.image, t.value])).toEqual([
      [5, 250],
      [10, 240],
      [1, 200],
      [3, 200],
    ]);
    for (const t of top.featureMaps[0]!) {
      expect(t.position).toEqual(PEAK_AT[t.image]);
      expect(t.box).toEqual({ top: t.position.y, left: t.position.x, height: 1, width: 1 });
    }
    // Map 1: 255 − the darkest pixel: images 2 (0), 6 (1), 7 (2), 4 (3).
    expect(top.featureMaps[1]!.map((t) => [t.image, t.value])).toEqual([
      [2, 255],
      [6, 254],
      [7, 253],
      [4, 252],
    ]);
    for (const t of top.featureMaps[1]!) expect(t.position).toEqual(DIP_AT[t.image]);
    model.dispose();
  });

  it('finds conv2 positions on the pooled grid with 2×2 receptive fields; a subset of images and any batch size give the same answer', async () => {
    const model = probeModel();
    const data = synthetic();
    const top = await topActivations(model, data, 'conv2', 3, { channelStats: BYTES, batchSize: 256 });
    expect(top.featureMaps[0]!.map((t) => t.image)).toEqual([5, 10, 1]);
    for (const t of top.featureMaps[0]!) {
      const at = PEAK_AT[t.image]!;
      expect(t.position).toEqual({ y: Math.floor(at.y / 2), x: Math.floor(at.x / 2) });
      expect(t.box).toEqual({ top: 2 * t.position.y, left: 2 * t.position.x, height: 2, width: 2 });
    }
    for (const batchSize of [1, 3, 11]) {
      expect(await topActivations(model, data, 'conv2', 3, { channelStats: BYTES, batchSize })).toEqual(top);
    }
    const subset = await topActivations(model, data, 'conv2', 2, { channelStats: BYTES, indices: [0, 2, 3, 4] });
    expect(subset.featureMaps[0]!.map((t) => [t.image, t.value])).toEqual([
      [3, 200],
      [2, 120],
    ]);
    model.dispose();
  });

  it('does not grow the tensor count', async () => {
    const model = probeModel();
    const data = synthetic();
    await topActivations(model, data, 'conv2', 3, { channelStats: BYTES, batchSize: 2 });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await topActivations(model, data, i === 1 ? 'conv1' : 'conv2', 3, { channelStats: BYTES, batchSize: 2 });
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('agrees with a brute-force search over LeNet-5’s conv2 maps, one image at a time', async () => {
    const lenet = buildLenet5({ variant: 'mnist', seed: 6 });
    const rnd = seededRandom(4);
    const n = 24;
    const data: ImageDataset = {
      images: Uint8Array.from({ length: n * 784 }, () => Math.floor(rnd() * 256)),
      labels: new Uint8Array(n),
      count: n,
      height: 28,
      width: 28,
      channels: 1,
      classNames: [],
    };
    const stats = { mean: [0.5], std: [0.29] };
    const top = await topActivations(lenet, data, 'conv2', 5, { channelStats: stats, batchSize: 7 });
    // Brute force: every image alone through conv1 → pool1 → conv2, maxima scanned in JS.
    const maxima: { value: number; p: number }[][] = [];
    for (let i = 0; i < n; i++) {
      const act = tf.tidy(() => {
        let x: tf.Tensor = tf.tensor4d(
          Float32Array.from(data.images.subarray(i * 784, (i + 1) * 784), (b) => (b / 255 - 0.5) / 0.29),
          [1, 28, 28, 1],
        );
        for (const name of ['conv1', 'pool1', 'conv2']) x = lenet.getLayer(name).apply(x) as tf.Tensor;
        return x.dataSync() as Float32Array;
      });
      maxima.push(
        Array.from({ length: 64 }, (_, ch) => {
          let best = 0;
          for (let p = 1; p < 196; p++) if (act[p * 64 + ch]! > act[best * 64 + ch]!) best = p;
          return { value: act[best * 64 + ch]!, p: best };
        }),
      );
    }
    for (let ch = 0; ch < 64; ch++) {
      const order = [...Array(n).keys()].sort((a, b) => maxima[b]![ch]!.value - maxima[a]![ch]!.value || a - b).slice(0, 5);
      const got = top.featureMaps[ch]!;
      expect(got.map((t) => t.image)).toEqual(order);
      got.forEach((t) => {
        expect(t.value).toBeCloseTo(maxima[t.image]![ch]!.value, 4);
        expect(t.position.y * 14 + t.position.x).toBe(maxima[t.image]![ch]!.p);
      });
    }
    lenet.dispose();
  });

  it('checks its inputs', async () => {
    const model = probeModel();
    const data = synthetic();
    const opts = { channelStats: BYTES };
    const cases: [Promise<unknown>, RegExp][] = [
      [topActivations(model, data, 'nope', 9, opts), /no layer 'nope' \(layers: conv1, pool1, conv2, flat, out\)/],
      [topActivations(model, data, 'pool1', 9, opts), /'pool1' is a MaxPooling2D, not a conv layer \(conv layers: conv1, conv2\)/],
      [topActivations(model, data, 'out', 9, opts), /'out' is a Dense, not a conv layer/],
      [topActivations(model, data, 'conv1', 0, opts), /k must be an integer from 1 to 1000, got 0/],
      [topActivations(model, data, 'conv1', 9, { ...opts, batchSize: 0 }), /batch size/],
      [topActivations(model, data, 'conv1', 9, { ...opts, indices: [0, 11] }), /image index must be an integer from 0 to 10, got 11/],
      [topActivations(model, data, 'conv1', 9, { ...opts, indices: [-1] }), /image index/],
      [topActivations(model, { ...data, height: 5, count: 1 }, 'conv1', 9, opts), /the images are 5×6×1, the model takes 6×6×1/],
    ];
    for (const [promise, message] of cases) {
      const e = await promise.then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(InspectInputError);
      expect((e as Error).message).toMatch(message);
    }
    model.dispose();
  });
});
