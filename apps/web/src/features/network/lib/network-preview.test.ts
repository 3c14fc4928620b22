import { describe, expect, it } from 'vitest';
import { newLayerDraft, type TLayerDraft } from './layer-draft';
import { previewNetwork, shapeText } from './network-preview';

const mnist = { inputShape: [28, 28, 1], classes: 10 };
const edit = (draft: TLayerDraft, fields: Record<string, string>): TLayerDraft => ({ ...draft, fields: { ...draft.fields, ...fields } });

describe('previewNetwork', () => {
  it('gives each layer its output shape and parameters, the added head and the total', () => {
    const preview = previewNetwork([newLayerDraft('conv2d'), newLayerDraft('maxPool2d'), newLayerDraft('flatten')], mnist, 64);
    expect(preview.rows.map((r) => [r.name, r.outputShape && shapeText(r.outputShape), r.params])).toEqual([
      ['conv1', '[26, 26, 8]', 80],
      ['pool1', '[13, 13, 8]', 0],
      ['flatten1', '[1352]', 0],
    ]);
    expect(preview.head.map((l) => [l.name, l.params])).toEqual([['head', 13_530]]);
    expect(preview.paramCount).toBe(80 + 13_530);
    expect(preview.notes[0]).toMatch(/added a dense head of 10 units/);
    expect(preview.problems).toEqual([]);
    expect(preview.layers).toHaveLength(3);
  });

  it('puts a shape problem on its row and still shapes the layers before it', () => {
    const big = edit(newLayerDraft('conv2d'), { kernelSize: '40' });
    const preview = previewNetwork([newLayerDraft('conv2d'), big, newLayerDraft('flatten')], mnist);
    expect(preview.rows[0]!.outputShape).toEqual([26, 26, 8]);
    expect(preview.rows[1]!.problem).toMatch(/^layer 1 \(conv2d\): its kernel 40×40 is larger than its 26×26 input/);
    expect(preview.rows[2]!.outputShape).toBeUndefined();
    expect(preview.paramCount).toBeUndefined();
  });

  it('shapes the layers above a row whose field does not parse', () => {
    const preview = previewNetwork([newLayerDraft('conv2d'), edit(newLayerDraft('dense'), { units: 'x' })], mnist);
    expect(preview.rows[0]!.outputShape).toEqual([26, 26, 8]);
    expect(preview.rows[1]!.fieldErrors).toEqual({ units: 'units must be a number' });
    expect(preview.layers).toBeUndefined();
  });

  it('says what is missing: layers, a dataset, memory for the batch', () => {
    expect(previewNetwork([], mnist).problems).toEqual(['a network needs at least one layer']);
    expect(previewNetwork([newLayerDraft('flatten')], undefined).problems[0]).toMatch(/choose a dataset/);
    const wide = [edit(newLayerDraft('conv2d'), { filters: '4096', padding: 'same' }), newLayerDraft('flatten')];
    expect(previewNetwork(wide, mnist, 4096).problems.join()).toMatch(/parameters|GB/);
  });
});
