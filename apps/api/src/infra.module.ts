import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_BUS, type EventBus } from './bus/event-bus.port';
import { PgNotifyBus } from './bus/pg-notify.bus';
import { CLOCK, systemClock } from './common/clock';
import { ENV, loadEnv, type TEnv } from './env';
import { PrismaService } from './prisma/prisma.service';
import { PgPoolService } from './prisma/pg-pool.service';
import { JOB_QUEUE, type JobQueue } from './queue/job-queue.port';
import { PgBossQueue } from './queue/pgboss.queue';

/**
 * Process-wide adapters (env, clock, Prisma and the pg pool, queue, bus) shared by the API and
 * the worker. Repositories live in the feature modules that own their tables.
 */
@Global()
@Module({
  providers: [
    { provide: ENV, useFactory: () => loadEnv() },
    { provide: CLOCK, useValue: systemClock },
    PrismaService,
    PgPoolService,
    { provide: JOB_QUEUE, inject: [ENV], useFactory: (env: TEnv) => new PgBossQueue(env.DATABASE_URL) },
    { provide: EVENT_BUS, inject: [ENV], useFactory: (env: TEnv) => new PgNotifyBus(env.DATABASE_URL) },
  ],
  exports: [ENV, CLOCK, PrismaService, PgPoolService, JOB_QUEUE, EVENT_BUS],
})
export class InfraModule implements OnApplicationShutdown {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop();
    await this.bus.close();
  }
}
