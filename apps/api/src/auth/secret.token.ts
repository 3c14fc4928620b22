import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a session cookie or an API token: 32 bytes, URL-safe. */
export const newSecret = (prefix = ''): string => `${prefix}${randomBytes(32).toString('base64url')}`;

/** What is stored instead of a secret: a stolen database dump cannot be replayed as a login. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * The CSRF token of a session, derived from its secret (nothing more to store): the dashboard
 * reads it from a non-HTTP-only cookie and sends it back as a header on every write, which a
 * page on another site cannot do.
 */
export const csrfOf = (sessionSecret: string): string => createHash('sha256').update(`csrf\0${sessionSecret}`).digest('base64url');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** API tokens start with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'tsk_';
