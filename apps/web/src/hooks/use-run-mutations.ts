'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TRun, TRunConfigInput } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { api } from '../lib/api-client';

export function useCreateRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (config: TRunConfigInput) => api.createRun(config),
    onSuccess: (run: TRun) => {
      // The run page opens with the row already cached; lists gain a new first row.
      queryClient.setQueryData(runKeys.detail(run.id), run);
      void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
    },
  });
}

export function useCancelRun(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.cancelRun(id),
    onSuccess: (run: TRun) => {
      queryClient.setQueryData(runKeys.detail(run.id), run);
      void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
    },
    // A 409 means the run finished first: refetch so the page shows how it ended.
    onError: () => queryClient.invalidateQueries({ queryKey: runKeys.detail(id), exact: true }),
  });
}
