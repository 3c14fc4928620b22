import { Injectable } from '@nestjs/common';
import type { Role, User as UserRow } from '@prisma/client';
import { PrismaService } from '../prisma/prisma.service';

/** The only code that reads or writes User rows. */
@Injectable()
export class UserRepository {
  constructor(private readonly prisma: PrismaService) {}

  private get db() {
    return this.prisma.client;
  }

  findByEmail(email: string): Promise<UserRow | null> {
    return this.db.user.findUnique({ where: { email } });
  }

  findById(id: string): Promise<UserRow | null> {
    return this.db.user.findUnique({ where: { id } });
  }

  list(): Promise<UserRow[]> {
    return this.db.user.findMany({ orderBy: { createdAt: 'asc' } });
  }

  count(): Promise<number> {
    return this.db.user.count();
  }

  /** null when the email is taken (unique index: concurrent creates cannot both win). */
  async create(email: string, passwordHash: string, role: Role): Promise<UserRow | null> {
    const taken = await this.db.user.findUnique({ where: { email }, select: { id: true } });
    if (taken) return null;
    try {
      return await this.db.user.create({ data: { email, passwordHash, role } });
    } catch (e) {
      if ((e as { code?: string }).code === 'P2002') return null;
      throw e;
    }
  }

  /** Disabling or changing a password also ends every session of that user (one transaction). */
  async update(id: string, data: { role?: Role; disabled?: boolean; passwordHash?: string }): Promise<UserRow | null> {
    const row = await this.findById(id);
    if (!row) return null;
    const endSessions = data.disabled === true || data.passwordHash !== undefined;
    const [updated] = await this.db.$transaction([
      this.db.user.update({
        where: { id },
        data: {
          ...(data.role !== undefined ? { role: data.role } : {}),
          ...(data.disabled !== undefined ? { disabledAt: data.disabled ? (row.disabledAt ?? new Date()) : null } : {}),
          ...(data.passwordHash !== undefined ? { passwordHash: data.passwordHash } : {}),
        },
      }),
      ...(endSessions ? [this.db.session.deleteMany({ where: { userId: id } })] : []),
    ]);
    return updated;
  }

  /** Admins that can still sign in: the last one must not be demoted or disabled. */
  activeAdmins(): Promise<number> {
    return this.db.user.count({ where: { role: 'admin', disabledAt: null } });
  }
}
