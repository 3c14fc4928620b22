import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiTokenRepository } from './api-token.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { FirstAdminBootstrap } from './first-admin.bootstrap';
import { SessionPruner } from './session.pruner';
import { SessionRepository } from './session.repository';
import { TokenController } from './token.controller';
import { UserController } from './user.controller';
import { UserRepository } from './user.repository';
import { UserService } from './user.service';

/** Accounts, sessions, API tokens, and the guard every HTTP route passes (sockets use AuthService too). */
@Global()
@Module({
  controllers: [AuthController, TokenController, UserController],
  providers: [
    UserRepository,
    SessionRepository,
    ApiTokenRepository,
    AuthService,
    UserService,
    FirstAdminBootstrap,
    SessionPruner,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
