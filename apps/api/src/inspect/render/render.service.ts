import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DatasetFilesCache } from '../../datasets/dataset-files.cache';
import { runImagesOf, type TLayerProbe, type TRunDataChoice } from '@tensorscope/ml';
import { join } from 'node:path';
import { EVENT_BUS, type EventBus } from '../../bus/event-bus.port';
import { threadEntry } from '../../common/thread-entry';
import { ENV, type TEnv } from '../../env';
import { LruCache } from './lru.cache';
import { RenderPool } from './render.pool';
import type { TRenderResult, TRenderTask, TSnapshotRef } from './render.protocol';

/** What one cached answer is: an image, or the JSON beside a feature-map image. */
export type TRendered = Buffer | TLayerProbe;

const costOf = (value: TRendered) =>
  Buffer.isBuffer(value) ? value.byteLength : value.inputPng.byteLength + 16 * (value.values?.length ?? 0);

/**
 * Inspection images (feature maps, their probe JSON, filter grids) rendered in the render threads
 * and cached in memory by what they are of: a snapshot never changes once stored, so an answer
 * stays right for good (the caller checks the run and the snapshot still exist first). Identical
 * requests arriving together share one render.
 */
@Injectable()
export class RenderService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RenderService');
  private pool: RenderPool | null = null;
  private readonly cache: LruCache<string, TRendered>;
  private readonly inFlight = new Map<string, Promise<TRendered>>();
  /** Answers served from the cache, and renders started (bench and tests read them). */
  hits = 0;
  rendered = 0;
  /** Test splits asked to be warmed already (once per data choice is enough: threads keep them). */
  private readonly warmed = new Set<string>();

  private unsubscribe: (() => void) | null = null;

  constructor(
    @Inject(ENV) private readonly env: TEnv,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly datasetFiles: DatasetFilesCache,
  ) {
    this.cache = new LruCache(env.INSPECT_CACHE_MB * 1024 * 1024);
  }

  onModuleInit(): void {
    // A deleted run's images are never asked for again (its requests are 404s): free their memory.
    this.unsubscribe = this.bus.subscribe((e) => {
      if (e.type === 'run.deleted') this.forgetRun(e.runId);
    });
  }

  /**
   * Threads start with the app, their TF.js backend ready (module load and wasm compile are most
   * of a first render's second), so the first image someone opens is not also the slowest.
   */
  onApplicationBootstrap(): void {
    this.warm(null);
  }

  /**
   * Has the threads decode a run's test split now (the Layers tab lists snapshots before it asks
   * for feature maps); fire and forget, a failure shows again on the render itself.
   */
  warm(config: TRunDataChoice | null): void {
    const key = config === null ? 'backend' : JSON.stringify(runImagesOf(config));
    if (this.warmed.has(key)) return;
    this.warmed.add(key);
    void (config ? this.datasetFiles.ensureFor(config) : Promise.resolve())
      .then(() => this.threads.run({ kind: 'warm', config }, null))
      .catch((e: unknown) => {
        this.warmed.delete(key);
        this.logger.warn(`warming the render thread failed: ${e instanceof Error ? e.message : String(e)}`);
      });
  }

  private get threads(): RenderPool {
    this.pool ??= new RenderPool({
      entry: threadEntry('inspect/render/render.thread.js'),
      threads: this.env.INSPECT_RENDER_THREADS,
      timeoutMs: this.env.INSPECT_RENDER_TIMEOUT_SECONDS * 1000,
      init: {
        backend: this.env.TENSORSCOPE_BACKEND,
        cacheDir: join(this.env.DATA_DIR, 'cache'),
        databaseUrl: this.env.DATABASE_URL,
        modelSlots: 2,
      },
    });
    return this.pool;
  }

  /** Snapshots the threads have read and built so far. */
  get snapshotLoads(): number {
    return this.pool?.snapshotLoads ?? 0;
  }

  /** Threads rendering right now. */
  get busy(): number {
    return this.pool?.busy ?? 0;
  }

  /**
   * The cached answer for `key`, or `task` rendered (once, however many ask at the same time) and
   * cached. `snapshot`: the one a TF.js task runs on (its thread reads it when it lacks it).
   */
  async render<T extends TRendered>(key: string, task: TRenderTask, snapshot: TSnapshotRef | null): Promise<T> {
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      this.hits += 1;
      return cached as T;
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      this.rendered += 1;
      pending = this.datasetFiles
        .ensureFor('config' in task ? task.config : null)
        .then(() => this.threads.run(task, snapshot))
        .then(fromThread);
      this.inFlight.set(key, pending);
      pending.then(
        (value) => {
          this.inFlight.delete(key);
          this.cache.set(key, value, costOf(value));
        },
        () => this.inFlight.delete(key),
      );
    }
    return (await pending) as T;
  }

  /** Forgets everything cached about a run (it was deleted). */
  forgetRun(runId: string): void {
    this.cache.deleteWhere((key) => key.startsWith(`${runId}/`));
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.pool?.close();
  }
}

/** Structured clone turns a thread's Buffer into a plain Uint8Array: back to Buffers for Express. */
function fromThread(result: TRenderResult): TRendered {
  if (result.kind === 'png') return Buffer.from(result.png.buffer, result.png.byteOffset, result.png.byteLength);
  if (result.kind === 'warm') throw new Error('a render answered like a warm-up');
  const { probe } = result;
  return { ...probe, inputPng: Buffer.from(probe.inputPng.buffer, probe.inputPng.byteOffset, probe.inputPng.byteLength) };
}
