import { describe, expect, it } from 'vitest';
import { compareCells, nextSort, sortRows } from './compare-sort';

describe('sortRows', () => {
  const rows = [
    { name: 'run-10', lr: 0.01 },
    { name: 'run-2', lr: undefined },
    { name: 'Run-1', lr: 0.001 },
    { name: 'run-3', lr: 0.1 },
  ];

  it('sorts numbers numerically, empties last in both directions', () => {
    expect(sortRows(rows, (r) => r.lr, 'asc').map((r) => r.name)).toEqual(['Run-1', 'run-10', 'run-3', 'run-2']);
    expect(sortRows(rows, (r) => r.lr, 'desc').map((r) => r.name)).toEqual(['run-3', 'run-10', 'Run-1', 'run-2']);
  });

  it('sorts names in natural, case-insensitive order', () => {
    expect(sortRows(rows, (r) => r.name, 'asc').map((r) => r.name)).toEqual(['Run-1', 'run-2', 'run-3', 'run-10']);
  });

  it('is stable for ties and does not touch the input', () => {
    const tied = [
      { id: 'a', v: 1 },
      { id: 'b', v: 0 },
      { id: 'c', v: 1 },
    ];
    expect(sortRows(tied, (r) => r.v, 'desc').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(tied.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('treats NaN and null as empty', () => {
    const odd = [{ v: Number.NaN }, { v: 2 }, { v: null }, { v: 1 }];
    expect(sortRows(odd, (r) => r.v, 'asc').map((r) => r.v)).toEqual([1, 2, Number.NaN, null]);
  });
});

describe('compareCells', () => {
  it('orders numbers before booleans before text', () => {
    expect(compareCells(5, 'a')).toBeLessThan(0);
    expect(compareCells(true, 'a')).toBeLessThan(0);
    expect(compareCells(false, true)).toBeLessThan(0);
    expect(compareCells('adam', 'SGD')).toBeLessThan(0);
  });
});

describe('nextSort', () => {
  it('toggles the same column and starts a new one ascending', () => {
    expect(nextSort(null, 'lr')).toEqual({ key: 'lr', dir: 'asc' });
    expect(nextSort({ key: 'lr', dir: 'asc' }, 'lr')).toEqual({ key: 'lr', dir: 'desc' });
    expect(nextSort({ key: 'lr', dir: 'desc' }, 'lr')).toEqual({ key: 'lr', dir: 'asc' });
    expect(nextSort({ key: 'lr', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });
});
