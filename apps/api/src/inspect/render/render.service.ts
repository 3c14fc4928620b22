import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { StoredModel, TLayerProbe } from '@tensorscope/ml';
import { join } from 'node:path';
import { EVENT_BUS, type EventBus } from '../../bus/event-bus.port';
import { threadEntry } from '../../common/thread-entry';
import { ENV, type TEnv } from '../../env';
import { LruCache } from './lru.cache';
import { RenderPool } from './render.pool';
import type { TRenderResult, TRenderTask } from './render.protocol';

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
export class RenderService implements OnModuleInit, OnModuleDestroy {
  private pool: RenderPool | null = null;
  private readonly cache: LruCache<string, TRendered>;
  private readonly inFlight = new Map<string, Promise<TRendered>>();
  /** Answers served from the cache (bench and tests read it). */
  hits = 0;

  private unsubscribe: (() => void) | null = null;

  constructor(
    @Inject(ENV) private readonly env: TEnv,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
  ) {
    this.cache = new LruCache(env.INSPECT_CACHE_MB * 1024 * 1024);
  }

  onModuleInit(): void {
    // A deleted run's images are never asked for again (its requests are 404s): free their memory.
    this.unsubscribe = this.bus.subscribe((e) => {
      if (e.type === 'run.deleted') this.forgetRun(e.runId);
    });
  }

  /** Threads are started with the first render, not with the app: most API processes never render. */
  private get threads(): RenderPool {
    this.pool ??= new RenderPool({
      entry: threadEntry('inspect/render/render.thread.js'),
      threads: this.env.INSPECT_RENDER_THREADS,
      timeoutMs: this.env.INSPECT_RENDER_TIMEOUT_SECONDS * 1000,
      init: { backend: this.env.TENSORSCOPE_BACKEND, cacheDir: join(this.env.DATA_DIR, 'cache'), modelSlots: 2 },
    });
    return this.pool;
  }

  /** Tasks the threads have started so far. */
  get rendered(): number {
    return this.pool?.tasksStarted ?? 0;
  }

  /** Threads rendering right now. */
  get busy(): number {
    return this.pool?.busy ?? 0;
  }

  /**
   * The cached answer for `key`, or `task` rendered (once, however many ask at the same time) and
   * cached. `modelKey`/`loadModel`: the snapshot a TF.js task runs on, read only when its thread lacks it.
   */
  async render<T extends TRendered>(
    key: string,
    task: TRenderTask,
    model: { key: string; load: () => Promise<StoredModel> } | null,
  ): Promise<T> {
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      this.hits += 1;
      return cached as T;
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.threads
        .run(task, model?.key ?? null, model?.load ?? (() => Promise.reject(new Error('this task needs no snapshot'))))
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
  const { probe } = result;
  return { ...probe, inputPng: Buffer.from(probe.inputPng.buffer, probe.inputPng.byteOffset, probe.inputPng.byteLength) };
}
