import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type {
  THistogram,
  THistogramSeries,
  TRun,
  TRunList,
  TScalarSeries,
  TSnapshotList,
  TVisualization,
  TVisualizationList,
} from '@tensorscope/shared';
import { compareKeys, runKeys, sweepKeys } from '@tensorscope/shared';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyReconnect,
  applyRunDeleted,
  applyRunEvents,
  applyRunHistograms,
  applyRunProgress,
  applyRunResync,
  applyRunScalars,
  applyRunSnapshot,
  applyRunUpdated,
  applyRunVisualization,
  deletedRunKey,
} from './socket-cache';
import { runFixture as run } from '../lib/run.fixture';
import { fetchScalarSeries } from '../lib/scalar-query';

const progress = { epoch: 1, epochs: 1, step: 20, totalSteps: 32, imagesPerSec: 900, etaSeconds: 3 };
const point = (tag: 'train/loss' | 'test/loss', step: number) => ({ tag, step, wallTime: step, value: 1 / step });

let client: QueryClient;
const newClient = () => (client = new QueryClient({ defaultOptions: { queries: { retry: false } } }));
afterEach(() => client?.clear());

describe('applyRunUpdated', () => {
  it('replaces the detail and marks lists stale', () => {
    newClient();
    const list: TRunList = { items: [run()], total: 1, page: 1, pageSize: 20 };
    client.setQueryData(runKeys.list({ page: 1 }), list);
    applyRunUpdated(client, run({ status: 'completed' }));
    expect(client.getQueryData<TRun>(runKeys.detail('r1'))?.status).toBe('completed');
    expect(client.getQueryState(runKeys.list({ page: 1 }))?.isInvalidated).toBe(true);
  });

  it("marks the run's sweep (detail and list) stale, and no other sweep", () => {
    newClient();
    const sweep = (id: string) => ({ id, name: id, base: {}, axes: [], createdAt: '2025-01-01T00:00:00Z', runCount: 2, statusCounts: {} });
    client.setQueryData(sweepKeys.detail('s1'), sweep('s1'));
    client.setQueryData(sweepKeys.detail('s2'), sweep('s2'));
    client.setQueryData(sweepKeys.list(), { items: [sweep('s1'), sweep('s2')] });
    applyRunUpdated(client, run({ sweepId: 's1', status: 'completed' }));
    expect(client.getQueryState(sweepKeys.detail('s1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(sweepKeys.list())?.isInvalidated).toBe(true);
    expect(client.getQueryState(sweepKeys.detail('s2'))?.isInvalidated).toBe(false);
  });

  it('leaves sweeps alone for a run outside any sweep', () => {
    newClient();
    client.setQueryData(sweepKeys.list(), { items: [] });
    applyRunUpdated(client, run());
    expect(client.getQueryState(sweepKeys.list())?.isInvalidated).toBe(false);
  });
});

describe('applyRunProgress', () => {
  it('patches the cached detail and the row in cached lists', () => {
    newClient();
    client.setQueryData(runKeys.detail('r1'), run());
    client.setQueryData<TRunList>(runKeys.list({ page: 1 }), {
      items: [run({ id: 'r0' }), run()],
      total: 2,
      page: 1,
      pageSize: 20,
    });
    applyRunProgress(client, 'r1', progress);
    expect(client.getQueryData<TRun>(runKeys.detail('r1'))?.progress).toEqual(progress);
    const items = client.getQueryData<TRunList>(runKeys.list({ page: 1 }))!.items;
    expect(items.find((r) => r.id === 'r1')?.progress).toEqual(progress);
    expect(items.find((r) => r.id === 'r0')?.progress).toBeNull();
  });

  it('creates nothing for a run that is not cached', () => {
    newClient();
    applyRunProgress(client, 'r9', progress);
    expect(client.getQueryData(runKeys.detail('r9'))).toBeUndefined();
  });
});

describe('applyRunScalars', () => {
  it('appends to cached series per tag, deduped and sorted', () => {
    newClient();
    client.setQueryData<TScalarSeries>(runKeys.scalar('r1', 'train/loss'), {
      points: [10, 20].map((s) => ({ step: s, wallTime: s, value: 1 / s })),
    });
    client.setQueryData<TScalarSeries>(runKeys.scalar('r1', 'test/loss'), { points: [] });
    applyRunScalars(client, 'r1', [point('train/loss', 30), point('train/loss', 20), point('test/loss', 30)]);
    const train = client.getQueryData<TScalarSeries>(runKeys.scalar('r1', 'train/loss'))!.points;
    expect(train.map((p) => p.step)).toEqual([10, 20, 30]);
    expect(train[0]).not.toHaveProperty('tag');
    expect(client.getQueryData<TScalarSeries>(runKeys.scalar('r1', 'test/loss'))!.points.map((p) => p.step)).toEqual([30]);
  });

  it('does not create a partial series for a tag nobody has fetched', () => {
    newClient();
    applyRunScalars(client, 'r1', [point('train/loss', 30)]);
    expect(client.getQueryData(runKeys.scalar('r1', 'train/loss'))).toBeUndefined();
  });

  it('keeps points that came while a series’ first fetch was out, however soon the next one follows', async () => {
    newClient();
    const key = runKeys.scalar('r1', 'train/loss');
    const asked: (number | undefined)[] = [];
    let release!: () => void;
    const firstAnswer = new Promise<void>((resolve) => (release = resolve));
    // An observer makes the query active, as a mounted chart does; its first read saw the
    // database before step 20 was written.
    const observer = new QueryObserver(client, {
      queryKey: key,
      queryFn: ({ signal }) =>
        fetchScalarSeries(client, 'r1', 'train/loss', signal, async (_id, _tag, afterStep) => {
          asked.push(afterStep);
          await firstAnswer;
          return { points: [{ step: 10, wallTime: 10, value: 1 }] };
        }),
    });
    const unsubscribe = observer.subscribe(() => {});
    expect(client.getQueryState(key)?.fetchStatus).toBe('fetching');
    applyRunScalars(client, 'r1', [point('train/loss', 20)]);
    expect(client.getQueryData(key)).toBeUndefined();
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The next live point right after the answer: appended after 20, no gap before it.
    applyRunScalars(client, 'r1', [point('train/loss', 30)]);
    unsubscribe();
    expect(asked).toEqual([undefined]);
    expect(client.getQueryData<TScalarSeries>(key)!.points.map((p) => p.step)).toEqual([10, 20, 30]);
  });
});

describe('tags on run:scalars', () => {
  it('refetches the tag list when a tag it does not know arrives', () => {
    newClient();
    client.setQueryData(runKeys.tags('r1'), { scalars: ['train/loss'], histograms: [] });
    applyRunScalars(client, 'r1', [point('train/loss', 40)]);
    expect(client.getQueryState(runKeys.tags('r1'))?.isInvalidated).toBe(false);
    applyRunScalars(client, 'r1', [{ tag: 'weights/conv1/kernel/std', step: 50, wallTime: 1, value: 0.1 }]);
    expect(client.getQueryState(runKeys.tags('r1'))?.isInvalidated).toBe(true);
  });
});

const hist = (step: number): THistogram => ({ step, wallTime: step, min: 0, max: 1, edges: [0, 1], counts: [1], percentiles: [] });

describe('applyRunHistograms', () => {
  it('marks cached series that lack the step stale, and leaves the others', () => {
    newClient();
    const conv = runKeys.histogram('r1', 'weights/conv1/kernel');
    const fc = runKeys.histogram('r1', 'weights/fc1/kernel');
    client.setQueryData<THistogramSeries>(conv, { points: [hist(0), hist(50)] });
    client.setQueryData<THistogramSeries>(fc, { points: [hist(0), hist(50), hist(100)] });
    applyRunHistograms(client, 'r1', 100, ['weights/conv1/kernel', 'weights/fc1/kernel', 'activations/conv1']);
    expect(client.getQueryState(conv)?.isInvalidated).toBe(true);
    expect(client.getQueryState(fc)?.isInvalidated).toBe(false);
    // Never fetched: nothing is created for it.
    expect(client.getQueryState(runKeys.histogram('r1', 'activations/conv1'))).toBeUndefined();
  });

  it('refetches an active series incrementally from its last step', async () => {
    newClient();
    const key = runKeys.histogram('r1', 'weights/conv1/kernel');
    const asked: (number | undefined)[] = [];
    const observer = new QueryObserver(client, {
      queryKey: key,
      staleTime: Infinity,
      queryFn: async (): Promise<THistogramSeries> => {
        const current = client.getQueryData<THistogramSeries>(key)?.points ?? [];
        const after = current.at(-1)?.step;
        asked.push(after);
        return { points: [...current, hist(after === undefined ? 0 : after + 50)] };
      },
    });
    const unsubscribe = observer.subscribe(() => {});
    await new Promise((resolve) => setTimeout(resolve, 10));
    applyRunHistograms(client, 'r1', 50, ['weights/conv1/kernel']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    unsubscribe();
    expect(asked).toEqual([undefined, 0]);
    expect(client.getQueryData<THistogramSeries>(key)!.points.map((p) => p.step)).toEqual([0, 50]);
  });

  it('refetches the tag list for a histogram tag it does not know', () => {
    newClient();
    client.setQueryData(runKeys.tags('r1'), { scalars: [], histograms: ['weights/conv1/kernel'] });
    applyRunHistograms(client, 'r1', 50, ['weights/conv1/kernel']);
    expect(client.getQueryState(runKeys.tags('r1'))?.isInvalidated).toBe(false);
    applyRunHistograms(client, 'r1', 50, ['activations/conv1']);
    expect(client.getQueryState(runKeys.tags('r1'))?.isInvalidated).toBe(true);
  });
});

describe('applyRunSnapshot', () => {
  const list = (steps: number[]): TSnapshotList => ({
    snapshots: steps.map((step) => ({ step, createdAt: '2025-01-01T00:00:00Z', tensors: [], bytes: 0 })),
  });

  it('marks the snapshot list stale when it lacks the new step', () => {
    newClient();
    client.setQueryData(runKeys.snapshots('r1'), list([0, 100]));
    applyRunSnapshot(client, 'r1', 100);
    expect(client.getQueryState(runKeys.snapshots('r1'))?.isInvalidated).toBe(false);
    applyRunSnapshot(client, 'r1', 200);
    expect(client.getQueryState(runKeys.snapshots('r1'))?.isInvalidated).toBe(true);
  });

  it('creates nothing when no list is cached', () => {
    newClient();
    applyRunSnapshot(client, 'r1', 200);
    expect(client.getQueryState(runKeys.snapshots('r1'))).toBeUndefined();
  });
});

describe('applyRunUpdated for a finished run', () => {
  it('also refreshes the layer data so the tab ends complete', () => {
    newClient();
    client.setQueryData(runKeys.tags('r1'), { scalars: [], histograms: [] });
    client.setQueryData(runKeys.snapshots('r1'), { snapshots: [] });
    client.setQueryData<THistogramSeries>(runKeys.histogram('r1', 'weights/conv1/kernel'), { points: [] });
    applyRunUpdated(client, run({ status: 'completed' }));
    for (const key of [runKeys.tags('r1'), runKeys.snapshots('r1'), runKeys.histogram('r1', 'weights/conv1/kernel')]) {
      expect(client.getQueryState(key)?.isInvalidated).toBe(true);
    }
  });
});

describe('applyRunVisualization', () => {
  const job = (id: string, status: TVisualization['status']): TVisualization => ({
    id,
    runId: 'r1',
    step: 100,
    kind: 'top9',
    params: { kind: 'top9', layer: 'conv1' },
    status,
    progress: 0.3,
    error: null,
    result: null,
    createdAt: '2025-01-01T00:00:00Z',
    finishedAt: null,
  });
  const seed = () => {
    newClient();
    client.setQueryData<TVisualizationList>(runKeys.visualizations('r1'), { items: [job('a', 'running'), job('b', 'completed')] });
    client.setQueryData(runKeys.visualization('r1', 'a'), job('a', 'running'));
  };
  const invalidated = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;

  it('refetches only the job itself while the list holds it in flight (a progress tick)', () => {
    seed();
    applyRunVisualization(client, 'r1', 'a');
    expect(invalidated(runKeys.visualization('r1', 'a'))).toBe(true);
    expect(invalidated(runKeys.visualizations('r1'))).toBe(false);
  });

  it('refetches the list for a job it does not know or holds as finished (started or recomputed elsewhere)', () => {
    seed();
    applyRunVisualization(client, 'r1', 'new');
    expect(invalidated(runKeys.visualizations('r1'))).toBe(true);
    seed();
    applyRunVisualization(client, 'r1', 'b');
    expect(invalidated(runKeys.visualizations('r1'))).toBe(true);
    // The other job's cache is left alone.
    expect(invalidated(runKeys.visualization('r1', 'a'))).toBe(false);
  });
});

describe('applyReconnect', () => {
  const invalidated = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;

  it("refetches everything but the caught-up runs' data; lists and sweeps always", () => {
    newClient();
    client.setQueryData(runKeys.list({ page: 1 }), { items: [], total: 0, page: 1, pageSize: 20 });
    client.setQueryData(runKeys.detail('r1'), run());
    client.setQueryData(runKeys.scalar('r1', 'train/loss'), { points: [] });
    client.setQueryData(runKeys.detail('r2'), run({ id: 'r2' }));
    client.setQueryData(runKeys.scalar('r2', 'train/loss'), { points: [] });
    client.setQueryData(sweepKeys.list(), { items: [] });
    applyReconnect(client, new Set(['r1']));
    expect(invalidated(runKeys.list({ page: 1 }))).toBe(true);
    expect(invalidated(sweepKeys.list())).toBe(true);
    expect(invalidated(runKeys.detail('r1'))).toBe(false);
    expect(invalidated(runKeys.scalar('r1', 'train/loss'))).toBe(false);
    expect(invalidated(runKeys.detail('r2'))).toBe(true);
    expect(invalidated(runKeys.scalar('r2', 'train/loss'))).toBe(true);
  });

  it('refetches all run data when no run caught up (the first connect)', () => {
    newClient();
    client.setQueryData(runKeys.detail('r1'), run());
    applyReconnect(client);
    expect(invalidated(runKeys.detail('r1'))).toBe(true);
  });
});

describe('applyRunUpdated', () => {
  const invalidated = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;

  it("refetches the other queued runs' rows (their place in line may have moved), not the rest", () => {
    newClient();
    client.setQueryData(runKeys.detail('waiting'), run({ id: 'waiting', status: 'queued', queuePosition: 2 }));
    client.setQueryData(runKeys.detail('busy'), run({ id: 'busy', status: 'running' }));
    client.setQueryData(runKeys.scalar('waiting', 'train/loss'), { points: [] });
    applyRunUpdated(client, run({ id: 'r1', status: 'running' }));
    expect(invalidated(runKeys.detail('waiting'))).toBe(true);
    expect(invalidated(runKeys.detail('busy'))).toBe(false);
    expect(invalidated(runKeys.scalar('waiting', 'train/loss'))).toBe(false);
    expect(client.getQueryData<TRun>(runKeys.detail('r1'))?.status).toBe('running');
  });
});

describe('applyRunEvents (a catch-up answer)', () => {
  const invalidated = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;

  it('applies progress and points in order; run.updated refetches the row (once) and the lists', () => {
    newClient();
    client.setQueryData(runKeys.detail('r1'), run({ sweepId: 's1' }));
    client.setQueryData<TScalarSeries>(runKeys.scalar('r1', 'train/loss'), { points: [{ step: 1, wallTime: 1, value: 1 }] });
    client.setQueryData(runKeys.list({ page: 1 }), { items: [], total: 0, page: 1, pageSize: 20 });
    client.setQueryData(sweepKeys.detail('s1'), { id: 's1' });
    applyRunEvents(client, 'r1', [
      { type: 'run.progress', runId: 'r1', progress: { ...progress, step: 10 }, seq: 5 },
      { type: 'run.scalars', runId: 'r1', points: [point('train/loss', 2)], seq: 6 },
      { type: 'run.updated', runId: 'r1', seq: 7 },
      { type: 'run.progress', runId: 'r1', progress: { ...progress, step: 12 }, seq: 8 },
      { type: 'run.updated', runId: 'r1', seq: 9 },
    ]);
    expect(client.getQueryData<TRun>(runKeys.detail('r1'))?.progress?.step).toBe(12);
    expect(client.getQueryData<TScalarSeries>(runKeys.scalar('r1', 'train/loss'))?.points.map((p) => p.step)).toEqual([1, 2]);
    expect(invalidated(runKeys.detail('r1'))).toBe(true);
    expect(invalidated(runKeys.list({ page: 1 }))).toBe(true);
    expect(invalidated(sweepKeys.detail('s1'))).toBe(true);
    // The series got its points by merge: no refetch.
    expect(invalidated(runKeys.scalar('r1', 'train/loss'))).toBe(false);
  });

  it('leaves the row alone without a run.updated, and ignores events of other runs', () => {
    newClient();
    client.setQueryData(runKeys.detail('r1'), run());
    client.setQueryData(runKeys.detail('r2'), run({ id: 'r2' }));
    applyRunEvents(client, 'r1', [
      { type: 'run.progress', runId: 'r1', progress, seq: 2 },
      { type: 'run.progress', runId: 'r2', progress: { ...progress, step: 99 }, seq: 3 },
    ]);
    expect(invalidated(runKeys.detail('r1'))).toBe(false);
    expect(client.getQueryData<TRun>(runKeys.detail('r2'))?.progress).toBeNull();
  });
});

describe('applyRunResync', () => {
  it('refetches everything of the run (incomplete catch-up), and the lists, not other runs', () => {
    newClient();
    client.setQueryData(runKeys.detail('r1'), run());
    client.setQueryData(runKeys.snapshots('r1'), { snapshots: [] });
    client.setQueryData(runKeys.detail('r2'), run({ id: 'r2' }));
    client.setQueryData(runKeys.list({ page: 1 }), { items: [], total: 0, page: 1, pageSize: 20 });
    applyRunResync(client, 'r1');
    expect(client.getQueryState(runKeys.detail('r1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(runKeys.snapshots('r1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(runKeys.list({ page: 1 }))?.isInvalidated).toBe(true);
    expect(client.getQueryState(runKeys.detail('r2'))?.isInvalidated).toBe(false);
  });
});

describe('applyRunDeleted', () => {
  it("drops the run's caches, marks it deleted, and refetches lists, its sweep and comparisons holding it", () => {
    newClient();
    client.setQueryData(runKeys.detail('r1'), run({ sweepId: 's1' }));
    client.setQueryData(runKeys.scalar('r1', 'train/loss'), { points: [] });
    client.setQueryData(runKeys.detail('r2'), run({ id: 'r2' }));
    client.setQueryData(runKeys.list({ page: 1 }), { items: [run()], total: 1, page: 1, pageSize: 20 });
    client.setQueryData(sweepKeys.detail('s1'), { id: 's1' });
    client.setQueryData(sweepKeys.detail('s2'), { id: 's2' });
    const compareKey = compareKeys.series({ runs: ['r1', 'r2'], tags: ['train/loss'], smoother: 'ema', buckets: 100 } as never);
    client.setQueryData(compareKey, { series: [] });
    const otherCompareKey = compareKeys.series({ runs: ['r2'], tags: ['train/loss'], smoother: 'ema', buckets: 100 } as never);
    client.setQueryData(otherCompareKey, { series: [] });
    applyRunDeleted(client, 'r1');
    expect(client.getQueryState(compareKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(otherCompareKey)?.isInvalidated).toBe(false);
    expect(client.getQueryData(runKeys.detail('r1'))).toBeUndefined();
    expect(client.getQueryState(runKeys.scalar('r1', 'train/loss'))).toBeUndefined();
    expect(client.getQueryData(deletedRunKey('r1'))).toBe(true);
    expect(client.getQueryData(runKeys.detail('r2'))).toBeDefined();
    expect(client.getQueryState(runKeys.list({ page: 1 }))?.isInvalidated).toBe(true);
    expect(client.getQueryState(sweepKeys.detail('s1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(sweepKeys.detail('s2'))?.isInvalidated).toBe(false);
  });

  it('finds the sweep in a cached list row when the detail is not cached', () => {
    newClient();
    client.setQueryData(runKeys.list({ page: 1 }), { items: [run({ sweepId: 's1' })], total: 1, page: 1, pageSize: 20 });
    client.setQueryData(sweepKeys.detail('s1'), { id: 's1' });
    client.setQueryData(sweepKeys.detail('s2'), { id: 's2' });
    applyRunDeleted(client, 'r1');
    expect(client.getQueryState(sweepKeys.detail('s1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(sweepKeys.detail('s2'))?.isInvalidated).toBe(false);
  });
});
