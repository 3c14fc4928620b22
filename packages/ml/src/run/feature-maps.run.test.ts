import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { dataCacheDir } from '../bench/data-cache.dir';
import { featureMapsLayout, renderFeatureMaps } from '../inspect/feature-maps.render';
import { filterGridLayout, renderFilterGrid } from '../inspect/filter-grid.render';
import { InspectInputError } from '../inspect/inspect-input.error';
import { decodePng } from '../inspect/png-pixels.test-util';
import { takeSnapshot } from '../inspect/snapshot.take';
import { buildModel, type TModelConfig } from '../models/model.build';
import { probeRunLayer, renderRunFeatureMaps, type StoredModel } from './feature-maps.run';
import { runTestSet } from './train-run';

const env = { cacheDir: dataCacheDir() };
/** MNIST's training-set pixel mean and std, as a run on it would store them. */
const channelStats = { mean: [0.1307], std: [0.3081] };

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

/** An untrained model's snapshot, as the API reads it back from the store. */
async function stored(config: TModelConfig): Promise<StoredModel> {
  const model = buildModel(config);
  const snapshot = await takeSnapshot(model, 0, channelStats);
  model.dispose();
  return { topology: JSON.parse(JSON.stringify(snapshot.topology)), tensors: snapshot.tensors, channelStats };
}

/** The rejection `promise` ends in: it must be an InspectInputError (the API's 400). */
async function inputError(promise: Promise<unknown>): Promise<string> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InspectInputError);
  return (e as Error).message;
}

describe('renderRunFeatureMaps on MNIST runs', () => {
  it('draws LeNet-5 mnist conv maps of an MNIST test image', async () => {
    const lenet = await stored({ model: 'lenet5', variant: 'mnist', seed: 1 });
    const png = decodePng(await renderRunFeatureMaps({ model: 'lenet5', variant: 'mnist' }, env, lenet, 'conv1', 7, 2));
    const { width, height } = featureMapsLayout([28, 28, 32], 2);
    expect([png.width, png.height]).toEqual([width, height]);
  });

  it('draws a recurrent model’s flat outputs (its last cell, fc) as strips and refuses its sequences with a clear 4xx error', async () => {
    const config = { model: 'lstm', hiddenSize: 8, layers: 2, dropout: 0.1, seed: 1 } as const;
    const lstm = await stored(config);
    const before = tf.memory().numTensors;
    for (const [layer, units] of [
      ['lstm2', 8],
      ['fc', 10],
    ] as const) {
      const png = decodePng(await renderRunFeatureMaps(config, env, lstm, layer, 0, 3));
      const { width, height } = featureMapsLayout([1, units, 1], 3);
      expect([png.width, png.height]).toEqual([width, height]);
    }
    for (const layer of ['rows', 'lstm1', 'dropout1']) {
      expect(await inputError(renderRunFeatureMaps(config, env, lstm, layer, 0, 3))).toMatch(
        new RegExp(`layer ${layer} outputs a sequence of \\[28, (28|8)\\]`),
      );
    }
    expect(await inputError(renderRunFeatureMaps(config, env, lstm, 'conv1', 0, 3))).toMatch(
      /no layer 'conv1' \(layers: rows, lstm1, dropout1, lstm2, dropout2, fc\)/,
    );
    expect(await inputError(renderRunFeatureMaps(config, env, lstm, 'fc', 10_000, 3))).toMatch(/0 to 9999/);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('probeRunLayer', () => {
  it('gives the input image as stored, its label, and a dense layer’s values (the logits the bars show)', async () => {
    const config = { model: 'lenet5', variant: 'mnist', seed: 1 } as const;
    const lenet = await stored(config);
    const test = await runTestSet({ model: 'lenet5', variant: 'mnist' }, env);
    const fc2 = await probeRunLayer({ model: 'lenet5', variant: 'mnist' }, env, lenet, 'fc2', 7);
    expect(fc2.label).toBe(test.labels[7]);
    expect(fc2.shape).toEqual([10]);
    expect(fc2.values).toHaveLength(10);
    const input = decodePng(fc2.inputPng);
    expect([input.width, input.height]).toEqual([28, 28]);
    // The stored bytes, gray: pixel (14, 14) of image 7.
    const byte = test.images[7 * 28 * 28 + 14 * 28 + 14]!;
    expect(input.pixel(14, 14)).toEqual([byte, byte, byte]);
    // A conv layer's maps stay a picture: no values.
    const conv1 = await probeRunLayer({ model: 'lenet5', variant: 'mnist' }, env, lenet, 'conv1', 7);
    expect(conv1.shape).toEqual([28, 28, 32]);
    expect(conv1.values).toBeNull();
  });
});

describe('filter grids and feature maps of tensors that are not conv', () => {
  it('throw InspectInputError for a dense or recurrent kernel, and for a sequence of activations', () => {
    const lstmKernel = { shape: [28, 32], data: new Float32Array(28 * 32) };
    expect(() => renderFilterGrid(lstmKernel, { scale: 'shared', zoom: 1 })).toThrow(InspectInputError);
    expect(() => renderFilterGrid(lstmKernel, { scale: 'shared', zoom: 1 })).toThrow(/filter grids exist for conv layers only/);
    expect(() => filterGridLayout([8, 32], 1)).toThrow(InspectInputError);
    expect(() => renderFeatureMaps({ shape: [28, 8], data: new Float32Array(28 * 8) }, 1)).toThrow(InspectInputError);
    // A wrong value count is a bug, not a request to refuse: a plain Error.
    expect(() => renderFilterGrid({ shape: [2, 2, 1, 1], data: new Float32Array(3) }, { scale: 'shared', zoom: 1 })).not.toThrow(
      InspectInputError,
    );
  });
});
