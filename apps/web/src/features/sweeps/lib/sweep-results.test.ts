import type { TRun, TSweepAxis } from '@tensorscope/shared';
import { ZRunConfig, sweepRunName } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import {
  RESULT_COLUMNS,
  bestRunId,
  cancellableRunIds,
  compareHref,
  nextSort,
  sortSweepRows,
  sweepRows,
  type TSweepRow,
} from './sweep-results';
import { runFixture } from '../../../lib/run.fixture';

const axes: TSweepAxis[] = [
  { field: 'model', values: ['lenet5', 'lstm'] },
  { field: 'hiddenSize', values: [64, 256] },
];
const sweep = { name: 'cells', axes };

let seq = 0;
function run(point: { model: 'lenet5' | 'lstm'; hiddenSize: number }, over: Partial<TRun> = {}): TRun {
  const name = sweepRunName('cells', point);
  seq++;
  return runFixture({
    id: `r-${point.model}-${point.hiddenSize}`,
    name,
    model: point.model,
    // The API's sweep expansion leaves hiddenSize out of a LeNet run's config (LeNet has none).
    config: ZRunConfig.parse(point.model === 'lenet5' ? { name, model: point.model } : { name, ...point }),
    status: 'completed',
    backend: 'cpu',
    sweepId: 's1',
    createdAt: `2025-01-01T00:00:${String(seq).padStart(2, '0')}Z`,
    startedAt: null,
    ...over,
  });
}

const metrics = (testAcc: number, bestTestAcc: number, trainLoss: number) => ({
  finalMetrics: { 'test/accuracy': testAcc, 'train/loss': trainLoss },
  bestMetrics: { 'test/accuracy': { value: bestTestAcc, step: 40 }, 'train/loss': { value: trainLoss - 0.1, step: 50 } },
});

// Listed newest first, as the API lists runs.
const runs = [
  run({ model: 'lstm', hiddenSize: 256 }, { ...metrics(0.9, 0.93, 0.3), status: 'running' }),
  run({ model: 'lstm', hiddenSize: 64 }, metrics(0.85, 0.95, 0.5)),
  run({ model: 'lenet5', hiddenSize: 256 }, metrics(0.6, 0.62, 1.1)),
  run({ model: 'lenet5', hiddenSize: 64 }, { status: 'queued' }),
];
const rows = sweepRows(sweep, runs);
const ids = (list: TSweepRow[]) => list.map((r) => r.run.id);

describe('RESULT_COLUMNS', () => {
  it('has final and best of the four core tags, test accuracy first', () => {
    expect(RESULT_COLUMNS.map((c) => c.label)).toEqual([
      'test acc',
      'best test acc',
      'train acc',
      'best train acc',
      'test loss',
      'best test loss',
      'train loss',
      'best train loss',
    ]);
  });
});

describe('sweepRows', () => {
  it('recovers the sweep order from run names and reads axis values from each config', () => {
    const byId = new Map(rows.map((r) => [r.run.id, r]));
    expect(byId.get('r-lenet5-64')?.order).toBe(0);
    expect(byId.get('r-lstm-256')?.order).toBe(3);
    expect(byId.get('r-lstm-64')?.axisValues).toEqual({ model: 'lstm', hiddenSize: 64 });
    // LeNet has no hidden size: the value it was swept with was stripped.
    expect(byId.get('r-lenet5-256')?.axisValues).toEqual({ model: 'lenet5', hiddenSize: undefined });
  });

  it('takes final values from finalMetrics and best ones from bestMetrics', () => {
    const lstm64 = rows.find((r) => r.run.id === 'r-lstm-64')!;
    expect(lstm64.metrics['final:test/accuracy']).toBe(0.85);
    expect(lstm64.metrics['best:test/accuracy']).toBe(0.95);
    expect(lstm64.metrics['best:train/loss']).toBeCloseTo(0.4);
    expect(lstm64.metrics['final:test/loss']).toBeUndefined();
  });

  it('places a renamed run by its config', () => {
    const renamed = runs.map((r) => (r.id === 'r-lstm-64' ? { ...r, name: 'my favourite' } : r));
    expect(sweepRows(sweep, renamed).find((r) => r.run.id === 'r-lstm-64')?.order).toBe(2);
  });

  it('puts runs that fit no combination after the others, oldest first', () => {
    const stray = run({ model: 'lstm', hiddenSize: 999 }, { id: 'stray' });
    const older = run({ model: 'lstm', hiddenSize: 998 }, { id: 'older', createdAt: '2024-01-01T00:00:00Z' });
    const extra = sweepRows(sweep, [...runs, stray, older]);
    expect(extra.find((r) => r.run.id === 'older')?.order).toBe(4 + 0);
    expect(extra.find((r) => r.run.id === 'stray')?.order).toBe(4 + 5);
  });
});

describe('sortSweepRows', () => {
  it('sorts by sweep order by default', () => {
    expect(ids(sortSweepRows(rows, { key: 'order', dir: 'asc' }))).toEqual(['r-lenet5-64', 'r-lenet5-256', 'r-lstm-64', 'r-lstm-256']);
  });

  it('sorts a metric either way, rows without a value last both times', () => {
    expect(ids(sortSweepRows(rows, { key: 'best:test/accuracy', dir: 'desc' }))).toEqual([
      'r-lstm-64',
      'r-lstm-256',
      'r-lenet5-256',
      'r-lenet5-64',
    ]);
    expect(ids(sortSweepRows(rows, { key: 'best:test/accuracy', dir: 'asc' }))).toEqual([
      'r-lenet5-256',
      'r-lstm-256',
      'r-lstm-64',
      'r-lenet5-64',
    ]);
  });

  it('sorts an axis numerically, with sweep order breaking ties', () => {
    expect(ids(sortSweepRows(rows, { key: 'axis:hiddenSize', dir: 'desc' }))).toEqual([
      'r-lstm-256',
      'r-lstm-64',
      'r-lenet5-64',
      'r-lenet5-256',
    ]);
    expect(ids(sortSweepRows(rows, { key: 'axis:model', dir: 'desc' }))).toEqual([
      'r-lstm-64',
      'r-lstm-256',
      'r-lenet5-64',
      'r-lenet5-256',
    ]);
  });
});

describe('nextSort', () => {
  it('flips the same column and starts a new metric with its best values first', () => {
    expect(nextSort({ key: 'order', dir: 'asc' }, 'order')).toEqual({ key: 'order', dir: 'desc' });
    expect(nextSort({ key: 'order', dir: 'asc' }, 'best:test/accuracy')).toEqual({ key: 'best:test/accuracy', dir: 'desc' });
    expect(nextSort({ key: 'order', dir: 'asc' }, 'final:train/loss')).toEqual({ key: 'final:train/loss', dir: 'asc' });
    expect(nextSort({ key: 'order', dir: 'asc' }, 'axis:hiddenSize')).toEqual({ key: 'axis:hiddenSize', dir: 'asc' });
  });
});

describe('bestRunId', () => {
  it('picks the highest best test accuracy, not the highest final one', () => {
    expect(bestRunId(rows)).toBe('r-lstm-64');
  });

  it('falls back to final accuracy and is null when nothing is logged', () => {
    const finalOnly = sweepRows(sweep, [
      run({ model: 'lstm', hiddenSize: 64 }, { finalMetrics: { 'test/accuracy': 0.5 } }),
      run({ model: 'lstm', hiddenSize: 256 }, { finalMetrics: { 'test/accuracy': 0.7 } }),
    ]);
    expect(bestRunId(finalOnly)).toBe('r-lstm-256');
    expect(bestRunId(sweepRows(sweep, [run({ model: 'lstm', hiddenSize: 64 })]))).toBeNull();
  });
});

describe('compareHref / cancellableRunIds', () => {
  it('links the compare view with the sweep curves', () => {
    expect(compareHref(['a', 'b'])).toBe('/compare?runs=a,b&tags=train/accuracy,test/accuracy,train/loss');
  });

  it('offers to cancel only unfinished runs not already asked to stop', () => {
    const list = [
      run({ model: 'lstm', hiddenSize: 1 }, { id: 'q', status: 'queued' }),
      run({ model: 'lstm', hiddenSize: 2 }, { id: 'r', status: 'running' }),
      run({ model: 'lstm', hiddenSize: 3 }, { id: 'asked', status: 'running', cancelRequested: true }),
      run({ model: 'lstm', hiddenSize: 4 }, { id: 'done', status: 'completed' }),
    ];
    expect(cancellableRunIds(list)).toEqual(['q', 'r']);
  });
});
