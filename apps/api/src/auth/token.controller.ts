import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ZRunIdParam, ZTokenCreate, type TApiToken, type TTokenCreate, type TTokenCreated, type TTokenList } from '@tensorscope/shared';
import { ZodPipe } from '../common/zod.pipe';
import { CurrentPrincipal, RequireRole } from './auth.decorators';
import { AuthService } from './auth.service';
import type { TPrincipal } from './principal';

/** Personal API tokens: anyone signed in makes their own (with their own role), sees them, revokes them. */
@Controller('api/tokens')
export class TokenController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @RequireRole('viewer')
  @HttpCode(201)
  create(
    @CurrentPrincipal() principal: TPrincipal,
    @Body(new ZodPipe(ZTokenCreate, 'token')) body: Required<TTokenCreate>,
  ): Promise<TTokenCreated> {
    return this.auth.createToken(principal, body.name);
  }

  @Get()
  async list(@CurrentPrincipal() principal: TPrincipal): Promise<TTokenList> {
    return { items: await this.auth.listTokens(principal) };
  }

  @Delete(':id')
  @RequireRole('viewer')
  revoke(
    @CurrentPrincipal() principal: TPrincipal,
    @Param(new ZodPipe(ZRunIdParam, 'token id')) params: { id: string },
  ): Promise<TApiToken> {
    return this.auth.revokeToken(principal, params.id);
  }
}
