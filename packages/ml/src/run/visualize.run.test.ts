import * as tf from '@tensorflow/tfjs';
import { IMAGE_VIEWS, ZVisualizationParams, ZVisualizationResult } from '@tensorscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { dataCacheDir } from '../bench/data-cache.dir';
import { decodePng } from '../inspect/png-pixels.test-util';
import { takeSnapshot } from '../inspect/snapshot.take';
import { buildModel } from '../models/model.build';
import type { StoredModel } from './feature-maps.run';
import { computeVisualization } from './visualize.run';

const env = { cacheDir: dataCacheDir() };
const channelStats = { mean: [0.1307], std: [0.3081] };
const config = { model: 'lenet5', variant: 'mnist' } as const;

let lenet: StoredModel;
beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
  const model = buildModel({ ...config, seed: 3 });
  const snapshot = await takeSnapshot(model, 0, channelStats);
  model.dispose();
  lenet = { topology: JSON.parse(JSON.stringify(snapshot.topology)), tensors: snapshot.tensors, channelStats };
});

describe('computeVisualization (a worker job on a stored snapshot)', () => {
  it('top-9: every conv1 map’s 9 strongest images, strongest first, each with a projection and a patch', async () => {
    const before = tf.memory().numTensors;
    const progress: number[] = [];
    const { result, images } = await computeVisualization(
      config,
      env,
      lenet,
      ZVisualizationParams.parse({ kind: 'top9', layer: 'conv1', subset: 60 }),
      (p) => {
        progress.push(p);
      },
    );
    expect(tf.memory().numTensors).toBe(before);
    const parsed = ZVisualizationResult.parse(result);
    if (parsed.kind !== 'top9') throw new Error('expected top9');
    expect(parsed.imagesSearched).toBe(60);
    expect(parsed.featureMaps).toHaveLength(32);
    for (const fm of parsed.featureMaps) {
      expect(fm.top).toHaveLength(9);
      expect(fm.top.every((t, i) => i === 0 || t.activation <= fm.top[i - 1]!.activation)).toBe(true);
      expect(new Set(fm.top.map((t) => t.image)).size).toBe(9);
      expect(fm.top.every((t) => t.image < 60 && t.box[2] > t.box[0] && t.box[3] > t.box[1])).toBe(true);
    }
    expect(images).toHaveLength(32 * 9 * 2 + 1);
    // The sprite: every tile cut out at its rect is, pixel for pixel, the tile served on its own.
    const { sprite } = parsed;
    if (!sprite) throw new Error('expected a sprite');
    const sheet = decodePng(images.find((i) => i.name === sprite.image)!.png);
    expect([sheet.width, sheet.height]).toEqual([sprite.width, sprite.height]);
    expect(sprite.deconv.map((ranks) => ranks.length)).toEqual(parsed.featureMaps.map((m) => m.top.length));
    for (const kind of ['deconv', 'patch'] as const)
      sprite[kind].forEach((ranks, m) =>
        ranks.forEach(([x0, y0, w, h], rank) => {
          const tile = decodePng(images.find((i) => i.name === `${kind}-${parsed.featureMaps[m]!.featureMap}-${rank}`)!.png);
          expect([w, h]).toEqual([tile.width, tile.height]);
          for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) expect(sheet.pixel(x0 + x, y0 + y)).toEqual(tile.pixel(x, y));
        }),
      );
    const patch = decodePng(images.find((i) => i.name === 'patch-5-0')!.png);
    const box = parsed.featureMaps[5]!.top[0]!.box;
    // conv1 is 5×5 "same": an interior activation sees a 5×5 patch (clipped at the border).
    expect([patch.height, patch.width]).toEqual([box[2] - box[0], box[3] - box[1]]);
    // The projection is cropped to the same receptive field as its patch.
    const deconv = decodePng(images.find((i) => i.name === 'deconv-5-0')!.png);
    expect([deconv.height, deconv.width]).toEqual([patch.height, patch.width]);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('one image: projection, occlusion maps and gradient maps, with the paper’s numbers', async () => {
    const { result, images } = await computeVisualization(
      config,
      env,
      lenet,
      ZVisualizationParams.parse({ kind: 'image', layer: 'conv2', image: 7, occlusionSize: 6, occlusionStride: 4 }),
    );
    const parsed = ZVisualizationResult.parse(result);
    if (parsed.kind !== 'image') throw new Error('expected image');
    expect(parsed.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(parsed.predicted).toBe(parsed.probabilities.indexOf(Math.max(...parsed.probabilities)));
    expect(parsed.featureMap).toBeGreaterThanOrEqual(0);
    expect(parsed.featureMap).toBeLessThan(64);
    expect([parsed.occlusion.rows, parsed.occlusion.cols]).toEqual([7, 7]); // ⌈28 / 4⌉
    expect(parsed.occlusion.trueClassProbability).toHaveLength(49);
    expect(parsed.occlusion.trueClassProbability.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(images.map((i) => i.name)).toEqual(parsed.images);
    expect(parsed.images).toEqual(IMAGE_VIEWS);
    for (const name of ['input', 'occlusion-probability', 'grad-cam', 'saliency', 'guided-backprop']) {
      const png = decodePng(images.find((i) => i.name === name)!.png);
      expect([png.width, png.height], name).toEqual([28, 28]);
    }
  });

  it('refuses a layer that is not a conv layer with an InspectInputError', async () => {
    await expect(computeVisualization(config, env, lenet, ZVisualizationParams.parse({ kind: 'top9', layer: 'fc1' }))).rejects.toThrow(
      /not a conv layer|conv/,
    );
  });
});
