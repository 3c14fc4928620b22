import type { Visualization as VisualizationRow } from '@prisma/client';
import { ZVisualizationParams, ZVisualizationResult, type TVisualization } from '@tensorscope/shared';

/** Row → public TVisualization; stored JSON is parsed, so a bad row fails here, loudly. */
export function toVisualization(row: VisualizationRow): TVisualization {
  const params = ZVisualizationParams.parse(row.params);
  return {
    id: row.id,
    runId: row.runId,
    step: row.step,
    kind: params.kind,
    params,
    status: row.status,
    progress: row.progress,
    error: row.error,
    result: row.result === null ? null : ZVisualizationResult.parse(row.result),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The cache key: the validated params as JSON with sorted keys (key order never splits a cache entry). */
export function paramsKey(params: object): string {
  const sorted = Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify(sorted);
}
