'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRunListQuery, TScalarTag } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
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
