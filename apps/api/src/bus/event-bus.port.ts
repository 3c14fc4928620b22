import type { TBusEvent } from '@tensorscope/shared';

/** Cross-process events (worker → API → browsers). Postgres LISTEN/NOTIFY lives behind it. */
export interface EventBus {
  publish(event: TBusEvent): Promise<void>;
  /** Several events of one run, in this order, in one round trip (a scalar batch's chunks). */
  publishRunEvents(runId: string, events: readonly TBusEvent[]): Promise<void>;
  subscribe(handler: (event: TBusEvent) => void): () => void;
  close(): Promise<void>;
}
export const EVENT_BUS = Symbol('EVENT_BUS');
