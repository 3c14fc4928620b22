import { describe, expect, it } from 'vitest';
import { CIFAR10_CLASSES, classColor, classLabel } from './class-labels';

describe('classLabel', () => {
  it('names CIFAR-10 labels and keeps MNIST digits as digits', () => {
    expect(classLabel('cifar10', 0)).toBe('airplane');
    expect(classLabel('cifar10', 3)).toBe('cat');
    expect(classLabel('cifar10', 9)).toBe('truck');
    expect(classLabel('mnist', 7)).toBe('7');
  });

  it('says "class N" for labels outside the dataset', () => {
    expect(classLabel('cifar10', 10)).toBe('class 10');
    expect(classLabel('mnist', -1)).toBe('class -1');
    expect(classLabel('cifar10', 1.5)).toBe('class 1.5');
  });

  it('has ten CIFAR classes', () => {
    expect(CIFAR10_CLASSES).toHaveLength(10);
  });
});

describe('classColor', () => {
  it('gives Tableau 10 colours and wraps around after ten', () => {
    expect(classColor(0)).toBe('rgb(31, 119, 180)');
    expect(classColor(3)).toBe('rgb(214, 39, 40)');
    expect(classColor(9)).toBe('rgb(23, 190, 207)');
    expect(classColor(12)).toBe('rgb(44, 160, 44)');
  });
});
