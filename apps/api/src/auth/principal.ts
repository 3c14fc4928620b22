import type { TRole } from '@tensorscope/shared';

/** Who a request or socket acts for, resolved by the AuthGuard / socket middleware. */
export interface TPrincipal {
  user: { id: string; email: string; role: TRole };
  via: 'session' | 'token';
  /** Which token or session this is, so an open socket can be closed when it is revoked or ends. */
  credentialId: string;
  /** Session requests only: what the CSRF header must equal. */
  csrf?: string;
}

/** Where the guard puts the principal on the express request. */
export const PRINCIPAL = Symbol('principal');
export type WithPrincipal = { [PRINCIPAL]?: TPrincipal };
