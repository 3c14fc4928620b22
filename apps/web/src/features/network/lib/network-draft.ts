import type { TLayer, TNetworkPath, TNetworkSpec, TRecurrentModel, TSweepAxis } from '@tensorscope/shared';
import { NETWORK_PATH_FIELDS, importKerasTopology, lenet5Layers, recurrentLayers } from '@tensorscope/shared';
import { parseNumberList, splitList } from '../../runs/lib/value-list';
import { LAYER_FIELDS, draftFromLayer, newLayerDraft, parseLayerDraft, type TLayerDraft } from './layer-draft';
import type { TPreviewDataset } from './network-preview';

/*
 * The layer editor's stack as a whole: where it starts (a small CNN, a course preset, an import,
 * a cloned run) and how it becomes the `network` of a run config, or of a sweep's base plus one
 * axis per layer field that holds a list ("8, 16, 32" in a conv's filters box).
 */

/** Where a layer error goes in the form's errors: the row of that layer. */
export type TLayerErrorKey = `network.layers.${number}`;
export const layerErrorKey = (index: number): TLayerErrorKey => `network.layers.${index}`;

/** The layer a path points into ("network.layers.3.filters", "base.network.layers.3" → 3), or undefined. */
export function layerIndexOfPath(path: string): number | undefined {
  const match = /(?:^|\.)network\.layers\.(\d+)(?:\.|$)/.exec(path);
  return match ? Number(match[1]) : undefined;
}

/** What a new custom run starts with: a small CNN whose classifier head the server adds (and the editor shows). */
export function defaultNetworkDrafts(): TLayerDraft[] {
  return [newLayerDraft('conv2d'), newLayerDraft('maxPool2d'), newLayerDraft('flatten')];
}

export const NETWORK_PRESETS = { lenet5: 'LeNet-5', rnn: 'RNN body', lstm: 'LSTM body', gru: 'GRU body' } as const;
export type TNetworkPreset = keyof typeof NETWORK_PRESETS;

/**
 * A course model's layers to edit, fitted to the chosen dataset: its last layer gives one logit
 * per class, and a recurrent body reads the images' rows ([h, w·c]).
 */
export function presetDrafts(preset: TNetworkPreset, dataset: TPreviewDataset | undefined): TLayerDraft[] {
  const layers: TLayer[] =
    preset === 'lenet5' ? lenet5Layers() : recurrentLayers({ model: preset as TRecurrentModel, hiddenSize: 128, layers: 1, dropout: 0 });
  const fitted = layers.map((layer, i): TLayer => {
    if (!dataset) return layer;
    if (i === layers.length - 1 && layer.type === 'dense') return { ...layer, units: dataset.classes };
    const [h, w, c] = dataset.inputShape;
    if (layer.type === 'reshape' && h !== undefined && w !== undefined && c !== undefined) return { ...layer, targetShape: [h, w * c] };
    return layer;
  });
  return fitted.map(draftFromLayer);
}

/** A stored network (a cloned run's) as drafts; a topology is imported first (empty if it cannot be). */
export function draftsFromSpec(spec: TNetworkSpec): TLayerDraft[] {
  if ('layers' in spec) return spec.layers.map(draftFromLayer);
  const imported = importKerasTopology(spec.keras);
  return imported.ok ? imported.layers.map(draftFromLayer) : [];
}

export type TNetworkDraftParse = { ok: true; layers: TLayer[]; axes: TSweepAxis[] } | { ok: false; errors: Record<TLayerErrorKey, string> };

const isPathField = (key: string) => (NETWORK_PATH_FIELDS as readonly string[]).includes(key);

/**
 * The drafts → a layer stack, or one message per layer at fault. With `lists` (sweep mode) a
 * layer field a sweep can vary (filters, units, kernelSize, strides, poolSize, rate) may hold
 * a list: the stack takes its first value and the list becomes the axis network.layers.N.field.
 */
export function parseNetworkDraft(drafts: readonly TLayerDraft[], lists = false): TNetworkDraftParse {
  const errors: Record<TLayerErrorKey, string> = {};
  const layers: TLayer[] = [];
  const axes: TSweepAxis[] = [];
  drafts.forEach((draft, index) => {
    const override: Record<string, unknown> = {};
    const listErrors: string[] = [];
    if (lists)
      for (const spec of LAYER_FIELDS[draft.type]) {
        const text = draft.fields[spec.key] ?? '';
        if (!isPathField(spec.key) || !text.includes(',')) continue;
        const parsed = parseNumberList(spec.key, text);
        if (!parsed.ok) listErrors.push(`${parsed.message} (a swept ${spec.key} takes single numbers)`);
        else if (parsed.values.length > 0) {
          override[spec.key] = parsed.values[0];
          if (parsed.values.length > 1) axes.push({ field: `network.layers.${index}.${spec.key}` as TNetworkPath, values: parsed.values });
        }
      }
    const parsed = parseLayerDraft(draft, override);
    const message = listErrors[0] ?? (parsed.ok ? undefined : Object.values(parsed.errors)[0]);
    if (message !== undefined) errors[layerErrorKey(index)] = `layer ${index} (${draft.type}): ${message}`;
    else if (parsed.ok) layers.push(parsed.layer);
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, layers, axes };
}

/** Sweep mode's drafts as the first run of the sweep reads them (each list's first value), for the live preview. */
export function firstValueDrafts(drafts: readonly TLayerDraft[]): TLayerDraft[] {
  return drafts.map((draft) => {
    const fields = { ...draft.fields };
    for (const [key, text] of Object.entries(fields)) if (isPathField(key) && text.includes(',')) fields[key] = splitList(text)[0] ?? '';
    return { ...draft, fields };
  });
}
