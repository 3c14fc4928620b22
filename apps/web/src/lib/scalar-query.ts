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

/** Live points of series whose first fetch was out when they came (per query client, by query hash). */
const liveWhileFetching = new WeakMap<QueryClient, Map<string, TScalarPoint[]>>();

/**
 * Keeps live points of a series that has no cached data yet while its first fetch is out: that
 * fetch may have read the database before they were written, and once it lands the next live
 * point would be appended after them, so an incremental read would never fill them. The fetch
 * merges them in when it lands (fetchScalarSeries).
 */
export function holdLivePoints(queryClient: QueryClient, runId: string, tag: TScalarTag, points: readonly TScalarPoint[]): void {
  const byKey = liveWhileFetching.get(queryClient) ?? new Map<string, TScalarPoint[]>();
  liveWhileFetching.set(queryClient, byKey);
  const hash = hashKey(runKeys.scalar(runId, tag));
  byKey.set(hash, [...(byKey.get(hash) ?? []), ...points]);
}

/** The query function of one tag's scalar series (incremental, see fetchIncremental); tests pass their own `getScalars`. */
export async function fetchScalarSeries(
  queryClient: QueryClient,
  id: string,
  tag: TScalarTag,
  signal?: AbortSignal,
  getScalars = runApi.getScalars,
) {
  const key = runKeys.scalar(id, tag);
  // Taken at the start: a whole read that fails is retried incrementally, which still heals the end.
  const whole = wholeNext.get(queryClient)?.delete(hashKey(key)) ?? false;
  const series = await fetchIncremental(queryClient, key, SCALARS, (afterStep) =>
    getScalars(id, tag, whole ? undefined : afterStep, signal),
  );
  // Taken when the answer is in: points held until now are all covered by it or merged here.
  const held = liveWhileFetching.get(queryClient);
  const live = held?.get(hashKey(key));
  if (!live) return series;
  held!.delete(hashKey(key));
  const merged = mergeScalarPoints(series.points, live);
  return merged === series.points ? series : { points: merged };
}
