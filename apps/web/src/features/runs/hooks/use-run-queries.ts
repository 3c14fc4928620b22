'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRunListQuery, TRunStatus, TScalarTag } from '@tensorscope/shared';
import { FINISHED_STATUSES, runKeys } from '@tensorscope/shared';
import { runApi } from '../../../lib/runs.api';
import { fetchScalarSeries } from '../../../lib/scalar-query';
import { deletedRunKey } from '../../../socket/socket-cache';

export function useRunList(query: Partial<TRunListQuery>) {
  return useQuery({
    queryKey: runKeys.list(query),
    queryFn: ({ signal }) => runApi.listRuns(query, signal),
    // Keeps the table on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}

export function useRun(id: string, enabled = true) {
  return useQuery({
    queryKey: runKeys.detail(id),
    queryFn: ({ signal }) => runApi.getRun(id, signal),
    enabled,
  });
}

/**
 * Whether the API said this run was deleted (run:deleted, or our own DELETE; see applyRunDeleted).
 * Nothing is fetched: the mark is only ever set, and false means "not that we know of".
 */
export function useRunDeleted(id: string): boolean {
  const queryClient = useQueryClient();
  const mark = useQuery({
    queryKey: deletedRunKey(id),
    // A refetch (a broad invalidation, say) keeps a mark already set.
    queryFn: () => queryClient.getQueryData(deletedRunKey(id)) === true,
    staleTime: Infinity,
  });
  return mark.data === true;
}

/** One tag's series; see fetchScalarSeries for why refetches are incremental. */
export function useScalarSeries(id: string, tag: TScalarTag, enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: runKeys.scalar(id, tag),
    enabled,
    queryFn: ({ signal }) => fetchScalarSeries(queryClient, id, tag, signal),
  });
}

/**
 * The worker's lines about a run; refetched every few seconds while the run may still write some,
 * and once more when its status changes (the worker writes how a run ended before it ends it).
 */
export function useRunLogs(id: string, status: TRunStatus) {
  const live = !FINISHED_STATUSES.includes(status);
  return useQuery({
    queryKey: [...runKeys.logs(id), status],
    queryFn: ({ signal }) => runApi.getRunLogs(id, signal),
    // The last lines stay on screen while the status's own fetch runs.
    placeholderData: keepPreviousData,
    refetchInterval: live ? 5_000 : false,
  });
}
