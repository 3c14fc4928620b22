'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TRun, TRunConfigInput } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { useRouter } from 'next/navigation';
import { isNotFound } from '../../../lib/api-client';
import { runApi } from '../../../lib/runs.api';
import { applyRunDeleted } from '../../../socket/socket-cache';

export function useCreateRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (config: TRunConfigInput) => runApi.createRun(config),
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
    mutationFn: () => runApi.cancelRun(id),
    onSuccess: (run: TRun) => {
      queryClient.setQueryData(runKeys.detail(run.id), run);
      void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
    },
    // A 409 means the run finished first: refetch so the page shows how it ended.
    onError: () => queryClient.invalidateQueries({ queryKey: runKeys.detail(id), exact: true }),
  });
}

/** Archives (true) or restores (false) a run: it leaves or rejoins the default run list. */
export function useSetRunArchived(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => runApi.updateRun(id, { archived }),
    onSuccess: (run: TRun) => {
      // The answer is the new row: no need to refetch the detail; lists filter by it.
      queryClient.setQueryData(runKeys.detail(run.id), run);
      void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
    },
    // A 403 or 404 means the page's row is out of date: refetch it.
    onError: () => queryClient.invalidateQueries({ queryKey: runKeys.detail(id), exact: true }),
  });
}

/**
 * Deletes a finished run, then goes to the run list. Navigation is started here rather than in
 * the caller: the button's component unmounts as the run's caches are dropped, and callbacks
 * passed to mutate() would not run then.
 */
export function useDeleteRun(id: string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: () => runApi.deleteRun(id),
    onSuccess: () => {
      router.push('/');
      // The same as the run:deleted the socket brings too (it may come first, or never, if offline).
      applyRunDeleted(queryClient, id);
    },
    // A 404: someone else deleted it first. A 409: it isn't finished after all: refetch its row.
    onError: (error) => {
      if (isNotFound(error)) applyRunDeleted(queryClient, id);
      else void queryClient.invalidateQueries({ queryKey: runKeys.detail(id), exact: true });
    },
  });
}
