'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TLoginBody, TUser, TWhoAmI } from '@tensorscope/shared';
import { ApiError, isUnauthenticated } from '../lib/api-client';
import { authApi } from '../lib/auth.api';
import { authKeys } from '../lib/auth-keys';
import { useHydrated } from './use-hydrated';
import { LOGIN_PATH } from '../lib/login-redirect';

/** Who is signed in. A 401 here is what sends every other page to /login (see app/providers.tsx). */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => authApi.me(signal),
    // Roles change rarely; a focus refetch still notices an expired session.
    staleTime: 60_000,
    // Everything waits on this answer (buttons stay disabled, the socket stays closed until it
    // comes), so an API that is restarting or a database that is away is waited out, however long;
    // only a definite 4xx (401: sign in) ends the wait.
    retry: (_count, error) => !(error instanceof ApiError && error.status < 500),
    retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 5_000),
  });
}

/**
 * The signed-in user, or undefined while unknown or signed out. A 401 on refetch keeps the old
 * answer in the cache next to the error: that user is gone, whatever the data still says. Unknown
 * while hydrating too, as on the server (see useHydrated): the header's /auth/me may answer before
 * a Suspense boundary below it hydrates.
 */
export function useSignedInUser(): TUser | undefined {
  const me = useMe();
  const hydrated = useHydrated();
  return !hydrated || isUnauthenticated(me.error) ? undefined : me.data?.user;
}

/** Signs in; the caches of whoever was here before are dropped, and the new user is cached at once. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TLoginBody) => authApi.login(body),
    onSuccess: (who: TWhoAmI) => {
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), who);
    },
  });
}

/**
 * Signs out, then loads the sign-in page afresh: a full load drops the query cache, the socket
 * and every page's state in one go, so nothing of the session lingers. It goes there even when
 * the API call fails (the session may be gone already; the cookies then lead nowhere).
 */
export function useSignOut() {
  return useMutation({
    mutationFn: () => authApi.logout(),
    onSettled: () => window.location.replace(LOGIN_PATH),
  });
}
