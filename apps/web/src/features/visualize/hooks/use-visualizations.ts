'use client';

import { useMutation, useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { TVisualization, TVisualizationCreateInput, TVisualizationList } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { useMemo } from 'react';
import { visualizeApi } from '../lib/visualize.api';
import { activeIds, overlayWatched, upsertVisualization, type TWatched } from '../lib/visualization-cache';
import { isActive } from '../lib/visualization-match';

/** The socket says when a job moves; polling is the fallback when it can't (disconnected, proxy). */
const POLL_MS = 2000;
const EMPTY: readonly TVisualization[] = [];

// Module-level so TanStack Query can keep the combined result between renders.
const combineWatched = (results: UseQueryResult<TVisualization>[]): TWatched[] =>
  results.map((r) => ({ data: r.data, updatedAt: r.dataUpdatedAt }));

/**
 * The run's visualization jobs, newest first: the list (results included), with every job in
 * flight watched on its own (polled every 2 s until it ends, and refetched on `run:visualization`)
 * and laid over the list, so progress moves without refetching the whole list.
 */
export function useVisualizations(runId: string) {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: runKeys.visualizations(runId),
    queryFn: ({ signal }) => visualizeApi.listVisualizations(runId, signal),
  });
  const listItems = list.data?.items ?? EMPTY;
  const ids = useMemo(() => activeIds(listItems), [listItems]);
  const watched = useQueries({
    queries: ids.map((id) => ({
      queryKey: runKeys.visualization(runId, id),
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const viz = await visualizeApi.getVisualization(id, signal);
        // A job that ended goes into the list too: the list is what the tab reads once a job stops
        // being watched, and a later write to the list (another job's POST answer) must not bring
        // back the "queued" copy it held (seen: a finished top-9 showed "queued" again).
        if (!isActive(viz.status))
          queryClient.setQueryData<TVisualizationList>(runKeys.visualizations(runId), (l) => upsertVisualization(l, viz));
        return viz;
      },
      refetchInterval: (query: { state: { data: TVisualization | undefined } }) => {
        const data = query.state.data;
        return !data || isActive(data.status) ? POLL_MS : false;
      },
    })),
    combine: combineWatched,
  });
  const items = useMemo(() => overlayWatched(listItems, list.dataUpdatedAt, watched), [listItems, list.dataUpdatedAt, watched]);
  return { list, items };
}

/** POST a job; the answer (queued, or the cached result) goes straight into the cache the tab reads. */
export function useCreateVisualization(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TVisualizationCreateInput) => visualizeApi.createVisualization(runId, body),
    onSuccess: (viz: TVisualization) => {
      queryClient.setQueryData(runKeys.visualization(runId, viz.id), viz);
      const listKey = runKeys.visualizations(runId);
      if (queryClient.getQueryData<TVisualizationList>(listKey)) {
        queryClient.setQueryData<TVisualizationList>(listKey, (list) => upsertVisualization(list, viz));
      } else {
        void queryClient.invalidateQueries({ queryKey: listKey, exact: true });
      }
    },
  });
}
