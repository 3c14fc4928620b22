import { Logger } from '@nestjs/common';
import { VISUALIZE_QUEUE, ZVisualizeJob, type TVisualizeJob } from '@tensorscope/shared';
import PgBoss from 'pg-boss';
import { CONNECT_TIMEOUT_MS, KEEP_IDLE_CONNECTIONS } from '../db/prisma.factory';
import type { JobQueue } from './job-queue.port';

/**
 * pg-boss keeps jobs in Postgres, so any number of workers on any machine share one queue
 * through DATABASE_URL. The visualization row, not the job, is the source of truth for its
 * state: a job is only a "please compute X", claimed with a conditional update.
 */
export class PgBossQueue implements JobQueue {
  private readonly logger = new Logger('PgBossQueue');
  private started: Promise<PgBoss> | null = null;

  constructor(private readonly databaseUrl: string) {}

  private boss(): Promise<PgBoss> {
    this.started ??= (async () => {
      const boss = new PgBoss({
        connectionString: this.databaseUrl,
        max: 4,
        application_name: 'tensorscope-queue',
        idleTimeoutMillis: KEEP_IDLE_CONNECTIONS,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      } as PgBoss.ConstructorOptions);
      boss.on('error', (e) => this.logger.error(`pg-boss: ${e.message}`));
      await boss.start();
      await boss.createQueue(VISUALIZE_QUEUE);
      return boss;
    })();
    // A start that failed (database away) is tried again by the next call instead of sticking.
    this.started.catch(() => (this.started = null));
    return this.started;
  }

  async enqueueVisualize(job: TVisualizeJob): Promise<void> {
    const boss = await this.boss();
    // The visualization row holds the state; a failed job stays failed until recomputed.
    await boss.send(VISUALIZE_QUEUE, job, { retryLimit: 0, expireInHours: 2 });
  }

  async workVisualize(handler: (job: TVisualizeJob) => Promise<void>): Promise<void> {
    const boss = await this.boss();
    await boss.work<TVisualizeJob>(VISUALIZE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await handler(ZVisualizeJob.parse(job.data));
    });
  }

  private stopping: Promise<void> | null = null;

  /** Idempotent: the worker stops the queue before the app's shutdown hook does it again. */
  stop(): Promise<void> {
    const started = this.started;
    if (!started) return Promise.resolve();
    // Stopping while the database is away fails (pg-boss marks in-flight jobs failed); the jobs'
    // rows are the truth anyway, so that must not turn a shutdown into a crash.
    this.stopping ??= started
      .then((boss) => boss.stop({ graceful: false, wait: true, timeout: 5000 }))
      .catch((e: unknown) => this.logger.warn(`pg-boss stop: ${String(e)}`));
    return this.stopping;
  }
}
