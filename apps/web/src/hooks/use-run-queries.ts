'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRunListQuery, TScalarSeries, TScalarTag } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { api } from '../lib/api-client';
import { lastStep, mergeScalarPoints } from '../lib/scalar-series';

export function useRunList(query: Partial<TRunListQuery>) {
  return useQuery({
    queryKey: runKeys.list(query),
    queryFn: ({ signal }) => api.listRuns(query, signal),
    // Keeps the table on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}

export function useRun(id: string) {
  return useQuery({
    queryKey: runKeys.detail(id),
    queryFn: ({ signal }) => api.getRun(id, signal),
  });
}

/**
 * One tag's series. A refetch only asks for steps after the last cached one and merges
 * them into the cache *as it is when the answer lands*, so live points the socket
 * appended meanwhile are kept and a reconnect costs a few points, not the whole history.
 */
export function useScalarSeries(id: string, tag: TScalarTag, enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: runKeys.scalar(id, tag),
    enabled,
    queryFn: async ({ signal, queryKey }): Promise<TScalarSeries> => {
      const afterStep = lastStep(queryClient.getQueryData<TScalarSeries>(queryKey)?.points);
      const { points } = await api.getScalars(id, tag, afterStep, signal);
      const current = queryClient.getQueryData<TScalarSeries>(queryKey);
      if (!current) return { points: mergeScalarPoints([], points) };
      const merged = mergeScalarPoints(current.points, points);
      return merged === current.points ? current : { points: merged };
    },
  });
}
