#!/usr/bin/env node
// Runs the whole product on one machine: embedded Postgres (unless DATABASE_URL is set),
// migrations, the API, N training workers and the dashboard. Ctrl-C stops all of it cleanly;
// data stays in .data/ so the next start finds every earlier run.
// Expects a built workspace (`npm start` builds first).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const apiPort = Number(process.env.API_PORT ?? 4000);
const webPort = Number(process.env.WEB_PORT ?? 3000);
const workers = Number(process.env.WORKERS ?? 1);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', API_PORT: String(apiPort), WEB_PORT: String(webPort) };
const children = [];
let db = null;
let stopping = false;

const log = (msg) => console.log(`\x1b[36m[tensorscope]\x1b[0m ${msg}`);

function start(name, args, cwd = root) {
  // Own process group: Ctrl-C reaches only this script, which then stops the children in order
  // (a child killed by the terminal's SIGINT first would look like a crash).
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = (stream, out) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    log(`${name} exited (${signal ?? code}); stopping everything`);
    void shutdown(1);
  });
  children.push({ name, child });
  return child;
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
  const exits = children.map(
    ({ child }) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  );
  await Promise.all(exits);
  if (db) await db.stop().catch((e) => console.error(`stopping Postgres: ${e.message}`));
  log('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
// Last resort if this script dies without shutdown(): don't leave detached children behind.
process.on('exit', () => {
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function main() {
  if (!env.DATABASE_URL) {
    const { startEmbeddedPostgres } = require(join(root, 'apps/api/dist/db/embedded-postgres.js'));
    const dataDir = process.env.TENSORSCOPE_PG_DIR ?? join(root, '.data', 'postgres');
    const port = process.env.TENSORSCOPE_PG_PORT ? Number(process.env.TENSORSCOPE_PG_PORT) : undefined;
    log(`starting embedded PostgreSQL (data in ${dataDir})`);
    // Postgres is chatty at LOG level (checkpoints, startup); show only what needs attention.
    const onLog = (line) => {
      if (/\b(WARNING|ERROR|FATAL|PANIC):/.test(line)) process.stdout.write(`[postgres] ${line}\n`);
    };
    db = await startEmbeddedPostgres({ dataDir, port, onLog });
    env.DATABASE_URL = db.databaseUrl;
  } else {
    log('using DATABASE_URL');
  }
  log('applying migrations');
  const migrate = spawnSync(process.execPath, [join(root, 'apps/api/dist/db/migrate.js')], { env, stdio: 'inherit' });
  if (migrate.status !== 0) throw new Error('migrations failed (see above)');

  start('api', [join(root, 'apps/api/dist/main.js')]);
  for (let i = 1; i <= workers; i++) start(workers > 1 ? `worker${i}` : 'worker', [join(root, 'apps/api/dist/worker.main.js')]);
  const nextBin = require.resolve('next/dist/bin/next', { paths: [join(root, 'apps/web')] });
  start('web', [nextBin, 'start', '-p', String(webPort)], join(root, 'apps/web'));

  await waitFor(`http://127.0.0.1:${apiPort}/api/health`, 'API');
  await waitFor(`http://127.0.0.1:${webPort}/`, 'dashboard');
  log(`ready. Dashboard: http://localhost:${webPort}   API: http://localhost:${apiPort}/api/runs   OpenAPI: http://localhost:${apiPort}/api/docs`);
  log('Ctrl-C stops everything.');
}

main().catch((e) => {
  console.error(`\n[tensorscope] ${e.message}`);
  void shutdown(1);
});
