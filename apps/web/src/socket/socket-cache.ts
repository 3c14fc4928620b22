import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type {
  TBusEvent,
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
import { invalidateCompareForRuns } from '../features/compare/lib/compare-live';
import { lastHistogramStep } from '../lib/histogram-series';
import { mergeScalarPoints } from '../lib/scalar-series';
import { holdLivePoints, readWholeSeriesNext } from '../lib/scalar-query';
import { isActive } from '../features/visualize/lib/visualization-match';

/*
 * Socket events only ever write into TanStack Query's cache: the cache is the one
 * place server data lives, and REST refetches are how it heals after any gap.
 */

/** A full run row arrived: it replaces the detail, and lists may now sort or filter differently. */
export function applyRunUpdated(queryClient: QueryClient, run: TRun): void {
  queryClient.setQueryData<TRun>(runKeys.detail(run.id), run);
  void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
  // A run joining or leaving the queue moves every other queued run's place in line.
  void queryClient.invalidateQueries({
    queryKey: runKeys.all,
    predicate: (query) =>
      query.queryKey.length === 2 && query.queryKey[1] !== run.id && (query.state.data as TRun | undefined)?.status === 'queued',
  });
  // A sweep's status counts are summed from its runs' rows: they may have just changed.
  if (run.sweepId) {
    void queryClient.invalidateQueries({ queryKey: sweepKeys.detail(run.sweepId), exact: true });
    void queryClient.invalidateQueries({ queryKey: sweepKeys.list(), exact: true });
  }
  // A finished run gets no more points: one whole read of each series makes sure the charts end
  // complete, gaps in the middle included.
  if (FINISHED_STATUSES.includes(run.status)) {
    readWholeSeriesNext(queryClient, run.id);
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
 * it read, so they are held for it to merge in when it lands (holdLivePoints).
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
      // The in-flight first fetch may have read before these points were written: it merges
      // them in when it lands (a refetch after it would ask only past the next live point).
      holdLivePoints(queryClient, runId, tag, fresh);
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

/**
 * After a reconnect the socket may have missed events: everything refetches from REST, except the
 * joined runs in `caughtUp`, whose missed events are fetched and applied instead (see run-seq-gate).
 * Lists always refetch: the list room's events aren't numbered per page.
 */
export function applyReconnect(queryClient: QueryClient, caughtUp: ReadonlySet<string> = new Set()): void {
  void queryClient.invalidateQueries({
    queryKey: runKeys.all,
    predicate: (query) => {
      const id = query.queryKey[1];
      return !(typeof id === 'string' && caughtUp.has(id));
    },
  });
  void queryClient.invalidateQueries({ queryKey: sweepKeys.all });
}

/** The run's row as cached: its own query, or a row of a cached list. */
function cachedRun(queryClient: QueryClient, runId: string): TRun | undefined {
  const detail = queryClient.getQueryData<TRun>(runKeys.detail(runId));
  if (detail) return detail;
  for (const [, list] of queryClient.getQueriesData<TRunList>({ queryKey: runKeys.lists() })) {
    const row = list?.items.find((run) => run.id === runId);
    if (row) return row;
  }
  return undefined;
}

/**
 * The run's row changed but isn't at hand (events over REST carry only the id): it refetches,
 * with lists and its sweep; `everything` adds all the run's other queries (series, layers…).
 */
function invalidateRunRow(queryClient: QueryClient, runId: string, everything = false): void {
  const sweepId = cachedRun(queryClient, runId)?.sweepId;
  void queryClient.invalidateQueries({ queryKey: runKeys.detail(runId), exact: !everything });
  void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
  if (sweepId) {
    void queryClient.invalidateQueries({ queryKey: sweepKeys.detail(sweepId), exact: true });
    void queryClient.invalidateQueries({ queryKey: sweepKeys.list(), exact: true });
  }
}

/**
 * Events a catch-up fetched (GET /api/runs/:id/events), oldest first, go through the same paths as
 * live ones. run.updated carries no row there: the row refetches, once for the whole batch.
 */
export function applyRunEvents(queryClient: QueryClient, runId: string, events: readonly TBusEvent[]): void {
  let rowChanged = false;
  for (const event of events) {
    if (!('runId' in event) || event.runId !== runId) continue;
    switch (event.type) {
      case 'run.updated':
        rowChanged = true;
        break;
      case 'run.progress':
        applyRunProgress(queryClient, runId, event.progress);
        break;
      case 'run.scalars':
        applyRunScalars(queryClient, runId, event.points);
        break;
      case 'run.histograms':
        applyRunHistograms(queryClient, runId, event.step, event.tags);
        break;
      case 'run.snapshot':
        applyRunSnapshot(queryClient, runId, event.step);
        break;
      case 'run.visualization':
        applyRunVisualization(queryClient, runId, event.visualizationId);
        break;
      case 'run.deleted':
        applyRunDeleted(queryClient, runId);
        return;
      case 'run.cancel':
        break; // for workers only
    }
  }
  // After the progress patches, so the refetched row has the last word.
  if (rowChanged) invalidateRunRow(queryClient, runId);
}

/** The missed events can't be had (pruned, or too many): all of the run's queries refetch. */
export function applyRunResync(queryClient: QueryClient, runId: string): void {
  invalidateRunRow(queryClient, runId, true);
}

/**
 * Marks a run known to be deleted, so its page can say so instead of "not found". Outside runKeys,
 * so removing and invalidating the run's caches leaves it be; it goes when no page reads it.
 */
export const deletedRunKey = (runId: string) => ['deleted-runs', runId] as const;

/**
 * The run and all it logged are gone: its caches are dropped (not refetched: they would 404), and
 * the lists, its sweep and comparisons holding it refetch.
 */
export function applyRunDeleted(queryClient: QueryClient, runId: string): void {
  const run = cachedRun(queryClient, runId);
  // First the mark, so an open run page knows why its run vanished before anything refetches.
  queryClient.setQueryData(deletedRunKey(runId), true);
  void queryClient.cancelQueries({ queryKey: runKeys.detail(runId) });
  queryClient.removeQueries({ queryKey: runKeys.detail(runId) });
  void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
  if (run?.sweepId) {
    void queryClient.invalidateQueries({ queryKey: sweepKeys.detail(run.sweepId), exact: true });
    void queryClient.invalidateQueries({ queryKey: sweepKeys.list(), exact: true });
  } else if (!run) {
    // Which sweep it was in isn't known here: every sweep's counts refetch (sweeps are few).
    void queryClient.invalidateQueries({ queryKey: sweepKeys.all });
  }
  invalidateCompareForRuns(queryClient, new Set([runId]), true);
}
