import { describe, expect, it } from 'vitest';
import { ZRunConfig } from './run-config.schema';
import { toFieldErrors } from './zod-errors';

const minimal = { name: 'gray-adam', model: 'lenet5' };

describe('ZRunConfig', () => {
  it('applies the documented defaults', () => {
    expect(ZRunConfig.parse(minimal)).toEqual({
      name: 'gray-adam',
      model: 'lenet5',
      variant: 'cifar-gray28',
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 64,
      epochs: 1,
      evalInterval: 100,
      logInterval: 10,
      seed: 1,
      backend: 'auto',
      statsInterval: 50,
      snapshotsPerEpoch: 4,
      probeImages: 256,
      histogramBins: 30,
      snapshotLimit: 40,
      snapshotKeepEvery: 2,
    });
  });

  it('accepts the contract example as is', () => {
    const example = {
      name: 'gray-adam',
      model: 'lenet5',
      variant: 'cifar-gray28',
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 64,
      epochs: 1,
      trainSubset: 2000,
      evalSubset: 1000,
      evalInterval: 10,
      seed: 1,
    };
    expect(ZRunConfig.parse(example)).toMatchObject(example);
  });

  it('names every bad field with its own message', () => {
    const r = ZRunConfig.safeParse({
      ...minimal,
      name: 'x'.repeat(121),
      learningRate: 0,
      batchSize: 1.5,
      epochs: 0,
      trainSubset: 60_001,
      evalSubset: 0,
      optimizer: 'rmsprop',
      variant: 'cifar-rgb64',
      seed: -1,
    });
    expect(r.success).toBe(false);
    const errors = toFieldErrors(r.error!);
    expect(errors.map((e) => e.path).sort()).toEqual(
      ['batchSize', 'epochs', 'evalSubset', 'learningRate', 'name', 'optimizer', 'seed', 'trainSubset', 'variant'].sort(),
    );
    expect(errors.find((e) => e.path === 'learningRate')?.message).toBe('learningRate must be greater than 0');
    expect(errors.find((e) => e.path === 'batchSize')?.message).toBe('batchSize must be an integer');
  });

  it('rejects unknown models and non-numbers', () => {
    expect(ZRunConfig.safeParse({ ...minimal, model: 'resnet' }).success).toBe(false);
    expect(ZRunConfig.safeParse({ ...minimal, learningRate: '0.1' }).success).toBe(false);
    expect(ZRunConfig.safeParse({ ...minimal, batchSize: Number.NaN }).success).toBe(false);
  });

  it('trims the name', () => {
    expect(ZRunConfig.parse({ ...minimal, name: '  run 1 ' }).name).toBe('run 1');
  });

  it('takes a blank or missing name as "name it for me" (empty), never as an error', () => {
    expect(ZRunConfig.parse({ model: 'lstm' }).name).toBe('');
    expect(ZRunConfig.parse({ model: 'lstm', name: '   ' }).name).toBe('');
    expect(ZRunConfig.safeParse({ model: 'lstm', name: 7 }).success).toBe(false);
  });
});
