'use client';

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { apiBaseUrl } from '../lib/api-base-url';
import { createRunSocket, type RunSocket, type TConnectionState } from './run-socket';

const SocketContext = createContext<RunSocket | null>(null);

/** Opens the one socket once mounted in the browser (never during server rendering). */
export function SocketProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [socket, setSocket] = useState<RunSocket | null>(null);
  useEffect(() => {
    const created = createRunSocket(queryClient, apiBaseUrl());
    setSocket(created);
    return () => {
      created.close();
      setSocket(null);
    };
  }, [queryClient]);
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
  const subscribe = useCallback(
    (listener: () => void) => (socket ? socket.onConnectionChange(listener) : () => {}),
    [socket],
  );
  return useSyncExternalStore(
    subscribe,
    () => socket?.connectionState() ?? 'connecting',
    () => 'connecting',
  );
}
