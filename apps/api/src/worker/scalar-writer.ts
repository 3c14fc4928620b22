import {
  betterDirection,
  SUMMARY_TAGS,
  type TBusEvent,
  type TBestMetrics,
  type TFinalMetrics,
  type TTaggedScalar,
} from '@tensorscope/shared';
import type { EventBus } from '../bus/event-bus.port';
import type { RunRepository } from '../runs/run.repository';
import type { ScalarStore } from '../scalars/scalar.store';
import { isDatabaseUnavailable } from '../db/database-unavailable';

/** Wraps each database write (the worker's waits out outages); identity by default. */
export type WriteGuard = <T>(what: string, op: () => Promise<T>) => Promise<T>;
const unguarded: WriteGuard = (_what, op) => op();

/** Points per bus event: ~90 bytes of JSON each keeps a message far below NOTIFY's 8000-byte cap. */
export const POINTS_PER_EVENT = 40;
const SUMMARY: ReadonlySet<string> = new Set(SUMMARY_TAGS);

/**
 * Buffers a run's scalar points and writes them in batches (one INSERT per flush, not one per
 * point), then announces them. Stored first, announced second: a client that refetches after an
 * event always finds the points it was told about.
 *
 * Batches form by themselves: points go out as soon as no write is in flight, and what arrives
 * during a write goes in the next one. A chart sees a point one write after it was logged (the
 * bench's live row; a 1 s flush timer before made that up to a second), while a fast producer
 * still gets big batches, up to `maxBuffered`, where add() waits for the write (backpressure).
 * Big batches are what makes a high rate cheap: each write refreshes the rollup buckets it
 * touches whole and has a fixed cost per statement. Measured on the ingestion bench (121 tags):
 * 32.8 ms of CPU per 1,000 points with at most 5,000 a batch, 22.6 ms with 20,000 (50,000: 20.6,
 * but the last write of a run then takes about a second).
 */
export class ScalarWriter {
  private buffer: TTaggedScalar[] = [];
  private readonly last: TFinalMetrics;
  private readonly best: TBestMetrics;
  private scheduled = false;
  private flushing: Promise<void> = Promise.resolve();
  /** The first failed write: kept, not thrown from a background flush (that would kill the worker process). */
  private failure: unknown;

  constructor(
    private readonly runId: string,
    private readonly scalars: Pick<ScalarStore, 'append'>,
    private readonly runs: RunRepository,
    private readonly bus: EventBus,
    private readonly guard: WriteGuard = unguarded,
    /** What the run already had (a resumed run): its best values must not be forgotten. */
    previous: { last?: TFinalMetrics | null; best?: TBestMetrics | null } = {},
    private readonly options = { maxBuffered: 20_000 },
  ) {
    this.last = { ...(previous.last ?? {}) };
    this.best = { ...(previous.best ?? {}) };
  }

  /** Buffers points; rejects once a write has failed, so the training loop fails the run. */
  add(points: readonly TTaggedScalar[]): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    this.buffer.push(...points);
    if (this.buffer.length >= this.options.maxBuffered) return this.flush();
    if (!this.scheduled) {
      this.scheduled = true;
      // After the write in flight, and after this turn of the event loop (the points a step logs
      // arrive as several messages): one batch. A failure is kept in `failure` and surfaces at
      // the next add() or flush().
      void this.flushing
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => {
          this.scheduled = false;
          return this.flush();
        })
        .catch(() => undefined);
    }
    return Promise.resolve();
  }

  /** Writes whatever is buffered; calls are serialised so batches land in order. */
  flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing
      .then(() => (this.failure === undefined ? this.write(batch) : undefined))
      .catch((e: unknown) => {
        this.failure ??= e;
      });
    return this.flushing.then(() => {
      if (this.failure !== undefined) throw this.failure;
    });
  }

  private async write(batch: TTaggedScalar[]): Promise<void> {
    if (batch.length === 0) return;
    // Idempotent (keyed by run, tag, step), so a retried batch or a resumed run stores each point once.
    await this.guard('storing scalars', () => this.scalars.append(this.runId, batch));
    // Only the summary tags (see SUMMARY_TAGS). A batch of layer statistics alone leaves the row
    // as it is (no UPDATE).
    const core = batch.filter((p) => SUMMARY.has(p.tag));
    for (const p of core) {
      this.last[p.tag] = p.value;
      const best = this.best[p.tag];
      const better =
        betterDirection(p.tag) === 'max' ? best === undefined || p.value > best.value : best === undefined || p.value < best.value;
      // NaN never counts as best (every comparison with it is false).
      if (Number.isFinite(p.value) && better) this.best[p.tag] = { value: p.value, step: p.step };
    }
    if (core.length > 0) {
      const last = { ...this.last };
      const best = { ...this.best };
      await this.guard('storing final metrics', () => this.runs.setFinalMetrics(this.runId, last, best));
    }
    const events: TBusEvent[] = [];
    for (let i = 0; i < batch.length; i += POINTS_PER_EVENT) {
      events.push({ type: 'run.scalars', runId: this.runId, points: batch.slice(i, i + POINTS_PER_EVENT) });
    }
    // Signals are best effort: a client that missed one refetches from REST on reconnect.
    await this.bus.publishRunEvents(this.runId, events).catch((e: unknown) => {
      if (!isDatabaseUnavailable(e)) throw e;
    });
  }
}
