import { HttpStatus, Injectable } from '@nestjs/common';
import type { TUser, TUserCreate, TUserUpdate } from '@tensorscope/shared';
import { ApiError } from '../common/api-error';
import { AuthService, toUser } from './auth.service';
import { hashPassword } from './password.hasher';
import { UserRepository } from './user.repository';

/** What admins do with accounts. */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly auth: AuthService,
  ) {}

  async list(): Promise<TUser[]> {
    return (await this.users.list()).map(toUser);
  }

  async create(input: Required<TUserCreate>): Promise<TUser> {
    const row = await this.users.create(input.email, await hashPassword(input.password), input.role);
    if (!row) throw ApiError.conflict(`a user with email ${input.email} already exists`, { path: 'email' });
    return toUser(row);
  }

  async update(id: string, input: TUserUpdate): Promise<TUser> {
    const current = await this.users.findById(id);
    if (!current) throw ApiError.notFound('user', id);
    const losesAdmin =
      current.role === 'admin' &&
      current.disabledAt === null &&
      ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin && (await this.users.activeAdmins()) <= 1) {
      throw new ApiError(HttpStatus.CONFLICT, {
        code: 'LAST_ADMIN',
        message: 'This is the last active admin; make another user admin first.',
      });
    }
    const row = await this.users.update(id, {
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password) } : {}),
    });
    if (!row) throw ApiError.notFound('user', id);
    // Sessions ended (repository) and tokens stop resolving: close their open sockets too.
    if (input.disabled === true || input.password !== undefined || input.role !== undefined) await this.auth.revoked({ userId: id });
    return toUser(row);
  }
}
