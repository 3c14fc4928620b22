import { describe, expect, it } from 'vitest';
import { badgeLevel, GAP_THRESHOLDS, generalizationGap, roughness, ROUGHNESS_THRESHOLDS } from './compare-overfit';

describe('generalizationGap', () => {
  it('is train minus test accuracy', () => {
    expect(generalizationGap({ 'train/accuracy': 0.92, 'test/accuracy': 0.71 })).toBeCloseTo(0.21);
    expect(generalizationGap({ 'train/accuracy': 0.6, 'test/accuracy': 0.62 })).toBeCloseTo(-0.02);
  });

  it('is null when a metric is missing', () => {
    expect(generalizationGap({ 'train/accuracy': 0.9 })).toBeNull();
    expect(generalizationGap(null)).toBeNull();
  });
});

describe('roughness', () => {
  it('is the mean absolute deviation relative to the mean smoothed magnitude', () => {
    // |2-1.5| + |1-1.5| + |1.8-1.6| + |1.4-1.5| = 0.5 + 0.5 + 0.2 + 0.1 = 1.3; Σ|s| = 6.1
    expect(roughness([2, 1, 1.8, 1.4], [1.5, 1.5, 1.6, 1.5])).toBeCloseTo(1.3 / 6.1);
  });

  it('is 0 for a perfectly smooth curve', () => {
    expect(roughness([1, 2, 3], [1, 2, 3])).toBe(0);
  });

  it('skips points where either side is not finite', () => {
    // only index 0 and 3 count: |4-2| + |1-2| = 3, Σ|s| = 4
    expect(roughness([4, null, 9, 1], [2, 5, null, 2])).toBeCloseTo(0.75);
  });

  it('uses magnitudes, so negative curves work too', () => {
    expect(roughness([-1, -3], [-2, -2])).toBeCloseTo(0.5);
  });

  it('is null without smoothing, points or scale', () => {
    expect(roughness([1, 2], null)).toBeNull();
    expect(roughness([], [])).toBeNull();
    expect(roughness([1, -1], [0, 0])).toBeNull();
  });
});

describe('badgeLevel', () => {
  it('switches strictly above each threshold', () => {
    expect(badgeLevel(0.05, GAP_THRESHOLDS)).toBe('ok');
    expect(badgeLevel(0.051, GAP_THRESHOLDS)).toBe('warn');
    expect(badgeLevel(0.15, GAP_THRESHOLDS)).toBe('warn');
    expect(badgeLevel(0.2, GAP_THRESHOLDS)).toBe('bad');
    expect(badgeLevel(-0.1, ROUGHNESS_THRESHOLDS)).toBe('ok');
    expect(badgeLevel(null, GAP_THRESHOLDS)).toBeNull();
  });
});
