import { describe, expect, it } from 'vitest';
import { smoothEma } from '@tensorscope/shared';
import { badgeLevel, GAP_THRESHOLDS, generalizationGap, roughness, ROUGHNESS_SMOOTHING, ROUGHNESS_THRESHOLDS } from './compare-overfit';

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
  it('is the mean distance from the line through the neighbours, relative to the smoothed height', () => {
    // |1 − (2 + 1.8)/2| = 0.9, |1.8 − (1 + 1.4)/2| = 0.6: mean 0.75; smoothed spans 1.5 … 1.6
    expect(roughness([2, 1, 1.8, 1.4], [1.5, 1.5, 1.6, 1.5])).toBeCloseTo(0.75 / 0.1);
  });

  it('is 0 for a straight line, however steep', () => {
    expect(roughness([9, 6, 3, 0], [9, 7, 5, 3])).toBe(0);
  });

  it('is 0 for a perfectly smooth curve', () => {
    expect(roughness([1, 2, 3], [1, 2, 3])).toBe(0);
  });

  it('skips triples with a point that is not finite', () => {
    // only (1, 3, 1) → 2 and (2, 2, 2) → 0 count: mean 1; the finite smoothed values span 2 … 6
    expect(roughness([1, 3, 1, null, 2, 2, 2], [2, 6, null, Number.NaN])).toBeCloseTo(0.25);
  });

  it('does not depend on the curve’s scale or sign', () => {
    const raw = [2.3, 1.1, 1.4, 0.6, 0.9, 0.3];
    const smoothed = smoothEma(raw, ROUGHNESS_SMOOTHING);
    const base = roughness(raw, smoothed)!;
    expect(
      roughness(
        raw.map((v) => v * 100),
        smoothed.map((v) => v * 100),
      ),
    ).toBeCloseTo(base);
    expect(
      roughness(
        raw.map((v) => -v),
        smoothed.map((v) => -v),
      ),
    ).toBeCloseTo(base);
  });

  it('is null without smoothing, points or height', () => {
    expect(roughness([1, 2], null)).toBeNull();
    expect(roughness([], [])).toBeNull();
    expect(roughness([1, -1], [0, 0])).toBeNull();
  });

  /*
   * The shapes that ranked the wrong way round (LeNet-mnist 24.6 % above the jagged LSTM-1024 at
   * 8.0 %): a loss that falls from 2.2 to 0.03 with batch noise that, relative to the value, grows
   * as the loss falls (±5 % at the top, ±60 % at the bottom), against one that falls to 0.35 and
   * keeps jumping up by 0.5–1.2 on one step in twelve.
   */
  const rng = (seed: number) => () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
  const gauss = (r: () => number) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
  const smoothNoisyDecreasing = (steps: number) => {
    const r = rng(1);
    return Array.from({ length: steps }, (_, i) => {
      const trend = 2.2 * Math.exp(-i / (steps / 25)) + 0.03;
      return trend * Math.exp((0.05 + 0.9 * Math.exp(-trend / 0.1)) * gauss(r));
    });
  };
  const jagged = (steps: number) => {
    const r = rng(2);
    return Array.from(
      { length: steps },
      (_, i) => 1.6 * Math.exp(-i / (steps / 3)) + 0.35 + 0.05 * gauss(r) + (r() < 0.08 ? 0.5 + 0.7 * r() : 0),
    );
  };
  const measure = (values: number[]) => roughness(values, smoothEma(values, ROUGHNESS_SMOOTHING))!;
  const relativeToValue = (values: number[]) => {
    // The earlier definition: mean |raw − smoothed| / mean |smoothed|.
    const smoothed = smoothEma(values, ROUGHNESS_SMOOTHING);
    const deviation = values.reduce((sum, v, i) => sum + Math.abs(v - smoothed[i]!), 0);
    return deviation / smoothed.reduce((sum, v) => sum + Math.abs(v), 0);
  };

  it('ranks a visibly jagged loss above a smooth one that decays to small values', () => {
    const smooth = smoothNoisyDecreasing(938);
    const rough = jagged(938);
    // The old measure got these the wrong way round…
    expect(relativeToValue(smooth)).toBeGreaterThan(relativeToValue(rough));
    // …the new one sees what the chart shows.
    expect(measure(rough)).toBeGreaterThan(3 * measure(smooth));
    expect(badgeLevel(measure(smooth), ROUGHNESS_THRESHOLDS)).toBe('ok');
    expect(badgeLevel(measure(rough), ROUGHNESS_THRESHOLDS)).not.toBe('ok');
  });

  it('measures a curve alike whether it logged 100 or 10,000 points', () => {
    for (const shape of [jagged, smoothNoisyDecreasing]) {
      const few = measure(shape(100));
      const many = measure(shape(10_000));
      expect(many / few).toBeGreaterThan(0.75);
      expect(many / few).toBeLessThan(1.33);
    }
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
