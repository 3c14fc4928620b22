import { API_PORT } from './playwright.config';

/** The admin the e2e stack creates at its first start (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const E2E_ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password' };
export const API = `http://127.0.0.1:${API_PORT}`;

/** fetch against the API as the e2e admin (its API token, made by the global setup). */
export function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const token = process.env.E2E_TOKEN;
  if (!token) throw new Error('E2E_TOKEN is not set: the global setup signs in and makes one');
  return fetch(API + path, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) },
  });
}

/**
 * Signs in over REST and answers what the browser needs: the cookies (for Playwright's
 * storageState) and an API token for the specs' own REST calls.
 */
export async function signInForE2e(): Promise<{ cookies: Array<{ name: string; value: string }>; token: string }> {
  const login = await fetch(`${API}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(E2E_ADMIN),
  });
  if (login.status !== 200) throw new Error(`e2e sign-in answered ${login.status}: ${await login.text()}`);
  const cookies = login.headers.getSetCookie().map((c) => {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    return { name: pair!.slice(0, eq), value: decodeURIComponent(pair!.slice(eq + 1)) };
  });
  const csrf = cookies.find((c) => c.name === 'ts_csrf')!.value;
  const cookieHeader = cookies.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join('; ');
  const created = await fetch(`${API}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookieHeader, 'x-csrf-token': csrf },
    body: JSON.stringify({ name: 'e2e' }),
  });
  if (created.status !== 201) throw new Error(`e2e token answered ${created.status}: ${await created.text()}`);
  return { cookies, token: ((await created.json()) as { token: string }).token };
}
