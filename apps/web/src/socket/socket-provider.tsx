'use client';

import { useQueryClient } from '@tanstack/react-query';
import { usePathname } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useSignedInUser } from '../hooks/use-me';
import { apiBaseUrl } from '../lib/api-base-url';
import { isLoginPath } from '../lib/login-redirect';
import { createRunSocket, type RunSocket, type TConnectionState } from './run-socket';

const SocketContext = createContext<RunSocket | null>(null);

/**
 * Opens the one socket once mounted in the browser (never during server rendering) and signed in:
 * the API authenticates the handshake by the session cookie, so a socket opened before sign-in
 * would only be refused, and one opened for another user would see their rooms. A new user (or
 * none) gets a new socket.
 */
export function SocketProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const user = useSignedInUser();
  const pathname = usePathname();
  const userId = user && !isLoginPath(pathname) ? user.id : null;
  const [socket, setSocket] = useState<RunSocket | null>(null);
  useEffect(() => {
    if (!userId) return;
    const created = createRunSocket(queryClient, apiBaseUrl());
    setSocket(created);
    return () => {
      created.close();
      setSocket(null);
    };
  }, [queryClient, userId]);
  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
}

/** Keeps the run's room joined while the calling component is mounted. */
export function useRunSubscription(runId: string): void {
  const socket = useContext(SocketContext);
  useEffect(() => socket?.subscribeRun(runId), [socket, runId]);
}

/** The socket's state, for the "live" indicator; not server data, so it may live outside the query cache. */
export function useConnectionState(): TConnectionState {
  const socket = useContext(SocketContext);
  const subscribe = useCallback((listener: () => void) => (socket ? socket.onConnectionChange(listener) : () => {}), [socket]);
  return useSyncExternalStore(
    subscribe,
    () => socket?.connectionState() ?? 'connecting',
    () => 'connecting',
  );
}
