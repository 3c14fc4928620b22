import type { TFilterGridQuery } from '@tensorscope/shared';
import { ZHistogramSeries, ZLayerProbe, ZSnapshotList } from '@tensorscope/shared';
import { apiGet, apiUrl, runPath } from '../../../lib/api-client';
import { seriesSearch } from '../../../lib/runs.api';

export const layersApi = {
  getHistograms: (id: string, tag: string, afterStep: number | undefined, signal?: AbortSignal) =>
    apiGet(ZHistogramSeries, runPath(id, `/histograms${seriesSearch(tag, afterStep)}`), signal),

  getSnapshots: (id: string, signal?: AbortSignal) => apiGet(ZSnapshotList, runPath(id, '/snapshots'), signal),

  /** What the feature maps of `layer` are of: the input image, its label, a dense layer's values. */
  getLayerProbe: (id: string, step: number, layer: string, image: number, signal?: AbortSignal) =>
    apiGet(ZLayerProbe, runPath(id, `/snapshots/${step}/activations/${encodeURIComponent(layer)}/probe?image=${image}`), signal),
};

/**
 * The filter-grid PNG of a stored snapshot. Loaded by an <img>, not through the query
 * cache: the image is immutable per run/step/layer/scale, so the browser's HTTP cache
 * is the right place for it.
 */
export function filterGridUrl(id: string, step: number, layer: string, query: TFilterGridQuery): string {
  const params = new URLSearchParams({ scale: query.scale, zoom: String(query.zoom) });
  if (query.filter !== undefined) params.set('filter', String(query.filter));
  return apiUrl(runPath(id, `/snapshots/${step}/filters/${encodeURIComponent(layer)}.png?${params}`));
}

/** Query of the feature-map PNG: a test image of the run's CIFAR-10 split (0 … 9,999) and pixels per value (1 … 32). */
export interface TActivationMapsQuery {
  image: number;
  zoom: number;
}

/**
 * The feature-map PNG of a stored snapshot: what `layer` computes for one test image (a gray
 * tile per channel for conv/pool layers, a 1 × units strip for dense ones). Immutable per
 * run/step/layer/image/zoom, so it is loaded by an <img> and left to the HTTP cache, like
 * filterGridUrl.
 */
export function activationMapsUrl(id: string, step: number, layer: string, query: TActivationMapsQuery): string {
  const params = new URLSearchParams({ image: String(query.image), zoom: String(query.zoom) });
  return apiUrl(runPath(id, `/snapshots/${step}/activations/${encodeURIComponent(layer)}.png?${params}`));
}
