import { describe, expect, it } from 'vitest';
import { draftFromLayer, newLayerDraft } from './layer-draft';
import { draftsFromSpec, firstValueDrafts, layerIndexOfPath, parseNetworkDraft, presetDrafts } from './network-draft';
import { previewNetwork } from './network-preview';

describe('network drafts', () => {
  it('fits the presets to the dataset: logits per class, rows as steps', () => {
    const fashion = { inputShape: [28, 28, 1], classes: 10 };
    const lenet = presetDrafts('lenet5', { inputShape: [32, 32, 3], classes: 4 });
    expect(lenet.map((d) => d.fields.name)).toEqual(['conv1', 'pool1', 'conv2', 'pool2', 'flatten', 'fc1', 'fc2']);
    expect(lenet.at(-1)!.fields.units).toBe('4');
    const gru = presetDrafts('gru', { inputShape: [32, 32, 3], classes: 10 });
    expect(gru.map((d) => d.type)).toEqual(['reshape', 'gru', 'dense']);
    expect(gru[0]!.fields.targetShape).toBe('32, 96');
    // Unchanged on the course's data: the preset's parameter count.
    expect(previewNetwork(presetDrafts('lenet5', fashion), fashion).paramCount).toBe(3_274_634);
  });

  it('imports a stored topology, or starts empty when it cannot', () => {
    const keras = {
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'Flatten', config: { name: 'flat' } },
          { class_name: 'Dense', config: { name: 'out', units: 3 } },
        ],
      },
    };
    expect(draftsFromSpec({ keras }).map((d) => d.fields.name)).toEqual(['flat', 'out']);
    expect(draftsFromSpec({ keras: { class_name: 'Model' } })).toEqual([]);
  });

  it('finds the layer a path points into', () => {
    expect(layerIndexOfPath('network.layers.3')).toBe(3);
    expect(layerIndexOfPath('base.network.layers.12.filters')).toBe(12);
    expect(layerIndexOfPath('network')).toBeUndefined();
    expect(layerIndexOfPath('layers')).toBeUndefined();
  });

  it('reads lists only in sweep mode, and only in the fields a sweep varies', () => {
    const conv = newLayerDraft('conv2d');
    const listed = { ...conv, fields: { ...conv.fields, filters: '8, 16', kernelSize: '3, 5' } };
    const sweep = parseNetworkDraft([listed], true);
    expect(sweep.ok && sweep.axes).toEqual([
      { field: 'network.layers.0.filters', values: [8, 16] },
      { field: 'network.layers.0.kernelSize', values: [3, 5] },
    ]);
    expect(sweep.ok && sweep.layers[0]).toMatchObject({ filters: 8, kernelSize: 3 });
    expect(parseNetworkDraft([listed]).ok).toBe(false);
    expect(firstValueDrafts([listed])[0]!.fields).toMatchObject({ filters: '8', kernelSize: '3' });
    const dense = draftFromLayer({ type: 'dense', units: 4, activation: 'linear', useBias: true });
    expect(parseNetworkDraft([{ ...dense, fields: { ...dense.fields, name: 'a,b' } }], true).ok).toBe(false);
  });
});
