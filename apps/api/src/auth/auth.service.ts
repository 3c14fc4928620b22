import { HttpStatus, Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PrincipalCache } from './principal.cache';
import type { ApiToken as TokenRow, User as UserRow } from '@prisma/client';
import type { TApiToken, TLoginBody, TTokenCreated, TUser } from '@tensorscope/shared';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { CLOCK, type Clock } from '../common/clock';
import { ApiError } from '../common/api-error';
import { ENV, type TEnv } from '../env';
import { ApiTokenRepository } from './api-token.repository';
import { LoginThrottle } from './login.throttle';
import { verifyPassword } from './password.hasher';
import type { TPrincipal } from './principal';
import { API_TOKEN_PREFIX, csrfOf, hashSecret, newSecret } from './secret.token';
import { SessionRepository } from './session.repository';
import { UserRepository } from './user.repository';

export const toUser = (row: UserRow): TUser => ({
  id: row.id,
  email: row.email,
  role: row.role,
  disabled: row.disabledAt !== null,
  createdAt: row.createdAt.toISOString(),
});

const toToken = (row: TokenRow): TApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

const principalOf = (user: UserRow, via: TPrincipal['via'], credentialId: string, csrf?: string): TPrincipal => ({
  user: { id: user.id, email: user.email, role: user.role },
  via,
  credentialId,
  ...(csrf !== undefined ? { csrf } : {}),
});

/** Sign-in, sessions and API tokens: turns credentials into a principal, and back. */
@Injectable()
export class AuthService implements OnModuleInit, OnModuleDestroy {
  private readonly throttle: LoginThrottle;
  private readonly principals = new PrincipalCache();
  /** When each token's lastUsedAt was last written by this process (it is written at most once a minute). */
  private readonly touched = new Map<string, number>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: ApiTokenRepository,
    @Inject(ENV) private readonly env: TEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
  ) {
    this.throttle = new LoginThrottle(env.LOGIN_MAX_FAILURES, env.LOGIN_MAX_FAILURES * 4, env.LOGIN_WINDOW_SECONDS * 1000);
  }

  /** A new session for the right email and password; one message for every wrong combination. */
  async login(body: TLoginBody, address: string): Promise<{ principal: TPrincipal; user: TUser; secret: string; expiresAt: Date }> {
    const wait = this.throttle.retryAfter(body.email, address);
    if (wait > 0) {
      throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, {
        code: 'TOO_MANY_ATTEMPTS',
        message: `Too many failed sign-ins for this account or from this address; try again in ${wait} s.`,
        details: { retryAfterSeconds: wait },
      });
    }
    const user = await this.users.findByEmail(body.email);
    const ok = (await verifyPassword(user?.passwordHash, body.password)) && user !== null && user.disabledAt === null;
    if (!ok || !user) {
      this.throttle.fail(body.email, address);
      throw new ApiError(HttpStatus.UNAUTHORIZED, {
        code: 'INVALID_CREDENTIALS',
        message: 'Wrong email or password, or the account is disabled.',
      });
    }
    this.throttle.succeed(body.email);
    const secret = newSecret();
    const expiresAt = new Date(this.clock.now().getTime() + this.env.SESSION_DAYS * 86_400_000);
    const session = await this.sessions.create(user.id, hashSecret(secret), expiresAt);
    return { principal: principalOf(user, 'session', session.id, csrfOf(secret)), user: toUser(user), secret, expiresAt };
  }

  async logout(principal: TPrincipal): Promise<void> {
    if (principal.via !== 'session') return;
    await this.sessions.deleteById(principal.credentialId);
    await this.revoked({ sessionId: principal.credentialId });
  }

  onModuleInit(): void {
    // Another process revoked something: forget what this one trusted of it.
    this.unsubscribe = this.bus.subscribe(
      (e) => {
        if (e.type === 'auth.revoked') this.principals.drop(e);
      },
      new Set(['auth.revoked'] as const),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Tells every API process to close sockets that ride on credentials that no longer work (and to stop trusting them). */
  async revoked(which: { userId?: string; tokenId?: string; sessionId?: string }): Promise<void> {
    this.principals.drop(which);
    await this.bus.publish({ type: 'auth.revoked', ...which }).catch(() => undefined);
  }

  /** The principal behind a bearer token or a session cookie; null when neither is valid. */
  async resolve(credentials: { bearer?: string | undefined; session?: string | undefined }): Promise<TPrincipal | null> {
    const now = this.clock.now();
    const epoch = this.principals.epoch;
    if (credentials.bearer) {
      const key = `token:${hashSecret(credentials.bearer)}`;
      let principal = this.principals.get(key, now.getTime());
      if (!principal) {
        const token = await this.tokens.find(key.slice('token:'.length));
        if (!token || token.user.disabledAt !== null) return null;
        principal = principalOf(token.user, 'token', token.id);
        this.principals.set(key, principal, now.getTime(), Number.POSITIVE_INFINITY, epoch);
      }
      await this.touch(principal.credentialId, now);
      return principal;
    }
    if (credentials.session) {
      const key = `session:${hashSecret(credentials.session)}`;
      const cached = this.principals.get(key, now.getTime());
      if (cached) return cached;
      const session = await this.sessions.find(key.slice('session:'.length), now);
      if (!session || session.user.disabledAt !== null) return null;
      const principal = principalOf(session.user, 'session', session.id, csrfOf(credentials.session));
      this.principals.set(key, principal, now.getTime(), session.expiresAt.getTime(), epoch);
      return principal;
    }
    return null;
  }

  /**
   * Records a token's use (lastUsedAt) at most once a minute per process, without a query on the
   * other requests. Awaited: a fire-and-forget write could still be in flight when the app shuts down.
   */
  private async touch(tokenId: string, now: Date): Promise<void> {
    const last = this.touched.get(tokenId);
    if (last !== undefined && now.getTime() - last < 60_000) return;
    this.touched.set(tokenId, now.getTime());
    if (this.touched.size > 10_000) this.touched.delete(this.touched.keys().next().value!);
    await this.tokens.touch(tokenId, now).catch(() => undefined);
  }

  async me(principal: TPrincipal): Promise<TUser> {
    const row = await this.users.findById(principal.user.id);
    if (!row) throw ApiError.notFound('user', principal.user.id);
    return toUser(row);
  }

  async createToken(principal: TPrincipal, name: string): Promise<TTokenCreated> {
    const token = newSecret(API_TOKEN_PREFIX);
    const row = await this.tokens.create(principal.user.id, name, token.slice(0, API_TOKEN_PREFIX.length + 6), hashSecret(token));
    return { ...toToken(row), token };
  }

  async listTokens(principal: TPrincipal): Promise<TApiToken[]> {
    return (await this.tokens.listOf(principal.user.id)).map(toToken);
  }

  async revokeToken(principal: TPrincipal, id: string): Promise<TApiToken> {
    const row = await this.tokens.revoke(id, principal.user.id, this.clock.now());
    if (!row) throw ApiError.notFound('token', id);
    await this.revoked({ tokenId: id });
    return toToken(row);
  }
}
