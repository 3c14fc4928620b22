import type { TSnapshotTensor } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { convLayerNames, featureMapCount, imageParams, paramsKey, parseFeatureMap, top9Params } from './visualize-params';

describe('top9Params / imageParams', () => {
  it('leaves the whole split out of the request, keeps a smaller subset', () => {
    expect(top9Params('conv1', 10_000)).toEqual({ kind: 'top9', layer: 'conv1' });
    expect(top9Params('conv2', 1_000)).toEqual({ kind: 'top9', layer: 'conv2', subset: 1000 });
  });

  it('sends a feature map only when one was chosen', () => {
    expect(imageParams('conv1', 42, undefined)).toEqual({ kind: 'image', layer: 'conv1', image: 42 });
    expect(imageParams('conv2', 0, 0)).toEqual({ kind: 'image', layer: 'conv2', image: 0, featureMap: 0 });
  });
});

describe('paramsKey', () => {
  it('treats a missing subset as the whole test split', () => {
    expect(paramsKey({ kind: 'top9', layer: 'conv1' })).toBe('top9|conv1|10000');
    expect(paramsKey({ kind: 'top9', layer: 'conv1', subset: 10_000 })).toBe('top9|conv1|10000');
    expect(paramsKey({ kind: 'top9', layer: 'conv1', subset: 1_000 })).toBe('top9|conv1|1000');
  });

  it('fills the occluder defaults (6 px, stride 2) so a stored job matches a request without them', () => {
    const stored = { kind: 'image' as const, layer: 'conv2', image: 7, featureMap: 3, occlusionSize: 6, occlusionStride: 2 };
    expect(paramsKey(stored)).toBe('image|conv2|7|3|6|2');
    expect(paramsKey(imageParams('conv2', 7, 3))).toBe(paramsKey(stored));
  });

  it('keeps "strongest map" apart from map 0 and other occluders apart', () => {
    expect(paramsKey(imageParams('conv1', 7, undefined))).toBe('image|conv1|7|strongest|6|2');
    expect(paramsKey(imageParams('conv1', 7, 0))).not.toBe(paramsKey(imageParams('conv1', 7, undefined)));
    expect(paramsKey({ kind: 'image', layer: 'conv1', image: 7, occlusionSize: 8, occlusionStride: 2 })).toBe(
      'image|conv1|7|strongest|8|2',
    );
  });

  it('matches the evaluation kinds with their defaults filled (whole split; 2,000 embedded images)', () => {
    expect(paramsKey({ kind: 'evaluation' })).toBe(paramsKey({ kind: 'evaluation', subset: 10_000 }));
    expect(paramsKey({ kind: 'evaluation', subset: 500 })).toBe('evaluation|500');
    expect(paramsKey({ kind: 'embedding' })).toBe(paramsKey({ kind: 'embedding', images: 2_000, method: 'pca' }));
    expect(paramsKey({ kind: 'embedding', method: 'umap' })).not.toBe(paramsKey({ kind: 'embedding' }));
    expect(paramsKey({ kind: 'embedding', images: 100 })).not.toBe(paramsKey({ kind: 'evaluation', subset: 100 }));
    expect(paramsKey({ kind: 'hidden-states', image: 7 })).toBe('hidden-states|7');
  });
});

describe('convLayerNames / featureMapCount', () => {
  const tensors: TSnapshotTensor[] = [
    { layer: 'conv1', param: 'kernel', shape: [5, 5, 1, 32] },
    { layer: 'conv1', param: 'bias', shape: [32] },
    { layer: 'conv2', param: 'kernel', shape: [5, 5, 32, 64] },
    { layer: 'fc1', param: 'kernel', shape: [3136, 1024] },
  ];

  it('picks the layers with 4-d kernels', () => {
    expect(convLayerNames(tensors)).toEqual(['conv1', 'conv2']);
    expect(convLayerNames(undefined)).toEqual([]);
  });

  it('reads the number of maps from the kernel', () => {
    expect(featureMapCount(tensors, 'conv2')).toBe(64);
    expect(featureMapCount(tensors, 'fc1')).toBeUndefined();
  });
});

describe('parseFeatureMap', () => {
  it('reads blank as the strongest map and a number within the layer', () => {
    expect(parseFeatureMap('  ', 32)).toEqual({ ok: true, featureMap: undefined });
    expect(parseFeatureMap('0', 32)).toEqual({ ok: true, featureMap: 0 });
    expect(parseFeatureMap(' 31 ', 32)).toEqual({ ok: true, featureMap: 31 });
  });

  it('refuses other text and maps past the last one', () => {
    expect(parseFeatureMap('32', 32)).toEqual({ ok: false, message: 'This layer has 32 feature maps: use 0 to 31.' });
    expect(parseFeatureMap('-1', 32)).toEqual({
      ok: false,
      message: 'The feature map must be a whole number from 0 to 31 (or blank for the strongest).',
    });
    expect(parseFeatureMap('1.5', undefined)).toEqual({
      ok: false,
      message: 'The feature map must be a whole number (or blank for the strongest).',
    });
    expect(parseFeatureMap('500', undefined)).toEqual({ ok: true, featureMap: 500 });
  });
});
