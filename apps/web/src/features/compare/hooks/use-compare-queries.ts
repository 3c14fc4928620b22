'use client';

import { keepPreviousData, useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { TCompareQuery, TCompareResult, TRun, TRunTags } from '@tensorscope/shared';
import { compareKeys, runKeys } from '@tensorscope/shared';
import { isNotFound } from '../../../lib/api-client';
import { createLimit } from '../../../lib/concurrency-limit';
import { runApi } from '../../../lib/runs.api';
import { compareApi } from '../lib/compare.api';
import { ROUGHNESS_KEY_PART } from '../lib/compare-live';
import { compareFromCachedParts, compareFromParts } from '../lib/compare-run-parts';
import type { TSmoothing } from '../lib/compare-smooth-preview';
import { roughness, ROUGHNESS_BUCKETS, ROUGHNESS_SMOOTHING, type TRoughness } from '../lib/compare-overfit';

/**
 * The one compare answer behind every chart, assembled from per-run parts (compare-run-parts):
 * adding a run fetches only that run. While a new one loads (zoom, smoothing) the old one stays;
 * it says which smoothing it was asked with, so the charts can smooth it anew meanwhile.
 */
export function useCompareSeries(query: TCompareQuery | null) {
  const queryClient = useQueryClient();
  const smoothedWith = (q: TCompareQuery): TSmoothing => ({ smoothing: q.smoothing ?? 0, smoother: q.smoother });
  return useQuery({
    queryKey: query ? compareKeys.series(query) : [...compareKeys.all, 'none'],
    queryFn: async ({ signal }): Promise<TCompareResult & { smoothedWith: TSmoothing }> => ({
      ...(await compareFromParts(queryClient, query!, (q) => compareApi.compare(q, signal))),
      smoothedWith: smoothedWith(query!),
    }),
    // A selection whose runs all have cached parts is drawn on the render that makes it, in one
    // draw, not first with the old answer and then again (adding a run the picker fetched ahead:
    // 199 ms to the painted chart with two draws). Its own fetch then reassembles the same parts,
    // which structural sharing turns back into this very answer: no render, no draw.
    initialData: () => {
      const cached = query && compareFromCachedParts(queryClient, query);
      return cached ? { ...cached, smoothedWith: smoothedWith(query) } : undefined;
    },
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/**
 * Fetches per-run parts ahead of need (see addableRunsQuery): runs without a part are asked for
 * in one request and cached; a failure is left to the query that needs them, which asks again.
 */
export function usePrefetchRunParts(): (query: TCompareQuery) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (query: TCompareQuery) => void compareFromParts(queryClient, query, (q) => compareApi.compare(q)).catch(() => undefined),
    [queryClient],
  );
}

/** The ids of an ids key (`ids.join(',')`): a query list memoised on the key rebuilds from it. */
const idsOf = (idsKey: string): string[] => (idsKey ? idsKey.split(',') : []);

export interface TCompareRuns {
  /** Loaded rows by id. */
  runs: ReadonlyMap<string, TRun>;
  /** Ids the API says don't exist. */
  notFound: ReadonlySet<string>;
  /** The first failure other than "not found", for the error box. */
  error: unknown;
  refetch: () => void;
}

/**
 * The selected runs' rows, one cached detail query each: the socket already keeps these fresh
 * (progress, status, final metrics), and the run page shares them.
 */
export function useCompareRuns(ids: readonly string[]): TCompareRuns {
  const idsKey = ids.join(',');
  // A stable combine: TanStack Query then recombines only when a result changes, so everything
  // memoised on the returned maps stays put while the user hovers or drags.
  const combine = useCallback(
    (results: UseQueryResult<TRun>[]): TCompareRuns => {
      const runs = new Map<string, TRun>();
      const notFound = new Set<string>();
      let error: unknown = null;
      const failed: UseQueryResult<TRun>[] = [];
      results.forEach((result, i) => {
        if (result.data) runs.set(result.data.id, result.data);
        else if (result.isError && isNotFound(result.error)) notFound.add(idsKey.split(',')[i]!);
        else if (result.isError) {
          error ??= result.error;
          failed.push(result);
        }
      });
      return { runs, notFound, error, refetch: () => failed.forEach((r) => void r.refetch()) };
    },
    [idsKey],
  );
  // The same array while the ids are: useQueries re-applies a new one to every observer (100
  // of them here) on each render, and the page renders on every control change.
  const queries = useMemo(
    () =>
      idsOf(idsKey).map((id) => ({
        queryKey: runKeys.detail(id),
        queryFn: ({ signal }: { signal: AbortSignal }) => runApi.getRun(id, signal),
      })),
    [idsKey],
  );
  return useQueries({ queries, combine });
}

function combineTags(results: UseQueryResult<TRunTags>[]): { tags: string[]; loading: boolean } {
  const union = new Set<string>();
  for (const result of results) for (const tag of result.data?.scalars ?? []) union.add(tag);
  return { tags: [...union], loading: results.some((r) => r.isLoading) };
}

/** The union of the runs' scalar tags, fetched only while the tag picker is open. */
export function useCompareTags(ids: readonly string[], enabled: boolean): { tags: string[]; loading: boolean } {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: runKeys.tags(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => runApi.getTags(id, signal),
      enabled,
    })),
    combine: combineTags,
  });
}

/** What roughness is measured on: the raw train loss against its EMA 0.6, at full resolution. */
export const roughnessQuery = (runId: string): TCompareQuery => ({
  runs: [runId],
  tags: ['train/loss'],
  smoothing: ROUGHNESS_SMOOTHING,
  smoother: 'ema',
  buckets: ROUGHNESS_BUCKETS,
});

function roughnessOf(answer: TCompareResult): TRoughness {
  const series = answer.series[0];
  return series ? { value: roughness(series.values, series.smoothed), exact: !series.downsampled } : { value: null, exact: true };
}

/** Requests in flight at once: each answer can be megabytes, and 100 at a time would swamp server and page. */
const ROUGHNESS_CONCURRENCY = 4;

/**
 * Roughness of each run's train loss. One request per run (a run's value doesn't depend on the
 * others, so adding a run fetches only that one), at most ROUGHNESS_CONCURRENCY at a time in
 * selection order, and only the number is cached: the answers are up to 40,000 points each.
 * `enabled` holds them back until the charts are on screen. The queries wait for a slot in their
 * queryFn (concurrency-limit): enabling them a window at a time changed the query list with every
 * answer, and TanStack re-applied all 100 queries' options each time (~90 ms per answer in a profile).
 */
export function useCompareRoughness(ids: readonly string[], enabled: boolean): ReadonlyMap<string, TRoughness> {
  const idsKey = ids.join(',');
  const [limit] = useState(() => createLimit(ROUGHNESS_CONCURRENCY));
  const combine = useCallback(
    (results: UseQueryResult<TRoughness>[]) => {
      const byId = new Map<string, TRoughness>();
      idsKey.split(',').forEach((id, i) => {
        const data = results[i]?.data;
        if (data !== undefined) byId.set(id, data);
      });
      return byId;
    },
    [idsKey],
  );
  // Memoised for the reason given in useCompareRuns.
  const queries = useMemo(
    () =>
      idsOf(idsKey).map((id) => ({
        queryKey: [...compareKeys.series(roughnessQuery(id)), ROUGHNESS_KEY_PART] as const,
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          limit(async () => roughnessOf(await compareApi.compare(roughnessQuery(id), signal)), signal),
        enabled,
        staleTime: 60_000,
      })),
    [idsKey, enabled, limit],
  );
  return useQueries({ queries, combine });
}
