import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** How one kind of series (scalar points, histograms) finds its last step and merges new points in. */
export interface TSeriesMerge<P> {
  lastStep(points: readonly P[] | undefined): number | undefined;
  /** Returns `existing` itself when nothing new arrived, so the cache (and the charts) keep their identity. */
  merge(existing: readonly P[], incoming: readonly P[]): P[];
}

/**
 * The query function of one incremental series. It asks only for steps after the last cached
 * one and merges the answer into the cache *as it is when the answer lands*, so points the
 * socket appended meanwhile are kept, and a reconnect fetches a few points rather than the
 * whole history.
 */
export async function fetchIncremental<P>(
  queryClient: QueryClient,
  key: QueryKey,
  series: TSeriesMerge<P>,
  fetchAfter: (afterStep: number | undefined) => Promise<{ points: P[] }>,
): Promise<{ points: P[] }> {
  const afterStep = series.lastStep(queryClient.getQueryData<{ points: P[] }>(key)?.points);
  const { points } = await fetchAfter(afterStep);
  const current = queryClient.getQueryData<{ points: P[] }>(key);
  if (!current) return { points: series.merge([], points) };
  const merged = series.merge(current.points, points);
  return merged === current.points ? current : { points: merged };
}
