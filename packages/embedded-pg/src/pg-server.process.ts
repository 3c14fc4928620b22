import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { OutputTail } from './pg-output.tail';
import type { PgOsUser } from './pg-os-user.resolver';

export interface PgServerParams {
  readonly postgres: string;
  readonly dataDir: string;
  readonly port: number;
  /** A superuser URL on this server; polled until it accepts a connection. */
  readonly probeUrl: string;
  readonly osUser: PgOsUser | undefined;
  readonly startTimeoutMs: number;
  readonly log: (line: string) => void;
}

export interface PgServerProcess {
  /** Fast shutdown (SIGINT); idempotent; resolves once the server has exited. */
  stop(): Promise<void>;
  /** The postmaster's process id. */
  readonly pid: number | undefined;
  /** Settles when the server has exited for any reason, with how ("signal SIGQUIT", "exit 1"); a supervisor restarts it. */
  readonly exited: Promise<string>;
}

/** How long a fast shutdown may take before the server is told to quit immediately. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * Runs the postmaster of an initialised cluster and resolves once it accepts connections.
 * It gets its own process group (detached): a Ctrl-C in the terminal then reaches the app's
 * processes but not Postgres, so they can still write their last state while shutting down, and
 * the owner stops Postgres last. A process 'exit' hook still stops it if the owner never does.
 */
export async function startPgServer(p: PgServerParams): Promise<PgServerProcess> {
  const child = spawn(
    p.postgres,
    [
      '-D',
      p.dataDir,
      '-p',
      String(p.port),
      '-c',
      'listen_addresses=127.0.0.1',
      // No Unix socket: nothing needs it, and it avoids lock files in /tmp shared between users.
      '-c',
      'unix_socket_directories=',
      // The API, each worker and pg-boss hold pools of their own; 100 runs out with a few workers.
      '-c',
      'max_connections=200',
      // A worker's event loop turns once per training step (seconds for big models), and a new
      // connection's handshake needs several turns: the default 60 s cut such handshakes off.
      '-c',
      'authentication_timeout=600s',
    ],
    {
      ...(p.osUser ? { uid: p.osUser.uid, gid: p.osUser.gid } : {}),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const tail = new OutputTail(p.log);
  tail.follow(child.stdout);
  tail.follow(child.stderr);

  let exit: string | undefined;
  let stopping: Promise<void> | undefined;
  const exited = new Promise<void>((resolve) => {
    const onEnd = (how: string) => {
      exit ??= how;
      if (!stopping) p.log(`PostgreSQL exited (${how})`);
      resolve();
    };
    child.once('exit', (code, signal) => onEnd(signal ? `signal ${signal}` : `exit ${code}`));
    child.once('error', (e) => onEnd(e.message));
  });
  const stopOnExit = () => {
    if (exit === undefined) child.kill('SIGINT');
  };
  process.on('exit', stopOnExit);

  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.removeListener('exit', stopOnExit);
      if (exit !== undefined) return;
      child.kill('SIGINT');
      const timer = sleep(STOP_TIMEOUT_MS, 'timeout' as const, { ref: false });
      if ((await Promise.race([exited, timer])) === 'timeout') {
        child.kill('SIGQUIT');
        await exited;
      }
    })());

  try {
    await waitUntilReady(p, () => exit, exited, tail);
  } catch (e) {
    await stop();
    throw e;
  }
  return { stop, pid: child.pid, exited: exited.then(() => exit ?? 'exited') };
}

async function waitUntilReady(p: PgServerParams, exitOf: () => string | undefined, exited: Promise<void>, tail: OutputTail): Promise<void> {
  const where = `PostgreSQL (${p.dataDir}, port ${p.port})`;
  const failed = () => new Error(`${where} failed to start (${exitOf()}):\n${tail.toString()}`);
  const deadline = Date.now() + p.startTimeoutMs;
  for (;;) {
    if (exitOf() !== undefined) throw failed();
    let probe: Probe;
    try {
      probe = await probeServer(p.probeUrl);
    } catch (e) {
      // A refusal may come from another server on this port, while ours is about to exit
      // because it cannot bind it: give ours a moment, its own error is the useful one.
      await Promise.race([exited, sleep(2_000, undefined, { ref: false })]);
      if (exitOf() !== undefined) throw failed();
      throw new Error(`${where} refused the connection: ${(e as Error).message}`);
    }
    // Only our own server counts: another one may answer on the same port.
    if (probe.dataDirectory === p.dataDir) return;
    if (Date.now() > deadline) {
      const who = probe.dataDirectory === undefined ? 'not ready' : `port answered by the server of ${probe.dataDirectory}`;
      throw new Error(`${where} ${who} after ${p.startTimeoutMs} ms:\n${tail.toString()}`);
    }
    await sleep(100);
  }
}

interface Probe {
  /** The data folder of the server that answered; undefined while nothing accepts connections. */
  readonly dataDirectory: string | undefined;
}

/**
 * Polling a real connection, rather than waiting for a log line, works in any server locale.
 * A refusal by a running server (wrong password, missing database…) is thrown: waiting would
 * not change it.
 */
async function probeServer(url: string): Promise<Probe> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ data_directory: string }>('SHOW data_directory');
    return { dataDirectory: result.rows[0]?.data_directory };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const refusedByServer = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && code !== CANNOT_CONNECT_NOW;
    if (refusedByServer) throw e;
    return { dataDirectory: undefined };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** SQLSTATE 57P03: the server is starting up (or recovering after a crash). */
const CANNOT_CONNECT_NOW = '57P03';
