import type { TBusEvent, TRunList } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import type { EventBus } from '../bus/event-bus.port';
import { RUN_LIST_CACHE_MS, RunListCache } from './run-list.cache';

const list = (total: number): string => JSON.stringify({ items: [], total, page: 1, pageSize: 20 } satisfies TRunList);
const totalOf = (json: string | undefined) => (json === undefined ? undefined : (JSON.parse(json) as TRunList).total);

/** A bus whose events this test delivers by hand, to the subscribers that want their type (as the real one). */
function fakeBus(): EventBus & { deliver(e: TBusEvent): void } {
  const handlers = new Set<{ h: (e: TBusEvent) => void; types: ReadonlySet<TBusEvent['type']> | undefined }>();
  return {
    publish: async () => undefined,
    publishRunEvents: async () => undefined,
    subscribe: (h, types) => {
      const entry = { h, types };
      handlers.add(entry);
      return () => handlers.delete(entry);
    },
    close: async () => undefined,
    deliver: (e) => handlers.forEach(({ h, types }) => (types === undefined || types.has(e.type) ? h(e) : undefined)),
  };
}

describe('RunListCache', () => {
  it('serves an answer for RUN_LIST_CACHE_MS, per query', () => {
    const cache = new RunListCache(fakeBus());
    cache.set('a', list(1), 0, cache.generation);
    expect(totalOf(cache.get('a', RUN_LIST_CACHE_MS - 1))).toBe(1);
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

describe('RunListCache.getOrLoad', () => {
  it('loads once for every caller meanwhile, and not across a change', async () => {
    const cache = new RunListCache(fakeBus());
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async () => {
      const n = ++loads;
      await gate;
      return list(n);
    };
    const first = [cache.getOrLoad('a', load), cache.getOrLoad('a', load), cache.getOrLoad('a', load)];
    cache.clear(); // a run changed while the query ran: later callers must not get its answer
    const after = cache.getOrLoad('a', load);
    release();
    expect((await Promise.all(first)).map(totalOf)).toEqual([1, 1, 1]);
    expect(totalOf(await after)).toBe(2);
    expect(loads).toBe(2);
    // The second load started after the change: its answer is served from the cache.
    expect(totalOf(await cache.getOrLoad('a', load))).toBe(2);
    expect(loads).toBe(2);
  });

  it('lets a failed load fail its callers and the next one try again', async () => {
    const cache = new RunListCache(fakeBus());
    await expect(cache.getOrLoad('a', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(totalOf(await cache.getOrLoad('a', async () => list(7)))).toBe(7);
  });
});
