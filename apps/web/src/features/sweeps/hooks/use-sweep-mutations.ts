'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TRun, TSweepCreateInput } from '@tensorscope/shared';
import { runKeys, sweepKeys } from '@tensorscope/shared';
import { ApiError } from '../../../lib/api-client';
import { runApi } from '../../../lib/runs.api';
import { sweepApi, type TSweepCreated } from '../lib/sweeps.api';

export function useCreateSweep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSweepCreateInput) => sweepApi.createSweep(body),
    onSuccess: ({ sweep, runs }: TSweepCreated) => {
      // The sweep page opens with its sweep and runs already cached.
      queryClient.setQueryData(sweepKeys.detail(sweep.id), sweep);
      for (const run of runs) queryClient.setQueryData(runKeys.detail(run.id), run);
      void queryClient.invalidateQueries({ queryKey: sweepKeys.list() });
      void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
    },
  });
}

/** How a cancel-all ended: runs asked to stop, and messages of the requests that failed for another reason. */
export interface TCancelAllResult {
  cancelled: number;
  failures: string[];
}

/**
 * Asks every given run to stop, one request each (POST /api/runs/:id/cancel). A 409 means the run
 * finished meanwhile: not a failure. The socket brings each run's final status.
 */
export function useCancelRuns(sweepId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: readonly string[]): Promise<TCancelAllResult> => {
      const results = await Promise.allSettled(ids.map((id) => runApi.cancelRun(id)));
      const failures: string[] = [];
      let cancelled = 0;
      for (const result of results) {
        if (result.status === 'fulfilled') {
          cancelled++;
          queryClient.setQueryData<TRun>(runKeys.detail(result.value.id), result.value);
        } else if (!(result.reason instanceof ApiError && result.reason.status === 409)) {
          failures.push(result.reason instanceof Error ? result.reason.message : String(result.reason));
        }
      }
      return { cancelled, failures };
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: sweepKeys.detail(sweepId) });
    },
  });
}
