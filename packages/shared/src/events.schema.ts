import { z } from 'zod';
import { ZRun, ZRunProgress } from './run.schema';
import { ZTaggedScalar } from './scalar.schema';

/**
 * What workers publish (Postgres NOTIFY, channel BUS_CHANNEL) and the API relays to sockets.
 * Payloads stay small: NOTIFY caps them at 8000 bytes; big data is read over REST.
 */
export const BUS_CHANNEL = 'tensorscope_events';

/**
 * `seq`: the run's event number, set by the bus when the event is published (run-scoped events
 * only, see SEQUENCED_EVENTS). Per run it grows by one per event, so a client that sees a jump
 * knows it missed something, and one that reconnects asks GET /api/runs/:id/events?afterSeq=.
 */
const seq = { seq: z.number().int().min(1).optional() };

export const ZBusEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run.updated'), runId: z.string(), ...seq }),
  z.object({ type: z.literal('run.progress'), runId: z.string(), progress: ZRunProgress, ...seq }),
  z.object({ type: z.literal('run.scalars'), runId: z.string(), points: z.array(ZTaggedScalar), ...seq }),
  z.object({ type: z.literal('run.cancel'), runId: z.string() }),
  /** The run and everything it stored were deleted. */
  z.object({ type: z.literal('run.deleted'), runId: z.string() }),
  /** Credentials stopped working (a user disabled or given a new password, a token revoked, a session ended): sockets on them close. */
  z.object({
    type: z.literal('auth.revoked'),
    userId: z.string().optional(),
    tokenId: z.string().optional(),
    sessionId: z.string().optional(),
  }),
  /** Signal only: histograms for these tags were stored at `step`; clients refetch. */
  z.object({ type: z.literal('run.histograms'), runId: z.string(), step: z.number().int(), tags: z.array(z.string()), ...seq }),
  z.object({ type: z.literal('run.snapshot'), runId: z.string(), step: z.number().int(), ...seq }),
  /** Signal only: a visualization job of this run changed (status or progress); clients refetch it. */
  z.object({ type: z.literal('run.visualization'), runId: z.string(), visualizationId: z.string(), ...seq }),
]);
export type TBusEvent = z.infer<typeof ZBusEvent>;

/** Events that belong to a run's live stream (numbered, kept for catch-up); the others are control signals. */
export const SEQUENCED_EVENTS: ReadonlySet<TBusEvent['type']> = new Set([
  'run.updated',
  'run.progress',
  'run.scalars',
  'run.histograms',
  'run.snapshot',
  'run.visualization',
]);

/** GET /api/runs/:id/events?afterSeq=N: the run's events after N, oldest first. */
export const ZRunEventsQuery = z.strictObject({
  afterSeq: z.coerce
    .number({ error: 'afterSeq must be a number' })
    .int('afterSeq must be an integer')
    .min(0, 'afterSeq must be at least 0')
    .max(2_147_483_647, 'afterSeq must be at most 2147483647'),
});
export type TRunEventsQuery = z.infer<typeof ZRunEventsQuery>;
export const ZRunEvents = z.object({
  events: z.array(ZBusEvent),
  /** The run's newest sequence number. */
  lastSeq: z.number().int(),
  /** false when events after afterSeq were already pruned: the client must refetch the run's data instead. */
  complete: z.boolean(),
});
export type TRunEvents = z.infer<typeof ZRunEvents>;

/** Rooms a socket joins. */
export const RUN_LIST_ROOM = 'runs';
export const runRoom = (runId: string) => `run:${runId}`;

export const ZRunUpdatedEvent = z.object({ run: ZRun, ...seq });
export const ZRunProgressEvent = z.object({ runId: z.string(), progress: ZRunProgress, ...seq });
export const ZRunScalarsEvent = z.object({ runId: z.string(), points: z.array(ZTaggedScalar), ...seq });

/** Socket.io event map, server → client. */
export interface ServerToClientEvents {
  /** A run's row changed (status, backend, final metrics…); carries the new row. */
  'run:updated': (payload: z.infer<typeof ZRunUpdatedEvent>) => void;
  'run:progress': (payload: z.infer<typeof ZRunProgressEvent>) => void;
  /** New scalar points, in step order per tag. Sent to the run's room only. */
  'run:scalars': (payload: z.infer<typeof ZRunScalarsEvent>) => void;
  /** Histograms stored for `tags` at `step` (run room only); fetch them over REST. */
  'run:histograms': (payload: { runId: string; step: number; tags: string[]; seq?: number }) => void;
  /** A weight snapshot was stored at `step` (run room only). */
  'run:snapshot': (payload: { runId: string; step: number; seq?: number }) => void;
  /** The run was deleted: drop it from every view. */
  'run:deleted': (payload: { runId: string }) => void;
  /** A visualization job changed (run room only); refetch it over REST. */
  'run:visualization': (payload: { runId: string; visualizationId: string; seq?: number }) => void;
}

/** Socket.io event map, client → server. */
export interface ClientToServerEvents {
  'runs:subscribe': () => void;
  'run:subscribe': (runId: string) => void;
  'run:unsubscribe': (runId: string) => void;
}
