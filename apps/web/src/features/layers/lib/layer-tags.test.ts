import { describe, expect, it } from 'vitest';
import { lenet5Layers } from '@tensorscope/shared';
import {
  layerComparator,
  compareParams,
  indexLayerTags,
  paramTag,
  parseHistogramTag,
  parseLayerTag,
  resolveParamChoice,
} from './layer-tags';

describe('parseLayerTag', () => {
  it('reads weight, gradient and activation statistics', () => {
    expect(parseLayerTag('weights/conv1/kernel/std')).toEqual({ kind: 'weights', layer: 'conv1', param: 'kernel', stat: 'std' });
    expect(parseLayerTag('gradients/fc2/bias/max')).toEqual({ kind: 'gradients', layer: 'fc2', param: 'bias', stat: 'max' });
    expect(parseLayerTag('activations/pool1/zeros')).toEqual({ kind: 'activations', layer: 'pool1', stat: 'zeros' });
  });

  it('reads any layer and param name, such as an LSTM recurrent kernel', () => {
    expect(parseLayerTag('weights/lstm1/recurrent_kernel/std')).toEqual({
      kind: 'weights',
      layer: 'lstm1',
      param: 'recurrent_kernel',
      stat: 'std',
    });
    expect(parseLayerTag('gradients/gru_2/kernel/mean')).toEqual({ kind: 'gradients', layer: 'gru_2', param: 'kernel', stat: 'mean' });
    expect(parseLayerTag('activations/lstm1/mean')).toEqual({ kind: 'activations', layer: 'lstm1', stat: 'mean' });
    expect(parseLayerTag('weights/bn1/gamma/std')).toEqual({ kind: 'weights', layer: 'bn1', param: 'gamma', stat: 'std' });
  });

  it('ignores core metrics, histogram tags, unknown stats and empty or hidden segments', () => {
    for (const tag of [
      'train/loss',
      'weights/conv1/kernel',
      'weights/conv1/kernel/median',
      'activations/conv1',
      'activations/conv1/min',
      'weights//kernel/std',
      'weights/conv1//std',
      'weights/.x/kernel/std',
    ]) {
      expect(parseLayerTag(tag), tag).toBeNull();
    }
  });
});

describe('parseHistogramTag', () => {
  it('reads param and activation histogram tags', () => {
    expect(parseHistogramTag('weights/conv1/kernel')).toMatchObject({ kind: 'weights', layer: 'conv1', param: 'kernel' });
    expect(parseHistogramTag('activations/flatten')).toEqual({ kind: 'activations', layer: 'flatten', tag: 'activations/flatten' });
    expect(parseHistogramTag('weights/lstm1/recurrent_kernel')).toEqual({
      kind: 'weights',
      layer: 'lstm1',
      param: 'recurrent_kernel',
      tag: 'weights/lstm1/recurrent_kernel',
    });
    expect(parseHistogramTag('weights/conv1/kernel/std')).toBeNull();
    expect(parseHistogramTag('weights/conv1/')).toBeNull();
    expect(parseHistogramTag('train/loss')).toBeNull();
  });
});

describe('paramTag / compareParams', () => {
  it('builds stat and histogram tags for any param', () => {
    expect(paramTag('weights', 'lstm1', 'recurrent_kernel', 'std')).toBe('weights/lstm1/recurrent_kernel/std');
    expect(paramTag('gradients', 'conv1', 'kernel')).toBe('gradients/conv1/kernel');
  });

  it('orders kernel, recurrent_kernel, bias, then others by name', () => {
    expect(['gamma', 'bias', 'beta', 'recurrent_kernel', 'kernel'].sort(compareParams)).toEqual([
      'kernel',
      'recurrent_kernel',
      'bias',
      'beta',
      'gamma',
    ]);
  });
});

describe('layerComparator', () => {
  const compareLayers = layerComparator([]);
  it('puts the network’s layers in its order and others after, naturally sorted', () => {
    const layers = ['fc2', 'pool2', 'dense10', 'conv2', 'flatten', 'fc1', 'dense2', 'pool1', 'conv1'];
    expect([...layers].sort(layerComparator(lenet5Layers().map((l) => l.name ?? '')))).toEqual([
      'conv1',
      'pool1',
      'conv2',
      'pool2',
      'flatten',
      'fc1',
      'fc2',
      'dense2',
      'dense10',
    ]);
  });

  it('knows no course names: without a network, names sort by family then naturally', () => {
    expect(['pool1', 'conv2', 'conv1'].sort(compareLayers)).toEqual(['conv1', 'conv2', 'pool1']);
  });

  it('puts recurrent cells before other layers and dense heads last', () => {
    const layers = ['dense', 'lstm2', 'dropout1', 'lstm1', 'output'];
    expect([...layers].sort(compareLayers)).toEqual(['lstm1', 'lstm2', 'dropout1', 'dense', 'output']);
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
    const index = indexLayerTags(
      { scalars, histograms },
      lenet5Layers().map((l) => l.name ?? ''),
    );
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

  it('orders layers as the run’s network does, whatever their names', () => {
    const index = indexLayerTags({ scalars: ['activations/b_first/mean', 'activations/a_second/mean'], histograms: [] }, [
      'b_first',
      'a_second',
    ]);
    expect(index.activationLayers.map((l) => l.layer)).toEqual(['b_first', 'a_second']);
  });

  it('indexes an LSTM: kernel, recurrent_kernel, bias per layer, cells before the dense head', () => {
    const index = indexLayerTags({
      scalars: [
        'weights/dense/kernel/std',
        'weights/lstm1/bias/std',
        'weights/lstm1/kernel/std',
        'weights/lstm1/recurrent_kernel/std',
        'gradients/lstm1/recurrent_kernel/max',
        'activations/lstm1/mean',
        'activations/dense/mean',
      ],
      histograms: ['weights/lstm1/bias', 'weights/lstm1/recurrent_kernel', 'weights/dense/kernel', 'weights/lstm1/kernel'],
    });
    expect(index.paramLayers).toEqual([
      { layer: 'lstm1', params: ['kernel', 'recurrent_kernel', 'bias'] },
      { layer: 'dense', params: ['kernel'] },
    ]);
    expect(index.gradientStats.get('lstm1/recurrent_kernel')).toEqual(['max']);
    expect(index.activationLayers.map((l) => l.layer)).toEqual(['lstm1', 'dense']);
    expect(index.histograms.map((h) => h.tag)).toEqual([
      'weights/lstm1/kernel',
      'weights/lstm1/recurrent_kernel',
      'weights/lstm1/bias',
      'weights/dense/kernel',
    ]);
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
