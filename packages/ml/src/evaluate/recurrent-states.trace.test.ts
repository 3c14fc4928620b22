import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { buildRecurrentModel } from '../models/recurrent.model';
import { traceRecurrent } from './recurrent-states.trace';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

/** A fixed, non-trivial input: 28 rows of 28 values in [−1, 1]. */
const image = () =>
  tf.tensor4d(
    Array.from({ length: 28 * 28 }, (_, i) => Math.sin(i * 0.37)),
    [1, 28, 28, 1],
  );

const GATES = {
  rnn: ['hidden'],
  lstm: ['hidden', 'cell', 'input', 'forget', 'candidate', 'output'],
  gru: ['hidden', 'update', 'reset', 'candidate'],
};

describe('traceRecurrent (states unrolled by hand against TF.js’s own layers)', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(`${cell}: every layer's hidden states equal the layer's outputs; the per-step prediction ends at the model's`, async () => {
      const model = buildRecurrentModel({ model: cell, hiddenSize: 6, layers: 2, dropout: 0.1, seed: 4 });
      // Train-free but not at the initial zero biases: random biases exercise every term.
      for (const layer of model.layers) {
        const bias = layer.weights.find((w) => w.originalName.endsWith('/bias'));
        if (bias) tf.tidy(() => bias.write(tf.randomUniform(bias.shape, -0.5, 0.5, 'float32', 9)));
      }
      const x = image();
      const before = tf.memory().numTensors;
      const traces = await traceRecurrent(model, x);
      expect(tf.memory().numTensors).toBe(before);
      expect(traces.layers.map((l) => l.layer)).toEqual([`${cell}1`, `${cell}2`]);
      for (const trace of traces.layers) {
        expect(trace.series.map((s) => s.name)).toEqual(GATES[cell]);
        expect([trace.steps, trace.units]).toEqual([28, 6]);
      }
      // Layer 1 returns its sequence: all 28 steps comparable. Layer 2 returns its last state.
      const seq = tf.tidy(() => model.layers[1]!.apply(model.layers[0]!.apply(x)) as tf.Tensor); // rows → <cell>1
      const sequence = await seq.data();
      seq.dispose();
      const hidden1 = traces.layers[0]!.series[0]!.values;
      hidden1.forEach((v, i) => expect(v).toBeCloseTo(sequence[i]!, 4));
      const logits = model.predict(x) as tf.Tensor;
      const expected = tf.softmax(logits);
      const final = await expected.data();
      tf.dispose([logits, expected]);
      const last = traces.stepProbabilities.subarray(27 * traces.classes);
      last.forEach((v, i) => expect(v).toBeCloseTo(final[i]!, 4));
      x.dispose();
      model.dispose();
    });
  }

  it('refuses a model without recurrent layers', async () => {
    const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [28, 28, 1] }), tf.layers.dense({ units: 10 })] });
    const x = image();
    await expect(traceRecurrent(model, x)).rejects.toThrow(/no recurrent layer/);
    x.dispose();
    model.dispose();
  });
});
