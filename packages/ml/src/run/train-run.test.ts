import * as tf from '@tensorflow/tfjs';
import { ZLenet5Config, ZRunConfig, type TTaggedHistogram, type TTaggedScalar } from '@tensorscope/shared';
import { beforeAll, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { dataCacheDir } from '../bench/data-cache.dir';
import { loadCifar10 } from '../datasets/cifar10.loader';
import { probeIndices } from '../inspect/probe.select';
import type { TWeightSnapshot } from '../inspect/snapshot.types';
import { computeChannelStats } from '../core/channel-stats.compute';
import { DiskImageSource } from '../datasets/disk-image.source';
import { asImageSource } from '../datasets/image-source';
import { loadRunData, loadRunProbe, runTrainImages, trainRun } from './train-run';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

const env = { cacheDir: dataCacheDir() };
/** 2 steps of 64 gray28 images, stats at every step, a snapshot per epoch, 16 probe images. */
const config = ZLenet5Config.parse({
  name: 'wiring',
  model: 'lenet5',
  trainSubset: 128,
  evalSubset: 50,
  statsInterval: 1,
  histogramBins: 7,
  probeImages: 16,
  snapshotsPerEpoch: 1,
  seed: 21,
});

it('picks the probe from the whole test split, not the evaluation subset', async () => {
  const probe = (await loadRunProbe(config, env))!;
  const test = (await loadCifar10({ variant: 'gray28', cacheDir: env.cacheDir })).test;
  const indices = probeIndices(test.count, 16, 21);
  expect(probe.count).toBe(16);
  // Most of 16 uniform picks from 10,000 lie beyond the first 50 images (evalSubset).
  expect(indices.filter((i) => i >= config.evalSubset!).length).toBeGreaterThan(10);
  expect(Array.from(probe.labels)).toEqual(Array.from(indices, (i) => test.labels[i]!));
  expect(await loadRunProbe({ ...config, probeImages: 0 }, env)).toBeUndefined();
});

it('passes the inspection settings of the run config through to the loop', async () => {
  const scalars: TTaggedScalar[] = [];
  const histograms: TTaggedHistogram[] = [];
  const snapshots: TWeightSnapshot[] = [];
  const logs: string[] = [];
  const before = tf.memory().numTensors;
  const result = await trainRun(config, env, {
    onLog: (line) => void logs.push(line),
    onScalars: (p) => void scalars.push(...p),
    onHistograms: (h) => void histograms.push(...h),
    onSnapshot: (s) => void snapshots.push(s),
  });
  expect(result.steps).toBe(2);
  expect([...new Set(histograms.map((h) => h.step))]).toEqual([1, 2]);
  for (const h of histograms) expect(h.counts).toHaveLength(7);
  // 16 probe images: conv1's output has 16 · 28 · 28 · 32 values.
  expect(histograms.find((h) => h.tag === 'activations/conv1')!.counts.reduce((a, c) => a + c, 0)).toBe(16 * 28 * 28 * 32);
  expect(scalars.some((p) => p.tag === 'gradients/fc1/kernel/std')).toBe(true);
  expect(snapshots.map((s) => s.step)).toEqual([2]);
  expect(tf.memory().numTensors).toBe(before);
  // What it says for the run's log: the data (the probe test above read only the test split) and the model built.
  expect(logs).toEqual([
    expect.stringMatching(/^data: cifar10-gray28, 128 train \+ 50 test images \(28×28×1\), ready in \d+\.\d s \(read and verified\)$/),
    expect.stringMatching(/^model: [\d,]+ parameters in \d+ layers$/),
  ]);
});

it('uses the whole MNIST split when trainSubset and evalSubset are unset', async () => {
  const data = await loadRunData(ZRunConfig.parse({ name: 'all', model: 'gru' }), env);
  expect([data.train.count, data.test.count]).toEqual([60_000, 10_000]);
  expect([data.train.height, data.train.width, data.train.channels]).toEqual([28, 28, 1]);
  const lenet = await loadRunData(ZRunConfig.parse({ name: 'some', model: 'lenet5', variant: 'mnist', trainSubset: 300 }), env);
  expect([lenet.train.count, lenet.test.count]).toEqual([300, 10_000]);
  // One decoded MNIST for both: the subsets are views of the same bytes.
  expect(asImageSource(lenet.train).images(0, 300).buffer).toBe(asImageSource(data.train).images(0, 1).buffer);
});

it('reads a CIFAR-10 training split from its cache file, byte for byte the decoded split', async () => {
  const rgb = ZLenet5Config.parse({ name: 'disk', model: 'lenet5', variant: 'cifar-rgb32', trainSubset: 300, evalSubset: 20 });
  const data = await loadRunData(rgb, env);
  const whole = await runTrainImages(rgb, env);
  expect(whole).toBeInstanceOf(DiskImageSource);
  const decoded = (await loadCifar10({ variant: 'rgb32', cacheDir: env.cacheDir })).train;
  const size = 32 * 32 * 3;
  const train = asImageSource(data.train);
  expect([train.count, data.test.count]).toEqual([300, 20]);
  expect(Buffer.from(train.images(0, 300)).equals(Buffer.from(decoded.images.subarray(0, 300 * size)))).toBe(true);
  expect(Buffer.from(whole.images(49_999, 1)).equals(Buffer.from(decoded.images.subarray(49_999 * size)))).toBe(true);
  expect(Array.from(train.labels)).toEqual(Array.from(decoded.labels.subarray(0, 300)));
  // Channel statistics read it in chunks: the same counts, so the same numbers.
  expect(computeChannelStats(whole)).toEqual(computeChannelStats(decoded));
  expect(() => train.images(299, 2)).toThrow('images 299..300 are outside 0..299');
});

it('trains a recurrent run on MNIST with clipping, its recurrent kernels inspected and snapshotted', async () => {
  const lstm = ZRunConfig.parse({
    name: 'lstm wiring',
    model: 'lstm',
    hiddenSize: 8,
    layers: 2,
    dropout: 0.1,
    gradClipNorm: 1,
    trainSubset: 128,
    evalSubset: 50,
    statsInterval: 1,
    histogramBins: 5,
    probeImages: 8,
    snapshotsPerEpoch: 1,
    seed: 3,
  });
  const scalars: TTaggedScalar[] = [];
  const snapshots: TWeightSnapshot[] = [];
  const before = tf.memory().numTensors;
  const result = await trainRun(lstm, env, {
    onScalars: (p) => void scalars.push(...p),
    onSnapshot: (s) => void snapshots.push(s),
  });
  expect(result.steps).toBe(2);
  expect(scalars.filter((p) => p.tag === 'gradients/lstm2/recurrent_kernel/std').map((p) => p.step)).toEqual([1, 2]);
  expect(scalars.some((p) => p.tag === 'activations/lstm1/mean')).toBe(true);
  expect(snapshots.map((s) => s.step)).toEqual([2]);
  expect(snapshots[0]!.tensors.filter((t) => t.param === 'recurrent_kernel').map((t) => t.layer)).toEqual(['lstm1', 'lstm2']);
  expect(snapshots[0]!.channelStats.mean[0]).toBeGreaterThan(0.1); // MNIST is mostly black: mean ≈ 0.13
  expect(tf.memory().numTensors).toBe(before);
});
