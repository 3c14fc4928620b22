import * as tf from '@tensorflow/tfjs';
import {
  TOP9_SPRITE_IMAGE,
  type TImageResult,
  type TImageView,
  type TSpriteRect,
  type TTop9Result,
  type TTop9Sprite,
  type TVisualizationParams,
  type TVisualizationResult,
} from '@tensorscope/shared';
import { activationOf } from '../inspect/activation.compute';
import { InspectInputError } from '../inspect/inspect-input.error';
import { loadSnapshot } from '../inspect/snapshot.load';
import type { TPixelBox } from '../visualize/visual.types';
import { datasetImage, imageTensor } from '../visualize/dataset-image.select';
import { deconvProject } from '../visualize/deconv.project';
import { gradCam } from '../visualize/grad-cam.map';
import { cellsToPixels, heatmapRgba, overlayHeatmap } from '../visualize/heatmap.render';
import { cropRgba, datasetImageRgba, inputPatch } from '../visualize/image-patch.crop';
import { labelMapRgba } from '../visualize/label-map.render';
import { occlusionMap } from '../visualize/occlusion.map';
import { projectionRgba } from '../visualize/projection.render';
import { rgbaToPng, type TRgbaImage } from '../visualize/rgba-image.png';
import { packSprite } from '../visualize/sprite.pack';
import { guidedBackprop, saliencyMap } from '../visualize/saliency.map';
import { topActivations } from '../visualize/top-activations.compute';
import { computeEvaluation } from './evaluate.run';
import type { StoredModel } from './feature-maps.run';
import type { TRunDataChoice } from './run-images.select';
import { runTestSet, type TrainRunEnv } from './train-run';

export interface TVisualizationOutput {
  result: TVisualizationResult;
  /** PNGs by name (names as the shared contract lists them). */
  images: { name: string; png: Buffer }[];
}

/** Images per feature map in a top-9 search. */
const TOP_K = 9;

const boxTuple = (b: TPixelBox): [number, number, number, number] => [b.top, b.left, b.top + b.height, b.left + b.width];

/**
 * One Zeiler & Fergus job on a stored snapshot: the top-9 search with a deconv projection and an
 * input patch per cell, or everything about one image (projection, occlusion, gradient maps).
 * The evaluation kinds (confusion matrix, embedding) are jobs of the same queue: handed to
 * computeEvaluation. Reports progress 0…1; frees the model whatever happens.
 */
export async function computeVisualization(
  config: TRunDataChoice,
  env: TrainRunEnv,
  stored: StoredModel,
  params: TVisualizationParams,
  onProgress: (fraction: number) => void | Promise<void> = () => undefined,
): Promise<TVisualizationOutput> {
  if (params.kind === 'evaluation' || params.kind === 'embedding' || params.kind === 'hidden-states')
    return computeEvaluation(config, env, stored, params, onProgress);
  const started = Date.now();
  const test = await runTestSet(config, env);
  const model = await loadSnapshot(stored.topology, stored.tensors);
  try {
    if (params.kind === 'top9') {
      const searched = Math.min(params.subset ?? test.count, test.count);
      const indices = Array.from({ length: searched }, (_, i) => i);
      await onProgress(0.02);
      const top = await topActivations(model, test, params.layer, TOP_K, { channelStats: stored.channelStats, indices });
      await onProgress(0.4);
      const images: TVisualizationOutput['images'] = [];
      const featureMaps: TTop9Result['featureMaps'] = [];
      // One sprite row per map: its projections in columns 0–8, its patches in 9–17.
      const spriteRows: (TRgbaImage | undefined)[][] = [];
      for (const [map, entries] of top.featureMaps.entries()) {
        const row = new Array<TRgbaImage | undefined>(2 * TOP_K).fill(undefined);
        for (const [rank, entry] of entries.entries()) {
          const projection = await deconvProject(model, datasetImage(test, entry.image, stored.channelStats), params.layer, map);
          // Cropped to the activation's receptive field, next to the same crop of the input, as the paper's fig. 2 shows them.
          const deconv = cropRgba(projectionRgba(projection.projection), projection.box);
          const patch = inputPatch(test, entry.image, entry.box);
          images.push({ name: `deconv-${map}-${rank}`, png: rgbaToPng(deconv) });
          images.push({ name: `patch-${map}-${rank}`, png: rgbaToPng(patch) });
          row[rank] = deconv;
          row[TOP_K + rank] = patch;
        }
        spriteRows.push(row);
        featureMaps.push({
          featureMap: map,
          top: entries.map((e) => ({
            image: e.image,
            activation: e.value,
            y: e.position.y,
            x: e.position.x,
            box: boxTuple(e.box),
            label: test.labels[e.image]!,
          })),
        });
        await onProgress(0.4 + (0.6 * (map + 1)) / top.featureMaps.length);
      }
      const packed = packSprite(spriteRows, 2 * TOP_K);
      images.push({ name: TOP9_SPRITE_IMAGE, png: rgbaToPng(packed.image) });
      const placed = (r: number, from: number) =>
        packed.rects[r]!.slice(from, from + featureMaps[r]!.top.length).filter((rect): rect is TSpriteRect => rect !== null);
      const sprite: TTop9Sprite = {
        image: TOP9_SPRITE_IMAGE,
        width: packed.image.width,
        height: packed.image.height,
        deconv: featureMaps.map((_, r) => placed(r, 0)),
        patch: featureMaps.map((_, r) => placed(r, TOP_K)),
      };
      return {
        result: {
          kind: 'top9',
          layer: params.layer,
          imagesSearched: searched,
          featureMaps,
          sprite,
          seconds: (Date.now() - started) / 1000,
        },
        images,
      };
    }

    if (params.image >= test.count) throw new InspectInputError(`image must be an index from 0 to ${test.count - 1}, got ${params.image}`);
    const image = datasetImage(test, params.image, stored.channelStats);
    const label = test.labels[params.image]!;
    const probabilities = tf.tidy(() => Array.from(tf.softmax(model.predict(imageTensor(image)) as tf.Tensor2D).dataSync()));
    const predicted = probabilities.indexOf(Math.max(...probabilities));
    // The projected map: the one asked for, or the map firing hardest on this image.
    let featureMap = params.featureMap;
    if (featureMap === undefined) {
      const act = await activationOf(model, params.layer, test, params.image, stored.channelStats);
      const channels = act.shape[act.shape.length - 1]!;
      const peak = new Float32Array(channels).fill(-Infinity);
      act.data.forEach((v, i) => (peak[i % channels] = Math.max(peak[i % channels]!, v)));
      featureMap = peak.indexOf(Math.max(...peak));
    }
    await onProgress(0.1);
    const deconv = await deconvProject(model, image, params.layer, featureMap);
    const base = datasetImageRgba(test, params.image);
    const [h, w] = image.shape;
    const occ = await occlusionMap(model, image, {
      size: params.occlusionSize,
      stride: params.occlusionStride,
      trueClass: label,
      layerName: params.layer,
      featureMap,
    });
    await onProgress(0.6);
    const saliency = await saliencyMap(model, image, label);
    const guided = await guidedBackprop(model, image, label);
    const cam = await gradCam(model, image, params.layer, label);
    const png = (name: TImageView, rgba: Parameters<typeof rgbaToPng>[0]) => ({ name, png: rgbaToPng(rgba) });
    const images = [
      png('input', base),
      png('deconv', projectionRgba(deconv.projection)),
      png('patch', inputPatch(test, params.image, deconv.box)),
      // A drop in the true class's probability lights up (reversed colormap), as in the paper's fig. 7.
      png(
        'occlusion-probability',
        overlayHeatmap(base, cellsToPixels(occ.probability, occ.stride, h!, w!), { range: { min: 0, max: 1 }, reverse: true, alpha: 0.6 }),
      ),
      png('occlusion-activation', overlayHeatmap(base, cellsToPixels(occ.activation, occ.stride, h!, w!), { alpha: 0.6 })),
      png('occlusion-label', labelMapRgba(occ.topClass, occ.rows, occ.cols)),
      png('saliency', heatmapRgba(saliency.saliency, { colormap: 'viridis' })),
      png('guided-backprop', projectionRgba(guided.gradient)),
      png('grad-cam', overlayHeatmap(base, cam.heatmap, { alpha: 0.55 })),
    ];
    await onProgress(1);
    const result: TImageResult = {
      kind: 'image',
      layer: params.layer,
      image: params.image,
      label,
      predicted,
      probabilities,
      featureMap,
      box: boxTuple(deconv.box),
      occlusion: {
        rows: occ.rows,
        cols: occ.cols,
        size: occ.size,
        stride: occ.stride,
        trueClassProbability: Array.from(occ.probability.data),
        featureActivation: Array.from(occ.activation.data),
        predictedLabel: Array.from(occ.topClass),
      },
      images: images.map((i) => i.name),
      seconds: (Date.now() - started) / 1000,
    };
    return { result, images };
  } finally {
    model.dispose();
  }
}
