#!/usr/bin/env node
// Runs and supervises the whole product on one machine: embedded Postgres (unless DATABASE_URL
// is set), migrations, the API, N training workers and the dashboard. A child that dies (crash,
// kill -9, OOM) is restarted with backoff, Postgres included; only Ctrl-C (or SIGTERM to this
// script) stops everything, in order. Data stays in .data/ so the next start finds every run.
// Expects a built workspace (`npm start` builds first).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const apiPort = Number(process.env.API_PORT ?? 4000);
const webPort = Number(process.env.WEB_PORT ?? 3000);
const workers = Number(process.env.WORKERS ?? 1);
const withWeb = process.env.WEB !== '0';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', API_PORT: String(apiPort), WEB_PORT: String(webPort) };
// Who runs what, for operators and the durability tests (pids change on every restart).
const stateFile = process.env.TENSORSCOPE_STATE_FILE ?? join(root, '.data', 'stack.json');

/** Restart backoff: 1 s doubling to 30 s; a child that stayed up for a minute starts again from 1 s. */
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;
const STABLE_AFTER_MS = 60_000;
/** This many restarts of one child within CRASH_LOOP_WINDOW_MS is reported as a crash loop. */
const CRASH_LOOP_RESTARTS = 5;
const CRASH_LOOP_WINDOW_MS = 120_000;

/** name → { args, cwd, extraEnv, child, restarts: [timestamps], backoff, timer } */
const services = new Map();
let db = null;
let dbRestarts = [];
let stopping = false;

const log = (msg) => console.log(`\x1b[36m[tensorscope]\x1b[0m ${msg}`);

function writeState() {
  const state = {
    supervisor: process.pid,
    postgres: db ? { pid: db.pid ?? null, port: db.port, dataDir: db.dataDir, restarts: dbRestarts.length } : null,
    children: Object.fromEntries(
      [...services].map(([name, s]) => [name, { pid: s.child?.pid ?? null, running: isRunning(s.child), restarts: s.restarts.length }]),
    ),
    apiPort,
    webPort: withWeb ? webPort : null,
  };
  try {
    mkdirSync(dirname(stateFile), { recursive: true });
    writeFileSync(`${stateFile}.tmp`, JSON.stringify(state, null, 2));
    renameSync(`${stateFile}.tmp`, stateFile);
  } catch (e) {
    log(`cannot write ${stateFile}: ${e.message}`);
  }
}

const isRunning = (child) => child != null && child.exitCode === null && child.signalCode === null;

function prefixLines(stream, out, name) {
  let rest = '';
  stream.on('data', (chunk) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`[${name}] ${line}\n`);
  });
}

/** Counts restarts in the crash-loop window and answers the delay before the next start. */
function nextBackoff(svc, upForMs) {
  const now = Date.now();
  svc.backoff = upForMs >= STABLE_AFTER_MS ? FIRST_BACKOFF_MS : Math.min(MAX_BACKOFF_MS, svc.backoff * 2);
  svc.restarts.push(now);
  const recent = svc.restarts.filter((t) => now - t <= CRASH_LOOP_WINDOW_MS).length;
  return { delay: upForMs >= STABLE_AFTER_MS ? FIRST_BACKOFF_MS : svc.backoff, loop: recent >= CRASH_LOOP_RESTARTS, recent };
}

function launch(name) {
  const svc = services.get(name);
  // Own process group: Ctrl-C reaches only this script, which then stops the children in order
  // (a child killed by the terminal's SIGINT first would look like a crash).
  const child = spawn(process.execPath, svc.args, {
    cwd: svc.cwd,
    env: { ...env, ...svc.extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  svc.child = child;
  svc.startedAt = Date.now();
  prefixLines(child.stdout, process.stdout, name);
  prefixLines(child.stderr, process.stderr, name);
  child.on('error', (e) => log(`${name} could not be started: ${e.message}`));
  child.on('exit', (code, signal) => {
    writeState();
    if (stopping) return;
    const { delay, loop, recent } = nextBackoff(svc, Date.now() - svc.startedAt);
    const how = signal ?? `exit code ${code}`;
    if (loop) {
      log(
        `\x1b[31mCRASH LOOP\x1b[0m: ${name} exited ${recent} times in ${CRASH_LOOP_WINDOW_MS / 1000} s (last: ${how}); restarting in ${delay / 1000} s. Its log above says why.`,
      );
    } else {
      log(`${name} exited (${how}); restarting in ${delay / 1000} s`);
    }
    svc.timer = setTimeout(() => {
      svc.timer = null;
      if (!stopping) launch(name);
    }, delay);
  });
  log(`${name} started (pid ${child.pid})`);
  writeState();
}

function service(name, args, cwd = root, extraEnv = {}) {
  services.set(name, { args, cwd, extraEnv, child: null, restarts: [], backoff: FIRST_BACKOFF_MS / 2, timer: null, startedAt: 0 });
  launch(name);
}

async function startDatabase(port) {
  const { startEmbeddedPostgres } = require(join(root, 'packages/embedded-pg/dist/index.js'));
  const dataDir = process.env.TENSORSCOPE_PG_DIR ?? join(root, '.data', 'postgres');
  // Postgres is chatty at LOG level (checkpoints, startup); show only what needs attention.
  const onLog = (line) => {
    if (/\b(WARNING|ERROR|FATAL|PANIC):|PostgreSQL exited/.test(line)) process.stdout.write(`[postgres] ${line}\n`);
  };
  const started = await startEmbeddedPostgres({ dataDir, port, onLog });
  db = started;
  writeState();
  // Supervised like the rest: the API answers 503 and workers wait while it is away.
  void started.exited.then((how) => {
    if (stopping || db !== started) return;
    dbRestarts.push(Date.now());
    log(`PostgreSQL exited (${how}); restarting it`);
    void restartDatabase(started.port);
  });
  return started;
}

async function restartDatabase(port, delay = FIRST_BACKOFF_MS) {
  await new Promise((r) => setTimeout(r, delay));
  if (stopping) return;
  try {
    await startDatabase(port);
    log(`PostgreSQL is back (pid ${db.pid}); the API and workers reconnect by themselves`);
  } catch (e) {
    const next = Math.min(MAX_BACKOFF_MS, delay * 2);
    log(`PostgreSQL did not start again (${e.message.split('\n')[0]}); retrying in ${next / 1000} s`);
    void restartDatabase(port, next);
  }
}

async function waitFor(url, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!stopping) throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  const exits = [...services.values()].map(
    (svc) =>
      new Promise((resolve) => {
        if (svc.timer) clearTimeout(svc.timer);
        const child = svc.child;
        if (!isRunning(child)) return resolve();
        child.once('exit', resolve);
        // Workers checkpoint their run and queue it again on SIGTERM; give them time to write it.
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
      }),
  );
  await Promise.all(exits);
  if (db) await db.stop().catch((e) => console.error(`stopping Postgres: ${e.message}`));
  writeState();
  log('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
// Last resort if this script dies without shutdown(): don't leave detached children behind.
process.on('exit', () => {
  for (const svc of services.values()) if (isRunning(svc.child)) svc.child.kill('SIGKILL');
});

async function main() {
  if (!env.DATABASE_URL) {
    const port = process.env.TENSORSCOPE_PG_PORT ? Number(process.env.TENSORSCOPE_PG_PORT) : undefined;
    log(`starting embedded PostgreSQL (data in ${process.env.TENSORSCOPE_PG_DIR ?? join(root, '.data', 'postgres')})`);
    await startDatabase(port);
    env.DATABASE_URL = db.databaseUrl;
  } else {
    log('using DATABASE_URL');
  }
  log('applying migrations');
  const migrate = spawnSync(process.execPath, [join(root, 'apps/api/dist/db/migrate.js')], { env, stdio: 'inherit' });
  if (migrate.status !== 0) throw new Error('migrations failed (see above)');

  service('api', [join(root, 'apps/api/dist/main.js')]);
  for (let i = 1; i <= workers; i++) {
    const name = workers > 1 ? `worker${i}` : 'worker';
    // A stable id per worker slot: a restarted worker adopts the run its previous life was training.
    service(name, [join(root, 'apps/api/dist/worker.main.js')], root, {
      WORKER_ID: process.env.WORKER_ID_PREFIX ? `${process.env.WORKER_ID_PREFIX}:${name}` : `${hostname()}:${apiPort}:${name}`,
    });
  }
  if (withWeb) {
    const nextBin = require.resolve('next/dist/bin/next', { paths: [join(root, 'apps/web')] });
    service('web', [nextBin, 'start', '-p', String(webPort)], join(root, 'apps/web'));
  }

  await waitFor(`http://127.0.0.1:${apiPort}/api/health`, 'API');
  if (withWeb) await waitFor(`http://127.0.0.1:${webPort}/`, 'dashboard');
  const dash = withWeb ? `Dashboard: http://localhost:${webPort}   ` : '';
  log(`ready. ${dash}API: http://localhost:${apiPort}/api/runs   OpenAPI: http://localhost:${apiPort}/api/docs`);
  log('Crashed processes are restarted; Ctrl-C stops everything.');
}

main().catch((e) => {
  console.error(`\n[tensorscope] ${e.message}`);
  void shutdown(1);
});
