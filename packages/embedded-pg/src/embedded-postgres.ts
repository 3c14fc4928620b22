import path from 'node:path';
import { findFreePort } from './free-port.finder';
import { locatePgBinaries } from './pg-binaries.locator';
import { ensureDatabase } from './pg-database.admin';
import { preparePgDataDir } from './pg-data-dir.preparer';
import { runInitdb } from './pg-initdb.runner';
import { resolvePgOsUser } from './pg-os-user.resolver';
import { startPgServer } from './pg-server.process';
import { recoverStalePostmaster } from './pg-stale-pid.recovery';

export interface EmbeddedPostgresOptions {
  /**
   * Cluster folder: initialised on first start, reused afterwards. No default: where the data
   * lives is the caller's choice (the stack keeps it in `<repo>/.data/postgres`, tests in a temp folder).
   */
  dataDir: string;
  /** TCP port on 127.0.0.1. Default 5433 (next to a system Postgres on 5432); 0 picks a free one. */
  port?: number;
  /** Database created if missing; `databaseUrl` points at it. Default `tensorscope`. */
  database?: string;
  /** Server and initdb output, line by line. Default: dropped (failures quote the last lines). */
  onLog?: (line: string) => void;
  /** How long the server may take to accept connections (crash recovery can take a while). */
  startTimeoutMs?: number;
}

export interface EmbeddedPostgres {
  /** `postgresql://tensorscope:tensorscope@127.0.0.1:<port>/<database>` */
  readonly databaseUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** Fast shutdown; idempotent. Call it on SIGINT/SIGTERM after the app's own processes stopped. */
  stop(): Promise<void>;
  /** The postmaster's process id. */
  readonly pid: number | undefined;
  /** Settles when the server exits for any reason (also a crash or a kill), with how. */
  readonly exited: Promise<string>;
}

/** Superuser of the embedded cluster. Local development only: it listens on 127.0.0.1. */
const SUPERUSER = 'tensorscope';
const PASSWORD = 'tensorscope';
const DEFAULT_PORT = 5433;

/**
 * Starts PostgreSQL 17 from the npm-shipped binaries (no system install, no download), creating
 * the cluster on first use and the database if missing. Data persists across restarts; a server
 * orphaned by a crashed run is shut down first (see recoverStalePostmaster).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? 'tensorscope';
  const log = options.onLog ?? (() => undefined);

  const binaries = await locatePgBinaries();
  const osUser = await resolvePgOsUser();
  const state = await preparePgDataDir(dataDir, osUser);
  if (state === 'empty') {
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await runInitdb({ initdb: binaries.initdb, dataDir, superuser: SUPERUSER, password: PASSWORD, osUser, log });
  } else {
    await recoverStalePostmaster(dataDir, log);
  }

  const port = options.port === 0 ? await findFreePort() : (options.port ?? DEFAULT_PORT);
  const urlOf = (db: string) => `postgresql://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(db)}`;
  const server = await startPgServer({
    postgres: binaries.postgres,
    dataDir,
    port,
    probeUrl: urlOf('postgres'),
    osUser,
    startTimeoutMs: options.startTimeoutMs ?? 120_000,
    log,
  });
  try {
    await ensureDatabase(urlOf('postgres'), database);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return { databaseUrl: urlOf(database), port, dataDir, stop: server.stop, pid: server.pid, exited: server.exited };
}
