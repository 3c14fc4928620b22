import { LAYER_TYPES, lenet5Layers } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { changeLayerType, draftFromLayer, networkDraftText, newLayerDraft, parseLayerDraft, readNetworkDraft } from './layer-draft';

describe('layer drafts', () => {
  it('start every type from the schema’s defaults and parse back to a valid layer', () => {
    for (const type of LAYER_TYPES) {
      const parsed = parseLayerDraft(newLayerDraft(type, [28, 28, 1]));
      expect(parsed.ok, type).toBe(true);
    }
    expect(newLayerDraft('conv2d').fields).toMatchObject({
      filters: '8',
      kernelSize: '3',
      strides: '1',
      padding: 'valid',
      useBias: 'true',
      name: '',
    });
    expect(newLayerDraft('reshape', [28, 28, 3]).fields.targetShape).toBe('28, 84');
  });

  it('round-trip a preset, names and windows included', () => {
    const lenet = lenet5Layers();
    expect(lenet.map((l) => parseLayerDraft(draftFromLayer(l)))).toEqual(lenet.map((layer) => ({ ok: true, layer })));
  });

  it('read "3x5" as a window and "28, 28" as a shape', () => {
    const conv = newLayerDraft('conv2d');
    const parsed = parseLayerDraft({ ...conv, fields: { ...conv.fields, kernelSize: '3x5', strides: '2 × 1' } });
    expect(parsed.ok && parsed.layer).toMatchObject({ kernelSize: [3, 5], strides: [2, 1] });
    const reshape = parseLayerDraft({ ...newLayerDraft('reshape'), fields: { targetShape: '7, 112', name: '' } });
    expect(reshape.ok && reshape.layer).toMatchObject({ targetShape: [7, 112] });
  });

  it('name each field at fault with the API’s message', () => {
    const conv = newLayerDraft('conv2d');
    const parsed = parseLayerDraft({ ...conv, fields: { ...conv.fields, filters: '0', kernelSize: 'big', name: '9lives' } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.kernelSize).toMatch(/size \(3\) or height x width/);
    // zod's checks run only once every box reads as a value: fix the kernel and the others show.
    const next = parseLayerDraft({ ...conv, fields: { ...conv.fields, filters: '0', name: '9lives' } });
    expect(next.ok ? {} : next.errors).toEqual({
      filters: 'filters must be at least 1',
      name: expect.stringMatching(/starts with a letter/),
    });
    const blank = parseLayerDraft({ ...conv, fields: { ...conv.fields, filters: '' } });
    expect(blank.ok ? {} : blank.errors).toEqual({ filters: 'filters must be a number' });
  });

  it('keep shared fields and the name when the type changes', () => {
    const dense = newLayerDraft('dense');
    const lstm = changeLayerType({ ...dense, fields: { ...dense.fields, units: '256', name: 'mem' } }, 'lstm');
    expect(lstm.id).toBe(dense.id);
    expect(lstm.fields).toEqual({ units: '256', returnSequences: 'false', name: 'mem' });
  });

  it('keep the stack as the form’s text, unreadable text as an empty stack', () => {
    const drafts = [newLayerDraft('flatten'), newLayerDraft('dense')];
    expect(readNetworkDraft(networkDraftText(drafts))).toEqual(drafts);
    expect(readNetworkDraft('')).toEqual([]);
    expect(readNetworkDraft('{oops')).toEqual([]);
  });
});
