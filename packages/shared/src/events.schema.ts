import { z } from 'zod';
import { ZRun, ZRunProgress } from './run.schema';
import { ZTaggedScalar } from './scalar.schema';

/**
 * What workers publish (Postgres NOTIFY, channel BUS_CHANNEL) and the API relays to sockets.
 * Payloads stay small: NOTIFY caps them at 8000 bytes; big data is read over REST.
 */
export const BUS_CHANNEL = 'tensorscope_events';

export const ZBusEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run.updated'), runId: z.string() }),
  z.object({ type: z.literal('run.progress'), runId: z.string(), progress: ZRunProgress }),
  z.object({ type: z.literal('run.scalars'), runId: z.string(), points: z.array(ZTaggedScalar) }),
  z.object({ type: z.literal('run.cancel'), runId: z.string() }),
  /** The run and everything it stored were deleted. */
  z.object({ type: z.literal('run.deleted'), runId: z.string() }),
  /** Signal only: histograms for these tags were stored at `step`; clients refetch. */
  z.object({ type: z.literal('run.histograms'), runId: z.string(), step: z.number().int(), tags: z.array(z.string()) }),
  z.object({ type: z.literal('run.snapshot'), runId: z.string(), step: z.number().int() }),
  /** Signal only: a visualization job of this run changed (status or progress); clients refetch it. */
  z.object({ type: z.literal('run.visualization'), runId: z.string(), visualizationId: z.string() }),
]);
export type TBusEvent = z.infer<typeof ZBusEvent>;

/** Rooms a socket joins. */
export const RUN_LIST_ROOM = 'runs';
export const runRoom = (runId: string) => `run:${runId}`;

export const ZRunUpdatedEvent = z.object({ run: ZRun });
export const ZRunProgressEvent = z.object({ runId: z.string(), progress: ZRunProgress });
export const ZRunScalarsEvent = z.object({ runId: z.string(), points: z.array(ZTaggedScalar) });

/** Socket.io event map, server → client. */
export interface ServerToClientEvents {
  /** A run's row changed (status, backend, final metrics…); carries the new row. */
  'run:updated': (payload: z.infer<typeof ZRunUpdatedEvent>) => void;
  'run:progress': (payload: z.infer<typeof ZRunProgressEvent>) => void;
  /** New scalar points, in step order per tag. Sent to the run's room only. */
  'run:scalars': (payload: z.infer<typeof ZRunScalarsEvent>) => void;
  /** Histograms stored for `tags` at `step` (run room only); fetch them over REST. */
  'run:histograms': (payload: { runId: string; step: number; tags: string[] }) => void;
  /** A weight snapshot was stored at `step` (run room only). */
  'run:snapshot': (payload: { runId: string; step: number }) => void;
  /** The run was deleted: drop it from every view. */
  'run:deleted': (payload: { runId: string }) => void;
  /** A visualization job changed (run room only); refetch it over REST. */
  'run:visualization': (payload: { runId: string; visualizationId: string }) => void;
}

/** Socket.io event map, client → server. */
export interface ClientToServerEvents {
  'runs:subscribe': () => void;
  'run:subscribe': (runId: string) => void;
  'run:unsubscribe': (runId: string) => void;
}
