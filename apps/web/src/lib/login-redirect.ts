/** The sign-in page's path. */
export const LOGIN_PATH = '/login';

/** A made-up origin to resolve paths against: anything that resolves elsewhere is not ours. */
const PROBE = 'http://tensorscope.invalid';

/**
 * Where to go after signing in: `next` when it is a path of this app, '/' otherwise. Only a
 * single leading '/' passes: '//evil.example' and '/\evil.example' are protocol-relative to
 * browsers, and 'https://…' or 'javascript:…' are not paths at all (an open redirect).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Tabs and newlines are dropped by URL parsers ('/\t/evil' becomes '//evil'), and control
  // characters have no place in a path anyway.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, PROBE);
  } catch {
    return '/';
  }
  if (url.origin !== PROBE) return '/';
  // Back to the sign-in page would only ask again.
  if (url.pathname === LOGIN_PATH) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, remembering the page to come back to (none for the home or sign-in page). */
export function loginHref(currentPath: string): string {
  const next = safeNextPath(currentPath);
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}

/** True on the sign-in page itself, where an unauthenticated answer is expected, not a reason to redirect. */
export const isLoginPath = (pathname: string): boolean => pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`);
