'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApiToken, TTokenCreate, TTokenList } from '@tensorscope/shared';
import { tokenApi } from '../lib/tokens.api';
import { tokenKeys } from '../../../lib/auth-keys';

/** The signed-in user's API tokens (never the tokens themselves: only their prefixes). */
export function useTokens() {
  return useQuery({ queryKey: tokenKeys.list(), queryFn: ({ signal }) => tokenApi.listTokens(signal) });
}

/**
 * Creates a token. Its secret is in this mutation's answer only, for the page to show once; the
 * list is refetched rather than fed the answer, so the secret never sits in the query cache.
 */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TTokenCreate) => tokenApi.createToken(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokenKeys.list() }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => tokenApi.revokeToken(id),
    onSuccess: (revoked: TApiToken) =>
      queryClient.setQueryData<TTokenList>(tokenKeys.list(), (list) =>
        list ? { items: list.items.map((t) => (t.id === revoked.id ? revoked : t)) } : list,
      ),
  });
}
