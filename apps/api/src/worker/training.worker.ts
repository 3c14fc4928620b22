import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ZRunConfig, type TBackendChoice, type TRunProgress, type TTrainJob } from '@tensorscope/shared';
import { initBackend, trainRun } from '@tensorscope/ml';
import { join } from 'node:path';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { CLOCK, type Clock } from '../common/clock';
import { ENV, type TEnv } from '../env';
import { InspectRepository } from '../inspect/inspect.repository';
import { snapshotsToDrop } from '../inspect/snapshot-retention';
import { JOB_QUEUE, type JobQueue } from '../queue/job-queue.port';
import { RunRepository } from '../runs/run.repository';
import { ScalarRepository } from '../runs/scalar.repository';
import { ScalarRollupRepository } from '../compare/scalar-rollup.repository';
import { ScalarWriter } from './scalar-writer';

/** Minimum gap between two progress events on the bus. */
const PROGRESS_EVERY_MS = 500;
/** Histogram tags per bus event; ~40 bytes each keeps a NOTIFY well under 8000 bytes. */
const TAGS_PER_EVENT = 60;

/**
 * Takes training jobs from the queue, one at a time per worker process, and drives one run:
 * claim → pick backend → train (ml package) → store scalars in batches → finish with a status.
 * Heartbeats renew the run's lease and pick up cancel requests even if a NOTIFY was missed.
 */
@Injectable()
export class TrainingWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger('TrainingWorker');
  private shuttingDown = false;
  private current: Promise<void> | null = null;
  private readonly cancelled = new Set<string>();

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: TEnv,
    private readonly runs: RunRepository,
    private readonly scalars: ScalarRepository,
    private readonly inspect: InspectRepository,
    private readonly rollups: ScalarRollupRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.bus.subscribe((e) => {
      if (e.type === 'run.cancel') this.cancelled.add(e.runId);
    });
    await this.queue.workTraining((job) => {
      this.current = this.handle(job).finally(() => (this.current = null));
      return this.current;
    });
    this.logger.log(`worker ${this.env.WORKER_ID} waiting for training jobs`);
  }

  /** Stops the current run at its next step and marks it failed, so nothing is left `running`. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    await this.queue.stop();
    await this.current;
  }

  async handle(job: TTrainJob): Promise<void> {
    const { runId } = job;
    const workerId = this.env.WORKER_ID;
    if (this.shuttingDown || !(await this.runs.claim(runId, workerId, this.clock.now()))) return;
    await this.publishUpdated(runId);
    const row = await this.runs.findById(runId);
    const writer = new ScalarWriter(runId, this.scalars, this.runs, this.bus);
    let latest: TRunProgress | undefined;
    let lastProgressEvent = 0;
    const beat = async () => {
      const { cancelRequested } = await this.runs.heartbeat(runId, this.clock.now(), latest);
      if (cancelRequested) this.cancelled.add(runId);
    };
    const heartbeat = setInterval(() => void beat().catch((e: Error) => this.logger.warn(e.message)), this.env.HEARTBEAT_SECONDS * 1000);
    try {
      const config = ZRunConfig.parse(row?.config);
      const choice: TBackendChoice = config.backend === 'auto' ? this.env.TENSORSCOPE_BACKEND : config.backend;
      const backend = await initBackend(choice);
      await this.runs.setBackend(runId, backend);
      await this.publishUpdated(runId);
      this.logger.log(`run ${runId} (${config.name}) training on ${backend}`);

      const result = await trainRun(config, { cacheDir: join(this.env.DATA_DIR, 'cache') }, {
        onScalars: (points) => writer.add(points),
        onProgress: async (progress) => {
          latest = progress;
          const now = Date.now();
          if (now - lastProgressEvent < PROGRESS_EVERY_MS && progress.step < progress.totalSteps) return;
          lastProgressEvent = now;
          await this.bus.publish({ type: 'run.progress', runId, progress });
        },
        onHistograms: async (points) => {
          await this.inspect.insertHistograms(runId, points);
          const step = points[0]?.step;
          if (step === undefined) return;
          const tags = [...new Set(points.map((p) => p.tag))];
          // Signal only (tags, step): a NOTIFY payload could not carry the bins anyway.
          for (let i = 0; i < tags.length; i += TAGS_PER_EVENT) {
            await this.bus.publish({ type: 'run.histograms', runId, step, tags: tags.slice(i, i + TAGS_PER_EVENT) });
          }
        },
        onSnapshot: async (snapshot) => {
          const model = { topology: snapshot.topology, inputStats: snapshot.channelStats };
          await this.inspect.saveSnapshot(runId, snapshot.step, model, snapshot.tensors);
          const drop = snapshotsToDrop(await this.inspect.snapshotSteps(runId), config.snapshotLimit, config.snapshotKeepEvery);
          await this.inspect.deleteSnapshots(runId, drop);
          await this.bus.publish({ type: 'run.snapshot', runId, step: snapshot.step });
        },
        shouldStop: () => this.shuttingDown || this.cancelled.has(runId),
      });
      await writer.flush();
      await beat();
      const status = !result.stopped ? 'completed' : this.cancelled.has(runId) ? 'cancelled' : 'failed';
      const error = status === 'failed' ? `worker ${workerId} shut down during training; the run was stopped at step ${result.steps}` : null;
      await this.runs.finish(runId, workerId, status, this.clock.now(), error);
      this.logger.log(`run ${runId} ${status} after ${result.steps} steps`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.logger.error(`run ${runId} failed: ${e instanceof Error ? e.stack : message}`);
      await writer.flush().catch(() => undefined);
      await this.runs.finish(runId, workerId, 'failed', this.clock.now(), message.slice(0, 2000));
    } finally {
      clearInterval(heartbeat);
      this.cancelled.delete(runId);
      // The run's series are final now: pack them for fast compare reads (without them the reads
      // fall back to the row rollups, slower but the same answer).
      await this.rollups.refreshOverviews(runId).catch((e: unknown) => this.logger.warn(`run ${runId}: packing overviews failed: ${String(e)}`));
      await this.publishUpdated(runId).catch(() => undefined);
    }
  }

  private publishUpdated(runId: string): Promise<void> {
    return this.bus.publish({ type: 'run.updated', runId });
  }
}
