import type { TEmbeddingMethod, TSnapshotTensor, TVisualizationParams } from '@tensorscope/shared';
import { CIFAR_TEST_SIZE, EMBEDDING_MAX_IMAGES } from '@tensorscope/shared';

/*
 * What the Visualize tab asks the API for, and how two requests are recognised as the same one.
 * The API fills defaults (subset = the whole test split, occluder 6 px at stride 2) before it
 * stores a job, but a stored job may also have them spelled out: comparing the normalised form
 * finds a cached result either way.
 */

/** Both datasets' test splits hold 10,000 images; a top-9 search over all of them is the default. */
export const FULL_SUBSET = CIFAR_TEST_SIZE;
/** Subsets offered: all, or fewer images for a quick look (minutes → seconds on a CPU worker). */
export const SUBSET_OPTIONS = [FULL_SUBSET, 5_000, 1_000, 200] as const;
export const DEFAULT_OCCLUSION_SIZE = 6;
export const DEFAULT_OCCLUSION_STRIDE = 2;

export interface TTop9Wanted {
  kind: 'top9';
  layer: string;
  subset?: number;
}
export interface TImageWanted {
  kind: 'image';
  layer: string;
  image: number;
  /** Unset: the API projects the map with the strongest activation on this image. */
  featureMap?: number;
  occlusionSize?: number;
  occlusionStride?: number;
}
/** The evaluation kinds (features/evaluate) share the job list, so they are matched here too. */
export interface TEvaluationWanted {
  kind: 'evaluation';
  subset?: number;
}
export interface TEmbeddingWanted {
  kind: 'embedding';
  images?: number;
  method?: TEmbeddingMethod;
}
export interface THiddenStatesWanted {
  kind: 'hidden-states';
  image: number;
}
/** Parameters as requested (defaults may be left out), assignable to the POST body. */
export type TWantedParams = TTop9Wanted | TImageWanted | TEvaluationWanted | TEmbeddingWanted | THiddenStatesWanted;

/** Top-9 parameters; the whole split is sent as "no subset" so the URL-less cache key stays canonical. */
export function top9Params(layer: string, subset: number): TTop9Wanted {
  return subset >= FULL_SUBSET ? { kind: 'top9', layer } : { kind: 'top9', layer, subset };
}

export function imageParams(layer: string, image: number, featureMap: number | undefined): TImageWanted {
  return featureMap === undefined ? { kind: 'image', layer, image } : { kind: 'image', layer, image, featureMap };
}

/** One string per distinct job: equal keys mean the API computes (and caches) the same thing. */
export function paramsKey(params: TWantedParams | TVisualizationParams): string {
  if (params.kind === 'top9') return `top9|${params.layer}|${params.subset ?? FULL_SUBSET}`;
  if (params.kind === 'evaluation') return `evaluation|${params.subset ?? FULL_SUBSET}`;
  if (params.kind === 'embedding') return `embedding|${params.images ?? EMBEDDING_MAX_IMAGES}|${params.method ?? 'pca'}`;
  if (params.kind === 'hidden-states') return `hidden-states|${params.image}`;
  return [
    'image',
    params.layer,
    params.image,
    params.featureMap ?? 'strongest',
    params.occlusionSize ?? DEFAULT_OCCLUSION_SIZE,
    params.occlusionStride ?? DEFAULT_OCCLUSION_STRIDE,
  ].join('|');
}

/** Conv layers of a snapshot (4-d kernels: [height, width, in, out]), in the snapshot's order. */
export function convLayerNames(tensors: readonly TSnapshotTensor[] | undefined): string[] {
  const names: string[] = [];
  for (const t of tensors ?? []) if (t.param === 'kernel' && t.shape.length === 4 && !names.includes(t.layer)) names.push(t.layer);
  return names;
}

/** Feature maps of a conv layer: the kernel's last dimension (undefined when the snapshot lacks it). */
export function featureMapCount(tensors: readonly TSnapshotTensor[] | undefined, layer: string): number | undefined {
  const kernel = tensors?.find((t) => t.layer === layer && t.param === 'kernel' && t.shape.length === 4);
  return kernel?.shape[3];
}

export type TFeatureMapParse = { ok: true; featureMap: number | undefined } | { ok: false; message: string };

/** The image form's feature-map field: blank = the strongest map on that image, else 0 … count − 1. */
export function parseFeatureMap(text: string, count: number | undefined): TFeatureMapParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, featureMap: undefined };
  const range = count === undefined ? 'a whole number' : `a whole number from 0 to ${count - 1}`;
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: `The feature map must be ${range} (or blank for the strongest).` };
  const featureMap = Number(trimmed);
  if (count !== undefined && featureMap >= count)
    return { ok: false, message: `This layer has ${count} feature maps: use 0 to ${count - 1}.` };
  return { ok: true, featureMap };
}
