import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findFreePort } from '@tensorscope/embedded-pg';

/** The admin the bench's API creates at its first start (the bench database is its own). */
export const BENCH_ADMIN = { email: 'bench@tensorscope.local', password: 'bench-admin-password' };

export interface TBenchApi {
  url: string;
  pid: number;
  /** The dashboard's cookie header (session + CSRF), as a browser sends it. */
  cookie: string;
  /** An API token, for the socket.io client. */
  token: string;
  stop(): Promise<void>;
}

/**
 * Starts the real API (`dist/main.js`, production build) as a process of its own against
 * `databaseUrl`, waits until /api/health answers, signs in and makes an API token.
 */
export async function startBenchApi(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  /** Node flags, e.g. `--cpu-prof` to see where a request's time goes. */
  nodeArgs: readonly string[] = [],
): Promise<TBenchApi> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, path.join(__dirname, '..', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      // The seed's running runs have no worker: the reaper must leave them as they are (their
      // heartbeats are renewed before each bench; the reaper's period is a quarter lease, and
      // a timer longer than 2^31 ms fires at once, every millisecond).
      LEASE_SECONDS: '86400',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  const stop = () => stopChild(child);
  try {
    await waitForHealth(url, child, () => stderr);
    const { cookie, token } = await signIn(url);
    return { url, pid: child.pid!, cookie, token, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}: ${stderr()}`);
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not answer /api/health within 120 s: ${stderr()}`);
}

async function signIn(url: string): Promise<{ cookie: string; token: string }> {
  // The first admin is created in the background right after start: retry a few times.
  for (let attempt = 0; ; attempt++) {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(BENCH_ADMIN),
    });
    if (login.status !== 200) {
      if (attempt < 20) {
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      throw new Error(`bench sign-in answered ${login.status}: ${await login.text()}`);
    }
    const pairs = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const cookie = pairs.join('; ');
    const csrf = decodeURIComponent(pairs.find((p) => p.startsWith('ts_csrf='))!.slice('ts_csrf='.length));
    const created = await fetch(`${url}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({ name: 'bench' }),
    });
    if (created.status !== 201) throw new Error(`bench token answered ${created.status}: ${await created.text()}`);
    return { cookie, token: ((await created.json()) as { token: string }).token };
  }
}

/** SIGTERM, then SIGKILL after 10 s; resolves once the process is gone. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
