import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';

/** How long one answer of GET /api/runs serves the same query again. */
export const RUN_LIST_CACHE_MS = 250;
const MAX_ENTRIES = 200;

/**
 * Answers of GET /api/runs, as the JSON text sent (serialising a page of runs for every request
 * was a fifth of the API's CPU under a closed-loop load), kept a quarter of a second: a team's dashboards polling the same list
 * page (200 of them, say) then cost one query per page per 250 ms instead of one each. Any change
 * to any run empties it at once: in this process when its own services change a run (they call
 * `clear`), in every process on the bus's run.updated / run.deleted (workers change runs too). A
 * bus outage leaves at most RUN_LIST_CACHE_MS of staleness; the list's live parts (progress) come
 * over the socket anyway.
 */
@Injectable()
export class RunListCache implements OnModuleInit, OnModuleDestroy {
  private readonly entries = new Map<string, { json: string; until: number }>();
  private unsubscribe: (() => void) | undefined;
  private generationValue = 0;
  /** Loads in flight by key, with the generation they started in (one started before a change is not joined). */
  private readonly loading = new Map<string, { generation: number; promise: Promise<string> }>();

  /** Counts clears; `set` stores only if none happened since the caller read it (its answer may predate a change). */
  get generation(): number {
    return this.generationValue;
  }

  constructor(@Inject(EVENT_BUS) private readonly bus: EventBus) {}

  onModuleInit(): void {
    // Only these two: a worker process (which has this module too) must not parse every point.
    this.unsubscribe = this.bus.subscribe(() => this.clear(), new Set(['run.updated', 'run.deleted'] as const));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  get(key: string, now: number): string | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until > now) return entry.json;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, json: string, now: number, generation: number): void {
    if (generation !== this.generationValue) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { json, until: now + RUN_LIST_CACHE_MS });
  }

  /**
   * The cached answer, or `load`'s, read once however many ask meanwhile: 200 dashboards whose
   * answer just expired wait for one query, not 200 (measured: without this, p99 1.6 s at ~1,500
   * closed-loop requests/s, each expiry a burst of identical queries).
   */
  getOrLoad(key: string, load: () => Promise<string>): Promise<string> {
    const cached = this.get(key, Date.now());
    if (cached) return Promise.resolve(cached);
    const pending = this.loading.get(key);
    if (pending && pending.generation === this.generationValue) return pending.promise;
    const generation = this.generationValue;
    const promise = load().then((json) => {
      this.set(key, json, Date.now(), generation);
      return json;
    });
    const entry = { generation, promise };
    this.loading.set(key, entry);
    const done = () => {
      if (this.loading.get(key) === entry) this.loading.delete(key);
    };
    promise.then(done, done);
    return promise;
  }

  clear(): void {
    this.generationValue++;
    this.entries.clear();
  }
}
