import type { TLayer, TNetworkProblem, TResolvedLayer } from '@tensorscope/shared';
import { inferNetwork, trainMemoryProblem } from '@tensorscope/shared';
import { parseLayerDraft, type TLayerDraft } from './layer-draft';

/*
 * What the layer editor shows beside each row while someone types: the layer's output shape and
 * parameters on the chosen dataset, or what is wrong with it (a field, or the shape it gets), from
 * the same inferNetwork the API refuses untrainable networks with.
 */

export interface TPreviewDataset {
  inputShape: readonly number[];
  classes: number;
}

export interface TLayerPreview {
  name?: string;
  outputShape?: number[];
  params?: number;
  /** Field messages (the box at fault), from parsing the row. */
  fieldErrors: Record<string, string>;
  /** What inference says of this layer (a kernel larger than its input…). */
  problem?: string;
}

export interface TNetworkPreview {
  rows: TLayerPreview[];
  /** Layers the server will add (the classifier head). */
  head: TResolvedLayer[];
  /** Set only when the whole network resolves. */
  paramCount?: number;
  notes: string[];
  /** Problems of the network as a whole (too many parameters, no layers, no dataset yet). */
  problems: string[];
  /** The stack every row parsed to, when they all did. */
  layers?: TLayer[];
}

/** Rows' shapes from inferring `layers` (a prefix of the stack: inference stops at the first layer at fault). */
function fillShapes(rows: TLayerPreview[], layers: readonly TLayer[], dataset: TPreviewDataset): void {
  if (layers.length === 0) return;
  const prefix = inferNetwork(layers, { inputShape: dataset.inputShape, classes: dataset.classes });
  if (!prefix.ok) return;
  for (const l of prefix.network.layers)
    if (!l.added && rows[l.index]) Object.assign(rows[l.index]!, { name: l.name, outputShape: l.outputShape, params: l.params });
}

/** The preview of a stack of drafts on a dataset (undefined: not chosen or not loaded yet). */
export function previewNetwork(drafts: readonly TLayerDraft[], dataset: TPreviewDataset | undefined, batchSize?: number): TNetworkPreview {
  const parsed = drafts.map((d) => parseLayerDraft(d));
  const rows: TLayerPreview[] = parsed.map((p) => ({ fieldErrors: p.ok ? {} : p.errors }));
  const preview: TNetworkPreview = { rows, head: [], notes: [], problems: [] };
  if (drafts.length === 0) {
    preview.problems.push('a network needs at least one layer');
    return preview;
  }
  const firstBad = parsed.findIndex((p) => !p.ok);
  const layers = parsed.flatMap((p) => (p.ok ? [p.layer] : []));
  if (firstBad === -1) preview.layers = layers;
  if (!dataset) {
    preview.problems.push('choose a dataset to see each layer’s output shape');
    return preview;
  }
  if (firstBad !== -1) {
    fillShapes(rows, layers.slice(0, firstBad), dataset);
    return preview;
  }
  const inferred = inferNetwork(layers, { inputShape: dataset.inputShape, classes: dataset.classes });
  if (!inferred.ok) {
    placeProblems(preview, inferred.problems);
    const at = inferred.problems.map((p) => p.index ?? layers.length).filter((i) => i < layers.length);
    fillShapes(rows, layers.slice(0, Math.min(layers.length, ...at)), dataset);
    return preview;
  }
  for (const l of inferred.network.layers) {
    if (l.added) preview.head.push(l);
    else Object.assign(rows[l.index]!, { name: l.name, outputShape: l.outputShape, params: l.params });
  }
  preview.paramCount = inferred.network.paramCount;
  preview.notes = inferred.network.notes;
  const memory = batchSize !== undefined ? trainMemoryProblem(inferred.network, batchSize) : undefined;
  if (memory) preview.problems.push(memory);
  return preview;
}

function placeProblems(preview: TNetworkPreview, problems: readonly TNetworkProblem[]): void {
  for (const p of problems) {
    const row = p.index !== null ? preview.rows[p.index] : undefined;
    if (row) row.problem ??= p.message;
    else preview.problems.push(p.message);
  }
}

/** "[26, 26, 8]" */
export const shapeText = (shape: readonly number[]): string => `[${shape.join(', ')}]`;
