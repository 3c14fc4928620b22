'use client';

import { LAYER_TYPES, type TLayerType } from '@tensorscope/shared';
import { useMemo, useState } from 'react';
import { Picker } from '../../../components/picker';
import { changeLayerType, draftFromLayer, networkDraftText, newLayerDraft, readNetworkDraft, type TLayerDraft } from '../lib/layer-draft';
import {
  NETWORK_PRESETS,
  firstValueDrafts,
  layerErrorKey,
  presetDrafts,
  type TLayerErrorKey,
  type TNetworkPreset,
} from '../lib/network-draft';
import { previewNetwork, shapeText, type TPreviewDataset } from '../lib/network-preview';
import { LayerRow } from './layer-row';
import { NetworkImport } from './network-import';
import { NetworkInputRow, NetworkLines, NetworkTotalRow } from './network-parts';

/**
 * The layer editor of a custom run: the stack as rows (type, fields, output shape, parameters),
 * recomputed in the browser at each keystroke with the API's own inference on the chosen
 * dataset; the head the server adds, the total and its notes below; presets and an import to
 * start from. Its value is the form's `network` text (see layer-draft.ts).
 */
export function LayerEditor({
  text,
  onChange,
  dataset,
  batchSize,
  errors,
  sweeping,
}: {
  text: string;
  onChange(text: string): void;
  dataset: TPreviewDataset | undefined;
  batchSize: number | undefined;
  errors: Partial<Record<TLayerErrorKey, string>>;
  sweeping: boolean;
}) {
  const drafts = useMemo(() => readNetworkDraft(text), [text]);
  // A sweep's lists ("8, 16, 32") are previewed as its first run.
  const preview = useMemo(
    () => previewNetwork(sweeping ? firstValueDrafts(drafts) : drafts, dataset, batchSize),
    [drafts, dataset, batchSize, sweeping],
  );
  const [adding, setAdding] = useState<TLayerType>('conv2d');
  const [preset, setPreset] = useState<TNetworkPreset>('lenet5');
  const [importing, setImporting] = useState(false);

  const set = (next: TLayerDraft[]) => onChange(networkDraftText(next));
  const update = (index: number, change: (d: TLayerDraft) => TLayerDraft) => set(drafts.map((d, i) => (i === index ? change(d) : d)));
  const move = (index: number, delta: -1 | 1) => {
    const next = [...drafts];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + delta, 0, moved);
    set(next);
  };
  // The shape a new or retyped layer will read: the output of the layer above (sizes a reshape).
  const inputAt = (index: number) => (index === 0 ? dataset?.inputShape : preview.rows[index - 1]?.outputShape);

  return (
    <div className="layer-editor" data-testid="layer-editor">
      <div className="layer-editor-toolbar">
        <Picker
          label="Start from"
          className="filter"
          testId="network-preset"
          options={Object.keys(NETWORK_PRESETS) as TNetworkPreset[]}
          optionLabel={(p) => NETWORK_PRESETS[p]}
          value={preset}
          onChange={setPreset}
        />
        <button type="button" className="button" data-testid="network-use-preset" onClick={() => set(presetDrafts(preset, dataset))}>
          Use preset
        </button>
        <button
          type="button"
          className="button"
          data-testid="network-import-toggle"
          aria-expanded={importing}
          onClick={() => setImporting(!importing)}
        >
          Import Keras / TF.js…
        </button>
        <button type="button" className="button" data-testid="network-clear" disabled={drafts.length === 0} onClick={() => set([])}>
          Clear
        </button>
      </div>
      {importing && <NetworkImport onImport={(layers) => set(layers.map(draftFromLayer))} />}
      <div className="table-wrap">
        <table className="table layer-table" data-testid="layer-table">
          <thead>
            <tr>
              <th>#</th>
              <th>type</th>
              <th>settings</th>
              <th>output shape</th>
              <th className="num">params</th>
              <th aria-label="actions" />
            </tr>
          </thead>
          <tbody>
            <NetworkInputRow shape={dataset?.inputShape} note={dataset ? 'the dataset’s images' : 'choose a dataset'} trailingCells={1} />
            {drafts.map((draft, index) => (
              <LayerRow
                key={draft.id}
                index={index}
                draft={draft}
                preview={preview.rows[index]}
                error={errors[layerErrorKey(index)]}
                last={index === drafts.length - 1}
                onChange={(key, value) => update(index, (d) => ({ ...d, fields: { ...d.fields, [key]: value } }))}
                onType={(type) => update(index, (d) => changeLayerType(d, type, inputAt(index)))}
                onMove={(delta) => move(index, delta)}
                onRemove={() => set(drafts.filter((_, i) => i !== index))}
              />
            ))}
            {preview.head.map((layer) => (
              <tr key={layer.name} data-testid="layer-head" className="layer-row--added">
                <td />
                <td>
                  {layer.type}
                  <div className="muted small mono">{layer.name}</div>
                </td>
                <td className="small">added by the server: one logit per class</td>
                <td className="mono">{shapeText(layer.outputShape)}</td>
                <td className="num mono">{layer.params.toLocaleString('en-US')}</td>
                <td />
              </tr>
            ))}
          </tbody>
          <NetworkTotalRow paramCount={preview.paramCount} testId="network-params" trailingCells={1} />
        </table>
      </div>
      <div className="layer-editor-add">
        <Picker label="Add" className="filter" testId="layer-add-type" options={LAYER_TYPES} value={adding} onChange={setAdding} />
        <button
          type="button"
          className="button"
          data-testid="layer-add"
          onClick={() =>
            set([...drafts, newLayerDraft(adding, drafts.length === 0 ? dataset?.inputShape : preview.rows.at(-1)?.outputShape)])
          }
        >
          Add layer
        </button>
        {sweeping && (
          <span className="muted small">a list in filters, units, kernel, strides, pool or rate (8, 16, 32) sweeps that layer field</span>
        )}
      </div>
      <NetworkLines lines={preview.notes} className="muted small network-notes" testId="network-notes" />
      <NetworkLines lines={preview.problems} className="field-error network-problems" testId="network-problems" />
    </div>
  );
}
