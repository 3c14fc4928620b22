'use client';

import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/** A write that adds to a cached list (a new token, a new user): the list refetches. */
export function useAddToList<B, R>(listKey: QueryKey, create: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: create,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: listKey }),
  });
}

/**
 * A write answered with the new version of a listed row (a revoked token, a changed user): the
 * answer replaces that row in the cached list, no refetch. `then` does what else the change implies.
 */
export function useReplaceInList<V, T extends { id: string }>(listKey: QueryKey, write: (input: V) => Promise<T>, then?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (row: T) => {
      queryClient.setQueryData<{ items: T[] }>(listKey, (list) =>
        list ? { ...list, items: list.items.map((item) => (item.id === row.id ? row : item)) } : list,
      );
      then?.();
    },
  });
}
