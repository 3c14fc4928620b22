import type { TMisclassified } from '@tensorscope/shared';
import { argmaxRows } from './argmax.rows';

/**
 * The images classified wrong, most confident mistake first (highest probability on the wrong
 * class; ties by image index), the first `cap` of them. `probabilities` is n × classes, row-major.
 */
export function selectMistakes(
  labels: ArrayLike<number>,
  probabilities: Float32Array,
  classes: number,
  cap: number,
): { total: number; mistakes: TMisclassified[] } {
  const n = labels.length;
  if (probabilities.length !== n * classes) throw new Error(`${probabilities.length} probabilities for ${n} images of ${classes} classes`);
  const predictions = argmaxRows(probabilities, classes);
  const all: TMisclassified[] = [];
  for (let i = 0; i < n; i++) {
    const [predicted, label] = [predictions[i]!, labels[i]!];
    const row = i * classes;
    if (predicted !== label)
      all.push({ image: i, label, predicted, probability: probabilities[row + predicted]!, trueProbability: probabilities[row + label]! });
  }
  all.sort((a, b) => b.probability - a.probability || a.image - b.image);
  return { total: all.length, mistakes: all.slice(0, cap) };
}
