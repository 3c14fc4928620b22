import { CSRF_COOKIE, CSRF_HEADER } from '@tensorscope/shared';

/**
 * One cookie's value from a `document.cookie` string, or undefined. The API sets its cookies on
 * its own host; cookies ignore ports, so the dashboard (same host, another port) can read the
 * CSRF one here.
 */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      // A malformed escape: the raw value is still what the API compares against.
      return raw;
    }
  }
  return undefined;
}

/** Methods the API treats as writes, which must echo the CSRF cookie when authenticated by cookie. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The CSRF header for a request: the `ts_csrf` cookie echoed back on writes. Nothing on reads,
 * and nothing without the cookie (signed out: the API answers 401 anyway, not CSRF_FAILED).
 */
export function csrfHeaders(method: string | undefined, cookies: string): Record<string, string> {
  if (SAFE_METHODS.has((method ?? 'GET').toUpperCase())) return {};
  const token = readCookie(cookies, CSRF_COOKIE);
  return token ? { [CSRF_HEADER]: token } : {};
}
