import type { TEnv } from '../env';

/**
 * Which browser origins may call the API with the user's cookies. CORS_ORIGINS lists them
 * explicitly; left empty, the dashboard of this same host is allowed: the origin's hostname
 * equals the hostname the API was reached at, on the dashboard's port (WEB_PORT). So
 * localhost:3000 and a LAN address both work, and a page on any other site does not.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  env: Pick<TEnv, 'CORS_ORIGINS' | 'WEB_PORT'>,
): boolean {
  if (origin === undefined) return true; // not a browser cross-origin request (curl, server-side)
  const listed = env.CORS_ORIGINS.split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  if (listed.length > 0) return listed.includes(origin);
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const hostname = (host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname.replace(/^\[|\]$/g, '') === hostname &&
    port === String(env.WEB_PORT)
  );
}
