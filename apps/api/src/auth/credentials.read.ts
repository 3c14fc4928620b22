import { SESSION_COOKIE } from '@tensorscope/shared';
import { parseCookies } from './cookie.parse';

/** The bearer token and session cookie of an HTTP request or a socket.io handshake. */
export function readCredentials(headers: { authorization?: string | undefined; cookie?: string | undefined }, socketToken?: unknown) {
  const auth = headers.authorization;
  const bearer =
    auth?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? (typeof socketToken === 'string' && socketToken.length > 0 ? socketToken : undefined);
  return { bearer, session: parseCookies(headers.cookie).get(SESSION_COOKIE) };
}
