import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { PrismaClient } from '@prisma/client';
import { createPrismaClient } from '../db/prisma.factory';
import { ENV, type TEnv } from '../env';

/** Owns the one Prisma client of a process; only repositories receive it. */
@Injectable()
export class PrismaService implements OnModuleDestroy {
  readonly client: PrismaClient;

  constructor(@Inject(ENV) env: TEnv) {
    this.client = createPrismaClient(env.DATABASE_URL);
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.$disconnect();
  }
}
