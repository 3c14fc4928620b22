import { hashKey, type QueryClient } from '@tanstack/react-query';
import type { TScalarPoint, TScalarTag } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { runApi } from './runs.api';
import { fetchIncremental, type TSeriesMerge } from './incremental-series';
import { lastStep, mergeScalarPoints } from './scalar-series';

const SCALARS: TSeriesMerge<TScalarPoint> = { lastStep, merge: mergeScalarPoints };

/** Cached series (by query hash) read whole at their next fetch, per query client (see readWholeSeriesNext). */
const wholeNext = new WeakMap<QueryClient, Set<string>>();

/**
 * A finished run's series are read whole once more, not after their last cached step: an
 * incremental read cannot fill a point missed in the middle (a live event lost while the API
 * restarted), and a finished run never sends another. One whole read per cached series when the
 * run ends; later fetches (a remount, a focus) are incremental again. A series not cached yet is
 * read whole by its first fetch anyway.
 */
export function readWholeSeriesNext(queryClient: QueryClient, runId: string): void {
  const keys = wholeNext.get(queryClient) ?? new Set<string>();
  for (const query of queryClient.getQueryCache().findAll({ queryKey: runKeys.scalars(runId) })) keys.add(query.queryHash);
  wholeNext.set(queryClient, keys);
}

/** The query function of one tag's scalar series (incremental, see fetchIncremental); tests pass their own `getScalars`. */
export function fetchScalarSeries(
  queryClient: QueryClient,
  id: string,
  tag: TScalarTag,
  signal?: AbortSignal,
  getScalars = runApi.getScalars,
) {
  const key = runKeys.scalar(id, tag);
  // Taken at the start: a whole read that fails is retried incrementally, which still heals the end.
  const whole = wholeNext.get(queryClient)?.delete(hashKey(key)) ?? false;
  return fetchIncremental(queryClient, key, SCALARS, (afterStep) => getScalars(id, tag, whole ? undefined : afterStep, signal));
}
