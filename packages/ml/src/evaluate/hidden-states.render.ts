import type * as tf from '@tensorflow/tfjs';
import type { THiddenStatesResult, TStateView } from '@tensorscope/shared';
import type { ImageDataset } from '../datasets/dataset.types';
import { heatmapRgba } from '../visualize/heatmap.render';
import { datasetImageRgba } from '../visualize/image-patch.crop';
import { rgbaToPng } from '../visualize/rgba-image.png';
import { argmaxRows } from './argmax.rows';
import { traceRecurrent, type TStateSeries } from './recurrent-states.trace';

/** Gates live in (0, 1): viridis over that range. Hidden states and candidates in (−1, 1): jet, 0 in the middle. */
const GATES = new Set(['input', 'forget', 'output', 'update', 'reset']);

/** The colormap's ends for a series: fixed by its activation, or (the LSTM cell state, unbounded) ± its largest magnitude. */
function rangeOf(series: TStateSeries): { min: number; max: number } {
  if (GATES.has(series.name)) return { min: 0, max: 1 };
  if (series.name !== 'cell') return { min: -1, max: 1 };
  const big = series.values.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  return { min: -big, max: big };
}

/**
 * One test image through a recurrent model, step by step: a heat-map PNG (steps × units) per
 * layer and quantity, the image itself (`input`, its rows aligned with the steps), and the
 * classifier's answer after each step. `seconds` is the caller's to fill.
 */
export async function hiddenStatesOutput(
  model: tf.LayersModel,
  x: tf.Tensor,
  test: ImageDataset,
  image: number,
): Promise<{ result: Omit<THiddenStatesResult, 'seconds'>; images: { name: string; png: Buffer }[] }> {
  const traces = await traceRecurrent(model, x);
  const images = [{ name: 'input', png: rgbaToPng(datasetImageRgba(test, image)) }];
  const views: TStateView[] = [];
  for (const trace of traces.layers) {
    for (const series of trace.series) {
      const range = rangeOf(series);
      const name = `${trace.layer}-${series.name}`.toLowerCase();
      const plane = { height: trace.steps, width: trace.units, data: series.values };
      images.push({ name, png: rgbaToPng(heatmapRgba(plane, { colormap: GATES.has(series.name) ? 'viridis' : 'jet', range })) });
      views.push({ name, layer: trace.layer, series: series.name, range: [range.min, range.max] });
    }
  }
  const { classes } = traces;
  const steps = traces.stepProbabilities.length / classes;
  const stepProbabilities = Array.from({ length: steps }, (_, t) =>
    Array.from(traces.stepProbabilities.subarray(t * classes, (t + 1) * classes)),
  );
  return {
    result: {
      kind: 'hidden-states',
      image,
      label: test.labels[image]!,
      predicted: argmaxRows(traces.stepProbabilities.subarray((steps - 1) * classes), classes)[0]!,
      cell: traces.layers[0]!.cell,
      steps,
      layers: traces.layers.map((l) => ({ layer: l.layer, units: l.units })),
      views,
      stepProbabilities,
    },
    images,
  };
}
