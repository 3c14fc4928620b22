import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import type { ImageDataset } from '../datasets/dataset.types';
import { loadSnapshot } from '../inspect/snapshot.load';
import { takeSnapshot } from '../inspect/snapshot.take';
import { buildLenet5 } from '../models/lenet5.model';
import { datasetImage } from './dataset-image.select';
import { deconvProject } from './deconv.project';
import { gradCam } from './grad-cam.map';
import { occlusionMap } from './occlusion.map';
import { maxAbsDiff, seededRandom } from './reference-net.test-util';
import { guidedBackprop, saliencyMap } from './saliency.map';
import { topActivations } from './top-activations.compute';

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

describe('on a model loaded from a stored snapshot (the API’s path)', () => {
  it('every visualisation gives what it gives on the model that was snapshotted', async () => {
    const channelStats = { mean: [0.47], std: [0.24] };
    const original = buildLenet5({ variant: 'cifar-gray28', seed: 8 });
    const snapshot = await takeSnapshot(original, 0, channelStats);
    const loaded = await loadSnapshot(JSON.parse(JSON.stringify(snapshot.topology)), snapshot.tensors);
    const rnd = seededRandom(2);
    const data: ImageDataset = {
      images: Uint8Array.from({ length: 6 * 784 }, () => Math.floor(rnd() * 256)),
      labels: Uint8Array.from([0, 1, 2, 3, 4, 5]),
      count: 6,
      height: 28,
      width: 28,
      channels: 1,
      classNames: [],
    };
    const image = datasetImage(data, 4, channelStats);
    const before = tf.memory().numTensors;
    for (const model of [original, loaded]) expect((await deconvProject(model, image, 'conv2', 3)).position).toBeDefined();
    const [a, b] = await Promise.all([deconvProject(original, image, 'conv2', 3), deconvProject(loaded, image, 'conv2', 3)]);
    expect(maxAbsDiff(a.projection.data, b.projection.data)).toBeLessThan(1e-6);
    expect(
      maxAbsDiff((await gradCam(original, image, 'conv1', 2)).heatmap.data, (await gradCam(loaded, image, 'conv1', 2)).heatmap.data),
    ).toBeLessThan(1e-6);
    expect(
      maxAbsDiff((await guidedBackprop(original, image, 2)).gradient.data, (await guidedBackprop(loaded, image, 2)).gradient.data),
    ).toBeLessThan(1e-6);
    expect(
      maxAbsDiff((await saliencyMap(original, image, 2)).saliency.data, (await saliencyMap(loaded, image, 2)).saliency.data),
    ).toBeLessThan(1e-6);
    const occ = { size: 6, stride: 3, trueClass: 4 };
    expect(
      maxAbsDiff((await occlusionMap(original, image, occ)).probability.data, (await occlusionMap(loaded, image, occ)).probability.data),
    ).toBeLessThan(1e-6);
    expect(await topActivations(loaded, data, 'conv1', 2, { channelStats })).toEqual(
      await topActivations(original, data, 'conv1', 2, { channelStats }),
    );
    expect(tf.memory().numTensors).toBe(before);
    original.dispose();
    loaded.dispose();
  });
});
