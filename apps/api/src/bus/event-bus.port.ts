import type { TBusEvent } from '@tensorscope/shared';

/** Cross-process events (worker → API → browsers). Postgres LISTEN/NOTIFY lives behind it. */
export interface EventBus {
  publish(event: TBusEvent): Promise<void>;
  /** Several events of one run, in this order, in one round trip (a scalar batch's chunks). */
  publishRunEvents(runId: string, events: readonly TBusEvent[]): Promise<void>;
  /**
   * Calls `handler` with every event, or only those of `types`: the others are neither validated
   * nor delivered (a training worker wants cancels, not every point every worker logs).
   */
  subscribe(handler: (event: TBusEvent) => void, types?: ReadonlySet<TBusEvent['type']>): () => void;
  close(): Promise<void>;
}
export const EVENT_BUS = Symbol('EVENT_BUS');
