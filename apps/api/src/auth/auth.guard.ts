import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, hasRole, type TRole } from '@tensorscope/shared';
import type { Request } from 'express';
import { ApiError } from '../common/api-error';
import { PUBLIC_KEY, ROLE_KEY } from './auth.decorators';
import { AuthService } from './auth.service';
import { readCredentials } from './credentials.read';
import { PRINCIPAL, type WithPrincipal } from './principal';
import { sameSecret } from './secret.token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every HTTP route: who is calling (bearer token or session cookie), may they (role), and, for a
 * cookie-authenticated write, did our own page send it (CSRF header). Runs before validation,
 * so an anonymous caller learns nothing about a route's input.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & WithPrincipal>();
    const principal = await this.auth.resolve(readCredentials(req.headers));
    if (!principal) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, {
        code: 'UNAUTHENTICATED',
        message: 'Sign in first, or send an API token as "Authorization: Bearer <token>".',
      });
    }
    const unsafe = !SAFE_METHODS.has(req.method);
    if (unsafe && principal.via === 'session') {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !principal.csrf || !sameSecret(sent, principal.csrf)) {
        throw new ApiError(HttpStatus.FORBIDDEN, {
          code: 'CSRF_FAILED',
          message: `A signed-in write must carry the ${CSRF_HEADER} header with the value of the ts_csrf cookie.`,
        });
      }
    }
    // A write route without @RequireRole fails closed (admin only).
    const needed = this.reflector.getAllAndOverride<TRole>(ROLE_KEY, targets) ?? (unsafe ? 'admin' : 'viewer');
    if (!hasRole(principal.user.role, needed)) {
      throw new ApiError(HttpStatus.FORBIDDEN, {
        code: 'FORBIDDEN',
        message: `This needs the ${needed} role; ${principal.user.email} is ${principal.user.role}.`,
      });
    }
    req[PRINCIPAL] = principal;
    return true;
  }
}
