import type { TRunConfigInput, TRunListQuery, TRunUpdateInput, TScalarTag } from '@tensorscope/shared';
import { ZRun, ZRunEvents, ZRunList, ZRunLogs, ZRunTags, ZScalarSeries } from '@tensorscope/shared';
import { z } from 'zod';
import { apiGet, apiSend, runPath } from './api-client';

/*
 * The run resource. Every feature reads runs (the list, a run's page, sweeps, compare, the
 * layers' scalars) and the socket catches up through its events, so these endpoints are shared;
 * the endpoints only one feature uses live in that feature (features/<feature>/lib/*.api.ts).
 */

/** Drops empty filters so the URL (and the cache key built from the same object) stays minimal. */
export function runListSearch(query: Partial<TRunListQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** `?tag=…[&afterStep=…]` of the incremental series endpoints (scalars, histograms). */
export function seriesSearch(tag: string, afterStep: number | undefined): string {
  const params = new URLSearchParams({ tag });
  if (afterStep !== undefined) params.set('afterStep', String(afterStep));
  return `?${params}`;
}

export const runApi = {
  listRuns: (query: Partial<TRunListQuery>, signal?: AbortSignal) => apiGet(ZRunList, `/api/runs${runListSearch(query)}`, signal),

  getRun: (id: string, signal?: AbortSignal) => apiGet(ZRun, runPath(id), signal),
  getRunLogs: (id: string, signal?: AbortSignal) => apiGet(ZRunLogs, runPath(id, '/logs'), signal),

  getScalars: (id: string, tag: TScalarTag, afterStep: number | undefined, signal?: AbortSignal) =>
    apiGet(ZScalarSeries, runPath(id, `/scalars${seriesSearch(tag, afterStep)}`), signal),

  /** Which scalar and histogram tags the run has logged so far. */
  getTags: (id: string, signal?: AbortSignal) => apiGet(ZRunTags, runPath(id, '/tags'), signal),

  createRun: (config: TRunConfigInput) => apiSend(ZRun, 'POST', '/api/runs', config),

  cancelRun: (id: string) => apiSend(ZRun, 'POST', runPath(id, '/cancel')),

  /** Rename, notes, tags, archive or restore (owner or admin); answers the updated run. */
  updateRun: (id: string, body: TRunUpdateInput) => apiSend(ZRun, 'PATCH', runPath(id), body),

  /** 204; 409 while the run is queued or running. */
  deleteRun: (id: string) => apiSend(z.undefined(), 'DELETE', runPath(id)),

  /**
   * What the run published after `afterSeq`, for a socket that missed some. Its events are
   * applied to the cache as they come: a malformed answer fails the catch-up, which then
   * refetches the run instead.
   */
  getRunEvents: (id: string, afterSeq: number, signal?: AbortSignal) =>
    apiGet(ZRunEvents, runPath(id, `/events?${new URLSearchParams({ afterSeq: String(afterSeq) })}`), signal),
};
