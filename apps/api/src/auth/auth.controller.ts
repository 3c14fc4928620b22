import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CSRF_COOKIE, SESSION_COOKIE, ZLoginBody, type TLoginBody, type TWhoAmI } from '@tensorscope/shared';
import type { Request, Response } from 'express';
import { ZodPipe } from '../common/zod.pipe';
import { ENV, type TEnv } from '../env';
import { CurrentPrincipal, Public, RequireRole } from './auth.decorators';
import { AuthService } from './auth.service';
import type { TPrincipal } from './principal';

/** Dashboard sign-in: a session in an HTTP-only cookie, plus the CSRF cookie the page echoes on writes. */
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(ENV) private readonly env: TEnv,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  async login(
    @Body(new ZodPipe(ZLoginBody, 'sign-in')) body: TLoginBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TWhoAmI> {
    const { principal, user, secret, expiresAt } = await this.auth.login(body, req.ip ?? req.socket.remoteAddress ?? 'unknown');
    const common = { sameSite: 'lax' as const, secure: this.env.COOKIE_SECURE, path: '/', expires: expiresAt };
    res.cookie(SESSION_COOKIE, secret, { ...common, httpOnly: true });
    res.cookie(CSRF_COOKIE, principal.csrf, { ...common, httpOnly: false });
    return { user, via: 'session' };
  }

  @Post('logout')
  @RequireRole('viewer')
  @HttpCode(200)
  async logout(@CurrentPrincipal() principal: TPrincipal, @Res({ passthrough: true }) res: Response): Promise<{ ok: true }> {
    await this.auth.logout(principal);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true };
  }

  @Get('me')
  async me(@CurrentPrincipal() principal: TPrincipal): Promise<TWhoAmI> {
    return { user: await this.auth.me(principal), via: principal.via };
  }
}
