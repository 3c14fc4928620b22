import { Injectable } from '@nestjs/common';
import type { Session as SessionRow, User as UserRow } from '@prisma/client';
import { PrismaService } from '../prisma/prisma.service';

/** Dashboard sessions, looked up by the SHA-256 of the cookie's secret. */
@Injectable()
export class SessionRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(userId: string, tokenHash: string, expiresAt: Date): Promise<SessionRow> {
    return this.prisma.client.session.create({ data: { userId, tokenHash, expiresAt } });
  }

  /** A live session with its user; expired ones are treated as absent (and cleaned up by deleteExpired). */
  async find(tokenHash: string, now: Date): Promise<(SessionRow & { user: UserRow }) | null> {
    const row = await this.prisma.client.session.findUnique({ where: { tokenHash }, include: { user: true } });
    return row && row.expiresAt > now ? row : null;
  }

  async deleteById(id: string): Promise<void> {
    await this.prisma.client.session.deleteMany({ where: { id } });
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.prisma.client.session.deleteMany({ where: { expiresAt: { lt: now } } });
  }
}
