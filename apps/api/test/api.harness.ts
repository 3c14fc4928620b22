import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

/** Points the env at the test database; must run before any Nest module reads ENV. */
export function useTestDatabase(extra: Record<string, string> = {}): string {
  const url = inject('databaseUrl');
  process.env.DATABASE_URL = url;
  process.env.DATA_DIR ??= `${__dirname}/../../../.data`;
  // The first admin every test app creates; tests act as this admin unless they sign in otherwise.
  process.env.ADMIN_EMAIL = TEST_ADMIN.email;
  process.env.ADMIN_PASSWORD = TEST_ADMIN.password;
  Object.assign(process.env, extra);
  return url;
}

/**
 * Cancels every run still queued in the shared test database. All API test files share one
 * database and the queue is FIFO, so a file that starts a worker would otherwise train the runs
 * other files left queued (REST tests create runs no worker takes) before its own.
 */
export async function cancelLeftoverRuns(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`UPDATE "Run" SET status = 'cancelled', "finishedAt" = now() WHERE status = 'queued'`);
  } finally {
    await db.end();
  }
}

/**
 * The real HTTP app (same wiring as main.ts) on the test database, listening on a free port, with
 * only errors and warnings logged. `extraEnv` as in useTestDatabase. Close `app` when done.
 */
export async function startTestApi(
  extraEnv: Record<string, string> = {},
): Promise<{ app: NestExpressApplication; base: string; databaseUrl: string }> {
  const databaseUrl = useTestDatabase(extraEnv);
  // Imported only now: the app's modules read the env when they load.
  const { createApiApp } = await import('../src/api.factory');
  const app = await createApiApp(['error', 'warn']);
  return { app, base: await listen(app), databaseUrl };
}

/**
 * startTestApi for one test file: started before the file's tests, closed after them. Read
 * `api.app` and `api.base` in tests and later hooks.
 */
export function useTestApi(env: Record<string, string> = {}): { app: NestExpressApplication; base: string } {
  const api = { app: undefined as unknown as NestExpressApplication, base: '' };
  beforeAll(async () => {
    ({ app: api.app, base: api.base } = await startTestApi(env));
  });
  afterAll(async () => {
    await api.app?.close();
  });
  return api;
}

/** Starts the real HTTP app on a free port and answers its base URL. */
export async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

export const TEST_ADMIN = { email: 'admin@test.local', password: 'test-admin-password' };

/** Signs in with email and password; answers the session and CSRF cookies as request headers. */
export async function signIn(
  base: string,
  who: { email: string; password: string } = TEST_ADMIN,
): Promise<{ cookie: string; csrf: string }> {
  // The first admin is created in the background at start: give it a moment.
  const res = await until(
    `sign-in of ${who.email}`,
    async () => {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(who),
      });
      return r.status === 200 ? r : undefined;
    },
    15_000,
  );
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('ts_csrf='))!.slice('ts_csrf='.length);
  return { cookie: cookies.join('; '), csrf };
}

const tokens = new Map<string, Promise<string>>();

/** An API token of the test admin for this app (made once per base URL). */
export function tokenFor(base: string): Promise<string> {
  let token = tokens.get(base);
  if (!token) {
    token = (async () => {
      const { cookie, csrf } = await signIn(base);
      const r = await fetch(`${base}/api/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify({ name: 'tests' }),
      });
      if (r.status !== 201) throw new Error(`creating a test token answered ${r.status}: ${await r.text()}`);
      return ((await r.json()) as { token: string }).token;
    })();
    token.catch(() => tokens.delete(base));
    tokens.set(base, token);
  }
  return token;
}

/** Creates a user (as the test admin) and answers an API token of theirs. */
export async function userToken(
  base: string,
  who: { email: string; password: string },
  role: 'viewer' | 'launcher' | 'admin',
): Promise<string> {
  const created = await http(base, '/api/users', { body: { ...who, role } });
  if (created.status !== 201) throw new Error(`creating ${who.email} answered ${created.status}: ${JSON.stringify(created.body)}`);
  const { cookie, csrf } = await signIn(base, who);
  const t = await http<{ token: string }>(base, '/api/tokens', {
    body: { name: 'mine' },
    token: null,
    headers: { cookie, 'x-csrf-token': csrf },
  });
  if (t.status !== 201) throw new Error(`creating a token of ${who.email} answered ${t.status}`);
  return t.body.token;
}

/** fetch with the test admin's token (for binary answers: PNGs, CSV, weights). */
export async function authedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const base = new URL(url).origin;
  return fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${await tokenFor(base)}` } });
}

/**
 * JSON request as the test admin (API token). `token: null` sends none (anonymous); a string
 * sends that token instead.
 */
export async function http<T = unknown>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string; token?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const token = init.token === undefined ? await tokenFor(base) : init.token;
  const res = await fetch(base + path, {
    method: init.method ?? (init.body !== undefined || init.rawBody !== undefined ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
    body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Polls until `check` returns a value; fails with `what` after `ms`. */
export async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 150_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
