import { describe, expect, it } from 'vitest';
import { classNamesOf, ZRunConfig } from '@tensorscope/shared';
import { CIFAR10_CLASSES, classColor, classLabel } from './class-labels';

const cifar10 = classNamesOf(ZRunConfig.parse({ model: 'lenet5' }));
const mnist = classNamesOf(ZRunConfig.parse({ model: 'lstm' }));
const CLASSES = { cifar10, mnist };

describe('classLabel', () => {
  it.each([
    // CIFAR-10 labels by name, MNIST digits as digits…
    ['cifar10', 0, 'airplane'],
    ['cifar10', 3, 'cat'],
    ['cifar10', 9, 'truck'],
    ['mnist', 7, '7'],
    // …and "class N" for labels outside the dataset.
    ['cifar10', 10, 'class 10'],
    ['mnist', -1, 'class -1'],
    ['cifar10', 1.5, 'class 1.5'],
  ] as const)('names label %s/%s "%s"', (classes, label, name) => {
    expect(classLabel(CLASSES[classes], label)).toBe(name);
  });

  it('has ten CIFAR classes', () => {
    expect(CIFAR10_CLASSES).toHaveLength(10);
  });
});

describe('classColor', () => {
  // Tableau 10, wrapping around after ten.
  it.each([
    [0, 'rgb(31, 119, 180)'],
    [3, 'rgb(214, 39, 40)'],
    [9, 'rgb(23, 190, 207)'],
    [12, 'rgb(44, 160, 44)'],
  ])('gives class %i %s', (label, color) => {
    expect(classColor(label)).toBe(color);
  });
});
