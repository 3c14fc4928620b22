import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { PrismaClient } from '@prisma/client';
import type { Pool } from 'pg';
import { createPrismaClient, createPrismaPool } from '../db/prisma.factory';
import { ENV, type TEnv } from '../env';

/** Owns the one Prisma client of a process; only repositories receive it. */
@Injectable()
export class PrismaService implements OnModuleDestroy {
  readonly client: PrismaClient;
  private readonly pool: Pool;

  constructor(@Inject(ENV) env: TEnv) {
    this.pool = createPrismaPool(env.DATABASE_URL);
    // The adapter also listens, but only once it connects; a pool error before that must not crash.
    this.pool.on('error', () => undefined);
    this.client = createPrismaClient(env.DATABASE_URL, this.pool);
  }

  /**
   * The pool is ours, not the adapter's, so shutdown cannot hang: with the adapter's own pool,
   * $disconnect waited forever for a query that was in flight when it began (seen: the medium
   * tests' app.close() hung 180 s on an API-token "last used" update).
   */
  async onModuleDestroy(): Promise<void> {
    await this.client.$disconnect();
    const ended = await Promise.race([
      this.pool.end().then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 5000).unref()),
    ]);
    if (!ended) new Logger('PrismaService').warn('database connections still busy after 5 s; leaving them to the process exit');
  }
}
