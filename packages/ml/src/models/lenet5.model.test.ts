import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { buildLenet5, LENET5_LAYER_NAMES } from './lenet5.model';
import { createOptimizer, MOMENTUM } from './optimizer.factory';

beforeAll(async () => {
  await initBackend('wasm');
});

/** Parameters counted by hand: conv = k·k·cin·cout + cout, dense = in·out + out. */
function expectedParams(side: number, channels: number) {
  const conv1 = 5 * 5 * channels * 32 + 32;
  const conv2 = 5 * 5 * 32 * 64 + 64;
  const flat = (side / 4) * (side / 4) * 64; // two 2×2 pools, 'same' convs keep the size
  const fc1 = flat * 1024 + 1024;
  const fc2 = 1024 * 10 + 10;
  return { conv1, conv2, fc1, fc2, flat, total: conv1 + conv2 + fc1 + fc2 };
}

describe.each([
  { variant: 'cifar-gray28' as const, side: 28, channels: 1, total: 3_274_634 },
  { variant: 'cifar-rgb32' as const, side: 32, channels: 3, total: 4_259_274 },
  // MNIST digits are 28×28×1 like gray28: the same network, parameter for parameter.
  { variant: 'mnist' as const, side: 28, channels: 1, total: 3_274_634 },
])('LeNet-5 $variant', ({ variant, side, channels, total }) => {
  it('maps a batch of images to 10 logits per image', () => {
    const model = buildLenet5({ variant, seed: 1 });
    expect(model.inputs[0]!.shape).toEqual([null, side, side, channels]);
    const out = model.predict(tf.zeros([3, side, side, channels])) as tf.Tensor;
    expect(out.shape).toEqual([3, 10]);
    tf.dispose(out);
    model.dispose();
  });

  it('has the hand-counted number of parameters in the named layers', () => {
    const model = buildLenet5({ variant, seed: 1 });
    const want = expectedParams(side, channels);
    expect(want.total).toBe(total);
    expect(model.countParams()).toBe(total);
    expect(model.layers.map((l) => l.name)).toEqual([...LENET5_LAYER_NAMES]);
    expect(model.getLayer('conv1').countParams()).toBe(want.conv1);
    expect(model.getLayer('conv2').countParams()).toBe(want.conv2);
    expect(model.getLayer('flatten').outputShape).toEqual([null, want.flat]);
    expect(model.getLayer('fc1').countParams()).toBe(want.fc1);
    expect(model.getLayer('fc2').countParams()).toBe(want.fc2);
    model.dispose();
  });
});

describe('buildModel seeding', () => {
  /** Every kernel's values hashed (bias are zeros): comparing 3.2 M floats one by one is needlessly slow. */
  const fingerprint = (seed: number) => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed });
    const prints = model.getWeights().map((w) => {
      let h = 0;
      for (const v of w.dataSync()) h = (Math.imul(h, 31) + Math.round(v * 1e7)) | 0;
      return h;
    });
    model.dispose();
    return prints;
  };

  it('same seed, same initial weights; another seed, other weights', () => {
    const a = fingerprint(5);
    expect(fingerprint(5)).toEqual(a);
    const b = fingerprint(6);
    for (const kernel of [0, 2, 4, 6]) expect(b[kernel]).not.toBe(a[kernel]);
  });

  it('draws kernels Glorot-uniform and starts biases at zero', () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 5 });
    // fanIn = k·k·cin, fanOut = k·k·cout for convs; limit = √(6 / (fanIn + fanOut)).
    const fans: Record<string, [number, number]> = { conv1: [25, 800], conv2: [800, 1600], fc1: [3136, 1024], fc2: [1024, 10] };
    for (const [name, [fanIn, fanOut]] of Object.entries(fans)) {
      const [kernel, bias] = model.getLayer(name).getWeights();
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      const k = kernel!.dataSync();
      let max = 0;
      for (const v of k) max = Math.max(max, Math.abs(v));
      expect(max).toBeLessThanOrEqual(limit);
      expect(max).toBeGreaterThan(0.9 * limit);
      expect(bias!.dataSync().every((v) => v === 0)).toBe(true);
    }
    model.dispose();
  });
});

describe('createOptimizer', () => {
  it.each([
    { optimizer: 'adam' as const, type: tf.AdamOptimizer },
    { optimizer: 'sgd' as const, type: tf.SGDOptimizer },
    { optimizer: 'momentum' as const, type: tf.MomentumOptimizer },
  ])('$optimizer with its learning rate', ({ optimizer, type }) => {
    const opt = createOptimizer({ optimizer, learningRate: 0.0123 });
    expect(opt).toBeInstanceOf(type);
    const config = opt.getConfig();
    expect(config['learningRate']).toBe(0.0123);
    if (optimizer === 'momentum') expect(config['momentum']).toBe(MOMENTUM);
    opt.dispose();
  });
});
