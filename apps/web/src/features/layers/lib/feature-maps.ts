import type { TResolvedNetwork, TRunConfig, TSnapshotTensor } from '@tensorscope/shared';
import { inputShapeOf } from '@tensorscope/shared';
import { CIFAR_TEST_SIZE } from '@tensorscope/shared';
import { layerComparator } from './layer-tags';

/*
 * Feature maps: what one layer of a stored snapshot computes for one CIFAR-10 test image,
 * drawn by the API as a PNG (GET …/snapshots/:step/activations/:layer.png). Conv and pool
 * layers come back as one gray tile per channel in a near-square grid, dense layers as a
 * 1 × units strip. These helpers choose the layers, estimate the output shapes and pick a
 * zoom that keeps the image a readable size.
 */

/** A flatten or reshape only repeats its input in another shape, a dropout its input at test time: nothing new to look at. */
const SKIPPED_TYPES = new Set(['flatten', 'reshape', 'dropout']);

/**
 * The layers to offer, in the order of the run's network: those with activation statistics
 * (every layer of a run that measured probes) plus those with weights in the snapshot (conv and
 * dense), so a run with `probeImages: 0` still offers its conv and dense layers.
 */
export function featureMapLayers(
  activationLayers: readonly string[],
  tensors: readonly TSnapshotTensor[],
  network?: TResolvedNetwork,
): string[] {
  const layers = new Set<string>(activationLayers);
  for (const t of tensors) if (t.param === 'kernel' && (t.shape.length === 4 || t.shape.length === 2)) layers.add(t.layer);
  const skipped = new Set(['flatten', ...(network?.layers ?? []).filter((l) => SKIPPED_TYPES.has(l.type)).map((l) => l.name)]);
  const order = (network?.layers ?? []).map((l) => l.name);
  return [...layers].filter((l) => !skipped.has(l)).sort(layerComparator(order));
}

/** Height in pixels of the images a run reads (28 for MNIST-sized data, 32 for CIFAR-10 RGB, an upload's own). */
export const inputSide = (config: TRunConfig): number => inputShapeOf(config)?.[0] ?? 28;

/** Each layer's output shape, [h, w, channels] or [units], by name: the run's network says it exactly. */
export function featureMapShapes(network: TResolvedNetwork | undefined): Map<string, number[]> {
  return new Map((network?.layers ?? []).map((l) => [l.name, l.outputShape] as const));
}

/** The grid of tiles as the API lays it out: ⌈√c⌉ columns, separators growing with the zoom. */
const TARGET_WIDTH = 720;
const TARGET_HEIGHT = 720;
const MAX_GRID_ZOOM = 16;
/** A dense strip is stretched to its box by CSS; the zoom only keeps it near 1,000 px wide. */
const TARGET_STRIP_WIDTH = 1024;
export const MAX_ZOOM = 32;
/** When the shape is unknown: 4 suits a conv layer, 1 a wide dense one. */
const FALLBACK_GRID_ZOOM = 4;
const FALLBACK_STRIP_ZOOM = 1;

const clampZoom = (zoom: number, max: number) => Math.max(1, Math.min(max, Math.floor(zoom)));
const separatorFor = (zoom: number) => Math.max(1, Math.floor(zoom / 4));

/** Whether the layer's output is a 1-d strip (dense) rather than feature maps. */
export const isStrip = (layer: string, shape: readonly number[] | undefined) => (shape ? shape.length === 1 : /^(fc|dense)/i.test(layer));

/**
 * Pixels per activation value for the feature-map PNG: conv1 28×28×32 → 4 (≈ 680 px wide),
 * pool2 7×7×64 → 12, fc1 1024 units → 1, fc2 10 units → 32 (a 320 px strip).
 */
export function featureMapZoom(layer: string, shape: readonly number[] | undefined): number {
  if (!shape || shape.length === 0 || shape.some((d) => !Number.isFinite(d) || d < 1)) {
    return isStrip(layer, shape) ? FALLBACK_STRIP_ZOOM : FALLBACK_GRID_ZOOM;
  }
  if (shape.length === 1) return clampZoom(TARGET_STRIP_WIDTH / shape[0]!, MAX_ZOOM);
  const [h = 1, w = 1, c = 1] = shape;
  const cols = Math.max(1, Math.ceil(Math.sqrt(c)));
  const rows = Math.max(1, Math.ceil(c / cols));
  let zoom = clampZoom(Math.min(TARGET_WIDTH / (cols * w), TARGET_HEIGHT / (rows * h)), MAX_GRID_ZOOM);
  // The separators add a little; step down if they push the grid past the target.
  while (zoom > 1 && cols * w * zoom + (cols - 1) * separatorFor(zoom) > TARGET_WIDTH) zoom--;
  return zoom;
}

export const MAX_IMAGE_INDEX = CIFAR_TEST_SIZE - 1;

export type TImageIndexParse = { ok: true; index: number } | { ok: false; message: string };

/** The test-image field: a whole number 0 … 9,999. */
export function parseImageIndex(text: string): TImageIndexParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a test image index.' };
  if (!/^\d+$/.test(trimmed))
    return { ok: false, message: `The image index must be a whole number from 0 to ${MAX_IMAGE_INDEX.toLocaleString('en-US')}.` };
  const index = Number(trimmed);
  if (index > MAX_IMAGE_INDEX) {
    return {
      ok: false,
      message: `The test split has ${CIFAR_TEST_SIZE.toLocaleString('en-US')} images: use 0 to ${MAX_IMAGE_INDEX.toLocaleString('en-US')}.`,
    };
  }
  return { ok: true, index };
}

/** Previous / next image, kept inside the test split. */
export const stepImageIndex = (index: number, delta: number) => Math.max(0, Math.min(MAX_IMAGE_INDEX, index + delta));

/** "28×28×32" or "1,024 units", for the caption. */
export function describeShape(shape: readonly number[] | undefined): string | null {
  if (!shape) return null;
  if (shape.length === 1) return `${shape[0]!.toLocaleString('en-US')} units`;
  const [h, w, c] = shape;
  return `${c} channels of ${h}×${w}`;
}

/** Dense layers up to this many units are drawn as labelled bars (fc2's 10 logits); wider ones stay a strip. */
export const BAR_CHART_MAX_UNITS = 32;

/**
 * A dense layer's values as labelled bars: the output layer's units are the classes (named),
 * any other layer's are "unit i". The largest value is marked (the class the net picks, for the
 * output layer). Null when the layer is too wide for bars to be read.
 */
export function unitBars(
  values: readonly number[] | null,
  classNames: readonly string[] | null,
): { label: string; value: number; strong: boolean }[] | null {
  if (!values || values.length === 0 || values.length > BAR_CHART_MAX_UNITS) return null;
  const top = values.reduce((best, v, i) => (v > values[best]! ? i : best), 0);
  const named = classNames !== null && classNames.length === values.length;
  return values.map((value, i) => ({ label: named ? classNames[i]! : `unit ${i}`, value, strong: i === top }));
}
