import { describe, expect, it } from 'vitest';
import { classMetrics, confusionMatrix, matrixAccuracy } from './confusion.compute';

describe('confusion matrix and per-class metrics', () => {
  // 3 classes, 8 images, worked out by hand:
  //   truth 0 0 0 1 1 1 2 2
  //   pred  0 0 1 1 1 2 1 2
  const labels = [0, 0, 0, 1, 1, 1, 2, 2];
  const predicted = [0, 0, 1, 1, 1, 2, 1, 2];

  it('counts matrix[true][predicted]', () => {
    expect(confusionMatrix(labels, predicted, 3)).toEqual([
      [2, 1, 0],
      [0, 2, 1],
      [0, 1, 1],
    ]);
  });

  it('derives precision (column), recall (row) and F1 per class, and the overall accuracy', () => {
    const m = confusionMatrix(labels, predicted, 3);
    const metrics = classMetrics(m);
    // class 0: 2 of 3 right; predicted twice, both right.
    expect(metrics[0]).toEqual({ support: 3, correct: 2, predicted: 2, precision: 1, recall: 2 / 3, f1: 0.8 });
    // class 1: 2 of 3 right; predicted 4 times (2 right).
    expect(metrics[1]).toEqual({ support: 3, correct: 2, predicted: 4, precision: 0.5, recall: 2 / 3, f1: 4 / 7 });
    // class 2: 1 of 2 right; predicted twice (1 right).
    expect(metrics[2]).toEqual({ support: 2, correct: 1, predicted: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(matrixAccuracy(m)).toBe(5 / 8);
  });

  it('leaves 0/0 ratios empty (a class never seen nor predicted) rather than inventing 0 or 1', () => {
    const metrics = classMetrics(confusionMatrix([0, 0], [0, 1], 3));
    expect(metrics[1]).toEqual({ support: 0, correct: 0, predicted: 1, precision: 0, recall: null, f1: 0 });
    expect(metrics[2]).toEqual({ support: 0, correct: 0, predicted: 0, precision: null, recall: null, f1: null });
  });

  it('refuses labels outside the classes and mismatched lengths', () => {
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow(/label 3/);
    expect(() => confusionMatrix([0], [0, 1], 3)).toThrow(/1 labels but 2/);
  });
});
