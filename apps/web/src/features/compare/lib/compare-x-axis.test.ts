import { describe, expect, it } from 'vitest';
import { formatX, roundZoom, runOrigins, stepWindow, xExtent, xValues } from './compare-x-axis';

const series = { steps: [0, 50, 100], wallTimes: [1_000_000, 1_002_500, 1_010_000] };

describe('xValues', () => {
  it('step returns the server array itself', () => {
    expect(xValues('step', series, {})).toBe(series.steps);
  });

  it('epoch divides by steps per epoch', () => {
    expect([...xValues('epoch', series, { stepsPerEpoch: 40 })!]).toEqual([0, 1.25, 2.5]);
    expect(xValues('epoch', series, {})).toBeNull();
  });

  it('relative time counts seconds from the run origin', () => {
    expect([...xValues('relative', series, { originMs: 999_000 })!]).toEqual([1, 3.5, 11]);
    expect(xValues('relative', series, {})).toBeNull();
  });

  it('wall time is in seconds', () => {
    expect([...xValues('wall', series, {})!]).toEqual([1000, 1002.5, 1010]);
  });
});

describe('runOrigins', () => {
  it('takes the earliest first point over a run’s series', () => {
    const origins = runOrigins([
      { runId: 'a', wallTimes: [500, 900] },
      { runId: 'a', wallTimes: [300, 1000] },
      { runId: 'b', wallTimes: [700] },
      { runId: 'c', wallTimes: [] },
    ]);
    expect([...origins]).toEqual([
      ['a', 300],
      ['b', 700],
    ]);
  });
});

describe('stepWindow', () => {
  it('maps a step zoom to whole steps that contain it', () => {
    expect(stepWindow('step', { min: 10.4, max: 99.2 })).toEqual({ fromStep: 10, toStep: 100 });
  });

  it('is null for other axes or without zoom', () => {
    expect(stepWindow('epoch', { min: 1, max: 2 })).toBeNull();
    expect(stepWindow('step', null)).toBeNull();
  });
});

describe('xExtent', () => {
  it('spans every column, plain or typed', () => {
    expect(xExtent([[3, 5], Float64Array.of(-1, 4), []])).toEqual({ min: -1, max: 5 });
    expect(xExtent([[], []])).toBeNull();
  });
});

describe('formatX', () => {
  it('formats per axis', () => {
    expect(formatX('step', 12345.4)).toBe('step 12,345');
    expect(formatX('epoch', 1.256)).toBe('epoch 1.26');
    expect(formatX('relative', 12.34)).toBe('12.3 s');
    expect(formatX('relative', 1234.5)).toBe('1,235 s');
  });
});

describe('roundZoom', () => {
  it('rounds a step zoom outwards to whole steps', () => {
    expect(roundZoom('step', { min: 396.21, max: 797.16 })).toEqual({ min: 396, max: 798 });
    expect(roundZoom('step', { min: 5.2, max: 5.4 })).toEqual({ min: 5, max: 6 });
  });

  it('keeps a thousandth of the span on other axes', () => {
    // span 1.1 → unit 0.001
    expect(roundZoom('epoch', { min: 0.123456, max: 1.223456 })).toEqual({ min: 0.123, max: 1.224 });
    // span ~ 400 s → unit 0.1
    expect(roundZoom('wall', { min: 1_700_000_123.456, max: 1_700_000_523.456 })).toEqual({ min: 1_700_000_123.4, max: 1_700_000_523.5 });
  });
});
