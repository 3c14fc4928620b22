import type { TVisualization } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { computeAction, findVisualization, progressPercent } from './visualization-match';

const top9Result = { kind: 'top9' as const, layer: 'conv1', imagesSearched: 10_000, featureMaps: [], seconds: 3 };
const viz = (over: Partial<TVisualization>): TVisualization => ({
  id: 'v',
  runId: 'r1',
  step: 100,
  kind: 'top9',
  params: { kind: 'top9', layer: 'conv1' },
  status: 'completed',
  progress: 1,
  error: null,
  result: top9Result,
  createdAt: '2025-01-01T00:00:00Z',
  finishedAt: '2025-01-01T00:00:05Z',
  ...over,
});

describe('findVisualization', () => {
  const items = [
    viz({ id: 'other-step', step: 200 }),
    viz({ id: 'other-layer', params: { kind: 'top9', layer: 'conv2' } }),
    viz({ id: 'subset', params: { kind: 'top9', layer: 'conv1', subset: 1000 } }),
    viz({ id: 'old', createdAt: '2025-01-01T00:00:00Z' }),
    viz({ id: 'failed', status: 'failed', result: null, error: 'boom', createdAt: '2025-01-02T00:00:00Z' }),
  ];

  it('finds the newest job and the newest completed one of the same step and params', () => {
    const match = findVisualization(items, 100, { kind: 'top9', layer: 'conv1' });
    expect(match.latest?.id).toBe('failed');
    expect(match.completed?.id).toBe('old');
  });

  it('matches a subset spelled out as 10,000 with one left to the default', () => {
    expect(findVisualization(items, 100, { kind: 'top9', layer: 'conv1', subset: 10_000 }).completed?.id).toBe('old');
    expect(findVisualization(items, 100, { kind: 'top9', layer: 'conv1', subset: 1_000 }).completed?.id).toBe('subset');
  });

  it('finds nothing for a step without jobs', () => {
    expect(findVisualization(items, 300, { kind: 'top9', layer: 'conv1' })).toEqual({ latest: undefined, completed: undefined });
  });

  it("doesn't count a completed job without a result", () => {
    const match = findVisualization([viz({ id: 'empty', result: null })], 100, { kind: 'top9', layer: 'conv1' });
    expect(match.latest?.id).toBe('empty');
    expect(match.completed).toBeUndefined();
  });
});

describe('computeAction', () => {
  it('is busy while the newest job is queued or running, recompute once a result exists', () => {
    expect(computeAction({ latest: undefined, completed: undefined })).toBe('compute');
    expect(computeAction({ latest: viz({ status: 'running' }), completed: viz({}) })).toBe('busy');
    expect(computeAction({ latest: viz({ status: 'queued' }), completed: undefined })).toBe('busy');
    expect(computeAction({ latest: viz({ status: 'failed' }), completed: undefined })).toBe('compute');
    expect(computeAction({ latest: viz({ status: 'failed' }), completed: viz({}) })).toBe('recompute');
  });
});

describe('progressPercent', () => {
  it('rounds and clamps the fraction', () => {
    expect(progressPercent({ status: 'running', progress: 0.424 })).toBe(42);
    expect(progressPercent({ status: 'running', progress: 1.7 })).toBe(100);
    expect(progressPercent({ status: 'running', progress: Number.NaN })).toBe(0);
    expect(progressPercent({ status: 'queued', progress: 0.5 })).toBe(0);
    expect(progressPercent({ status: 'completed', progress: 0 })).toBe(100);
  });
});
