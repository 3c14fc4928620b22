import type { TVisualization } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { activeIds, overlayWatched, upsertVisualization } from './visualization-cache';

const viz = (id: string, over: Partial<TVisualization> = {}): TVisualization => ({
  id,
  runId: 'r1',
  step: 100,
  kind: 'top9',
  params: { kind: 'top9', layer: 'conv1' },
  status: 'running',
  progress: 0.5,
  error: null,
  result: null,
  createdAt: '2025-01-01T00:00:00Z',
  finishedAt: null,
  ...over,
});

describe('upsertVisualization', () => {
  it('adds a new job first and replaces a known one in place', () => {
    const list = { items: [viz('a'), viz('b')] };
    expect(upsertVisualization(list, viz('c'))?.items.map((v) => v.id)).toEqual(['c', 'a', 'b']);
    const replaced = upsertVisualization(list, viz('b', { status: 'completed' }));
    expect(replaced?.items.map((v) => [v.id, v.status])).toEqual([
      ['a', 'running'],
      ['b', 'completed'],
    ]);
    // The cached list itself is not mutated.
    expect(list.items[1]?.status).toBe('running');
  });

  it('leaves an uncached list uncached', () => {
    expect(upsertVisualization(undefined, viz('a'))).toBeUndefined();
  });
});

describe('activeIds', () => {
  it('lists queued and running jobs', () => {
    expect(
      activeIds([viz('a', { status: 'queued' }), viz('b', { status: 'completed' }), viz('c'), viz('d', { status: 'failed' })]),
    ).toEqual(['a', 'c']);
  });
});

describe('overlayWatched', () => {
  const items = [viz('a'), viz('b')];

  it('takes a watched answer newer than the list', () => {
    const done = viz('b', { status: 'completed', progress: 1 });
    const out = overlayWatched(items, 1000, [{ data: done, updatedAt: 2000 }]);
    expect(out.map((v) => v.status)).toEqual(['running', 'completed']);
  });

  it('keeps the list when it is newer, even if the watched answer looks further along (a recompute reset the job)', () => {
    const stale = viz('a', { status: 'completed' });
    expect(overlayWatched(items, 3000, [{ data: stale, updatedAt: 2000 }])).toBe(items);
  });

  it('returns the same array when nothing is watched or the watched job is not in the list', () => {
    expect(overlayWatched(items, 1000, [])).toBe(items);
    expect(overlayWatched(items, 1000, [{ data: undefined, updatedAt: 5000 }])).toBe(items);
    expect(overlayWatched(items, 1000, [{ data: viz('z'), updatedAt: 5000 }])).toBe(items);
  });
});
