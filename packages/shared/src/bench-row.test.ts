import { describe, expect, it } from 'vitest';
import { BENCH_ROW_PREFIX, benchRowLine, benchRowMet } from './bench-row';

describe('bench rows', () => {
  it('print as one prefixed JSON line and say whether the goal was met', () => {
    const row = { group: 'training', name: 'LeNet step', value: 120, unit: 'ms', goal: { max: 110 } };
    expect(benchRowLine(row)).toBe(`${BENCH_ROW_PREFIX}${JSON.stringify(row)}`);
    expect(benchRowMet(row)).toBe(false);
    expect(benchRowMet({ ...row, value: 110 })).toBe(true);
    expect(benchRowMet({ ...row, goal: { min: 50_000 }, value: 60_000 })).toBe(true);
    expect(benchRowMet({ group: 'x', name: 'y', value: 1, unit: 'ms' })).toBeUndefined();
    // Fast failures (503s) must not pass for a met latency goal.
    expect(benchRowMet({ ...row, value: 10, errors: 3 })).toBe(false);
    expect(() => benchRowLine({ ...row, value: 'fast' } as unknown as typeof row)).toThrow();
  });
});
