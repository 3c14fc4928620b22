import type { QueryClient } from '@tanstack/react-query';
import type { ClientToServerEvents, ServerToClientEvents } from '@tensorscope/shared';
import { io, type Socket } from 'socket.io-client';
import { runApi } from '../lib/runs.api';
import * as cache from './socket-cache';
import { createSeqGate } from './run-seq-gate';

export type TConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface RunSocket {
  /** Joins a run's room (ref-counted: two views of one run share one subscription). Returns the leave function. */
  subscribeRun(runId: string): () => void;
  connectionState(): TConnectionState;
  onConnectionChange(listener: () => void): () => void;
  close(): void;
}

/**
 * The dashboard's one socket. Its events go straight into the query cache; rooms are
 * re-joined on every (re)connect because the server forgets them with the old socket.
 * Events of joined runs pass a sequence check first (see run-seq-gate): missed ones are
 * fetched over REST and applied in order, so a run's page has no gaps.
 */
export function createRunSocket(queryClient: QueryClient, url: string): RunSocket {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    // Retry forever, gently: the API may start after the dashboard or restart under it.
    reconnectionDelayMax: 5000,
    // The API (another port) authenticates the handshake by the session cookie, sent only when asked for.
    withCredentials: true,
  });
  const runRefs = new Map<string, number>();
  const gate = createSeqGate({
    fetchEvents: (runId, afterSeq) => runApi.getRunEvents(runId, afterSeq),
    applyEvents: (runId, events) => cache.applyRunEvents(queryClient, runId, events),
    resyncRun: (runId) => cache.applyRunResync(queryClient, runId),
  });
  const listeners = new Set<() => void>();
  let state: TConnectionState = 'connecting';
  const setState = (next: TConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };

  socket.on('connect', () => {
    socket.emit('runs:subscribe');
    for (const runId of runRefs.keys()) socket.emit('run:subscribe', runId);
    // Whatever happened while we weren't listening (before the first connect, too) is fetched
    // again: joined runs whose last event number is known ask for just what they missed, the
    // rest refetches (scalar series fetch only the steps they lack).
    cache.applyReconnect(queryClient, gate.reconnect());
    setState('connected');
  });
  socket.on('disconnect', () => setState('disconnected'));
  socket.on('connect_error', () => setState('disconnected'));

  socket.on('run:updated', ({ run, seq }) => gate.receive(run.id, seq, () => cache.applyRunUpdated(queryClient, run)));
  socket.on('run:progress', ({ runId, progress, seq }) =>
    gate.receive(runId, seq, () => cache.applyRunProgress(queryClient, runId, progress)),
  );
  socket.on('run:scalars', ({ runId, points, seq }) => gate.receive(runId, seq, () => cache.applyRunScalars(queryClient, runId, points)));
  socket.on('run:histograms', ({ runId, step, tags, seq }) =>
    gate.receive(runId, seq, () => cache.applyRunHistograms(queryClient, runId, step, tags)),
  );
  socket.on('run:snapshot', ({ runId, step, seq }) => gate.receive(runId, seq, () => cache.applyRunSnapshot(queryClient, runId, step)));
  socket.on('run:visualization', ({ runId, visualizationId, seq }) =>
    gate.receive(runId, seq, () => cache.applyRunVisualization(queryClient, runId, visualizationId)),
  );
  socket.on('run:deleted', ({ runId }) => {
    // The run's stream ended: nothing held or still being caught up applies any more.
    gate.forget(runId);
    cache.applyRunDeleted(queryClient, runId);
  });

  return {
    subscribeRun(runId) {
      const count = runRefs.get(runId) ?? 0;
      runRefs.set(runId, count + 1);
      if (count === 0) {
        gate.track(runId);
        if (socket.connected) socket.emit('run:subscribe', runId);
      }
      let left = false;
      return () => {
        if (left) return;
        left = true;
        const remaining = (runRefs.get(runId) ?? 1) - 1;
        if (remaining > 0) {
          runRefs.set(runId, remaining);
          return;
        }
        runRefs.delete(runId);
        gate.untrack(runId);
        if (socket.connected) socket.emit('run:unsubscribe', runId);
      };
    },
    connectionState: () => state,
    onConnectionChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      gate.clear();
      socket.removeAllListeners();
      socket.close();
    },
  };
}
