import type { QueryClient } from '@tanstack/react-query';
import type { TRun, TRunList, TRunProgress, TScalarSeries, TScalarTag, TTaggedScalar } from '@tensorscope/shared';
import { FINISHED_STATUSES, runKeys } from '@tensorscope/shared';
import { mergeScalarPoints } from './scalar-series';

/*
 * Socket events only ever write into TanStack Query's cache: the cache is the one
 * place server data lives, and REST refetches are how it heals after any gap.
 */

/** A full run row arrived: it replaces the detail, and lists may now sort or filter differently. */
export function applyRunUpdated(queryClient: QueryClient, run: TRun): void {
  queryClient.setQueryData<TRun>(runKeys.detail(run.id), run);
  void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
  // A finished run gets no more points: one (incremental) fetch makes sure the charts end complete.
  if (FINISHED_STATUSES.includes(run.status)) {
    void queryClient.invalidateQueries({ queryKey: runKeys.scalars(run.id) });
  }
}

/** Progress ticks often, so it is patched in place (detail and list rows) without refetching. */
export function applyRunProgress(queryClient: QueryClient, runId: string, progress: TRunProgress): void {
  queryClient.setQueryData<TRun>(runKeys.detail(runId), (run) => (run ? { ...run, progress } : run));
  queryClient.setQueriesData<TRunList>({ queryKey: runKeys.lists() }, (list) => {
    if (!list || !list.items.some((run) => run.id === runId)) return list;
    return { ...list, items: list.items.map((run) => (run.id === runId ? { ...run, progress } : run)) };
  });
}

/**
 * New points are appended to each tag's cached series. A tag with no cached series yet is
 * left to its query: a partial series built from live points would hide the history
 * before it. If that query's first fetch is in flight, the points may be newer than what
 * it read, so it is refetched once it lands (incrementally, see useScalarSeries).
 */
export function applyRunScalars(queryClient: QueryClient, runId: string, points: readonly TTaggedScalar[]): void {
  const byTag = new Map<TScalarTag, TTaggedScalar[]>();
  for (const point of points) {
    const list = byTag.get(point.tag);
    if (list) list.push(point);
    else byTag.set(point.tag, [point]);
  }
  for (const [tag, tagged] of byTag) {
    const queryKey = runKeys.scalar(runId, tag);
    const fresh = tagged.map(({ step, wallTime, value }) => ({ step, wallTime, value }));
    if (queryClient.getQueryData<TScalarSeries>(queryKey)) {
      queryClient.setQueryData<TScalarSeries>(queryKey, (series) => {
        if (!series) return series;
        const merged = mergeScalarPoints(series.points, fresh);
        return merged === series.points ? series : { points: merged };
      });
    } else if (queryClient.getQueryState(queryKey)?.fetchStatus === 'fetching') {
      // Wait for the in-flight fetch (cancelRefetch: false joins it instead of restarting
      // it), then ask for whatever came after it.
      void queryClient
        .refetchQueries({ queryKey, exact: true }, { cancelRefetch: false })
        .then(() => queryClient.invalidateQueries({ queryKey, exact: true }, { cancelRefetch: false }));
    }
  }
}

/** After a reconnect the socket may have missed events: everything refetches from REST. */
export function applyReconnect(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: runKeys.all });
}
