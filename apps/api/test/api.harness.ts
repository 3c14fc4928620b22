import type { INestApplication } from '@nestjs/common';
import { inject } from 'vitest';

/** Points the env at the test database; must run before any Nest module reads ENV. */
export function useTestDatabase(extra: Record<string, string> = {}): string {
  const url = inject('databaseUrl');
  process.env.DATABASE_URL = url;
  process.env.DATA_DIR ??= `${__dirname}/../../../.data`;
  Object.assign(process.env, extra);
  return url;
}

/** Starts the real HTTP app on a free port and answers its base URL. */
export async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

export async function http<T = unknown>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(base + path, {
    method: init.method ?? (init.body !== undefined || init.rawBody !== undefined ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json' },
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
