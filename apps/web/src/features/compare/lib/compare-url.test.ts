import { describe, expect, it } from 'vitest';
import {
  clampSmoothing,
  compareHref,
  DEFAULT_COMPARE_STATE,
  isRunId,
  parseCompareState,
  patchCompareState,
  serializeCompareState,
  splitList,
} from './compare-url';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const parse = (qs: string) => parseCompareState(new URLSearchParams(qs));

describe('parseCompareState', () => {
  it('gives the defaults for an empty URL', () => {
    expect(parse('')).toEqual(DEFAULT_COMPARE_STATE);
  });

  it('reads every field', () => {
    expect(parse(`runs=${A},${B}&tags=train/loss,test/loss&smoothing=0.9&smoother=sma&x=epoch&y=log&outliers=show&zoom=10,250`)).toEqual({
      runs: [A, B],
      tags: ['train/loss', 'test/loss'],
      smoothing: 0.9,
      smoother: 'sma',
      x: 'epoch',
      y: 'log',
      ignoreOutliers: false,
      zoom: { min: 10, max: 250 },
    });
  });

  it('reads percent-encoded lists the same way', () => {
    expect(parse(`runs=${A}%2C${B}&tags=train%2Floss`)).toMatchObject({ runs: [A, B], tags: ['train/loss'] });
  });

  it('de-duplicates runs, keeping the first position', () => {
    expect(parse(`runs=${B}, ${A},,${B}`).runs).toEqual([B, A]);
  });

  it('falls back on defaults for nonsense', () => {
    expect(parse('smoothing=abc&smoother=median&x=banana&y=sqrt&zoom=5,1&tags=../etc')).toEqual(DEFAULT_COMPARE_STATE);
  });

  it('clamps the smoothing weight into the slider range', () => {
    expect(parse('smoothing=1.5').smoothing).toBe(0.999);
    expect(parse('smoothing=-2').smoothing).toBe(0);
    expect(parse('smoothing=0').smoothing).toBe(0);
  });

  it('rejects a one-ended or inverted zoom', () => {
    expect(parse('zoom=5').zoom).toBeNull();
    expect(parse('zoom=5,5').zoom).toBeNull();
    expect(parse('zoom=-1.5,2e3').zoom).toEqual({ min: -1.5, max: 2000 });
  });
});

describe('serializeCompareState', () => {
  it('leaves defaults out and keeps ids and tags readable', () => {
    expect(serializeCompareState({ ...DEFAULT_COMPARE_STATE, runs: [A, B], tags: ['train/loss'] })).toBe(`runs=${A},${B}&tags=train/loss`);
    expect(serializeCompareState(DEFAULT_COMPARE_STATE)).toBe('');
  });

  it('round-trips a full state', () => {
    const state = {
      runs: [B, A],
      tags: ['test/accuracy', 'weights/conv1/kernel/std'],
      smoothing: 0.25,
      smoother: 'twema' as const,
      x: 'relative' as const,
      y: 'log' as const,
      ignoreOutliers: false,
      zoom: { min: 0.5, max: 12 },
    };
    expect(parse(serializeCompareState(state))).toEqual(state);
  });

  it('percent-encodes ids that are not URL-safe', () => {
    expect(serializeCompareState({ ...DEFAULT_COMPARE_STATE, runs: ['a&b'] })).toBe('runs=a%26b');
    expect(parse(serializeCompareState({ ...DEFAULT_COMPARE_STATE, runs: ['a&b'] })).runs).toEqual(['a&b']);
  });
});

describe('helpers', () => {
  it('compareHref links to the runs, de-duplicated', () => {
    expect(compareHref([A, B, A])).toBe(`/compare?runs=${A},${B}`);
    expect(compareHref([])).toBe('/compare');
  });

  it('splitList trims and drops empties', () => {
    expect(splitList(' a, b ,,a')).toEqual(['a', 'b']);
    expect(splitList(null)).toEqual([]);
  });

  it('clampSmoothing rounds to the slider resolution', () => {
    expect(clampSmoothing(0.12345)).toBe(0.123);
    expect(clampSmoothing(Number.NaN)).toBe(0.6);
  });

  it('changing the x axis drops the zoom, other changes keep it', () => {
    const zoomed = { ...DEFAULT_COMPARE_STATE, zoom: { min: 1, max: 2 } };
    expect(patchCompareState(zoomed, { x: 'epoch' }).zoom).toBeNull();
    expect(patchCompareState(zoomed, { x: 'step' }).zoom).toEqual({ min: 1, max: 2 });
    expect(patchCompareState(zoomed, { smoothing: 0.1 }).zoom).toEqual({ min: 1, max: 2 });
  });
});

describe('isRunId', () => {
  it('accepts UUIDs only', () => {
    expect(isRunId(A)).toBe(true);
    expect(isRunId(A.toUpperCase())).toBe(true);
    expect(isRunId('not-a-run')).toBe(false);
    expect(isRunId(`${A}x`)).toBe(false);
  });
});
