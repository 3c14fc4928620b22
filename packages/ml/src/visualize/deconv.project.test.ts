import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { InspectInputError } from '../inspect/inspect-input.error';
import { buildLenet5 } from '../models/lenet5.model';
import { deconvProject, type TDeconvProjection } from './deconv.project';
import {
  deconvFromConv1,
  deconvFromConv2,
  keepOnly,
  maxAbsDiff,
  randomImage,
  tinyForward,
  tinyModel,
  tinyWeights,
  type TinyForward,
  type Volume,
} from './reference-net.test-util';
import type { TVisualImage } from './visual.types';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

const strongest = (v: Volume, ch: number) => {
  let best = 0;
  for (let p = 1; p < v.h * v.w; p++) if ((v.data[p * v.c + ch] as number) > (v.data[best * v.c + ch] as number)) best = p;
  return { y: Math.floor(best / v.w), x: best % v.w };
};

describe('deconvProject against a loop reference (8×8×1 → conv 3×3×2 → pool → conv 3×3×2 → pool)', () => {
  const weights = tinyWeights(11);
  let model: tf.Sequential;
  beforeAll(() => {
    model = tinyModel(weights);
  });

  // Several images and every map: a wrong switch, a missed rectification or an unflipped kernel shows up in some of them.
  const images = [1, 2, 3, 4, 5].map((seed) => randomImage(seed, 64));

  /**
   * Every image with every map of `layer`: `check` gets the image, the loop reference's forward
   * pass, the map, and deconvProject's default projection (the strongest activation), whose
   * position it has already checked against the reference's strongest one.
   */
  const forEachImageAndMap = async (
    layer: 'conv1' | 'conv2',
    check: (image: TVisualImage, f: TinyForward, ch: number, strongestOnly: TDeconvProjection) => Promise<void>,
  ) => {
    for (const data of images) {
      const image: TVisualImage = { shape: [8, 8, 1], data };
      const f = tinyForward(weights, data);
      for (let ch = 0; ch < 2; ch++) {
        const p = await deconvProject(model, image, layer, ch);
        expect(p.position).toEqual(strongest(layer === 'conv1' ? f.a1 : f.a2, ch));
        await check(image, f, ch, p);
      }
    }
  };

  it('projects conv1 maps: the strongest activation only and the whole map', async () => {
    await forEachImageAndMap('conv1', async (image, f, ch, p) => {
      const pos = p.position;
      expect(p.activation).toBeCloseTo(f.a1.data[(pos.y * 8 + pos.x) * 2 + ch] as number, 5);
      expect(p.projection.shape).toEqual([8, 8, 1]);
      expect(maxAbsDiff(p.projection.data, deconvFromConv1(weights, keepOnly(f.a1, ch, pos)).data)).toBeLessThan(1e-5);

      const whole = await deconvProject(model, image, 'conv1', ch, { keep: 'map' });
      expect(maxAbsDiff(whole.projection.data, deconvFromConv1(weights, keepOnly(f.a1, ch, 'map')).data)).toBeLessThan(1e-5);
    });
  });

  it('projects conv2 maps through pool1 by its switches, rectifying on the way down', async () => {
    let nonZero = 0;
    await forEachImageAndMap('conv2', async (image, f, ch, p) => {
      const want = deconvFromConv2(weights, f, keepOnly(f.a2, ch, p.position));
      expect(maxAbsDiff(p.projection.data, want.data)).toBeLessThan(1e-5);
      if (want.data.some((v) => v !== 0)) nonZero++;

      const whole = await deconvProject(model, image, 'conv2', ch, { keep: 'map' });
      expect(maxAbsDiff(whole.projection.data, deconvFromConv2(weights, f, keepOnly(f.a2, ch, 'map')).data)).toBeLessThan(1e-5);

      // Any one position, e.g. a corner one, whose receptive field is clipped.
      const corner = await deconvProject(model, image, 'conv2', ch, { keep: { y: 3, x: 0 } });
      expect(maxAbsDiff(corner.projection.data, deconvFromConv2(weights, f, keepOnly(f.a2, ch, { y: 3, x: 0 })).data)).toBeLessThan(1e-5);
      expect(corner.box).toEqual({ top: 3, left: 0, height: 5, width: 5 });
    });
    // The comparison means something only if projections are not all zero.
    expect(nonZero).toBeGreaterThan(5);
  });

  it('gives the receptive field of the chosen activation, and nothing projects outside it', async () => {
    const image: TVisualImage = { shape: [8, 8, 1], data: images[0]! };
    for (const [layer, at, box] of [
      ['conv1', { y: 0, x: 0 }, { top: 0, left: 0, height: 2, width: 2 }],
      ['conv1', { y: 4, x: 5 }, { top: 3, left: 4, height: 3, width: 3 }],
      // conv2 (y, x) sees pool1 rows y−1 … y+1 → conv1 rows 2y−2 … 2y+3 → input rows 2y−3 … 2y+4.
      ['conv2', { y: 1, x: 2 }, { top: 0, left: 1, height: 7, width: 7 }],
      ['conv2', { y: 2, x: 2 }, { top: 1, left: 1, height: 7, width: 7 }],
    ] as const) {
      const p = await deconvProject(model, image, layer, 0, { keep: at });
      expect(p.box).toEqual(box);
      for (let y = 0; y < 8; y++)
        for (let x = 0; x < 8; x++) {
          const inside = y >= box.top && y < box.top + box.height && x >= box.left && x < box.left + box.width;
          if (!inside) expect(p.projection.data[y * 8 + x]).toBe(0);
        }
    }
  });

  it('refuses what it cannot project, with InspectInputError and a clear message', async () => {
    const image: TVisualImage = { shape: [8, 8, 1], data: images[0]! };
    const fails = async (p: Promise<unknown>, message: RegExp) => {
      const e = await p.then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(InspectInputError);
      expect((e as Error).message).toMatch(message);
    };
    await fails(deconvProject(model, image, 'conv9', 0), /no layer 'conv9' \(layers: conv1, pool1, conv2, pool2, flatten, fc1, fc2\)/);
    await fails(deconvProject(model, image, 'pool1', 0), /'pool1' is a MaxPooling2D, not a conv layer \(conv layers: conv1, conv2\)/);
    await fails(deconvProject(model, image, 'fc1', 0), /not a conv layer/);
    await fails(deconvProject(model, image, 'conv2', 2), /feature map of layer 'conv2' must be an integer from 0 to 1, got 2/);
    await fails(deconvProject(model, image, 'conv2', -1), /from 0 to 1/);
    await fails(deconvProject(model, image, 'conv2', 0.5), /from 0 to 1/);
    await fails(
      deconvProject(model, image, 'conv2', 0, { keep: { y: 4, x: 0 } }),
      /row \(y\) in layer 'conv2' must be an integer from 0 to 3, got 4/,
    );
    await fails(
      deconvProject(model, { shape: [8, 8, 3], data: new Float32Array(192) }, 'conv1', 0),
      /image is \[8, 8, 3\], the model takes \[8, 8, 1\]/,
    );
    await fails(deconvProject(model, { shape: [8, 8, 1], data: new Float32Array(63) }, 'conv1', 0), /needs 64 values, got 63/);
    await fails(deconvProject(model, { shape: [8, 8, 1], data: new Float32Array(64).fill(Number.NaN) }, 'conv1', 0), /finite/);

    const input = tf.input({ shape: [8, 8, 1] });
    const functional = tf.model({
      inputs: input,
      outputs: tf.layers.conv2d({ name: 'c', filters: 1, kernelSize: 3 }).apply(input) as tf.SymbolicTensor,
    });
    await fails(deconvProject(functional, image, 'c', 0), /need a Sequential model/);
    functional.dispose();

    const tanh = tf.sequential({
      layers: [
        tf.layers.conv2d({ name: 'c', inputShape: [8, 8, 1], filters: 1, kernelSize: 3, activation: 'tanh' }),
        tf.layers.conv2d({ name: 'd', filters: 1, kernelSize: 3 }),
      ],
    });
    await fails(deconvProject(tanh, image, 'd', 0), /cannot go back through layer 'c': its activation is tanh/);
    tanh.dispose();
  });

  it('runs on LeNet-5 (conv1 and conv2, every variant shape) without leaking tensors', async () => {
    for (const [variant, shape] of [
      ['mnist', [28, 28, 1]],
      ['cifar-rgb32', [32, 32, 3]],
    ] as const) {
      const lenet = buildLenet5({ variant, seed: 3 });
      const image: TVisualImage = { shape: [...shape], data: randomImage(9, shape[0] * shape[1] * shape[2]) };
      const before = tf.memory().numTensors;
      const p1 = await deconvProject(lenet, image, 'conv1', 5);
      const p2 = await deconvProject(lenet, image, 'conv2', 17);
      expect(tf.memory().numTensors).toBe(before);
      expect(p1.projection.shape).toEqual(shape);
      expect(p1.box.height).toBe(5);
      // conv2's receptive field in the input is 14×14 (fewer at the edges).
      expect(p2.box.height).toBeLessThanOrEqual(14);
      expect(p2.box.height).toBeGreaterThanOrEqual(8);
      expect(p2.projection.data.some((v) => v !== 0)).toBe(true);
      lenet.dispose();
    }
  });
});
