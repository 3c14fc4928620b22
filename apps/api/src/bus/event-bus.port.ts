import type { TBusEvent } from '@tensorscope/shared';

/** Cross-process events (worker → API → browsers). Postgres LISTEN/NOTIFY lives behind it. */
export interface EventBus {
  publish(event: TBusEvent): Promise<void>;
  subscribe(handler: (event: TBusEvent) => void): () => void;
  close(): Promise<void>;
}
export const EVENT_BUS = Symbol('EVENT_BUS');
