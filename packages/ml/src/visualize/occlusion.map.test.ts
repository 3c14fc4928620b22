import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { InspectInputError } from '../inspect/inspect-input.error';
import { buildLenet5 } from '../models/lenet5.model';
import { occluderBox, occlusionMap } from './occlusion.map';
import { randomImage, seededRandom } from './reference-net.test-util';
import type { TVisualImage } from './visual.types';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

/** Rows 2–3, columns 5–6: the only pixels class 0's logit reads (5 × their sum); class 1's logit is a constant 4. */
const REGION = { top: 2, left: 5, height: 2, width: 2 };
const inRegion = (y: number, x: number) => y >= 2 && y <= 3 && x >= 5 && x <= 6;

function regionModel(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ name: 'conv', inputShape: [8, 8, 1], filters: 1, kernelSize: 1 }));
  m.add(tf.layers.flatten({ name: 'flat' }));
  m.add(tf.layers.dense({ name: 'out', units: 2 }));
  const w = new Float32Array(64 * 2);
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) if (inRegion(y, x)) w[(y * 8 + x) * 2] = 5;
  const weights = [tf.ones([1, 1, 1, 1]), tf.zeros([1]), tf.tensor2d(w, [64, 2]), tf.tensor1d([0, 4])];
  m.setWeights(weights);
  tf.dispose(weights);
  return m;
}

function positiveImage(): TVisualImage {
  const rnd = seededRandom(3);
  return { shape: [8, 8, 1], data: Float32Array.from({ length: 64 }, () => 0.5 + rnd() * 0.5) };
}

const softmax0 = (l0: number, l1: number) => 1 / (1 + Math.exp(l1 - l0));

describe('occlusionMap', () => {
  it('finds the one region the output depends on: the true-class probability is lowest where the square covers it', async () => {
    const model = regionModel();
    const image = positiveImage();
    const map = await occlusionMap(model, image, { size: 2, stride: 1, trueClass: 0 });
    expect([map.rows, map.cols]).toEqual([8, 8]);
    let regionSum = 0;
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) if (inRegion(y, x)) regionSum += image.data[y * 8 + x]!;
    expect(map.baseline.probability).toBeCloseTo(softmax0(5 * regionSum, 4), 5);
    expect(map.baseline.topClass).toBe(0);

    // Cell (r, c)'s 2×2 square covers rows r − 1 … r: it covers the whole region at cell (3, 6).
    const data = map.probability.data;
    const argmin = data.indexOf(Math.min(...data));
    expect([Math.floor(argmin / 8), argmin % 8]).toEqual([3, 6]);
    expect(occluderBox(3, 6, 2, 1, 8, 8)).toEqual(REGION);
    expect(data[argmin]).toBeCloseTo(softmax0(0, 4), 5);
    // Squares that miss the region change nothing; those that touch it lower the probability.
    for (let r = 0; r < 8; r++)
      for (let c = 0; c < 8; c++) {
        const box = occluderBox(r, c, 2, 1, 8, 8);
        const touches = box.top <= 3 && box.top + box.height - 1 >= 2 && box.left <= 6 && box.left + box.width - 1 >= 5;
        if (touches) expect(data[r * 8 + c]!).toBeLessThan(map.baseline.probability - 1e-4);
        else expect(data[r * 8 + c]).toBeCloseTo(map.baseline.probability, 6);
      }
    // The label flips to class 1 where the whole region is covered (logit 0 < 4).
    expect(map.topClass[3 * 8 + 6]).toBe(1);
    expect(map.topClass[0]).toBe(0);
    model.dispose();
  });

  it('records the watched map’s total activation (here the image sum minus what the square hides) and the fill', async () => {
    const model = regionModel();
    const image = positiveImage();
    const total = image.data.reduce((a, b) => a + b, 0);
    const map = await occlusionMap(model, image, { size: 3, stride: 2, trueClass: 0, fill: 0.25, layerName: 'conv', batchSize: 5 });
    expect([map.layerName, map.featureMap, map.rows, map.cols]).toEqual(['conv', 0, 4, 4]);
    expect(map.baseline.activation).toBeCloseTo(total, 4);
    for (let cell = 0; cell < 16; cell++) {
      const box = occluderBox(Math.floor(cell / 4), cell % 4, 3, 2, 8, 8);
      let hidden = 0;
      for (let y = box.top; y < box.top + box.height; y++)
        for (let x = box.left; x < box.left + box.width; x++) hidden += image.data[y * 8 + x]! - 0.25;
      expect(map.activation.data[cell]).toBeCloseTo(total - hidden, 4);
    }
    // Batching does not change anything.
    const one = await occlusionMap(model, image, { size: 3, stride: 2, trueClass: 0, fill: 0.25, batchSize: 1 });
    expect(Array.from(one.probability.data)).toEqual(Array.from(map.probability.data));
    model.dispose();
  });

  it('tiles the image with cells and centres each square on its cell', () => {
    expect(occluderBox(0, 0, 4, 4, 28, 28)).toEqual({ top: 0, left: 0, height: 4, width: 4 });
    expect(occluderBox(6, 6, 4, 4, 28, 28)).toEqual({ top: 24, left: 24, height: 4, width: 4 });
    // stride 2, size 6: cell 3 covers rows 6–7, its square rows 4–9.
    expect(occluderBox(3, 3, 6, 2, 28, 28)).toEqual({ top: 4, left: 4, height: 6, width: 6 });
    expect(occluderBox(0, 13, 6, 2, 28, 28)).toEqual({ top: 0, left: 24, height: 4, width: 4 });
  });

  it('checks its inputs', async () => {
    const model = regionModel();
    const image = positiveImage();
    const cases: [Parameters<typeof occlusionMap>[2], RegExp][] = [
      [{ size: 0, stride: 1, trueClass: 0 }, /occluder size must be an integer from 1 to 8, got 0/],
      [{ size: 9, stride: 1, trueClass: 0 }, /occluder size must be an integer from 1 to 8/],
      [{ size: 2.5, stride: 1, trueClass: 0 }, /occluder size/],
      [{ size: 2, stride: 3, trueClass: 0 }, /occluder stride must be an integer from 1 to 2, got 3/],
      [{ size: 2, stride: 0, trueClass: 0 }, /occluder stride/],
      [{ size: 2, stride: 1, trueClass: 2 }, /class must be an integer from 0 to 1, got 2/],
      [{ size: 2, stride: 1, trueClass: 0, layerName: 'flat' }, /'flat' outputs \[64\], not feature maps/],
      [{ size: 2, stride: 1, trueClass: 0, layerName: 'x' }, /no layer 'x'/],
      [{ size: 2, stride: 1, trueClass: 0, featureMap: 1 }, /feature map of layer 'conv' must be an integer from 0 to 0/],
      [{ size: 2, stride: 1, trueClass: 0, fill: [0, 1] }, /fill needs 1 or 1 values, got 2/],
      [{ size: 2, stride: 1, trueClass: 0, fill: Number.NaN }, /finite/],
      [{ size: 2, stride: 1, trueClass: 0, batchSize: 0 }, /batch size/],
    ];
    for (const [opts, message] of cases) {
      const e = await occlusionMap(model, image, opts).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(InspectInputError);
      expect((e as Error).message).toMatch(message);
    }
    model.dispose();
  });

  it('runs on LeNet-5 rgb32 (default layer conv2, its strongest map) without leaking tensors', async () => {
    const lenet = buildLenet5({ variant: 'cifar-rgb32', seed: 1 });
    const image: TVisualImage = { shape: [32, 32, 3], data: randomImage(5, 32 * 32 * 3) };
    const before = tf.memory().numTensors;
    const map = await occlusionMap(lenet, image, { size: 8, stride: 4, trueClass: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect([map.layerName, map.rows, map.cols]).toEqual(['conv2', 8, 8]);
    expect(map.featureMap).toBeGreaterThanOrEqual(0);
    expect(map.probability.data.every((p) => p >= 0 && p <= 1)).toBe(true);
    lenet.dispose();
  });
});
