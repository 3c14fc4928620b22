import type { TRun } from '@tensorscope/shared';
import { ZRunConfig } from '@tensorscope/shared';

/**
 * A run row as the API answers it, for unit tests: a running LeNet-5 on wasm; `over` replaces any
 * field. The config takes its defaults from the schema itself, so the fixture follows it as it grows.
 */
export function runFixture(over: Partial<TRun> = {}): TRun {
  return {
    id: 'r1',
    name: 'gray-adam',
    model: 'lenet5',
    config: ZRunConfig.parse({ name: 'gray-adam', model: 'lenet5', trainSubset: 2000, evalSubset: 1000, evalInterval: 10 }),
    status: 'running',
    backend: 'wasm',
    progress: null,
    finalMetrics: null,
    bestMetrics: null,
    error: null,
    cancelRequested: false,
    workerId: null,
    sweepId: null,
    attempts: 1,
    interruption: null,
    checkpointStep: null,
    ownerId: null,
    notes: '',
    tags: [],
    queuePosition: null,
    archivedAt: null,
    createdAt: '2025-01-01T00:00:00Z',
    startedAt: '2025-01-01T00:00:01Z',
    finishedAt: null,
    durationSeconds: null,
    ...over,
  };
}
