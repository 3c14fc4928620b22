import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type { TRun, TRunList, TScalarSeries } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRunProgress, applyRunScalars, applyRunUpdated } from './socket-cache';

const run = (over: Partial<TRun> = {}): TRun => ({
  id: 'r1',
  name: 'gray-adam',
  model: 'lenet5',
  config: {
    name: 'gray-adam',
    model: 'lenet5',
    variant: 'cifar-gray28',
    optimizer: 'adam',
    learningRate: 0.001,
    batchSize: 64,
    epochs: 1,
    trainSubset: 2000,
    evalSubset: 1000,
    evalInterval: 10,
    logInterval: 10,
    seed: 1,
    backend: 'auto',
  },
  status: 'running',
  backend: 'wasm',
  progress: null,
  finalMetrics: null,
  error: null,
  cancelRequested: false,
  workerId: null,
  createdAt: '2025-01-01T00:00:00Z',
  startedAt: '2025-01-01T00:00:01Z',
  finishedAt: null,
  durationSeconds: null,
  ...over,
});
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

  it('refetches a series whose first fetch was in flight when points arrived', async () => {
    newClient();
    const key = runKeys.scalar('r1', 'train/loss');
    let calls = 0;
    let release!: () => void;
    const firstAnswer = new Promise<void>((resolve) => (release = resolve));
    // An observer makes the query active, as a mounted chart does.
    const observer = new QueryObserver(client, {
      queryKey: key,
      queryFn: async (): Promise<TScalarSeries> => {
        calls++;
        if (calls === 1) {
          await firstAnswer;
          return { points: [{ step: 10, wallTime: 10, value: 1 }] };
        }
        return { points: [10, 20, 30].map((s) => ({ step: s, wallTime: s, value: 1 })) };
      },
    });
    const unsubscribe = observer.subscribe(() => {});
    expect(client.getQueryState(key)?.fetchStatus).toBe('fetching');
    applyRunScalars(client, 'r1', [point('train/loss', 30)]);
    expect(client.getQueryData(key)).toBeUndefined();
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    unsubscribe();
    expect(calls).toBe(2);
    expect(client.getQueryData<TScalarSeries>(key)!.points.map((p) => p.step)).toEqual([10, 20, 30]);
  });
});
