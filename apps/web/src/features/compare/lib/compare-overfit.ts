import type { TFinalMetrics } from '@tensorscope/shared';

/*
 * Two overfitting signals per run, shown as badges in the legend and the hyperparameter table:
 * - generalisation gap: final train accuracy − final test accuracy (memorising, not learning);
 * - roughness: how far the raw train loss strays from its smoothed curve, relative to the curve's
 *   height on its chart (a learning rate too high or a batch too small makes training jagged).
 */

export type TBadgeLevel = 'ok' | 'warn' | 'bad';

export interface TThresholds {
  warn: number;
  bad: number;
}

/** Above 5 points of accuracy a gap is worth a look; above 15 the model mostly memorises. */
export const GAP_THRESHOLDS: TThresholds = { warn: 0.05, bad: 0.15 };
/** The raw loss off its smoothed curve by more than 5 % (15 %) of the curve's height, on average. */
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
 * How jagged the train loss looks on its own chart: the mean distance of each raw point from the
 * straight line through its two neighbours, ÷ the height of the smoothed curve (its max − min).
 * Null when no three neighbouring points are finite or the smoothed curve is flat.
 *
 * Why these two parts (the earlier mean |raw − EMA| ÷ mean |EMA| ranked a clean LeNet curve at
 * 25 % above a visibly jagged LSTM at 8 %):
 * - the height: a chart is scaled to the curve's range, so batch noise of ±30 % around a loss of
 *   0.03, at the bottom of a fall from 2.3, is a hair-thin band, while jumps of 0.5 around 0.5 are
 *   what the eye catches. Relative to the value, the first looked rougher;
 * - the neighbours: a smooth curve is locally straight however many steps were logged, noise is
 *   not. Measured against an EMA instead, a steep early fall logged in a few points counts as
 *   roughness (the EMA lags it), so the same run logged 10× less often looked rougher.
 */
export function roughness(raw: readonly (number | null)[], smoothed: readonly (number | null)[] | null): number | null {
  if (!smoothed) return null;
  const height = finiteHeight(smoothed);
  if (height === null || height <= 0) return null;
  let deviation = 0;
  let n = 0;
  for (let i = 1; i + 1 < raw.length; i++) {
    const [a, b, c] = [raw[i - 1], raw[i], raw[i + 1]];
    if (!isFiniteNumber(a) || !isFiniteNumber(b) || !isFiniteNumber(c)) continue;
    deviation += Math.abs(b - (a + c) / 2);
    n++;
  }
  return n === 0 ? null : deviation / n / height;
}

const isFiniteNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** max − min of the finite values, or null when there are none. */
function finiteHeight(values: readonly (number | null)[]): number | null {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (!isFiniteNumber(v)) continue;
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  return high >= low ? high - low : null;
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
  `Roughness: how far each raw train-loss point jumps off the line through its neighbours, on average, ` +
  `as a share of the curve's height on its chart (max − min of the EMA ${ROUGHNESS_SMOOTHING} curve). ` +
  `A clean curve is near 0 whatever its scale or number of steps; jagged training scores high. ` +
  `Amber above ${pct(ROUGHNESS_THRESHOLDS.warn)}, red above ${pct(ROUGHNESS_THRESHOLDS.bad)} (noisy training).`;
