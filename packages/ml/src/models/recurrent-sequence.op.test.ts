import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { randomValues } from '../backend/random-values.test-util';
import { fuseRecurrentLayer } from './recurrent-fused.patch';

const BATCH = 4;
const STEPS = 6;
const FEATURES = 5;
const UNITS = 7;

type TCell = 'lstm' | 'gru';
type TArgs = Partial<Parameters<typeof tf.layers.lstm>[0] & Parameters<typeof tf.layers.gru>[0]>;

/** An LSTM or GRU as buildNetwork makes it, built on [BATCH, STEPS, FEATURES] with weights from `seed`. */
function recurrentLayer(cell: TCell, returnSequences: boolean, seed: number, extra: TArgs = {}): tf.layers.Layer {
  const args = { units: UNITS, returnSequences, recurrentActivation: 'sigmoid' as const, ...extra };
  const layer = cell === 'lstm' ? tf.layers.lstm(args) : tf.layers.gru(args);
  tf.tidy(() => layer.apply(tf.zeros([BATCH, STEPS, FEATURES]))); // builds it
  // Weights of both signs and of every size a trained net has, biases included (forget ≠ 0).
  const values = layer
    .getWeights()
    .map((w, k) => tf.tidy(() => tf.tensor(randomValues(w.size, seed + k), w.shape).mul(k === 2 ? 0.5 : 0.8)));
  layer.setWeights(values);
  tf.dispose(values);
  return layer;
}

/** Output, and the gradients of Σ output·m (m fixed, random) with respect to x and every weight. */
function outputAndGrads(layer: tf.layers.Layer, x: tf.Tensor3D): { out: Float32Array; grads: Float32Array[] } {
  const weights = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  return tf.tidy(() => {
    const out = layer.apply(x) as tf.Tensor;
    const m = tf.tensor(randomValues(out.size, 99), out.shape);
    const loss = () => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, m)) as tf.Scalar;
    const { grads } = tf.variableGrads(loss, weights);
    const dx = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input) as tf.Tensor, m)))(x);
    return {
      out: out.dataSync() as Float32Array,
      grads: [dx, ...weights.map((w) => grads[w.name]!)].map((g) => g.dataSync() as Float32Array),
    };
  });
}

function expectClose(actual: Float32Array, expected: Float32Array, label: string): void {
  expect(actual.length, label).toBe(expected.length);
  const scale = Math.max(1e-3, ...Array.from(expected, Math.abs));
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  expect(worst / scale, label).toBeLessThan(1e-5);
}

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

const CASES = (['wasm', 'cpu'] as const).flatMap((backend) =>
  (['lstm', 'gru'] as const).flatMap((cell) => [true, false].map((returnSequences) => ({ backend, cell, returnSequences }))),
);

describe('lstmSequence, gruSequence', () => {
  it.each(CASES)(
    '$cell on $backend, returnSequences $returnSequences: the same output and gradients (x, W, R, b) as TF.js’s own loop',
    async ({ backend, cell, returnSequences }) => {
      await tf.setBackend(backend);
      const x = tf.tensor3d(randomValues(BATCH * STEPS * FEATURES, 7), [BATCH, STEPS, FEATURES]);
      const reference = recurrentLayer(cell, returnSequences, 11);
      const fused = recurrentLayer(cell, returnSequences, 11);
      expect(fuseRecurrentLayer(fused)).toBe(true);
      const before = tf.memory().numTensors;
      const want = outputAndGrads(reference, x);
      const got = outputAndGrads(fused, x);
      expect(tf.memory().numTensors).toBe(before); // nothing of either pass is left behind
      expectClose(got.out, want.out, 'output');
      ['x', 'kernel', 'recurrent kernel', 'bias'].forEach((name, k) => expectClose(got.grads[k]!, want.grads[k]!, `d${name}`));
      // A gradient that is all zeros would match a broken reference too.
      got.grads.forEach((g) => expect(g.some((v) => Math.abs(v) > 1e-4)).toBe(true));
      tf.dispose(x);
      reference.dispose();
      fused.dispose();
    },
  );
});

describe('fuseRecurrentLayer', () => {
  it('leaves the configurations lstmSequence does not compute on TF.js’s loop', () => {
    for (const cell of ['lstm', 'gru'] as const) {
      expect(fuseRecurrentLayer(recurrentLayer(cell, true, 1, { recurrentDropout: 0.2 }))).toBe(false);
      expect(fuseRecurrentLayer(recurrentLayer(cell, true, 1, { recurrentActivation: 'hardSigmoid' }))).toBe(false);
      expect(fuseRecurrentLayer(recurrentLayer(cell, true, 1, { goBackwards: true }))).toBe(false);
      expect(fuseRecurrentLayer(recurrentLayer(cell, true, 1))).toBe(true);
    }
    expect(fuseRecurrentLayer(tf.layers.simpleRNN({ units: 3, inputShape: [2, 2] }))).toBe(false);
  });

  it('runs inference without the tape and keeps nothing', async () => {
    await tf.setBackend('wasm');
    const layer = recurrentLayer('gru', false, 3);
    fuseRecurrentLayer(layer);
    const x = tf.tensor3d(randomValues(BATCH * STEPS * FEATURES, 5), [BATCH, STEPS, FEATURES]);
    const before = tf.memory().numTensors;
    const out = layer.apply(x) as tf.Tensor;
    expect(out.shape).toEqual([BATCH, UNITS]);
    out.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(x);
    layer.dispose();
  });
});
