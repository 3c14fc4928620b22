import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { TRole } from '@tensorscope/shared';
import { PRINCIPAL, type TPrincipal, type WithPrincipal } from './principal';

export const PUBLIC_KEY = 'tensorscope:public';
export const ROLE_KEY = 'tensorscope:role';

/** Reachable without signing in (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The least role a route needs. Without it, reads (GET/HEAD) need `viewer` and every other
 * method needs `admin`: a write route that forgot to say who may call it fails closed.
 */
export const RequireRole = (role: TRole) => SetMetadata(ROLE_KEY, role);

/** The principal the AuthGuard resolved (routes that are not @Public always have one). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): TPrincipal => {
  const principal = ctx.switchToHttp().getRequest<WithPrincipal>()[PRINCIPAL];
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
