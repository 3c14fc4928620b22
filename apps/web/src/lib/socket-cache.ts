import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type {
  THistogramSeries,
  TRun,
  TRunList,
  TRunProgress,
  TRunTags,
  TScalarSeries,
  TScalarTag,
  TSnapshotList,
  TTaggedScalar,
  TVisualizationList,
} from '@tensorscope/shared';
import { FINISHED_STATUSES, runKeys, sweepKeys } from '@tensorscope/shared';
import { lastHistogramStep } from './histogram-series';
import { mergeScalarPoints } from './scalar-series';
import { isActive } from './visualization-match';

/*
 * Socket events only ever write into TanStack Query's cache: the cache is the one
 * place server data lives, and REST refetches are how it heals after any gap.
 */

/** A full run row arrived: it replaces the detail, and lists may now sort or filter differently. */
export function applyRunUpdated(queryClient: QueryClient, run: TRun): void {
  queryClient.setQueryData<TRun>(runKeys.detail(run.id), run);
  void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
  // A sweep's status counts are summed from its runs' rows: they may have just changed.
  if (run.sweepId) {
    void queryClient.invalidateQueries({ queryKey: sweepKeys.detail(run.sweepId), exact: true });
    void queryClient.invalidateQueries({ queryKey: sweepKeys.list(), exact: true });
  }
  // A finished run gets no more points: one (incremental) fetch makes sure the charts end complete.
  if (FINISHED_STATUSES.includes(run.status)) {
    void queryClient.invalidateQueries({ queryKey: runKeys.scalars(run.id) });
    // The same goes for the Layers tab: the final snapshot, last histograms and their tags.
    void queryClient.invalidateQueries({ queryKey: runKeys.tags(run.id) });
    void queryClient.invalidateQueries({ queryKey: runKeys.histograms(run.id) });
    void queryClient.invalidateQueries({ queryKey: runKeys.snapshots(run.id) });
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
  invalidateTagsIfNew(queryClient, runId, 'scalars', [...byTag.keys()]);
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

/**
 * A tag the cached tag list doesn't know means the Layers tab has something new to offer
 * (the first layer statistics of a run, say): the list is refetched. Uncached: nothing to do.
 */
function invalidateTagsIfNew(queryClient: QueryClient, runId: string, kind: keyof TRunTags, tags: readonly string[]): void {
  const cached = queryClient.getQueryData<TRunTags>(runKeys.tags(runId));
  if (!cached) return;
  const known = new Set(cached[kind]);
  if (tags.some((tag) => !known.has(tag))) void queryClient.invalidateQueries({ queryKey: runKeys.tags(runId), exact: true });
}

/**
 * Refetches one query. If a fetch is already in flight it may have read the server before
 * the news, so it is joined (not cancelled: cancelling on every signal could starve it) and
 * one more fetch follows. Only active queries refetch; inactive ones are just marked stale.
 */
function refetchAfterInFlight(queryClient: QueryClient, queryKey: QueryKey): void {
  if (queryClient.getQueryState(queryKey)?.fetchStatus === 'fetching') {
    void queryClient
      .refetchQueries({ queryKey, exact: true }, { cancelRefetch: false })
      .then(() => queryClient.invalidateQueries({ queryKey, exact: true }, { cancelRefetch: false }));
  } else {
    void queryClient.invalidateQueries({ queryKey, exact: true });
  }
}

/**
 * `run:histograms` is only a signal (histograms are too big for the bus): each named tag
 * whose cached series lacks `step` refetches incrementally (afterStep = its last step).
 * A tag nobody has fetched is left alone; its first fetch will include this step.
 */
export function applyRunHistograms(queryClient: QueryClient, runId: string, step: number, tags: readonly string[]): void {
  invalidateTagsIfNew(queryClient, runId, 'histograms', tags);
  for (const tag of tags) {
    const queryKey = runKeys.histogram(runId, tag);
    const state = queryClient.getQueryState<THistogramSeries>(queryKey);
    if (!state) continue;
    const last = lastHistogramStep(state.data?.points);
    if (last !== undefined && last >= step) continue;
    refetchAfterInFlight(queryClient, queryKey);
  }
}

/** A new weight snapshot: the (small) snapshot list is refetched, unless it already has it. */
export function applyRunSnapshot(queryClient: QueryClient, runId: string, step: number): void {
  const queryKey = runKeys.snapshots(runId);
  const state = queryClient.getQueryState<TSnapshotList>(queryKey);
  if (!state) return;
  if (state.data?.snapshots.some((s) => s.step === step)) return;
  refetchAfterInFlight(queryClient, queryKey);
}

/**
 * `run:visualization` is a signal: a job changed (queued, progress, done, failed). The job's own
 * query is invalidated (it refetches only while the Visualize tab watches it). The run's list,
 * which carries every finished result, is refetched only when the news isn't covered by a
 * watched job: an id it doesn't know (a job started elsewhere) or one it holds as finished (a
 * recompute started elsewhere). Progress ticks of a job in flight so cost one small GET, not the list.
 */
export function applyRunVisualization(queryClient: QueryClient, runId: string, visualizationId: string): void {
  void queryClient.invalidateQueries({ queryKey: runKeys.visualization(runId, visualizationId), exact: true });
  const listKey = runKeys.visualizations(runId);
  const list = queryClient.getQueryData<TVisualizationList>(listKey);
  const known = list?.items.find((v) => v.id === visualizationId);
  if (known && isActive(known.status)) return;
  void queryClient.invalidateQueries({ queryKey: listKey, exact: true });
}

/** After a reconnect the socket may have missed events: everything refetches from REST. */
export function applyReconnect(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: runKeys.all });
  void queryClient.invalidateQueries({ queryKey: sweepKeys.all });
}
