import type { TBusEvent, TRunList } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import type { EventBus } from '../bus/event-bus.port';
import { RUN_LIST_CACHE_MS, RunListCache } from './run-list.cache';

const list = (total: number): TRunList => ({ items: [], total, page: 1, pageSize: 20 });

/** A bus whose events this test delivers by hand. */
function fakeBus(): EventBus & { deliver(e: TBusEvent): void } {
  const handlers = new Set<(e: TBusEvent) => void>();
  return {
    publish: async () => undefined,
    publishRunEvents: async () => undefined,
    subscribe: (h) => (handlers.add(h), () => handlers.delete(h)),
    close: async () => undefined,
    deliver: (e) => handlers.forEach((h) => h(e)),
  };
}

describe('RunListCache', () => {
  it('serves an answer for RUN_LIST_CACHE_MS, per query', () => {
    const cache = new RunListCache(fakeBus());
    cache.set('a', list(1), 0, cache.generation);
    expect(cache.get('a', RUN_LIST_CACHE_MS - 1)?.total).toBe(1);
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', RUN_LIST_CACHE_MS)).toBeUndefined();
  });

  it('empties on a run change from any process, and never stores an answer read before one', () => {
    const bus = fakeBus();
    const cache = new RunListCache(bus);
    cache.onModuleInit();
    cache.set('a', list(1), 0, cache.generation);
    bus.deliver({ type: 'run.progress', runId: 'r', progress: {} } as unknown as TBusEvent);
    expect(cache.get('a', 1)).toBeDefined(); // progress is patched live; the list stays
    bus.deliver({ type: 'run.updated', runId: 'r' });
    expect(cache.get('a', 1)).toBeUndefined();
    const before = cache.generation;
    cache.clear(); // e.g. a run created while that list query ran
    cache.set('a', list(2), 2, before);
    expect(cache.get('a', 3)).toBeUndefined();
    cache.onModuleDestroy();
  });
});
