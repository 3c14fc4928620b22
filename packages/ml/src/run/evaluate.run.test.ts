import * as tf from '@tensorflow/tfjs';
import { MISCLASSIFIED_CAP, ZVisualizationParams, ZVisualizationResult } from '@tensorscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { dataCacheDir } from '../bench/data-cache.dir';
import { ImageNormalizer } from '../core/image.normalize';
import { pca } from '../evaluate/pca.compute';
import { activationOf } from '../inspect/activation.compute';
import { decodePng } from '../inspect/png-pixels.test-util';
import { loadSnapshot } from '../inspect/snapshot.load';
import { takeSnapshot } from '../inspect/snapshot.take';
import { buildModel } from '../models/model.build';
import type { StoredModel } from './feature-maps.run';
import { runTestSet } from './train-run';
import { computeVisualization } from './visualize.run';

const env = { cacheDir: dataCacheDir() };
const channelStats = { mean: [0.1307], std: [0.3081] };
const lenetConfig = { model: 'lenet5', variant: 'mnist' } as const;
const lstmConfig = { model: 'lstm', hiddenSize: 8, layers: 1, dropout: 0.2 } as const;

async function stored(config: Parameters<typeof buildModel>[0]): Promise<StoredModel> {
  const model = buildModel(config);
  const snapshot = await takeSnapshot(model, 0, channelStats);
  model.dispose();
  return { topology: JSON.parse(JSON.stringify(snapshot.topology)), tensors: snapshot.tensors, channelStats };
}

let lenet: StoredModel;
let lstm: StoredModel;
beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
  lenet = await stored({ ...lenetConfig, seed: 5 });
  lstm = await stored({ ...lstmConfig, seed: 2 });
});

/** The reference: each image through model.predict on its own, argmax by hand. */
async function predictOneByOne(s: StoredModel, count: number): Promise<number[]> {
  const test = await runTestSet(lenetConfig, env);
  const model = await loadSnapshot(s.topology, s.tensors);
  const normalizer = new ImageNormalizer(test, channelStats);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const scores = tf.tidy(() => Array.from((model.predict(normalizer.tensor([i])) as tf.Tensor).dataSync()));
    out.push(scores.indexOf(Math.max(...scores)));
  }
  model.dispose();
  return out;
}

describe('computeEvaluation (a worker job on a stored snapshot)', () => {
  it('confusion matrix, per-class metrics and mistakes agree with predicting each image on its own', async () => {
    const before = tf.memory().numTensors;
    const count = 300;
    const { result, images } = await computeVisualization(
      lenetConfig,
      env,
      lenet,
      ZVisualizationParams.parse({ kind: 'evaluation', subset: count }),
    );
    expect(tf.memory().numTensors).toBe(before);
    const r = ZVisualizationResult.parse(result);
    if (r.kind !== 'evaluation') throw new Error('expected an evaluation');
    const test = await runTestSet(lenetConfig, env);
    const predicted = await predictOneByOne(lenet, count);
    const expected = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    predicted.forEach((p, i) => expected[test.labels[i]!]![p]!++);
    expect(r.matrix).toEqual(expected);
    expect(r.imagesEvaluated).toBe(count);
    const right = predicted.filter((p, i) => p === test.labels[i]).length;
    expect(r.accuracy).toBeCloseTo(right / count, 10);
    expect(r.misclassifiedTotal).toBe(count - right);
    expect(r.misclassified).toHaveLength(Math.min(MISCLASSIFIED_CAP, count - right));
    for (const m of r.misclassified) {
      expect(m.label).toBe(test.labels[m.image]);
      expect(m.predicted).toBe(predicted[m.image]);
      expect(m.probability).toBeGreaterThanOrEqual(m.trueProbability);
    }
    expect(r.perClass.map((c) => c.support)).toEqual(expected.map((row) => row.reduce((a, b) => a + b, 0)));
    expect(images.map((i) => i.name)).toEqual(r.misclassified.map((_, rank) => `wrong-${rank}`));
    const png = decodePng(images[0]!.png);
    expect([png.width, png.height]).toEqual([28, 28]);
  });

  it('embedding: the layer feeding the classifier (past dropout), PCA of its outputs, per image', async () => {
    const before = tf.memory().numTensors;
    const count = 40;
    const { result } = await computeVisualization(lstmConfig, env, lstm, ZVisualizationParams.parse({ kind: 'embedding', images: count }));
    expect(tf.memory().numTensors).toBe(before);
    const r = ZVisualizationResult.parse(result);
    if (r.kind !== 'embedding') throw new Error('expected an embedding');
    expect(r).toMatchObject({ layer: 'lstm1', dimensions: 8 });
    expect([r.x.length, r.y.length, r.labels.length, r.predicted.length]).toEqual([count, count, count, count]);
    // Reference: each image's lstm1 output taken on its own, then the same projection.
    const test = await runTestSet(lenetConfig, env);
    const model = await loadSnapshot(lstm.topology, lstm.tensors);
    const features = new Float32Array(count * 8);
    for (let i = 0; i < count; i++) features.set((await activationOf(model, 'lstm1', test, i, channelStats)).data, i * 8);
    model.dispose();
    const reference = pca(features, count, 8, 2);
    r.x.forEach((v, i) => expect(v).toBeCloseTo(reference.projected[0]![i]!, 3));
    r.y.forEach((v, i) => expect(v).toBeCloseTo(reference.projected[1]![i]!, 3));
    expect(r.method).toBe('pca');
    expect(r.explainedVariance![0]).toBeGreaterThanOrEqual(r.explainedVariance![1]);
    const umap = ZVisualizationResult.parse(
      (await computeVisualization(lstmConfig, env, lstm, ZVisualizationParams.parse({ kind: 'embedding', images: count, method: 'umap' })))
        .result,
    );
    if (umap.kind !== 'embedding') throw new Error('expected an embedding');
    expect(umap).toMatchObject({ method: 'umap', explainedVariance: null, labels: r.labels, predicted: r.predicted });
    expect(umap.x).toHaveLength(count);
    expect(umap.x.every(Number.isFinite) && umap.y.every(Number.isFinite)).toBe(true);
  });

  it('hidden states: one image row by row, a heat-map per layer and quantity, the answer after each row', async () => {
    const before = tf.memory().numTensors;
    const { result, images } = await computeVisualization(
      lstmConfig,
      env,
      lstm,
      ZVisualizationParams.parse({ kind: 'hidden-states', image: 7 }),
    );
    expect(tf.memory().numTensors).toBe(before);
    const r = ZVisualizationResult.parse(result);
    if (r.kind !== 'hidden-states') throw new Error('expected hidden states');
    const test = await runTestSet(lenetConfig, env);
    expect(r).toMatchObject({ image: 7, label: test.labels[7], cell: 'lstm', steps: 28, layers: [{ layer: 'lstm1', units: 8 }] });
    expect(r.views.map((v) => v.series)).toEqual(['hidden', 'cell', 'input', 'forget', 'candidate', 'output']);
    expect(images.map((i) => i.name)).toEqual(['input', ...r.views.map((v) => v.name)]);
    const heat = decodePng(images[1]!.png);
    expect([heat.width, heat.height]).toEqual([8, 28]);
    expect(r.stepProbabilities).toHaveLength(28);
    const last = r.stepProbabilities[27]!;
    expect(r.predicted).toBe(last.indexOf(Math.max(...last)));
    for (const p of r.stepProbabilities) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });
});
