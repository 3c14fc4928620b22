import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DatasetFilesCache } from '../datasets/dataset-files.cache';
import { ZChannelStats, ZRunConfig, ZVisualizationParams, type TVisualizeJob } from '@tensorscope/shared';
import { computeVisualization, initBackend } from '@tensorscope/ml';
import { join } from 'node:path';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { ENV, type TEnv } from '../env';
import { InspectRepository } from '../inspect/inspect.repository';
import { JOB_QUEUE, type JobQueue } from '../queue/job-queue.port';
import { RunRepository } from '../runs/run.repository';
import { VisualizationRepository } from '../visualize/visualization.repository';

/** Minimum gap between two progress writes (and bus signals) of a job. */
const PROGRESS_EVERY_MS = 500;

/**
 * Takes visualisation jobs (top-9, one image's maps) from their own queue, one at a time per
 * worker process, so they never wait behind a long training run: claim → load the snapshot and the
 * test images → compute (ml package) → store result and PNGs in one transaction → signal.
 */
@Injectable()
export class VisualizeWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger('VisualizeWorker');
  private backend: Promise<unknown> | null = null;

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(ENV) private readonly env: TEnv,
    private readonly runs: RunRepository,
    private readonly inspect: InspectRepository,
    private readonly visualizations: VisualizationRepository,
    private readonly datasetFiles: DatasetFilesCache,
  ) {}

  onApplicationBootstrap(): void {
    void this.listen();
  }

  /** Subscribes to the queue; while the database is away (at start), tries again every 2 s. */
  private async listen(): Promise<void> {
    try {
      await this.queue.workVisualize((job) => this.handle(job));
    } catch (e) {
      this.logger.warn(`cannot take visualization jobs yet (${e instanceof Error ? e.message : String(e)}); retrying in 2 s`);
      setTimeout(() => void this.listen(), 2000).unref();
    }
  }

  private async handle({ visualizationId: id }: TVisualizeJob): Promise<void> {
    if (!(await this.visualizations.claim(id))) return; // reset, recomputed elsewhere, or gone
    const row = await this.visualizations.findById(id);
    if (!row) return;
    const signal = () => this.bus.publish({ type: 'run.visualization', runId: row.runId, visualizationId: id });
    try {
      await signal();
      const run = await this.runs.findById(row.runId);
      const snapshot = await this.inspect.readSnapshot(row.runId, row.step);
      const inputStats = ZChannelStats.safeParse(snapshot?.inputStats);
      if (!run || !snapshot || !inputStats.success)
        throw new Error(`the snapshot at step ${row.step} of run ${row.runId} is gone (retention or deletion)`);
      // Once per process; a training run in this process may have chosen its own backend already.
      this.backend ??= initBackend(this.env.TENSORSCOPE_BACKEND);
      await this.backend;
      let last = 0;
      const config = ZRunConfig.parse(run.config);
      await this.datasetFiles.ensureFor(config);
      const { result, images } = await computeVisualization(
        config,
        { cacheDir: join(this.env.DATA_DIR, 'cache') },
        { topology: snapshot.topology, tensors: snapshot.tensors, channelStats: inputStats.data },
        ZVisualizationParams.parse(row.params),
        async (fraction) => {
          if (Date.now() - last < PROGRESS_EVERY_MS && fraction < 1) return;
          last = Date.now();
          await this.visualizations.setProgress(id, fraction);
          await signal();
        },
      );
      await this.visualizations.complete(id, result, images);
      this.logger.log(`visualization ${id} (${row.kind}) of run ${row.runId} done in ${result.seconds.toFixed(1)} s`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.logger.error(`visualization ${id} failed: ${message}`);
      await this.visualizations.fail(id, message);
    } finally {
      await signal().catch(() => undefined);
    }
  }
}
