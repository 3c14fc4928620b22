import { describe, expect, it } from 'vitest';
import { compareLayers, indexLayerTags, parseHistogramTag, parseLayerTag, resolveParamChoice } from './layer-tags';

describe('parseLayerTag', () => {
  it('reads weight, gradient and activation statistics', () => {
    expect(parseLayerTag('weights/conv1/kernel/std')).toEqual({ kind: 'weights', layer: 'conv1', param: 'kernel', stat: 'std' });
    expect(parseLayerTag('gradients/fc2/bias/max')).toEqual({ kind: 'gradients', layer: 'fc2', param: 'bias', stat: 'max' });
    expect(parseLayerTag('activations/pool1/zeros')).toEqual({ kind: 'activations', layer: 'pool1', stat: 'zeros' });
  });

  it('ignores core metrics, histogram tags and unknown params or stats', () => {
    for (const tag of ['train/loss', 'weights/conv1/kernel', 'weights/conv1/gamma/std', 'weights/conv1/kernel/median', 'activations/conv1', 'activations/conv1/min', 'weights//kernel/std']) {
      expect(parseLayerTag(tag), tag).toBeNull();
    }
  });
});

describe('parseHistogramTag', () => {
  it('reads param and activation histogram tags', () => {
    expect(parseHistogramTag('weights/conv1/kernel')).toMatchObject({ kind: 'weights', layer: 'conv1', param: 'kernel' });
    expect(parseHistogramTag('activations/flatten')).toEqual({ kind: 'activations', layer: 'flatten', tag: 'activations/flatten' });
    expect(parseHistogramTag('weights/conv1/kernel/std')).toBeNull();
    expect(parseHistogramTag('train/loss')).toBeNull();
  });
});

describe('compareLayers', () => {
  it('puts LeNet layers in network order and others after, naturally sorted', () => {
    const layers = ['fc2', 'pool2', 'dense10', 'conv2', 'flatten', 'fc1', 'dense2', 'pool1', 'conv1'];
    expect([...layers].sort(compareLayers)).toEqual(['conv1', 'pool1', 'conv2', 'pool2', 'flatten', 'fc1', 'fc2', 'dense2', 'dense10']);
  });
});

describe('indexLayerTags', () => {
  const scalars = [
    'test/accuracy',
    'train/loss',
    'weights/fc1/kernel/mean',
    'weights/conv1/bias/std',
    'weights/conv1/kernel/variance',
    'weights/conv1/kernel/min',
    'gradients/conv1/kernel/std',
    'activations/pool1/mean',
    'activations/conv1/zeros',
    'activations/conv1/mean',
  ];
  const histograms = ['activations/conv1', 'gradients/conv1/kernel', 'weights/fc1/kernel', 'weights/conv1/bias', 'weights/conv1/kernel'];

  it('groups statistics by layer and param, in network and stat order', () => {
    const index = indexLayerTags({ scalars, histograms });
    expect(index.paramLayers).toEqual([
      { layer: 'conv1', params: ['kernel', 'bias'] },
      { layer: 'fc1', params: ['kernel'] },
    ]);
    expect(index.weightStats.get('conv1/kernel')).toEqual(['min', 'variance']);
    expect(index.gradientStats.get('conv1/kernel')).toEqual(['std']);
    expect(index.gradientStats.get('conv1/bias')).toBeUndefined();
    expect(index.activationLayers).toEqual([
      { layer: 'conv1', stats: ['mean', 'zeros'] },
      { layer: 'pool1', stats: ['mean'] },
    ]);
    expect(index.activationStats).toEqual(['mean', 'zeros']);
    expect(index.histograms.map((h) => h.tag)).toEqual([
      'weights/conv1/kernel',
      'weights/conv1/bias',
      'weights/fc1/kernel',
      'gradients/conv1/kernel',
      'activations/conv1',
    ]);
    expect(index.hasLayerData).toBe(true);
  });

  it('reports no layer data for a run with only the core metrics (or no answer yet)', () => {
    expect(indexLayerTags({ scalars: ['train/loss', 'test/loss'], histograms: [] }).hasLayerData).toBe(false);
    expect(indexLayerTags(undefined).hasLayerData).toBe(false);
  });
});

describe('resolveParamChoice', () => {
  const layers = [
    { layer: 'conv1', params: ['kernel', 'bias'] as const },
    { layer: 'fc1', params: ['kernel'] as const },
  ].map((l) => ({ layer: l.layer, params: [...l.params] }));

  it('keeps a valid choice, falls back to the first param or layer otherwise', () => {
    expect(resolveParamChoice(layers, { layer: 'conv1', param: 'bias' })).toEqual({ layer: 'conv1', param: 'bias' });
    expect(resolveParamChoice(layers, { layer: 'fc1', param: 'bias' })).toEqual({ layer: 'fc1', param: 'kernel' });
    expect(resolveParamChoice(layers, { layer: 'gone' })).toEqual({ layer: 'conv1', param: 'kernel' });
    expect(resolveParamChoice(layers, {})).toEqual({ layer: 'conv1', param: 'kernel' });
    expect(resolveParamChoice([], {})).toBeNull();
  });
});
