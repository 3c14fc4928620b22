import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ZRunIdParam, ZUserCreate, ZUserUpdate, type TUser, type TUserCreate, type TUserList, type TUserUpdate } from '@tensorscope/shared';
import { ZodPipe } from '../common/zod.pipe';
import { RequireRole } from './auth.decorators';
import { UserService } from './user.service';

/** Accounts, for admins only. */
@Controller('api/users')
@RequireRole('admin')
export class UserController {
  constructor(private readonly users: UserService) {}

  @Get()
  async list(): Promise<TUserList> {
    return { items: await this.users.list() };
  }

  @Post()
  @HttpCode(201)
  create(@Body(new ZodPipe(ZUserCreate, 'user')) body: Required<TUserCreate>): Promise<TUser> {
    return this.users.create(body);
  }

  @Patch(':id')
  update(
    @Param(new ZodPipe(ZRunIdParam, 'user id')) params: { id: string },
    @Body(new ZodPipe(ZUserUpdate, 'user')) body: TUserUpdate,
  ): Promise<TUser> {
    return this.users.update(params.id, body);
  }
}
