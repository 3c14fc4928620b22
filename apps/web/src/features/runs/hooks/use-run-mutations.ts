'use client';

import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TRun, TRunConfigInput, TRunUpdateInput } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { useRouter } from 'next/navigation';
import { isNotFound } from '../../../lib/api-client';
import { runApi } from '../../../lib/runs.api';
import { applyRunDeleted } from '../../../socket/socket-cache';

/** A write answered with the new row: it replaces the cached detail, and the lists refetch (they filter and sort by it). */
function storeRun(queryClient: QueryClient, run: TRun) {
  queryClient.setQueryData(runKeys.detail(run.id), run);
  void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
}

export function useCreateRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (config: TRunConfigInput) => runApi.createRun(config),
    // The run page opens with the row already cached; lists gain a new first row.
    onSuccess: (run: TRun) => storeRun(queryClient, run),
  });
}

/**
 * A change to an existing run, answered with its new row. A refusal means the page's row is out
 * of date (a 409: the run finished first; a 403 or 404: it changed hands or is gone): the row is
 * refetched, so the page shows what happened.
 */
function useRunChange<V>(id: string, change: (input: V) => Promise<TRun>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (run: TRun) => storeRun(queryClient, run),
    onError: () => queryClient.invalidateQueries({ queryKey: runKeys.detail(id), exact: true }),
  });
}

export const useCancelRun = (id: string) => useRunChange(id, () => runApi.cancelRun(id));

/** Archives (true) or restores (false) a run: it leaves or rejoins the default run list. */
export const useSetRunArchived = (id: string) => useRunChange(id, (archived: boolean) => runApi.updateRun(id, { archived }));

/** Renames it, or replaces its notes or tags (the API's per-field 400s come back as ApiError field errors). */
export const useUpdateRun = (id: string) => useRunChange(id, (update: TRunUpdateInput) => runApi.updateRun(id, update));

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
