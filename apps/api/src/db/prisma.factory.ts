import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { Pool } from 'pg';

/**
 * The Prisma client of a process. The generator's `engineType = "client"` makes it the
 * Rust-free client: queries are planned by a wasm compiler and run through node-postgres via
 * this adapter, so no query-engine binary is needed (or downloaded).
 */
export function createPrismaClient(databaseUrl: string, pool?: Pool): PrismaClient {
  return new PrismaClient({
    adapter: pool
      ? new PrismaPg(pool)
      : new PrismaPg({
          connectionString: databaseUrl,
          idleTimeoutMillis: KEEP_IDLE_CONNECTIONS,
          connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        }),
  });
}

/** The node-postgres pool under a process's Prisma client, owned by its PrismaService (see there). */
export function createPrismaPool(databaseUrl: string): Pool {
  return new Pool({ connectionString: databaseUrl, idleTimeoutMillis: KEEP_IDLE_CONNECTIONS, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
}

/**
 * Pools keep idle connections open (0 = never close them). In a worker the event loop turns once
 * per training step, seconds apart for a big model; a connection closed while idle must be
 * reopened with a handshake of several round trips, each waiting for a turn, and Postgres cuts
 * slow handshakes off (authentication_timeout). Measured: LSTM-1024 runs failed with
 * "Connection terminated unexpectedly" before this.
 */
export const KEEP_IDLE_CONNECTIONS = 0;

/**
 * A connection attempt that gets no answer fails after this long instead of hanging: while the
 * database is away the API answers 503 promptly, and the worker's waits retry on their own.
 */
export const CONNECT_TIMEOUT_MS = 5000;
