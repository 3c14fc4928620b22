'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TUser, TUserCreate, TUserList, TUserUpdate } from '@tensorscope/shared';
import { userApi } from '../lib/users.api';
import { authKeys, userKeys } from '../../../lib/auth-keys';

/** Every account (admins only: `enabled` keeps others from asking for a sure 403). */
export function useUsers(enabled: boolean) {
  return useQuery({ queryKey: userKeys.list(), queryFn: ({ signal }) => userApi.listUsers(signal), enabled });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUserCreate) => userApi.createUser(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

/** Changes a role, disables/enables, or sets a password; the answer replaces the row. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUserUpdate }) => userApi.updateUser(id, body),
    onSuccess: (user: TUser) => {
      queryClient.setQueryData<TUserList>(userKeys.list(), (list) =>
        list ? { items: list.items.map((u) => (u.id === user.id ? user : u)) } : list,
      );
      // An admin who changed their own role now sees the dashboard as that role.
      void queryClient.invalidateQueries({ queryKey: authKeys.me() });
    },
  });
}
