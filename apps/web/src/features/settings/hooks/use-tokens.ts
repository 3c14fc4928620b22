'use client';

import { useQuery } from '@tanstack/react-query';
import type { TTokenCreate } from '@tensorscope/shared';
import { tokenApi } from '../lib/tokens.api';
import { tokenKeys } from '../../../lib/auth-keys';
import { useAddToList, useReplaceInList } from '../../../hooks/use-list-mutations';

/** The signed-in user's API tokens (never the tokens themselves: only their prefixes). */
export function useTokens() {
  return useQuery({ queryKey: tokenKeys.list(), queryFn: ({ signal }) => tokenApi.listTokens(signal) });
}

/**
 * Creates a token. Its secret is in this mutation's answer only, for the page to show once; the
 * list is refetched rather than fed the answer, so the secret never sits in the query cache.
 */
export const useCreateToken = () => useAddToList(tokenKeys.list(), (body: TTokenCreate) => tokenApi.createToken(body));

export const useRevokeToken = () => useReplaceInList(tokenKeys.list(), (id: string) => tokenApi.revokeToken(id));
