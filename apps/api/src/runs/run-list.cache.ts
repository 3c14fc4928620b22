import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { TRunList } from '@tensorscope/shared';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';

/** How long one answer of GET /api/runs serves the same query again. */
export const RUN_LIST_CACHE_MS = 250;
const MAX_ENTRIES = 200;

/**
 * Answers of GET /api/runs kept a quarter of a second: a team's dashboards polling the same list
 * page (200 of them, say) then cost one query per page per 250 ms instead of one each. Any change
 * to any run empties it at once: in this process when its own services change a run (they call
 * `clear`), in every process on the bus's run.updated / run.deleted (workers change runs too). A
 * bus outage leaves at most RUN_LIST_CACHE_MS of staleness; the list's live parts (progress) come
 * over the socket anyway.
 */
@Injectable()
export class RunListCache implements OnModuleInit, OnModuleDestroy {
  private readonly entries = new Map<string, { list: TRunList; until: number }>();
  private unsubscribe: (() => void) | undefined;
  private generationValue = 0;

  /** Counts clears; `set` stores only if none happened since the caller read it (its answer may predate a change). */
  get generation(): number {
    return this.generationValue;
  }

  constructor(@Inject(EVENT_BUS) private readonly bus: EventBus) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe((e) => {
      if (e.type === 'run.updated' || e.type === 'run.deleted') this.clear();
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  get(key: string, now: number): TRunList | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until > now) return entry.list;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, list: TRunList, now: number, generation: number): void {
    if (generation !== this.generationValue) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { list, until: now + RUN_LIST_CACHE_MS });
  }

  clear(): void {
    this.generationValue++;
    this.entries.clear();
  }
}
