import type { TFinalMetrics } from '@tensorscope/shared';

/*
 * Two overfitting signals per run, shown as badges in the legend and the hyperparameter table:
 * - generalisation gap: final train accuracy − final test accuracy (memorising, not learning);
 * - roughness: how far the raw train loss strays from its smoothed curve, relative to the curve
 *   (a learning rate too high or a batch too small makes training noisy).
 */

export type TBadgeLevel = 'ok' | 'warn' | 'bad';

export interface TThresholds {
  warn: number;
  bad: number;
}

/** Above 5 points of accuracy a gap is worth a look; above 15 the model mostly memorises. */
export const GAP_THRESHOLDS: TThresholds = { warn: 0.05, bad: 0.15 };
/** The raw loss off its smoothed curve by more than 5 % (15 %) of the curve, on average. */
export const ROUGHNESS_THRESHOLDS: TThresholds = { warn: 0.05, bad: 0.15 };

/** The smoothing roughness is measured against: TensorBoard's EMA at its default weight. */
export const ROUGHNESS_SMOOTHING = 0.6;
/** Buckets of the roughness request: every point comes back for series up to 4 × 10,000 points. */
export const ROUGHNESS_BUCKETS = 10_000;

/** A run's roughness, and whether it saw every point (train loss series up to 40,000 points do). */
export interface TRoughness {
  value: number | null;
  exact: boolean;
}

/** final train/accuracy − final test/accuracy, or null when the run lacks either. */
export function generalizationGap(finalMetrics: TFinalMetrics | null | undefined): number | null {
  const train = finalMetrics?.['train/accuracy'];
  const test = finalMetrics?.['test/accuracy'];
  if (train === undefined || test === undefined || !Number.isFinite(train) || !Number.isFinite(test)) return null;
  return train - test;
}

/**
 * mean |raw − smoothed| / mean |smoothed| over the points where both are finite; null when there
 * is no such point or the curve is 0 everywhere (no scale to be relative to).
 */
export function roughness(raw: readonly (number | null)[], smoothed: readonly (number | null)[] | null): number | null {
  if (!smoothed) return null;
  let deviation = 0;
  let magnitude = 0;
  let n = 0;
  const length = Math.min(raw.length, smoothed.length);
  for (let i = 0; i < length; i++) {
    const r = raw[i];
    const s = smoothed[i];
    if (r === null || r === undefined || s === null || s === undefined || !Number.isFinite(r) || !Number.isFinite(s)) continue;
    deviation += Math.abs(r - s);
    magnitude += Math.abs(s);
    n++;
  }
  if (n === 0 || magnitude === 0) return null;
  return deviation / magnitude;
}

export function badgeLevel(value: number | null, thresholds: TThresholds): TBadgeLevel | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (value > thresholds.bad) return 'bad';
  if (value > thresholds.warn) return 'warn';
  return 'ok';
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Tooltip text: what the number is and where the colours change. */
export const GAP_EXPLANATION =
  `Generalisation gap = final train accuracy − final test accuracy. ` +
  `Amber above ${pct(GAP_THRESHOLDS.warn)}, red above ${pct(GAP_THRESHOLDS.bad)} (overfitting).`;
export const ROUGHNESS_EXPLANATION =
  `Roughness = mean |raw − smoothed| / mean |smoothed| of the train loss (EMA ${ROUGHNESS_SMOOTHING}). ` +
  `Amber above ${pct(ROUGHNESS_THRESHOLDS.warn)}, red above ${pct(ROUGHNESS_THRESHOLDS.bad)} (noisy training).`;
