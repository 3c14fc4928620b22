import * as tf from '@tensorflow/tfjs';
import {
  ACTIVATION_STATS,
  WEIGHT_STATS,
  activationTag,
  gradientTag,
  weightTag,
  type TParamKind,
  type TTaggedHistogram,
  type TTaggedScalar,
} from '@tensorscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageDataset } from '../datasets/dataset.types';
import type { TWeightSnapshot } from '../inspect/snapshot.types';
import { buildModel } from '../models/model.build';
import { train } from './train';
import { expectNoTensorGrowth, loadTrainFixture, trainOptions } from './train.fixture.test-util';
import type { TrainData } from './train.types';

/** 600 real MNIST training images: 10 steps of 64 per epoch, the last one 24; 200 test images; 16 probe images. */
let data: TrainData;
let probe: ImageDataset;

beforeAll(async () => {
  ({ data, probe } = await loadTrainFixture(16, 3, 'mnist'));
});

describe.each(['lstm', 'gru'] as const)('training a %s', (model) => {
  it('does not grow the tensor count from step to step (wasm)', async () => {
    const m = buildModel({ model, hiddenSize: 32, layers: 2, dropout: 0, seed: 1 });
    // Evaluations included.
    await expectNoTensorGrowth(m, data, trainOptions({ evalInterval: 5 }));
    expect(tf.getBackend()).toBe('wasm');
    m.dispose();
  });

  it('does not grow it across stats steps, snapshot steps, dropout and clipped steps either', async () => {
    const m = buildModel({ model, hiddenSize: 32, layers: 2, dropout: 0.2, seed: 1 });
    const { statsSteps, snapshotSteps } = await expectNoTensorGrowth(
      m,
      data,
      trainOptions({ evalInterval: 5, statsInterval: 3, histogramBins: 10, probe, snapshotsPerEpoch: 2, gradClipNorm: 0.5 }),
      { inspect: true },
    );
    expect(statsSteps).toEqual([3, 6, 9, 10]);
    expect(snapshotSteps).toEqual([5, 10]);
    m.dispose();
  });
});

describe('layer statistics of a recurrent model', () => {
  it('covers kernel, recurrent_kernel and bias of every cell, and the activations of cells and fc', async () => {
    const hidden = 12;
    const m = buildModel({ model: 'lstm', hiddenSize: hidden, layers: 2, dropout: 0.1, seed: 2 });
    const scalars: TTaggedScalar[] = [];
    const histograms: TTaggedHistogram[] = [];
    const snapshots: TWeightSnapshot[] = [];
    await train(m, data, trainOptions({ statsInterval: 5, histogramBins: 8, probe }), {
      onScalars: (p) => void scalars.push(...p),
      onHistograms: (h) => void histograms.push(...h),
      onSnapshot: (s) => void snapshots.push(s),
    });
    m.dispose();

    const sizes: Record<string, number> = {
      'lstm1/kernel': 28 * 4 * hidden,
      'lstm1/recurrent_kernel': hidden * 4 * hidden,
      'lstm1/bias': 4 * hidden,
      'lstm2/kernel': hidden * 4 * hidden,
      'lstm2/recurrent_kernel': hidden * 4 * hidden,
      'lstm2/bias': 4 * hidden,
      'fc/kernel': hidden * 10,
      'fc/bias': 10,
      // Per probe image: lstm1 returns all 28 steps, lstm2 its last state. rows and dropout<i>
      // only repeat their input at inference: not summarised.
      lstm1: 28 * hidden,
      lstm2: hidden,
      fc: 10,
    };
    const params = Object.keys(sizes).filter((k) => k.includes('/'));
    const expectedTags = [
      ...params.flatMap((key) => {
        const [layer, param] = key.split('/') as [string, TParamKind];
        return WEIGHT_STATS.flatMap((stat) => [weightTag(layer, param, stat), gradientTag(layer, param, stat)]);
      }),
      ...['lstm1', 'lstm2', 'fc'].flatMap((layer) => ACTIVATION_STATS.map((stat) => activationTag(layer, stat))),
    ].sort();
    for (const step of [5, 10]) {
      const tags = scalars.filter((p) => p.step === step && !p.tag.startsWith('train/') && !p.tag.startsWith('test/')).map((p) => p.tag);
      expect(tags.sort()).toEqual(expectedTags);
    }
    expect(expectedTags).toContain('weights/lstm1/recurrent_kernel/std');
    for (const h of histograms) {
      const key = h.tag.split('/').slice(1).join('/');
      const perImage = h.tag.startsWith('activations/') ? probe.count : 1;
      expect(h.counts.reduce((a, c) => a + c, 0)).toBe(sizes[key]! * perImage);
    }
    // Gradients reach the recurrent kernels of both cells.
    for (const layer of ['lstm1', 'lstm2'])
      expect(scalars.find((p) => p.tag === gradientTag(layer, 'recurrent_kernel', 'std'))!.value).toBeGreaterThan(0);
    // tanh-bounded cell outputs.
    for (const layer of ['lstm1', 'lstm2']) {
      const h = histograms.find((q) => q.tag === activationTag(layer))!;
      expect(h.min).toBeGreaterThanOrEqual(-1);
      expect(h.max).toBeLessThanOrEqual(1);
    }
    expect(snapshots.at(-1)!.tensors.map((t) => `${t.layer}/${t.param}:${t.data.length}`)).toEqual(params.map((k) => `${k}:${sizes[k]}`));
  });
});
