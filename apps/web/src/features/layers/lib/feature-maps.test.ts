import type { TSnapshotTensor } from '@tensorscope/shared';
import { ZRunConfig, inferNetwork, resolveRunNetwork } from '@tensorscope/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activationMapsUrl } from './layers.api';
import {
  BAR_CHART_MAX_UNITS,
  describeShape,
  featureMapLayers,
  featureMapShapes,
  featureMapZoom,
  inputSide,
  isStrip,
  parseImageIndex,
  stepImageIndex,
  unitBars,
} from './feature-maps';

const lenetTensors = (inputs: number): TSnapshotTensor[] => [
  { layer: 'conv1', param: 'kernel', shape: [5, 5, inputs, 32] },
  { layer: 'conv1', param: 'bias', shape: [32] },
  { layer: 'conv2', param: 'kernel', shape: [5, 5, 32, 64] },
  { layer: 'conv2', param: 'bias', shape: [64] },
  { layer: 'fc1', param: 'kernel', shape: [3136, 1024] },
  { layer: 'fc1', param: 'bias', shape: [1024] },
  { layer: 'fc2', param: 'kernel', shape: [1024, 10] },
  { layer: 'fc2', param: 'bias', shape: [10] },
];
const ALL = ['conv1', 'pool1', 'conv2', 'pool2', 'fc1', 'fc2'];

const network = (model: 'lenet5' | 'lstm', variant?: 'cifar-gray28' | 'cifar-rgb32') => {
  const resolved = resolveRunNetwork(ZRunConfig.parse({ model, ...(variant ? { variant } : {}) }));
  if (!resolved.ok) throw new Error('preset must resolve');
  return resolved.network;
};

describe('featureMapLayers', () => {
  it('lists conv, pool and dense layers in network order, without flatten', () => {
    // Tags come sorted by name (conv2 before pool1).
    const tags = ['conv1', 'conv2', 'fc1', 'fc2', 'flatten', 'pool1', 'pool2'];
    expect(featureMapLayers(tags, lenetTensors(1), network('lenet5'))).toEqual(ALL);
  });
  it('follows a custom network’s order and skips its flatten, reshape and dropout layers by type', () => {
    const custom = inferNetwork(
      [
        { type: 'conv2d', name: 'zeta', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu', useBias: true },
        { type: 'maxPool2d', name: 'alpha', poolSize: 2, padding: 'valid' },
        { type: 'dropout', name: 'drop', rate: 0.5 },
        { type: 'flatten', name: 'flat' },
      ],
      { inputShape: [28, 28, 1], classes: 10 },
    );
    if (!custom.ok) throw new Error('must resolve');
    expect(featureMapLayers(['alpha', 'drop', 'flat', 'head', 'zeta'], [], custom.network)).toEqual(['zeta', 'alpha', 'head']);
  });
  it('falls back to the snapshot’s weighted layers when no activations were measured', () => {
    expect(featureMapLayers([], lenetTensors(1), network('lenet5'))).toEqual(['conv1', 'conv2', 'fc1', 'fc2']);
    expect(featureMapLayers([], [])).toEqual([]);
  });
});

describe('featureMapShapes', () => {
  it('takes every layer’s output shape from the network (LeNet-5, gray 28 px)', () => {
    expect(Object.fromEntries(featureMapShapes(network('lenet5', 'cifar-gray28')))).toEqual({
      conv1: [28, 28, 32],
      pool1: [14, 14, 32],
      conv2: [14, 14, 64],
      pool2: [7, 7, 64],
      flatten: [3136],
      fc1: [1024],
      fc2: [10],
    });
  });
  it('uses 32 px for the RGB variant', () => {
    const shapes = featureMapShapes(network('lenet5', 'cifar-rgb32'));
    expect(shapes.get('conv1')).toEqual([32, 32, 32]);
    expect(shapes.get('pool2')).toEqual([8, 8, 64]);
  });
  it('knows nothing without a network', () => {
    expect(featureMapShapes(undefined).size).toBe(0);
  });
});

describe('inputSide', () => {
  it('is the height of the images the run reads', () => {
    expect(inputSide(ZRunConfig.parse({ model: 'lenet5', variant: 'cifar-rgb32' }))).toBe(32);
    expect(inputSide(ZRunConfig.parse({ model: 'gru' }))).toBe(28);
    const facts = {
      name: 'big',
      inputShape: [64, 48, 3] as [number, number, number],
      classes: ['a', 'b'],
      trainSize: 10,
      testSize: 5,
      checksum: 'x',
    };
    expect(
      inputSide(ZRunConfig.parse({ model: 'custom', dataset: 'mnist', network: { layers: [{ type: 'flatten' }] }, datasetFacts: facts })),
    ).toBe(64);
  });
});

describe('featureMapZoom', () => {
  it('keeps conv/pool grids near 700 px', () => {
    expect(featureMapZoom('conv1', [28, 28, 32])).toBe(4); // 6×6 tiles → 677 px
    expect(featureMapZoom('pool1', [14, 14, 32])).toBe(8);
    expect(featureMapZoom('conv2', [14, 14, 64])).toBe(6); // 8×8 tiles
    expect(featureMapZoom('pool2', [7, 7, 64])).toBe(12);
    expect(featureMapZoom('conv1', [32, 32, 32])).toBe(3);
  });
  it('caps tiny maps and never goes below 1', () => {
    expect(featureMapZoom('x', [2, 2, 1])).toBe(16);
    expect(featureMapZoom('x', [512, 512, 64])).toBe(1);
  });
  it('keeps dense strips about 1,000 px wide, within the API’s 1…32', () => {
    expect(featureMapZoom('fc1', [1024])).toBe(1);
    expect(featureMapZoom('fc2', [10])).toBe(32);
    expect(featureMapZoom('fc', [4096])).toBe(1);
  });
  it('guesses by layer name when the shape is unknown', () => {
    expect(featureMapZoom('fc1', undefined)).toBe(1);
    expect(featureMapZoom('pool1', undefined)).toBe(4);
    expect(isStrip('fc2', undefined)).toBe(true);
    expect(isStrip('conv1', [28, 28, 32])).toBe(false);
  });
});

describe('test image index', () => {
  it('accepts whole numbers 0 … 9999', () => {
    expect(parseImageIndex('0')).toEqual({ ok: true, index: 0 });
    expect(parseImageIndex(' 9999 ')).toEqual({ ok: true, index: 9999 });
    expect(parseImageIndex('007')).toEqual({ ok: true, index: 7 });
  });
  it('rejects anything else with a message', () => {
    for (const text of ['', '  ', '-1', '1.5', 'abc', '1e3', '10000']) {
      const parsed = parseImageIndex(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(0);
    }
    const tooBig = parseImageIndex('10000');
    expect(!tooBig.ok && tooBig.message).toMatch(/9,999/);
  });
  it('steps within the split', () => {
    expect(stepImageIndex(0, -1)).toBe(0);
    expect(stepImageIndex(5, 1)).toBe(6);
    expect(stepImageIndex(9999, 1)).toBe(9999);
  });
  it('describes shapes for the caption', () => {
    expect(describeShape([28, 28, 32])).toBe('32 channels of 28×28');
    expect(describeShape([1024])).toBe('1,024 units');
    expect(describeShape(undefined)).toBeNull();
  });
});

describe('activationMapsUrl', () => {
  afterEach(() => vi.unstubAllEnvs());
  it('builds the PNG URL next to the filter grid', () => {
    vi.stubEnv('NEXT_PUBLIC_API_URL', 'http://api.test/');
    expect(activationMapsUrl('r 1', 1200, 'conv1', { image: 42, zoom: 4 })).toBe(
      'http://api.test/api/runs/r%201/snapshots/1200/activations/conv1.png?image=42&zoom=4',
    );
  });
});

describe('unitBars', () => {
  it('names the output layer’s units by class and marks the largest', () => {
    const bars = unitBars([0.1, -2, 3.5, 0], ['cat', 'dog', 'ship', 'frog'])!;
    expect(bars.map((b) => b.label)).toEqual(['cat', 'dog', 'ship', 'frog']);
    expect(bars.filter((b) => b.strong).map((b) => b.label)).toEqual(['ship']);
  });

  it('numbers the units of other layers, and leaves wide layers to the strip', () => {
    expect(unitBars([1, 2], null)!.map((b) => b.label)).toEqual(['unit 0', 'unit 1']);
    expect(unitBars([1, 2, 3], ['a', 'b'])!.map((b) => b.label)).toEqual(['unit 0', 'unit 1', 'unit 2']);
    expect(unitBars(new Array<number>(BAR_CHART_MAX_UNITS + 1).fill(0), null)).toBeNull();
    expect(unitBars(null, null)).toBeNull();
  });
});
