import { describe, expect, it } from 'vitest';
import { axisLabel, categoricalAxis, fieldAxis, numericAxis } from './compare-parallel';

describe('numericAxis', () => {
  it('maps linearly between min and max', () => {
    const axis = numericAxis('batchSize', 'batchSize', [32, 64, 128]);
    expect(axis.log).toBe(false);
    expect(axis.position(32)).toBe(0);
    expect(axis.position(64)).toBeCloseTo(1 / 3);
    expect(axis.position(128)).toBe(1);
    expect(axis.ticks.map((t) => t.label)).toEqual(['32', '80', '128']);
  });

  it('goes logarithmic over two decades or more', () => {
    const axis = numericAxis('learningRate', 'learningRate', [0.0001, 0.001, 0.01]);
    expect(axis.log).toBe(true);
    expect(axis.position(0.001)).toBeCloseTo(0.5);
    expect(axis.ticks.map((t) => t.label)).toEqual(['1.0e-4', '0.001', '0.01']);
  });

  it('centres a single value and has no position for missing ones', () => {
    const axis = numericAxis('x', 'x', [5, 5]);
    expect(axis.position(5)).toBe(0.5);
    expect(axis.position(undefined)).toBeNull();
    expect(axis.position('5')).toBeNull();
  });
});

describe('categoricalAxis', () => {
  it('spreads sorted categories evenly', () => {
    const axis = categoricalAxis('optimizer', 'optimizer', ['sgd', 'adam', 'momentum', 'adam', undefined]);
    expect(axis.ticks).toEqual([
      { label: 'adam', pos: 0 },
      { label: 'momentum', pos: 0.5 },
      { label: 'sgd', pos: 1 },
    ]);
    expect(axis.position('momentum')).toBe(0.5);
    expect(axis.position(undefined)).toBeNull();
  });
});

describe('fieldAxis', () => {
  it('picks numeric for numbers (ignoring absent values), categorical otherwise', () => {
    expect(fieldAxis('hiddenSize', [64, undefined, 256]).kind).toBe('numeric');
    expect(fieldAxis('model', ['lenet5', 'gru']).kind).toBe('categorical');
    expect(fieldAxis('mixed', [1, 'a']).kind).toBe('categorical');
  });
});

describe('axisLabel', () => {
  it('shortens a layer field and leaves other fields alone', () => {
    expect(axisLabel('network.layers.12.filters')).toBe('L12 filters');
    expect(axisLabel('learningRate')).toBe('learningRate');
    expect(fieldAxis('network.layers.0.units', [8, 16]).label).toBe('L0 units');
  });
});
