'use client';

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, isUnauthenticated } from '../lib/api-client';
import { isLoginPath, loginHref } from '../lib/login-redirect';
import { SocketProvider } from '../socket/socket-provider';

function makeQueryClient(onError: (error: unknown) => void): QueryClient {
  return new QueryClient({
    // Every query and mutation reports here, so a lost session is handled in this one place.
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // The socket keeps cached runs fresh; this only spares refetches when navigating back and forth.
        staleTime: 5_000,
        // A 4xx (unknown run, bad filter, 401 signed out, 403 role too low) won't change on retry;
        // an outage might, briefly.
        retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const router = useRouter();
  const routerRef = useRef(router);
  useEffect(() => {
    routerRef.current = router;
  }, [router]);

  // One client per browser tab, created on first render and kept across re-renders.
  const [queryClient] = useState(() =>
    makeQueryClient((error) => {
      // Not signed in (or the session expired): sign in, then come back here. The sign-in page
      // itself expects 401s (its own /auth/me), and a wrong password is INVALID_CREDENTIALS.
      if (!isUnauthenticated(error)) return;
      const { pathname, search, hash } = window.location;
      if (isLoginPath(pathname)) return;
      routerRef.current.replace(loginHref(`${pathname}${search}${hash}`));
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SocketProvider>{children}</SocketProvider>
    </QueryClientProvider>
  );
}
