'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TUserCreate, TUserUpdate } from '@tensorscope/shared';
import { userApi } from '../lib/users.api';
import { authKeys, userKeys } from '../../../lib/auth-keys';
import { useAddToList, useReplaceInList } from '../../../hooks/use-list-mutations';

/** Every account (admins only: `enabled` keeps others from asking for a sure 403). */
export function useUsers(enabled: boolean) {
  return useQuery({ queryKey: userKeys.list(), queryFn: ({ signal }) => userApi.listUsers(signal), enabled });
}

export const useCreateUser = () => useAddToList(userKeys.list(), (body: TUserCreate) => userApi.createUser(body));

/** Changes a role, disables/enables, or sets a password; the answer replaces the row. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useReplaceInList(
    userKeys.list(),
    ({ id, body }: { id: string; body: TUserUpdate }) => userApi.updateUser(id, body),
    // An admin who changed their own role now sees the dashboard as that role.
    () => void queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  );
}
