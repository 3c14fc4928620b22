import type { TRun } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { buildCompareRows } from './compare-rows';

const run = (id: string, finalMetrics: Record<string, number> | null) => ({ id, name: id, finalMetrics }) as unknown as TRun;

describe('buildCompareRows', () => {
  it('keeps selection order and tells unknown from unmeasurable', () => {
    const rows = buildCompareRows(
      ['a', 'b', 'c'],
      new Map([
        ['a', '#111111'],
        ['b', '#222222'],
        ['c', '#333333'],
      ]),
      new Map([['a', run('a', { 'train/accuracy': 0.9, 'test/accuracy': 0.8 })]]),
      new Set(['c']),
      new Map([['a', { value: 0.04, exact: false }]]),
    );
    expect(rows.map((r) => r.runId)).toEqual(['a', 'b', 'c']);
    expect(rows[0]).toMatchObject({ color: '#111111', missing: false, roughness: 0.04, roughnessExact: false });
    expect(rows[0]!.gap).toBeCloseTo(0.1);
    // b: still loading
    expect(rows[1]).toMatchObject({ run: undefined, missing: false, gap: undefined, roughness: undefined });
    // c: gone
    expect(rows[2]).toMatchObject({ missing: true, gap: null, roughness: null });
  });
});
