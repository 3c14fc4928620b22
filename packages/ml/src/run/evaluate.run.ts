import type { TEmbeddingMethod, TEmbeddingResult, TEvaluationResult } from '@tensorscope/shared';
import { umapEmbed } from '../evaluate/umap.embed';
import { ImageNormalizer } from '../core/image.normalize';
import { InspectInputError } from '../inspect/inspect-input.error';
import { hiddenStatesOutput } from '../evaluate/hidden-states.render';
import { MISCLASSIFIED_CAP, type TVisualizationParams } from '@tensorscope/shared';
import { argmaxRows } from '../evaluate/argmax.rows';
import { classMetrics, confusionMatrix, matrixAccuracy } from '../evaluate/confusion.compute';
import { selectMistakes } from '../evaluate/mistakes.select';
import { pca } from '../evaluate/pca.compute';
import { penultimateLayer, predictImages } from '../evaluate/predictions.compute';
import { loadSnapshot } from '../inspect/snapshot.load';
import { datasetImageRgba } from '../visualize/image-patch.crop';
import { rgbaToPng } from '../visualize/rgba-image.png';
import type { StoredModel } from './feature-maps.run';
import type { TRunDataChoice } from './run-images.select';
import { runTestSet, type TrainRunEnv } from './train-run';
import type { TVisualizationOutput } from './visualize.run';

export type TEvaluationParams = Extract<TVisualizationParams, { kind: 'evaluation' | 'embedding' | 'hidden-states' }>;

/** UMAP's seed: fixed, so a recomputation draws the same layout. */
const UMAP_SEED = 1;

/** The 2-D layout of the features: PCA's first two components (with their variance shares) or UMAP's. */
async function embed(
  features: Float32Array,
  n: number,
  d: number,
  method: TEmbeddingMethod,
  onProgress: (fraction: number) => void | Promise<void>,
): Promise<{ x: ArrayLike<number>; y: ArrayLike<number>; explained: [number, number] | null }> {
  if (method === 'umap') return { ...(await umapEmbed(features, n, d, { seed: UMAP_SEED, onProgress })), explained: null };
  const { projected, explained } = pca(features, n, d, 2);
  return { x: projected[0]!, y: projected[1]!, explained: [explained[0]!, explained[1]!] };
}

/** Coordinates are drawn, not computed with: 4 significant digits keep 2,000 points a small JSON. */
const round = (v: number) => Number(v.toPrecision(4));

/**
 * One evaluation job on a stored snapshot (any model): the confusion matrix, per-class metrics
 * and the most confident mistakes (a PNG `wrong-<rank>` each), or the PCA embedding of the layer
 * feeding the classifier; for recurrent models, one image's states over the steps. Reports progress 0…1; frees the model whatever happens.
 */
export async function computeEvaluation(
  config: TRunDataChoice,
  env: TrainRunEnv,
  stored: StoredModel,
  params: TEvaluationParams,
  onProgress: (fraction: number) => void | Promise<void> = () => undefined,
): Promise<TVisualizationOutput> {
  const started = Date.now();
  const test = await runTestSet(config, env);
  const model = await loadSnapshot(stored.topology, stored.tensors);
  const labels = (count: number) => Array.from(test.labels.subarray(0, count));
  try {
    if (params.kind === 'evaluation') {
      const count = Math.min(params.subset ?? test.count, test.count);
      const { probabilities, classes } = await predictImages(model, test, count, {
        channelStats: stored.channelStats,
        onProgress: (f) => onProgress(0.9 * f),
      });
      const truth = labels(count);
      const matrix = confusionMatrix(truth, argmaxRows(probabilities, classes), classes);
      const { total, mistakes } = selectMistakes(truth, probabilities, classes, MISCLASSIFIED_CAP);
      const images = mistakes.map((m, rank) => ({ name: `wrong-${rank}`, png: rgbaToPng(datasetImageRgba(test, m.image)) }));
      await onProgress(1);
      const result: TEvaluationResult = {
        kind: 'evaluation',
        imagesEvaluated: count,
        accuracy: matrixAccuracy(matrix),
        matrix,
        perClass: classMetrics(matrix),
        misclassifiedTotal: total,
        misclassified: mistakes,
        seconds: (Date.now() - started) / 1000,
      };
      return { result, images };
    }

    if (params.kind === 'hidden-states') {
      if (params.image >= test.count)
        throw new InspectInputError(`image must be an index from 0 to ${test.count - 1}, got ${params.image}`);
      const x = new ImageNormalizer(test, stored.channelStats).tensor([params.image]);
      try {
        const output = await hiddenStatesOutput(model, x, test, params.image);
        await onProgress(1);
        return { result: { ...output.result, seconds: (Date.now() - started) / 1000 }, images: output.images };
      } finally {
        x.dispose();
      }
    }

    const count = Math.min(params.images, test.count);
    const layer = penultimateLayer(model);
    const predicted = await predictImages(model, test, count, {
      channelStats: stored.channelStats,
      features: layer,
      onProgress: (f) => onProgress(0.6 * f),
    });
    const { features, featureSize } = predicted as Required<typeof predicted>;
    const layout = await embed(features, count, featureSize, params.method, (f) => onProgress(0.6 + 0.4 * f));
    await onProgress(1);
    const result: TEmbeddingResult = {
      kind: 'embedding',
      layer,
      dimensions: featureSize,
      x: Array.from(layout.x, round),
      y: Array.from(layout.y, round),
      labels: labels(count),
      predicted: Array.from(argmaxRows(predicted.probabilities, predicted.classes)),
      method: params.method,
      explainedVariance: layout.explained,
      seconds: (Date.now() - started) / 1000,
    };
    return { result, images: [] };
  } finally {
    model.dispose();
  }
}
