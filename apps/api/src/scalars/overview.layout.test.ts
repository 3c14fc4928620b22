import { describe, expect, it } from 'vitest';
import { OVERVIEW_OFFSET, OVERVIEW_RECORD_BYTES, OVERVIEW_RECORD_SQL } from './overview.layout';

describe('packed overview layout', () => {
  it('keeps the stored format: existing overviews in a database are read with these offsets', () => {
    expect(OVERVIEW_RECORD_BYTES).toBe(100);
    expect(OVERVIEW_OFFSET).toEqual({
      bucket: 0,
      count: 4,
      finiteCount: 8,
      sum: 12,
      firstStep: 20,
      firstWall: 24,
      firstValue: 32,
      lastStep: 40,
      lastWall: 44,
      lastValue: 52,
      minStep: 60,
      minWall: 64,
      minValue: 72,
      maxStep: 80,
      maxWall: 84,
      maxValue: 92,
    });
  });

  it('packs the fields in offset order, a missing min/max as step 0 and NaN', () => {
    const parts = OVERVIEW_RECORD_SQL.split(' || ');
    expect(parts).toHaveLength(Object.keys(OVERVIEW_OFFSET).length);
    expect(parts[0]).toBe('int4send("bucket")');
    expect(parts[3]).toBe('float8send("sum")');
    expect(parts[10]).toBe('int4send(coalesce("minStep", 0))');
    expect(parts[15]).toBe(`float8send(coalesce("maxValue", 'NaN'))`);
  });
});
