import { Logger } from '@nestjs/common';
import { BUS_CHANNEL, SEQUENCED_EVENTS, ZBusEvent, type TBusEvent } from '@tensorscope/shared';
import { Client, Pool } from 'pg';
import type { EventBus } from './event-bus.port';
import { CONNECT_TIMEOUT_MS, KEEP_IDLE_CONNECTIONS } from '../db/prisma.factory';

/** NOTIFY payloads are capped at 8000 bytes by Postgres. */
export const MAX_NOTIFY_BYTES = 7900;

/**
 * Postgres LISTEN/NOTIFY as the bus: every API and worker process that shares DATABASE_URL sees
 * every event, wherever it runs. Listening needs one dedicated connection; publishing uses a pool.
 * The listener reconnects by itself; events sent while it was down are missed, which is why
 * clients catch up from REST on reconnect rather than trusting the event stream.
 */
export class PgNotifyBus implements EventBus {
  private readonly logger = new Logger('PgNotifyBus');
  private readonly pool: Pool;
  private listener: Client | null = null;
  private connecting: Promise<void> | null = null;
  /** Each subscriber with the event types it wants (undefined: all). */
  private readonly handlers = new Map<(event: TBusEvent) => void, ReadonlySet<string> | undefined>();
  private closed = false;

  constructor(private readonly databaseUrl: string) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: 2,
      application_name: 'tensorscope-bus',
      idleTimeoutMillis: KEEP_IDLE_CONNECTIONS,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // An idle connection dropped by a database restart emits 'error' on the pool; unhandled, that
    // killed the API process (measured). The pool replaces the connection at the next publish.
    this.pool.on('error', (e) => this.logger.warn(`publish connection lost (${e.message})`));
  }

  /**
   * A run's live events are numbered and kept (RunEvent) in the same statement that notifies: the
   * run row's counter is locked while it grows, so per run the numbers follow commit order, which
   * is the order NOTIFY delivers in. A run that no longer exists gets no event.
   */
  async publish(event: TBusEvent): Promise<void> {
    const payload = JSON.stringify(event);
    // Room for the `"seq":N` the statement adds.
    if (Buffer.byteLength(payload) + 24 > MAX_NOTIFY_BYTES) {
      throw new Error(`bus event ${event.type} is ${Buffer.byteLength(payload)} bytes; split it (max ${MAX_NOTIFY_BYTES})`);
    }
    if (!SEQUENCED_EVENTS.has(event.type) || !('runId' in event)) {
      await this.pool.query('SELECT pg_notify($1, $2)', [BUS_CHANNEL, payload]);
      return;
    }
    await this.pool.query(
      `WITH s AS (UPDATE "Run" SET "eventSeq" = "eventSeq" + 1 WHERE id = $1::uuid RETURNING "eventSeq" AS seq),
            e AS (INSERT INTO "RunEvent" ("runId", seq, event) SELECT $1::uuid, seq, jsonb_set($2::jsonb, '{seq}', to_jsonb(seq)) FROM s RETURNING event)
       SELECT pg_notify($3, event::text) FROM e`,
      [event.runId, payload, BUS_CHANNEL],
    );
  }

  /**
   * publish() for a run's events in one statement: the run's counter grows by their number once,
   * each gets the next sequence number in order, is kept, and is notified in that order (NOTIFY
   * delivers a transaction's notifications in the order they were sent). A scalar batch of 5,000
   * points is 125 events: 125 statements took as long as storing the points (measured).
   */
  async publishRunEvents(runId: string, events: readonly TBusEvent[]): Promise<void> {
    if (events.length === 0) return;
    const payloads = events.map((event) => {
      if (!SEQUENCED_EVENTS.has(event.type) || !('runId' in event) || event.runId !== runId) {
        throw new Error(`publishRunEvents takes sequenced events of run ${runId} only (got ${event.type})`);
      }
      const payload = JSON.stringify(event);
      if (Buffer.byteLength(payload) + 24 > MAX_NOTIFY_BYTES) {
        throw new Error(`bus event ${event.type} is ${Buffer.byteLength(payload)} bytes; split it (max ${MAX_NOTIFY_BYTES})`);
      }
      return payload;
    });
    await this.pool.query(
      `WITH s AS (UPDATE "Run" SET "eventSeq" = "eventSeq" + $2 WHERE id = $1::uuid RETURNING "eventSeq" - $2 AS base),
            e AS (INSERT INTO "RunEvent" ("runId", seq, event)
                  SELECT $1::uuid, s.base + i.n, jsonb_set(i.payload, '{seq}', to_jsonb(s.base + i.n))
                  FROM s, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS i(payload, n) RETURNING seq, event)
       SELECT pg_notify($4, event::text) FROM (SELECT seq, event FROM e ORDER BY seq) ordered`,
      // One JSON array, not a text[] parameter: pg quotes every element of an array parameter
      // character by character (measured: the scalar writer's largest CPU cost after GC).
      [runId, events.length, `[${payloads.join(',')}]`, BUS_CHANNEL],
    );
  }

  subscribe(handler: (event: TBusEvent) => void, types?: ReadonlySet<TBusEvent['type']>): () => void {
    this.handlers.set(handler, types);
    void this.ensureListening();
    return () => this.handlers.delete(handler);
  }

  /** Resolves once LISTEN is active; tests await it before publishing. */
  ready(): Promise<void> {
    return this.ensureListening();
  }

  private ensureListening(): Promise<void> {
    if (this.listener || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: 'tensorscope-listen',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    client.on('notification', (msg) => {
      if (msg.channel !== BUS_CHANNEL || !msg.payload) return;
      const raw: unknown = JSON.parse(msg.payload);
      // Validated only when someone wants its type: validating every point of every scalar event
      // cost each listening process 0.5-1.2 ms of CPU per 1,000 points more than JSON.parse alone,
      // which a training worker that only waits for cancels paid beside its training thread.
      const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type) : '';
      const wanting = [...this.handlers].filter(([, types]) => types === undefined || types.has(type));
      if (wanting.length === 0) return;
      const parsed = ZBusEvent.safeParse(raw);
      if (!parsed.success) return this.logger.warn(`ignored malformed bus event: ${msg.payload.slice(0, 200)}`);
      for (const [h] of wanting) h(parsed.data);
    });
    client.on('error', (e) => {
      this.logger.warn(`listener connection lost (${e.message}); reconnecting`);
      this.listener = null;
      void client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.ensureListening(), 1000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${BUS_CHANNEL}`);
      this.listener = client;
    } catch (e) {
      await client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn(`cannot LISTEN (${(e as Error).message}); retrying in 1 s`);
      setTimeout(() => void this.ensureListening(), 1000).unref();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
    await this.pool.end();
  }
}
