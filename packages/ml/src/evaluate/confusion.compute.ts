import type { TClassMetrics } from '@tensorscope/shared';

/** matrix[true][predicted]: how many images of each class went to each prediction. */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  if (labels.length !== predicted.length) throw new Error(`${labels.length} labels but ${predicted.length} predictions`);
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i]!;
    const p = predicted[i]!;
    if (!(t >= 0 && t < classes && p >= 0 && p < classes && Number.isInteger(t) && Number.isInteger(p)))
      throw new Error(`image ${i}: label ${t} / prediction ${p} is not a class 0…${classes - 1}`);
    matrix[t]![p]!++;
  }
  return matrix;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Per class, from a confusion matrix: support, precision (of its column), recall (of its row), F1. */
export function classMetrics(matrix: readonly (readonly number[])[]): TClassMetrics[] {
  return matrix.map((row, c) => {
    const correct = row[c]!;
    const support = row.reduce((s, v) => s + v, 0);
    const predicted = matrix.reduce((s, r) => s + r[c]!, 0);
    const precision = ratio(correct, predicted);
    const recall = ratio(correct, support);
    // F1 = 2·TP / (2·TP + FP + FN): defined whenever the class appears at all, in truth or prediction.
    const f1 = ratio(2 * correct, support + predicted);
    return { support, correct, predicted, precision, recall, f1 };
  });
}

/** Share of images on the diagonal. */
export function matrixAccuracy(matrix: readonly (readonly number[])[]): number {
  let total = 0;
  let correct = 0;
  matrix.forEach((row, t) => {
    for (const v of row) total += v;
    correct += row[t] ?? 0;
  });
  return total === 0 ? 0 : correct / total;
}
