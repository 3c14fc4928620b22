import { Injectable } from '@nestjs/common';
import type { ApiToken as TokenRow, User as UserRow } from '@prisma/client';
import { PrismaService } from '../prisma/prisma.service';

/** Personal API tokens, looked up by the SHA-256 of the token. */
@Injectable()
export class ApiTokenRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(userId: string, name: string, prefix: string, tokenHash: string): Promise<TokenRow> {
    return this.prisma.client.apiToken.create({ data: { userId, name, prefix, tokenHash } });
  }

  /** An unrevoked token with its user. */
  async find(tokenHash: string): Promise<(TokenRow & { user: UserRow }) | null> {
    const row = await this.prisma.client.apiToken.findUnique({ where: { tokenHash }, include: { user: true } });
    return row && row.revokedAt === null ? row : null;
  }

  /** At most once a minute per token: a busy script must not turn every read into a write. */
  async touch(id: string, now: Date): Promise<void> {
    await this.prisma.client.apiToken.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
      data: { lastUsedAt: now },
    });
  }

  listOf(userId: string): Promise<TokenRow[]> {
    return this.prisma.client.apiToken.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } });
  }

  /** Revokes a token of this user; false when there is no such token of theirs. Idempotent. */
  async revoke(id: string, userId: string, now: Date): Promise<TokenRow | null> {
    const row = await this.prisma.client.apiToken.findFirst({ where: { id, userId } });
    if (!row) return null;
    if (row.revokedAt) return row;
    return this.prisma.client.apiToken.update({ where: { id }, data: { revokedAt: now } });
  }
}
