import type { TVisualization } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { missingSteps, top9Evolution } from './top9-evolution';

const viz = (id: string, step: number, status: TVisualization['status'], layer = 'conv1'): TVisualization => ({
  id,
  runId: 'r1',
  step,
  kind: 'top9',
  params: { kind: 'top9', layer },
  status,
  progress: 0,
  error: status === 'failed' ? 'boom' : null,
  result: status === 'completed' ? { kind: 'top9', layer, imagesSearched: 10_000, featureMaps: [], seconds: 1 } : null,
  createdAt: '2025-01-01T00:00:00Z',
  finishedAt: null,
});

describe('top9Evolution / missingSteps', () => {
  const items = [viz('a', 100, 'completed'), viz('b', 200, 'running'), viz('c', 300, 'failed'), viz('d', 400, 'completed', 'conv2')];
  const columns = top9Evolution(items, [100, 200, 300, 400, 500], { kind: 'top9', layer: 'conv1' });

  it('puts each snapshot’s job for the layer in its column', () => {
    expect(columns.map((c) => [c.step, c.latest?.id, c.completed?.id])).toEqual([
      [100, 'a', 'a'],
      [200, 'b', undefined],
      [300, 'c', undefined],
      [400, undefined, undefined],
      [500, undefined, undefined],
    ]);
  });

  it('counts failed and absent jobs as missing, not running or completed ones', () => {
    expect(missingSteps(columns)).toEqual([300, 400, 500]);
  });
});
