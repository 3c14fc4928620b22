import { describe, expect, it } from 'vitest';
import { datasetFor, datasetsFor, fieldAppliesTo, modelSpecificNote, splitSizesLabel } from './model-fields';

describe('fieldAppliesTo', () => {
  it('gives the variant to LeNet only and the cell sizes to the recurrent models only', () => {
    expect(fieldAppliesTo('variant', 'lenet5')).toBe(true);
    expect(fieldAppliesTo('variant', 'lstm')).toBe(false);
    for (const model of ['rnn', 'lstm', 'gru']) expect(fieldAppliesTo('hiddenSize', model)).toBe(true);
    expect(fieldAppliesTo('dropout', 'lenet5')).toBe(false);
    expect(fieldAppliesTo('learningRate', 'gru')).toBe(true);
    expect(fieldAppliesTo('learningRate', 'lenet5')).toBe(true);
  });
});

describe('modelSpecificNote', () => {
  it('speaks only when the sweep mixes models with and without the field', () => {
    expect(modelSpecificNote('hiddenSize', ['lenet5', 'lstm', 'gru'])).toBe(
      'only for lstm, gru: lenet5 runs ignore it (varying it repeats those runs)',
    );
    expect(modelSpecificNote('variant', ['lenet5', 'rnn'])).toBe('only for lenet5: rnn runs ignore it (varying it repeats those runs)');
    expect(modelSpecificNote('hiddenSize', ['lstm', 'gru'])).toBeUndefined();
    expect(modelSpecificNote('learningRate', ['lenet5', 'gru'])).toBeUndefined();
    expect(modelSpecificNote('variant', [])).toBeUndefined();
  });
});

describe('datasets', () => {
  it('maps a model and variant to its dataset', () => {
    expect(datasetFor('lenet5', 'cifar-rgb32')).toBe('cifar10');
    expect(datasetFor('lenet5', 'mnist')).toBe('mnist');
    expect(datasetFor('rnn', 'cifar-gray28')).toBe('mnist');
  });

  it('collects the datasets of a sweep, CIFAR first', () => {
    expect(datasetsFor(['gru', 'lenet5'], ['cifar-gray28'])).toEqual(['cifar10', 'mnist']);
    expect(datasetsFor(['lenet5'], ['mnist'])).toEqual(['mnist']);
    expect(datasetsFor([], ['cifar-gray28'])).toEqual([]);
  });

  it('labels the whole split sizes', () => {
    expect(splitSizesLabel(['cifar10', 'mnist'], 'train')).toBe('CIFAR-10: 50,000 · MNIST: 60,000');
    expect(splitSizesLabel(['mnist'], 'test')).toBe('MNIST: 10,000');
  });
});
