import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ZRunConfig } from '@tensorscope/shared';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { InfraModule } from '../infra.module';
import { PgPoolService } from '../prisma/pg-pool.service';
import { RunDataModule } from '../runs/run-data.module';
import { RunRepository } from '../runs/run.repository';
import { ScalarsModule } from '../scalars/scalars.module';
import { ScalarStore } from '../scalars/scalar.store';
import { ScalarWriter } from '../worker/scalar-writer';

/** What a worker process wires for writing metrics (WorkerModule without the training loop). */
@Module({ imports: [InfraModule, RunDataModule, ScalarsModule] })
class WorkerSideModule {}

export interface TWorkerSide {
  context: INestApplicationContext;
  /** A run in `running` state that points can be written to (deleted with everything it stored by `drop`). */
  newRun(name: string): Promise<string>;
  /** The scalar writer a worker makes for a run: the real store, run repository and bus. */
  writer(runId: string): ScalarWriter;
  /** The process's bus (progress events, as the worker publishes them). */
  bus: EventBus;
  drop(runId: string): Promise<void>;
  /** Points stored for these runs, counted in Postgres. */
  storedPoints(runIds: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * The worker's side of metric ingestion, in this process: the same Nest providers (Prisma, pg
 * pool, NOTIFY bus, scalar store, run repository) and the same ScalarWriter a worker process uses.
 */
export async function startWorkerSide(databaseUrl: string): Promise<TWorkerSide> {
  process.env.DATABASE_URL = databaseUrl;
  const context = await NestFactory.createApplicationContext(WorkerSideModule, { logger: ['error', 'warn'] });
  const runs = context.get(RunRepository);
  const scalars = context.get(ScalarStore);
  const bus = context.get<EventBus>(EVENT_BUS);
  return {
    context,
    async newRun(name) {
      const row = await runs.create(ZRunConfig.parse({ name, model: 'lstm' }));
      await runs.claim(row.id, 'bench-worker', new Date());
      return row.id;
    },
    writer: (runId) => new ScalarWriter(runId, scalars, runs, bus),
    bus,
    async drop(runId) {
      await runs.finish(runId, 'bench-worker', 'cancelled', new Date());
      await runs.deleteFinished(runId);
    },
    async storedPoints(runIds) {
      const found = await context
        .get(PgPoolService)
        .pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ScalarPoint" WHERE "runId" = ANY($1::uuid[])`, [runIds]);
      return found.rows[0]!.n;
    },
    close: () => context.close(),
  };
}
