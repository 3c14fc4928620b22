import * as tf from '@tensorflow/tfjs';
import {
  ACTIVATION_STATS,
  WEIGHT_STATS,
  ZTaggedHistogram,
  ZTaggedScalar,
  activationTag,
  gradientTag,
  weightTag,
  type TTaggedHistogram,
  type TTaggedScalar,
} from '@tensorscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageDataset } from '../datasets/dataset.types';
import type { TWeightSnapshot } from '../inspect/snapshot.types';
import { buildLenet5 } from '../models/lenet5.model';
import { BatchBuilder } from './batch.build';
import { computeChannelStats } from '../core/channel-stats.compute';
import { shuffledIndices } from './seeded-shuffle.util';
import { train } from './train';
import { loadTrainFixture, trainOptions } from './train.fixture.test-util';
import type { TrainCallbacks, TrainData } from './train.types';

/** 600 real gray28 training images (10 steps of 64 per epoch) and 24 probe images from the whole test split. */
let data: TrainData;
let probe: ImageDataset;

beforeAll(async () => {
  ({ data, probe } = await loadTrainFixture(24, 9));
});

const options = trainOptions;

const PARAMS = ['conv1', 'conv2', 'fc1', 'fc2'].flatMap((layer) => (['kernel', 'bias'] as const).map((param) => ({ layer, param })));
/** LeNet's layers whose outputs are summarised: flatten only repeats pool2's values. */
const ACTIVATION_LAYERS = ['conv1', 'pool1', 'conv2', 'pool2', 'fc1', 'fc2'];
const SIZES: Record<string, number> = {
  'conv1/kernel': 5 * 5 * 1 * 32,
  'conv1/bias': 32,
  'conv2/kernel': 5 * 5 * 32 * 64,
  'conv2/bias': 64,
  'fc1/kernel': 3136 * 1024,
  'fc1/bias': 1024,
  'fc2/kernel': 1024 * 10,
  'fc2/bias': 10,
  conv1: 28 * 28 * 32,
  pool1: 14 * 14 * 32,
  conv2: 14 * 14 * 64,
  pool2: 7 * 7 * 64,
  fc1: 1024,
  fc2: 10,
};

interface Recorded {
  scalars: TTaggedScalar[];
  histograms: TTaggedHistogram[];
  snapshots: TWeightSnapshot[];
  callbacks: TrainCallbacks;
}

function recorder(extra: TrainCallbacks = {}): Recorded {
  const r: Recorded = { scalars: [], histograms: [], snapshots: [], callbacks: {} };
  r.callbacks = {
    onScalars: (p) => void r.scalars.push(...p),
    onHistograms: (h) => void r.histograms.push(...h),
    onSnapshot: (s) => void r.snapshots.push(s),
    ...extra,
  };
  return r;
}

const valueOf = (points: TTaggedScalar[], tag: string, step: number) => {
  const p = points.find((q) => q.tag === tag && q.step === step);
  if (p === undefined) throw new Error(`no ${tag} at step ${step}`);
  return p.value;
};

/** Plain float64 statistics of an array, population variance. */
function jsStats(values: ArrayLike<number>) {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    if (v === 0) zeros++;
  }
  const mean = sum / values.length;
  let sq = 0;
  for (let i = 0; i < values.length; i++) sq += (values[i]! - mean) ** 2;
  return { min, max, mean, variance: sq / values.length, zeros: zeros / values.length };
}

const near = (got: number, want: number, scale: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-5 * Math.max(scale, 1e-12));

describe('layer statistics in the train loop', () => {
  it('emits every weights/, gradients/ and activations/ scalar and histogram every statsInterval steps and at the last step', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    const r = recorder();
    const bins = 12;
    const result = await train(model, data, options({ statsInterval: 4, histogramBins: bins, probe }), r.callbacks);
    model.dispose();
    expect(result.steps).toBe(10);

    const layerScalars = r.scalars.filter((p) => !p.tag.startsWith('train/') && !p.tag.startsWith('test/'));
    const expectedTags = [
      ...PARAMS.flatMap(({ layer, param }) =>
        WEIGHT_STATS.flatMap((stat) => [weightTag(layer, param, stat), gradientTag(layer, param, stat)]),
      ),
      ...ACTIVATION_LAYERS.flatMap((layer) => ACTIVATION_STATS.map((stat) => activationTag(layer, stat))),
    ].sort();
    for (const step of [4, 8, 10]) {
      expect(
        layerScalars
          .filter((p) => p.step === step)
          .map((p) => p.tag)
          .sort(),
      ).toEqual(expectedTags);
    }
    expect([...new Set(layerScalars.map((p) => p.step))]).toEqual([4, 8, 10]);
    for (const p of layerScalars) expect(ZTaggedScalar.parse(p)).toEqual(p);
    // Layer statistics are not final metrics.
    expect(Object.keys(result.finalMetrics).sort()).toEqual(['test/accuracy', 'test/loss', 'train/accuracy', 'train/loss']);

    const expectedHistogramTags = [
      ...PARAMS.flatMap(({ layer, param }) => [weightTag(layer, param), gradientTag(layer, param)]),
      ...ACTIVATION_LAYERS.map((layer) => activationTag(layer)),
    ].sort();
    for (const step of [4, 8, 10])
      expect(
        r.histograms
          .filter((h) => h.step === step)
          .map((h) => h.tag)
          .sort(),
      ).toEqual(expectedHistogramTags);
    for (const h of r.histograms) {
      expect(ZTaggedHistogram.parse(h)).toEqual(h);
      expect(h.edges).toHaveLength(bins + 1);
      expect(h.counts).toHaveLength(bins);
      expect(h.edges[0]).toBe(h.min);
      expect(h.edges[bins]).toBe(h.max);
      const key = h.tag.split('/').slice(1).join('/');
      const perImage = h.tag.startsWith('activations/') ? probe.count : 1;
      expect(h.counts.reduce((a, c) => a + c, 0)).toBe(SIZES[key]! * perImage);
      expect(h.percentiles).toHaveLength(9);
      for (let i = 1; i < 9; i++) expect(h.percentiles[i]!).toBeGreaterThanOrEqual(h.percentiles[i - 1]!);
      expect(h.percentiles[0]).toBe(h.min);
      expect(h.percentiles[8]).toBe(h.max);
      // The scalar and the histogram of a tensor agree on its range.
      expect(valueOf(r.scalars, `${h.tag}/max`, h.step)).toBe(h.max);
    }
    for (const p of layerScalars.filter((q) => q.tag.endsWith('/variance'))) {
      const std = valueOf(layerScalars, p.tag.replace(/variance$/, 'std'), p.step);
      expect(std * std).toBeCloseTo(p.value, 12);
    }
    // ReLU layers have no negative outputs and a share of exact zeros; fc2 (logits) has negatives.
    for (const layer of ['conv1', 'pool1', 'conv2', 'pool2', 'fc1']) {
      expect(r.histograms.find((h) => h.tag === activationTag(layer))!.min).toBe(0);
      expect(valueOf(r.scalars, activationTag(layer, 'zeros'), 4)).toBeGreaterThan(0);
    }
    expect(r.histograms.find((h) => h.tag === activationTag('fc2'))!.min).toBeLessThan(0);
  });

  it('trains exactly as without statistics: the same losses and the same final weights', async () => {
    const run = async (withStats: boolean) => {
      const model = buildLenet5({ variant: 'cifar-gray28', seed: 5 });
      const r = recorder();
      await train(model, data, options(withStats ? { statsInterval: 2, probe } : {}), r.callbacks);
      const weights = model.getWeights().map((w) => Buffer.from((w.dataSync() as Float32Array).buffer));
      model.dispose();
      return { losses: r.scalars.filter((p) => p.tag === 'train/loss').map((p) => p.value), weights, stats: r.histograms.length };
    };
    const plain = await run(false);
    const inspected = await run(true);
    expect(plain.stats).toBe(0);
    expect(inspected.stats).toBeGreaterThan(0);
    expect(inspected.losses).toEqual(plain.losses);
    expect(inspected.weights.length).toBe(plain.weights.length);
    inspected.weights.forEach((w, i) => expect(w.equals(plain.weights[i]!)).toBe(true));
  });

  it('measures the gradients of that step’s batch, the weights after its update and the activations of the probe', async () => {
    const seed = 3;
    const model = buildLenet5({ variant: 'cifar-gray28', seed });
    let steps = 0;
    // Stop before step 2: the stopped run's snapshot then holds exactly step 1's weights.
    const r = recorder({ shouldStop: () => steps >= 1 });
    const origOnScalars = r.callbacks.onScalars!;
    r.callbacks.onScalars = (p) => {
      if (p[0]?.tag === 'train/loss') steps = p[0].step;
      return origOnScalars(p);
    };
    const result = await train(model, data, options({ seed, statsInterval: 1, probe }), r.callbacks);
    expect(result).toMatchObject({ stopped: true, steps: 1 });
    expect(r.snapshots.map((s) => s.step)).toEqual([1]);
    const snapshot = r.snapshots[0]!;
    const stats = computeChannelStats(data.train);
    expect(snapshot.channelStats).toEqual(stats);

    // Weights: the snapshot's arrays, summarised in plain JS.
    for (const t of snapshot.tensors) {
      const s = jsStats(t.data);
      expect(valueOf(r.scalars, weightTag(t.layer, t.param, 'min'), 1)).toBe(s.min);
      expect(valueOf(r.scalars, weightTag(t.layer, t.param, 'max'), 1)).toBe(s.max);
      near(valueOf(r.scalars, weightTag(t.layer, t.param, 'mean'), 1), s.mean, Math.max(Math.abs(s.min), Math.abs(s.max)));
      near(valueOf(r.scalars, weightTag(t.layer, t.param, 'variance'), 1), s.variance, s.variance);
    }

    // Gradients: recomputed independently from a fresh model with the same seed on epoch 0's first batch.
    const fresh = buildLenet5({ variant: 'cifar-gray28', seed });
    const { x, y } = new BatchBuilder(data.train, stats, 10).build(0, 64, shuffledIndices(data.train.count, seed, 0));
    const vars = fresh.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy(y, fresh.apply(x, { training: true }) as tf.Tensor2D) as tf.Scalar,
      vars,
    );
    for (const [i, { layer, param }] of PARAMS.entries()) {
      const s = jsStats(grads[vars[i]!.name]!.dataSync());
      const scale = Math.max(Math.abs(s.min), Math.abs(s.max));
      near(valueOf(r.scalars, gradientTag(layer, param, 'min'), 1), s.min, scale);
      near(valueOf(r.scalars, gradientTag(layer, param, 'max'), 1), s.max, scale);
      near(valueOf(r.scalars, gradientTag(layer, param, 'mean'), 1), s.mean, scale);
      near(valueOf(r.scalars, gradientTag(layer, param, 'std'), 1), Math.sqrt(s.variance), Math.sqrt(s.variance));
    }
    tf.dispose([x, y, value, grads]);
    fresh.dispose();

    // Activations: the trained model cut at each layer (a functional sub-model, not the
    // inspector's layer walk), on the probe normalised by the evaluation batch builder.
    const probeBatch = new BatchBuilder(probe, stats, 10).build(0, probe.count);
    for (const layer of ACTIVATION_LAYERS) {
      const cut = tf.model({ inputs: model.inputs, outputs: model.getLayer(layer).output as tf.SymbolicTensor });
      const out = tf.tidy(() => cut.predict(probeBatch.x) as tf.Tensor);
      const s = jsStats(out.dataSync());
      out.dispose();
      near(valueOf(r.scalars, activationTag(layer, 'mean'), 1), s.mean, s.max);
      near(valueOf(r.scalars, activationTag(layer, 'variance'), 1), s.variance, s.variance);
      near(valueOf(r.scalars, activationTag(layer, 'max'), 1), s.max, s.max);
      expect(valueOf(r.scalars, activationTag(layer, 'zeros'), 1)).toBe(s.zeros);
    }
    tf.dispose([probeBatch.x, probeBatch.y]);
    model.dispose();
  });

  it('skips activations without a probe and computes nothing that no callback takes', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    const r = recorder();
    await train(model, data, options({ statsInterval: 5 }), { onScalars: r.callbacks.onScalars! });
    expect(r.scalars.some((p) => p.tag.startsWith('activations/'))).toBe(false);
    expect(r.scalars.filter((p) => p.tag.startsWith('weights/')).map((p) => p.step)).toContain(10);
    model.dispose();
  });
});

describe('weight snapshots in the train loop', () => {
  it('takes snapshotsPerEpoch evenly spaced snapshots per epoch, the last one at the final step', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    const r = recorder();
    const start = Date.now();
    await train(model, data, options({ epochs: 2, snapshotsPerEpoch: 2 }), { onSnapshot: r.callbacks.onSnapshot! });
    expect(r.snapshots.map((s) => s.step)).toEqual([5, 10, 15, 20]);
    for (const s of r.snapshots) {
      expect(s.wallTime).toBeGreaterThanOrEqual(start);
      expect(s.tensors.map((t) => `${t.layer}/${t.param}`)).toEqual(PARAMS.map((p) => `${p.layer}/${p.param}`));
      for (const t of s.tensors) expect(t.data.length).toBe(SIZES[`${t.layer}/${t.param}`]);
    }
    // Snapshots are copies: they differ from step to step and the last equals the trained model.
    expect(Buffer.from(r.snapshots[0]!.tensors[4]!.data.buffer).equals(Buffer.from(r.snapshots[3]!.tensors[4]!.data.buffer))).toBe(false);
    const fc1 = model.getLayer('fc1').getWeights()[0]!.dataSync() as Float32Array;
    expect(Buffer.from(r.snapshots[3]!.tensors[4]!.data.buffer).equals(Buffer.from(fc1.buffer, fc1.byteOffset, fc1.byteLength))).toBe(true);
    model.dispose();
  });

  it('keeps only the final snapshot with snapshotsPerEpoch 0, and one of where a stopped run stopped', async () => {
    const model = buildLenet5({ variant: 'cifar-gray28', seed: 1 });
    const finalOnly = recorder();
    await train(model, data, options({ snapshotsPerEpoch: 0 }), { onSnapshot: finalOnly.callbacks.onSnapshot! });
    expect(finalOnly.snapshots.map((s) => s.step)).toEqual([10]);

    let steps = 0;
    const stopped = recorder();
    const result = await train(model, data, options({ epochs: 2, snapshotsPerEpoch: 2 }), {
      onScalars: (p) => {
        if (p[0]?.tag === 'train/loss') steps = p[0].step;
      },
      onSnapshot: stopped.callbacks.onSnapshot!,
      shouldStop: () => steps >= 7,
    });
    expect(result).toMatchObject({ stopped: true, steps: 7 });
    expect(stopped.snapshots.map((s) => s.step)).toEqual([5, 7]);

    // Stopped right after a snapshot step: no second snapshot of the same weights.
    steps = 0;
    const atSnapshot = recorder();
    await train(model, data, options({ snapshotsPerEpoch: 2 }), {
      onScalars: (p) => {
        if (p[0]?.tag === 'train/loss') steps = p[0].step;
      },
      onSnapshot: atSnapshot.callbacks.onSnapshot!,
      shouldStop: () => steps >= 5,
    });
    expect(atSnapshot.snapshots.map((s) => s.step)).toEqual([5]);
    model.dispose();
  });
});
