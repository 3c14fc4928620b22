import type { TVisualizationCreateInput } from '@tensorscope/shared';
import { ZVisualization, ZVisualizationList } from '@tensorscope/shared';
import { apiGet, apiSend, apiUrl, runPath } from '../../../lib/api-client';

const visualizationPath = (id: string) => `/api/visualizations/${encodeURIComponent(id)}`;

export const visualizeApi = {
  /** Newest first; completed jobs carry their results (top-9 activations, image summaries). */
  listVisualizations: (runId: string, signal?: AbortSignal) => apiGet(ZVisualizationList, runPath(runId, '/visualizations'), signal),

  getVisualization: (id: string, signal?: AbortSignal) => apiGet(ZVisualization, visualizationPath(id), signal),

  /** 202: a queued job, or the cached completed one for the same step and params (unless `recompute`). */
  createVisualization: (runId: string, body: TVisualizationCreateInput) =>
    apiSend(ZVisualization, 'POST', runPath(runId, '/visualizations'), body),
};

/** A PNG of a visualization job. Immutable per job and name, so <img> and the HTTP cache handle it, like filterGridUrl. */
export function visualizationImageUrl(id: string, name: string): string {
  return apiUrl(`${visualizationPath(id)}/images/${encodeURIComponent(name)}.png`);
}
