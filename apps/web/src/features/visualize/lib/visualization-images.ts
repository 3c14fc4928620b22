import type { TClassNames, TImageResult, TImageView } from '@tensorscope/shared';
import { classLabel } from './class-labels';

/*
 * The PNGs of a visualization job (GET /api/visualizations/:id/images/:name.png) and how the
 * image panel lays them out: Zeiler & Fergus fig. 7 as a row of captioned panels.
 */

/** A top-9 cell: the deconvnet projection of the activation, or the input patch under its receptive field. */
export const top9ImageName = (kind: 'deconv' | 'patch', featureMap: number, rank: number) => `${kind}-${featureMap}-${rank}`;

export interface TImagePanel {
  /** PNG name in the job's `images`. */
  name: TImageView;
  testId: string;
  title: string;
  /** What the picture means, one line. */
  note: string;
}

const percent = (p: number | undefined) => (p === undefined || !Number.isFinite(p) ? '—' : `${(p * 100).toFixed(1)} %`);

/** The panels the result has images for, in the figure's order (input, what the map sees, occlusion, gradients). */
export function imagePanels(result: TImageResult, classes: TClassNames): TImagePanel[] {
  const truth = classLabel(classes, result.label);
  const map = `${result.layer} map ${result.featureMap}`;
  const { size, stride } = result.occlusion;
  const panels: TImagePanel[] = [
    { name: 'input', testId: 'image-input', title: `Input #${result.image}`, note: `true label: ${truth}` },
    { name: 'deconv', testId: 'deconv-projection', title: `Projection of ${map}`, note: 'deconvnet, from its strongest activation' },
    { name: 'patch', testId: 'image-patch', title: 'Receptive field', note: 'the input under that activation' },
    {
      name: 'occlusion-probability',
      testId: 'occlusion-map',
      title: `p(${truth}) under occlusion`,
      note: `${size}×${size} grey square every ${stride} px`,
    },
    {
      name: 'occlusion-activation',
      testId: 'occlusion-activation',
      title: 'Feature-map activation under occlusion',
      note: `total activation of ${map}`,
    },
    { name: 'occlusion-label', testId: 'occlusion-label', title: 'Most probable label under occlusion', note: 'colours: see the legend' },
    { name: 'saliency', testId: 'saliency', title: 'Saliency', note: `|∂ score(${truth}) / ∂ input|` },
    { name: 'guided-backprop', testId: 'guided-backprop', title: 'Guided backprop', note: `toward ${truth}` },
    { name: 'grad-cam', testId: 'grad-cam', title: 'Grad-CAM', note: `${result.layer}, toward ${truth}` },
  ];
  const present = new Set(result.images);
  return panels.filter((p) => present.has(p.name));
}

export interface TPrediction {
  predicted: string;
  predictedProbability: string;
  truth: string;
  truthProbability: string;
  correct: boolean;
}

/** "predicted cat (62.0 %) · true dog (20.1 %)", from the unoccluded softmax. */
export function predictionSummary(result: TImageResult, classes: TClassNames): TPrediction {
  return {
    predicted: classLabel(classes, result.predicted),
    predictedProbability: percent(result.probabilities[result.predicted]),
    truth: classLabel(classes, result.label),
    truthProbability: percent(result.probabilities[result.label]),
    correct: result.predicted === result.label,
  };
}

/**
 * The prediction in one line: "Predicted dog (62.0 %) · true cat (20.1 %) · wrong", or, when the
 * net is right, "Predicted airplane (50.2 %) · correct": the true class and its probability would
 * only say the same thing twice.
 */
export function predictionText(p: TPrediction): string {
  const predicted = `Predicted ${p.predicted} (${p.predictedProbability})`;
  return p.correct ? `${predicted} · correct` : `${predicted} · true ${p.truth} (${p.truthProbability}) · wrong`;
}

/** Share of occluder positions per class in the label map, for the legend; classes that never win are 0. */
export function labelShares(labels: readonly number[], classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) if (label >= 0 && label < classes) counts[label]! += 1;
  return labels.length === 0 ? counts : counts.map((c) => c / labels.length);
}

/** min … max of a heat-map's values, for its caption; null when it has none. */
export function valueRange(values: readonly number[]): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : null;
}
