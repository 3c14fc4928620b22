import { Logger } from '@nestjs/common';
import { TRAIN_QUEUE, VISUALIZE_QUEUE, ZTrainJob, ZVisualizeJob, type TTrainJob, type TVisualizeJob } from '@tensorscope/shared';
import PgBoss from 'pg-boss';
import { KEEP_IDLE_CONNECTIONS } from '../db/prisma.factory';
import type { JobQueue } from './job-queue.port';

/**
 * pg-boss keeps jobs in Postgres, so any number of workers on any machine share one queue
 * through DATABASE_URL. The run row, not the job, is the source of truth for a run's state:
 * a job is only a "please train run X", and a worker claims the run with a conditional update.
 */
export class PgBossQueue implements JobQueue {
  private readonly logger = new Logger('PgBossQueue');
  private started: Promise<PgBoss> | null = null;

  constructor(private readonly databaseUrl: string) {}

  private boss(): Promise<PgBoss> {
    this.started ??= (async () => {
      const boss = new PgBoss({ connectionString: this.databaseUrl, max: 4, application_name: 'tensorscope-queue', idleTimeoutMillis: KEEP_IDLE_CONNECTIONS } as PgBoss.ConstructorOptions);
      boss.on('error', (e) => this.logger.error(`pg-boss: ${e.message}`));
      await boss.start();
      await boss.createQueue(TRAIN_QUEUE);
      await boss.createQueue(VISUALIZE_QUEUE);
      return boss;
    })();
    return this.started;
  }

  async enqueueTraining(job: TTrainJob): Promise<void> {
    const boss = await this.boss();
    // No retries: a failed run stays failed with its reason; the user relaunches it.
    // Expiry just under pg-boss's 24 h cap; the run's own lease (heartbeats) detects dead workers.
    await boss.send(TRAIN_QUEUE, job, { retryLimit: 0, expireInHours: 23 });
  }

  async workTraining(handler: (job: TTrainJob) => Promise<void>): Promise<void> {
    const boss = await this.boss();
    await boss.work<TTrainJob>(TRAIN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await handler(ZTrainJob.parse(job.data));
    });
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
    this.stopping ??= started.then((boss) => boss.stop({ graceful: false, wait: true, timeout: 5000 }));
    return this.stopping;
  }
}
