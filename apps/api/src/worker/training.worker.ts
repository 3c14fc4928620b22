import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DatasetFilesCache } from '../datasets/dataset-files.cache';
import type { Run as RunRow } from '@prisma/client';
import { ZBestMetrics, ZFinalMetrics, ZRunConfig, type TBackendChoice, type TRunLogLevel, type TRunProgress } from '@tensorscope/shared';
import { decodeCheckpoint, encodeCheckpoint, type TTrainCheckpoint } from '@tensorscope/ml';
import { join } from 'node:path';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { CLOCK, type Clock } from '../common/clock';
import { waitOutDatabaseOutage } from '../db/database-outage.wait';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { ENV, type TEnv } from '../env';
import { InspectRepository } from '../inspect/inspect.repository';
import { snapshotsToDrop } from '../inspect/snapshot-retention';
import { CheckpointRepository } from '../runs/checkpoint.repository';
import { RunLogRepository } from '../runs/run-log.repository';
import { RunRepository } from '../runs/run.repository';
import { ScalarStore } from '../scalars/scalar.store';
import { ScalarWriter } from './scalar-writer';
import { createProgressRelay } from './progress-relay';
import { createSystemSampler, nodeProcessProbe } from './system-metrics.sampler';
import { TrainerThread, type TrainerRun } from './trainer-thread.client';

/** Lines of the trainer thread's own output stored per run attempt: a chatty warning in a loop must not fill the table. */
const THREAD_LINES_PER_RUN = 200;
/** Gap between two samples of the worker's CPU, memory and throughput (system/* tags). */
const SYSTEM_SAMPLE_EVERY_MS = 5_000;
/** Minimum gap between two progress events on the bus. */
/** Minimum gap between two progress events of a run (each also flushes its buffered points). */
export const PROGRESS_EVERY_MS = 500;
/** Histogram tags per bus event; ~40 bytes each keeps a NOTIFY well under 8000 bytes. */
const TAGS_PER_EVENT = 60;

/**
 * Trains queued runs, one at a time per worker process. The run table is the queue: an idle
 * worker claims the oldest queued run (it polls, and wakes on every run event). A run goes:
 * claim → pick backend → resume from its checkpoint if it has one → train (ml package) → store
 * scalars in batches, checkpoints every CHECKPOINT_SECONDS → finish with a status.
 *
 * Nothing is lost when something dies:
 * - this process killed: the supervisor restarts it under the same WORKER_ID and it adopts its
 *   orphaned run at once; a worker that never comes back loses its lease and the reaper requeues
 *   the run for any worker (up to RUN_MAX_ATTEMPTS starts);
 * - shut down (SIGTERM): the run is checkpointed where it stands and queued again;
 * - the database away: every write waits it out (training pauses there) and goes on when it is
 *   back; every write is idempotent, so a resumed run re-sends steps without duplicates.
 */
@Injectable()
export class TrainingWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger('TrainingWorker');
  private shuttingDown = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly cancelled = new Set<string>();
  /** Training happens here, off this process's event loop (see trainer.protocol.ts). */
  private readonly trainer = new TrainerThread();
  /** The run in the trainer thread now, to tell it to stop. */
  private active: { runId: string; run: TrainerRun } | null = null;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: TEnv,
    private readonly runs: RunRepository,
    private readonly scalars: ScalarStore,
    private readonly inspect: InspectRepository,
    private readonly checkpoints: CheckpointRepository,
    private readonly runLogs: RunLogRepository,
    private readonly datasetFiles: DatasetFilesCache,
  ) {}

  /** A line about a run, in this process's log and in the run's own (best effort: a log never stops training). */
  private async note(runId: string, level: TRunLogLevel, message: string): Promise<void> {
    const line = `run ${runId}: ${message}`;
    if (level === 'info') this.logger.log(line);
    else if (level === 'warn') this.logger.warn(line);
    else this.logger.error(line);
    await this.runLogs.append(runId, level, message).catch(() => undefined);
  }

  onApplicationBootstrap(): void {
    this.bus.subscribe(
      (e) => {
        if (e.type === 'run.cancel') this.cancel(e.runId);
        if (e.type === 'run.updated') this.wake?.();
      },
      new Set(['run.cancel', 'run.updated']),
    );
    // Not awaited: the process is up (and can be stopped) even while the database is not.
    this.loop = this.work();
    this.logger.log(`worker ${this.env.WORKER_ID} waiting for training runs`);
  }

  /** Suspends the current run (checkpoint, back to the queue) and stops taking new ones. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    this.active?.run.stop('suspend');
    this.wake?.();
    await this.loop;
    await this.trainer.close();
  }

  private cancel(runId: string): void {
    this.cancelled.add(runId);
    if (this.active?.runId === runId) this.active.run.stop('cancel');
  }

  private async work(): Promise<void> {
    const workerId = this.env.WORKER_ID;
    let adopted = false;
    let outage = false;
    while (!this.shuttingDown) {
      try {
        if (!adopted) {
          for (const orphan of await this.runs.adoptOrphans(workerId, this.clock.now())) {
            await this.note(orphan.id, 'warn', `this worker (${workerId}) restarted while training it; resuming`);
            await this.train(orphan, `worker ${workerId} restarted while training it (crashed or killed)`);
          }
          adopted = true;
        }
        const row = await this.runs.claimNext(workerId, this.clock.now());
        outage = false;
        if (row) {
          await this.train(row);
          continue;
        }
      } catch (e) {
        if (!isDatabaseUnavailable(e)) this.logger.error(`worker loop: ${e instanceof Error ? e.stack : String(e)}`);
        else if (!outage) this.logger.warn(`database unavailable (${(e as Error).message}); waiting for it`);
        outage = isDatabaseUnavailable(e);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.env.WORKER_POLL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** Every write of a run: waits out a database outage (training pauses there) unless shutting down. */
  private durable<T>(runId: string, what: string, op: () => Promise<T>): Promise<T> {
    return waitOutDatabaseOutage(what, op, { log: (m) => this.logger.warn(`run ${runId}: ${m}`), giveUp: () => this.shuttingDown });
  }

  /** Bus signals are best effort: clients catch up from REST, so a lost signal must not stop training. */
  private signal(event: Parameters<EventBus['publish']>[0]): Promise<void> {
    return this.bus.publish(event).catch((e: unknown) => {
      if (!isDatabaseUnavailable(e)) throw e;
    });
  }

  /** Trains one claimed (or adopted) run to its end, its suspension, or the loss of its lease. */
  async train(row: RunRow, interruptedBecause?: string): Promise<void> {
    const runId = row.id;
    const workerId = this.env.WORKER_ID;
    const maxAttempts = this.env.RUN_MAX_ATTEMPTS;
    if (row.attempts > maxAttempts) {
      const why = `${interruptedBecause ?? 'interrupted'}; it has been started ${row.attempts} times (RUN_MAX_ATTEMPTS = ${maxAttempts}), so it was marked failed instead of resumed again. Everything logged before that is kept.`;
      await this.durable(runId, 'failing the run', () => this.runs.finish(runId, workerId, 'failed', this.clock.now(), why));
      await this.signal({ type: 'run.updated', runId });
      return;
    }
    await this.signal({ type: 'run.updated', runId });
    const writer = new ScalarWriter(runId, this.scalars, this.runs, this.bus, (what, op) => this.durable(runId, what, op), {
      last: row.finalMetrics === null ? null : ZFinalMetrics.parse(row.finalMetrics),
      best: row.bestMetrics === null ? null : ZBestMetrics.parse(row.bestMetrics),
    });
    let latest: TRunProgress | undefined;
    const sampleSystem = createSystemSampler(nodeProcessProbe, SYSTEM_SAMPLE_EVERY_MS);
    // Progress goes out only after the points logged before it (see createProgressRelay).
    const relayProgress = createProgressRelay({
      flushPoints: () => writer.flush(),
      publish: (progress) => this.signal({ type: 'run.progress', runId, progress }),
      now: () => Date.now(),
      everyMs: PROGRESS_EVERY_MS,
    });
    let lost = false;
    let threadLines = 0;
    const beat = async () => {
      const { owned, cancelRequested } = await this.runs.heartbeat(runId, workerId, this.clock.now(), latest);
      if (!owned && !lost) {
        lost = true;
        this.active?.run.stop('suspend');
        void this.note(runId, 'warn', `no longer owned by ${workerId} (lease lost or run ended elsewhere); stopping without writing more`);
      }
      if (cancelRequested) this.cancel(runId);
    };
    const heartbeat = setInterval(
      () => void beat().catch((e: Error) => (isDatabaseUnavailable(e) ? undefined : this.logger.warn(e.message))),
      this.env.HEARTBEAT_SECONDS * 1000,
    );
    let finished = false;
    try {
      const config = ZRunConfig.parse(row.config);
      const choice: TBackendChoice = config.backend === 'auto' ? this.env.TENSORSCOPE_BACKEND : config.backend;
      const stored = await this.durable(runId, 'loading the checkpoint', () => this.checkpoints.load(runId));
      const resume: TTrainCheckpoint | undefined = stored ? decodeCheckpoint(stored.manifest, stored.data) : undefined;
      if (row.attempts > 1) {
        const from = resume ? `step ${resume.step}` : 'the start (no checkpoint was taken)';
        await this.note(runId, 'info', `attempt ${row.attempts} of ${maxAttempts}, resuming from ${from}`);
        if (interruptedBecause !== undefined) {
          const note = `${interruptedBecause}; resumed from ${from} (attempt ${row.attempts} of ${maxAttempts})`;
          await this.durable(runId, 'noting the interruption', () => this.runs.noteInterruption(runId, note));
        }
      }
      await this.durable(runId, 'copying the dataset into the cache', () => this.datasetFiles.ensureFor(config));
      const run = this.trainer.start(
        {
          config,
          backend: choice,
          cacheDir: join(this.env.DATA_DIR, 'cache'),
          ...(resume ? { resume } : {}),
          checkpointEveryMs: this.env.CHECKPOINT_SECONDS * 1000,
          trainThreads: this.env.TRAIN_THREADS,
        },
        {
          onLog: (level, message) => {
            threadLines++;
            if (threadLines <= THREAD_LINES_PER_RUN) void this.note(runId, level, message);
            else if (threadLines === THREAD_LINES_PER_RUN + 1)
              void this.note(
                runId,
                'warn',
                `the trainer printed more than ${THREAD_LINES_PER_RUN} lines; the rest is only in the worker's own output`,
              );
          },
          onScalars: (points) => writer.add(points),
          onProgress: async (progress) => {
            latest = progress;
            const system = sampleSystem(progress);
            if (system.length > 0) await writer.add(system);
            await relayProgress(progress);
          },
          onHistograms: async (points) => {
            await this.durable(runId, 'storing histograms', () => this.inspect.insertHistograms(runId, points));
            const step = points[0]?.step;
            if (step === undefined) return;
            const tags = [...new Set(points.map((p) => p.tag))];
            // Signal only (tags, step): a NOTIFY payload could not carry the bins anyway.
            for (let i = 0; i < tags.length; i += TAGS_PER_EVENT) {
              await this.signal({ type: 'run.histograms', runId, step, tags: tags.slice(i, i + TAGS_PER_EVENT) });
            }
          },
          onSnapshot: async (snapshot) => {
            const model = { topology: snapshot.topology, inputStats: snapshot.channelStats };
            await this.durable(runId, 'storing a snapshot', async () => {
              await this.inspect.saveSnapshot(runId, snapshot.step, model, snapshot.tensors);
              const drop = snapshotsToDrop(await this.inspect.snapshotSteps(runId), config.snapshotLimit, config.snapshotKeepEvery);
              await this.inspect.deleteSnapshots(runId, drop);
            });
            await this.signal({ type: 'run.snapshot', runId, step: snapshot.step });
          },
          onCheckpoint: async (checkpoint) => {
            if (lost) return;
            // Points up to the checkpoint's step are stored before it is: a resume re-sends only later steps.
            await writer.flush();
            const { manifest, data } = encodeCheckpoint(checkpoint);
            await this.durable(runId, 'storing a checkpoint', () => this.checkpoints.save(runId, checkpoint.step, manifest, data));
          },
        },
      );
      this.active = { runId, run };
      // Whatever arrived before the thread started (a shutdown, a cancel) applies at its first step.
      if (this.shuttingDown || lost) run.stop('suspend');
      else if (this.cancelled.has(runId)) run.stop('cancel');
      const backend = await run.backend.catch(() => undefined);
      if (backend !== undefined) {
        await this.durable(runId, 'recording the backend', () => this.runs.setBackend(runId, backend));
        await this.signal({ type: 'run.updated', runId });
        await this.note(runId, 'info', `training on ${backend} (worker ${workerId})`);
      }
      const result = await run.result;
      await writer.flush();
      if (lost) return;
      if (result.suspended && this.cancelled.has(runId)) {
        // Asked to cancel and to shut down at once: the cancel wins (no resume of a cancelled run).
        await this.durable(runId, 'cancelling the run', () => this.runs.finish(runId, workerId, 'cancelled', this.clock.now()));
        finished = true;
        return;
      }
      if (result.suspended) {
        await beat().catch(() => undefined);
        const note = `worker ${workerId} shut down at step ${result.steps}; queued to resume from there`;
        if (await this.durable(runId, 'suspending the run', () => this.runs.suspend(runId, workerId, note))) {
          await this.note(runId, 'info', `suspended at step ${result.steps}; queued again`);
        }
        return;
      }
      await beat();
      const status = result.stopped ? 'cancelled' : 'completed';
      // The line first: a page that sees the run end reads its log once more and should find it.
      await this.note(runId, 'info', `${status} after ${result.steps} steps`);
      await this.durable(runId, 'finishing the run', () => this.runs.finish(runId, workerId, status, this.clock.now()));
      finished = true;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (this.shuttingDown && isDatabaseUnavailable(e)) {
        // Nothing can be written now; the run stays `running` under this worker id, which adopts it at its next start.
        this.logger.warn(`run ${runId}: shutting down while the database is away; it resumes when this worker starts again`);
        return;
      }
      this.logger.error(`run ${runId} failed: ${e instanceof Error ? e.stack : message}`);
      await this.runLogs.append(runId, 'error', `failed: ${message.slice(0, 2000)}`).catch(() => undefined);
      await writer.flush().catch(() => undefined);
      if (!lost) {
        await this.durable(runId, 'failing the run', () =>
          this.runs.finish(runId, workerId, 'failed', this.clock.now(), message.slice(0, 2000)),
        ).catch((err: unknown) => this.logger.error(`run ${runId}: could not record the failure: ${String(err)}`));
        finished = true;
      }
    } finally {
      this.active = null;
      clearInterval(heartbeat);
      this.cancelled.delete(runId);
      if (finished) {
        await this.checkpoints
          .delete(runId)
          .catch((e: unknown) => this.logger.warn(`run ${runId}: deleting its checkpoint failed: ${String(e)}`));
        // The run's series are final now: seal them for fast compare reads (without that the reads
        // fall back to the row rollups, slower but the same answer).
        await this.scalars.seal(runId).catch((e: unknown) => this.logger.warn(`run ${runId}: sealing its scalars failed: ${String(e)}`));
      }
      await this.signal({ type: 'run.updated', runId }).catch(() => undefined);
    }
  }
}
