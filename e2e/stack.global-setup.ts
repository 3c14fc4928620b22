import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_ADMIN, signInForE2e } from './api-auth';
import { API_PORT, PG_PORT, STORAGE_STATE, WEB_PORT } from './playwright.config';

/** Starts the real stack (API, worker, dashboard, fresh embedded Postgres) and stops it afterwards. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = join(__dirname, '..');
  // The bench keeps its seeded database between runs (E2E_PG_DIR); tests get a throwaway one.
  const keepPg = process.env.E2E_PG_DIR !== undefined;
  const pgDir = process.env.E2E_PG_DIR ?? mkdtempSync(join(tmpdir(), 'tensorscope-e2e-pg-'));
  // The supervisor writes who runs what (pids change on restarts); durability tests read it.
  const stateFile = join(pgDir, '..', `tensorscope-e2e-stack-${API_PORT}.json`);
  process.env.E2E_STATE_FILE = stateFile;
  const env = {
    ...process.env,
    TENSORSCOPE_STATE_FILE: stateFile,
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    // Durability tests kill processes mid-run: checkpoint often, notice dead leases soon.
    CHECKPOINT_SECONDS: '2',
    HEARTBEAT_SECONDS: '2',
    LEASE_SECONDS: '30',
    API_PORT: String(API_PORT),
    WEB_PORT: String(WEB_PORT),
    TENSORSCOPE_PG_DIR: pgDir,
    TENSORSCOPE_PG_PORT: String(PG_PORT),
    TENSORSCOPE_BACKEND: 'wasm',
    ...(process.env.E2E_WORKERS !== undefined ? { WORKERS: process.env.E2E_WORKERS } : {}),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;
  const stack = spawn(process.execPath, [join(root, 'scripts/stack.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('[tensorscope] ready.') || log.includes('ready. Dashboard')) resolve();
    };
    stack.stdout.on('data', onData);
    stack.stderr.on('data', onData);
    stack.on('exit', (code) => reject(new Error(`stack exited (${code}) before it was ready:\n${log.slice(-4000)}`)));
    setTimeout(() => reject(new Error(`stack not ready after 180 s:\n${log.slice(-4000)}`)), 180_000).unref();
  });
  await ready;
  // Every spec acts as the admin: the browser through the session cookies (storageState), REST
  // calls through an API token. Cookies are per host, not per port: one set serves API and dashboard.
  const { cookies, token } = await signInForE2e();
  process.env.E2E_TOKEN = token;
  const expires = Math.floor(Date.now() / 1000) + 86_400;
  const state = {
    cookies: cookies.map((c) => ({
      ...c,
      domain: '127.0.0.1',
      path: '/',
      expires,
      httpOnly: c.name === 'ts_session',
      secure: false,
      sameSite: 'Lax' as const,
    })),
    origins: [],
  };
  mkdirSync(join(STORAGE_STATE, '..'), { recursive: true });
  writeFileSync(STORAGE_STATE, JSON.stringify(state));
  return async () => {
    const exited = new Promise((r) => stack.once('exit', r));
    stack.kill('SIGTERM');
    await exited;
    if (process.env.E2E_KEEP_LOG) console.log(log);
    if (!keepPg) rmSync(pgDir, { recursive: true, force: true });
    rmSync(stateFile, { force: true });
  };
}
