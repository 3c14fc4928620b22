import * as tf from '@tensorflow/tfjs';
import { RECURRENT_MODELS, ZRunConfig, type TRecurrentModel } from '@tensorscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { LENET5_LAYER_NAMES } from './lenet5.model';
import { buildModel } from './model.build';
import { buildRecurrentModel, recurrentLayerNames } from './recurrent.model';

beforeAll(async () => {
  await initBackend('wasm');
});

/**
 * Gate blocks per cell: one per weight matrix the cell stacks side by side. TF.js's GRU is
 * the reset_after = false variant (it throws on resetAfter: true), so it has one bias per
 * gate, 3h, not Keras 2's 6h of reset_after = true.
 */
const GATES: Record<TRecurrentModel, number> = { rnn: 1, lstm: 4, gru: 3 };

/** Parameters of one cell with `inputs` features and `units` units: gates · (units · (inputs + units) + units). */
const cellParams = (model: TRecurrentModel, inputs: number, units: number) => GATES[model] * (units * (inputs + units) + units);

describe.each(RECURRENT_MODELS.flatMap((model) => [1, 2, 3].map((layers) => ({ model, layers }))))(
  '$model with $layers layer(s)',
  ({ model, layers }) => {
    const hiddenSize = 24;

    it('reads [28, 28, 1] images as 28 rows and maps a batch to 10 logits', () => {
      const m = buildRecurrentModel({ model, hiddenSize, layers, dropout: 0, seed: 1 });
      expect(m.inputs[0]!.shape).toEqual([null, 28, 28, 1]);
      expect(m.getLayer('rows').outputShape).toEqual([null, 28, 28]);
      for (let i = 1; i <= layers; i++) {
        // Every cell but the last hands its whole sequence on; the last only its final state.
        expect(m.getLayer(`${model}${i}`).outputShape).toEqual(i < layers ? [null, 28, hiddenSize] : [null, hiddenSize]);
      }
      const out = tf.tidy(() => m.predict(tf.zeros([3, 28, 28, 1])) as tf.Tensor);
      expect(out.shape).toEqual([3, 10]);
      out.dispose();
      m.dispose();
    });

    it('has the formula’s number of parameters in the named layers', () => {
      const m = buildRecurrentModel({ model, hiddenSize, layers, dropout: 0, seed: 1 });
      expect(m.layers.map((l) => l.name)).toEqual(recurrentLayerNames({ model, layers, dropout: 0 }));
      let total = 10 * hiddenSize + 10;
      for (let i = 1; i <= layers; i++) {
        const inputs = i === 1 ? 28 : hiddenSize;
        const want = cellParams(model, inputs, hiddenSize);
        expect(m.getLayer(`${model}${i}`).countParams()).toBe(want);
        const [kernel, recurrent, bias] = m.getLayer(`${model}${i}`).weights;
        expect([kernel!.shape, recurrent!.shape, bias!.shape]).toEqual([
          [inputs, GATES[model] * hiddenSize],
          [hiddenSize, GATES[model] * hiddenSize],
          [GATES[model] * hiddenSize],
        ]);
        total += want;
      }
      expect(m.getLayer('fc').countParams()).toBe(10 * hiddenSize + 10);
      expect(m.countParams()).toBe(total);
      m.dispose();
    });
  },
);

describe('buildRecurrentModel', () => {
  it('counts an LSTM-128 as the textbook 4·(h·(i + h) + h)', () => {
    const m = buildRecurrentModel({ model: 'lstm', hiddenSize: 128, layers: 1, dropout: 0, seed: 1 });
    expect(m.getLayer('lstm1').countParams()).toBe(4 * (128 * (28 + 128) + 128)); // 80,384
    expect(m.countParams()).toBe(80_384 + 1_290);
    m.dispose();
  });

  it('adds a dropout<i> after every cell when dropout > 0: the identity at inference, not in training', () => {
    const plain = buildRecurrentModel({ model: 'gru', hiddenSize: 16, layers: 2, dropout: 0, seed: 7 });
    const dropped = buildRecurrentModel({ model: 'gru', hiddenSize: 16, layers: 2, dropout: 0.5, seed: 7 });
    expect(dropped.layers.map((l) => l.name)).toEqual(['rows', 'gru1', 'dropout1', 'gru2', 'dropout2', 'fc']);
    expect(dropped.layers.map((l) => l.name)).toEqual(recurrentLayerNames({ model: 'gru', layers: 2, dropout: 0.5 }));
    expect(dropped.getLayer('dropout1').getConfig()['rate']).toBe(0.5);
    const x = tf.randomNormal([4, 28, 28, 1], 0, 1, 'float32', 3);
    const [a, b, c] = tf.tidy(() => [
      plain.predict(x) as tf.Tensor,
      dropped.predict(x) as tf.Tensor,
      dropped.apply(x, { training: true }) as tf.Tensor,
    ]);
    // Dropout layers hold no weights, so the same seed gives the same weights with and without them.
    expect(Array.from(b!.dataSync())).toEqual(Array.from(a!.dataSync()));
    expect(Array.from(c!.dataSync())).not.toEqual(Array.from(a!.dataSync()));
    tf.dispose([x, a!, b!, c!]);
    plain.dispose();
    dropped.dispose();
  });

  it('draws kernels and recurrent kernels Glorot-uniform (not orthogonal), seeded; biases zero but the LSTM forget gate', () => {
    const h = 64;
    const m = buildRecurrentModel({ model: 'lstm', hiddenSize: h, layers: 2, dropout: 0, seed: 5 });
    for (const [layer, inputs] of [
      ['lstm1', 28],
      ['lstm2', h],
    ] as const) {
      const cell = m.getLayer(layer);
      const config = cell.getConfig();
      expect((config['recurrentInitializer'] as { className: string }).className).toBe('VarianceScaling');
      const [kernel, recurrent, bias] = cell.getWeights();
      for (const [w, fanIn] of [
        [kernel!, inputs],
        [recurrent!, h],
      ] as const) {
        const limit = Math.sqrt(6 / (fanIn + 4 * h));
        let max = 0;
        for (const v of w.dataSync()) max = Math.max(max, Math.abs(v));
        expect(max).toBeLessThanOrEqual(limit);
        expect(max).toBeGreaterThan(0.9 * limit);
      }
      // Gate order i, f, c, o: only f starts at 1.
      const b = Array.from(bias!.dataSync());
      expect(b.slice(0, h).every((v) => v === 0)).toBe(true);
      expect(b.slice(h, 2 * h).every((v) => v === 1)).toBe(true);
      expect(b.slice(2 * h).every((v) => v === 0)).toBe(true);
    }
    const weights = (seed: number) => {
      const model = buildRecurrentModel({ model: 'lstm', hiddenSize: h, layers: 2, dropout: 0, seed });
      const values = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.dispose();
      return values;
    };
    const a = weights(5);
    expect(weights(5)).toEqual(a);
    const other = weights(6);
    // kernel, recurrent kernel of both cells and fc's kernel: all differ with the seed, and from each other.
    for (const i of [0, 1, 3, 4, 6]) expect(other[i]).not.toEqual(a[i]);
    expect(a[1]!.slice(0, 100)).not.toEqual(a[4]!.slice(0, 100));
    m.dispose();
  });

  it('creates no tensor but its weights, and frees them all on dispose', () => {
    for (const model of RECURRENT_MODELS) {
      const before = tf.memory().numTensors;
      const m = buildRecurrentModel({ model, hiddenSize: 8, layers: 3, dropout: 0.1, seed: 1 });
      expect(tf.memory().numTensors - before).toBe(m.weights.length);
      m.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('refuses sizes the schema would refuse', () => {
    expect(() => buildRecurrentModel({ model: 'rnn', hiddenSize: 8, layers: 0, dropout: 0, seed: 1 })).toThrow(/layers/);
    expect(() => buildRecurrentModel({ model: 'rnn', hiddenSize: 0, layers: 1, dropout: 0, seed: 1 })).toThrow(/hiddenSize/);
    expect(() => buildRecurrentModel({ model: 'rnn', hiddenSize: 8, layers: 1, dropout: 1, seed: 1 })).toThrow(/dropout/);
  });
});

describe('buildModel', () => {
  it('builds the model every kind of run config names', () => {
    const cases = [
      { config: { model: 'lenet5', variant: 'mnist' }, input: [null, 28, 28, 1], names: [...LENET5_LAYER_NAMES] },
      { config: { model: 'lenet5', variant: 'cifar-rgb32' }, input: [null, 32, 32, 3], names: [...LENET5_LAYER_NAMES] },
      { config: { model: 'rnn', hiddenSize: 8 }, input: [null, 28, 28, 1], names: ['rows', 'rnn1', 'fc'] },
      {
        config: { model: 'lstm', hiddenSize: 8, layers: 2, dropout: 0.2 },
        input: [null, 28, 28, 1],
        names: ['rows', 'lstm1', 'dropout1', 'lstm2', 'dropout2', 'fc'],
      },
      { config: { model: 'gru', hiddenSize: 8, layers: 3 }, input: [null, 28, 28, 1], names: ['rows', 'gru1', 'gru2', 'gru3', 'fc'] },
    ];
    for (const { config, input, names } of cases) {
      const m = buildModel(ZRunConfig.parse({ name: 'x', ...config }));
      expect(m.inputs[0]!.shape).toEqual(input);
      expect(m.outputs[0]!.shape).toEqual([null, 10]);
      expect(m.layers.map((l) => l.name)).toEqual(names);
      m.dispose();
    }
  });
});
