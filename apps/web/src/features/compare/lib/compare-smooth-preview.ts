import type { TSmoother } from '@tensorscope/shared';
import { smoothCentredMean, smoothEma, smoothTimeWeightedEma } from '@tensorscope/shared';

/*
 * Smoothing drawn in the browser from the points a chart already holds, the moment the slider or
 * the smoother changes. The server's curve (exact, or over bucket means) needs a request for 100
 * runs, 200–500 ms; it replaces this one when it comes. A held point of a downsampled series
 * stands for `pointsPerValue` stored points, so the smoother's reach, measured in stored points,
 * is scaled to held points: an EMA weight w per stored point is w^k per held point, a centred
 * window of h points is h / k held points. Where nothing was downsampled (k = 1) the curve is
 * the server's own formula on the same points.
 */

export interface TSmoothing {
  smoothing: number;
  smoother: TSmoother;
}

export const sameSmoothing = (a: TSmoothing, b: TSmoothing): boolean => a.smoothing === b.smoothing && a.smoother === b.smoother;

/** The smoothed values (null where a value is null), or null for weight 0 (no smoothing, as the server answers). */
export function previewSmoothed(
  steps: readonly number[],
  values: readonly (number | null)[],
  { smoothing, smoother }: TSmoothing,
  pointsPerValue: number,
): (number | null)[] | null {
  if (smoothing <= 0) return null;
  const k = Math.max(1, pointsPerValue);
  const ys = values.map((v) => (v === null ? Number.NaN : v));
  let out: number[];
  if (smoother === 'sma') {
    // smoothCentredMean's half window is w / (1 − w) points; the weight giving h / k of them.
    const half = smoothing / (1 - smoothing) / k;
    out = smoothCentredMean(ys, half / (1 + half));
  } else {
    const weight = smoothing ** k;
    out =
      smoother === 'twema'
        ? smoothTimeWeightedEma(
            ys.map((value, i) => ({ step: steps[i]!, value })),
            weight,
          )
        : smoothEma(ys, weight);
  }
  return out.map((v) => (Number.isFinite(v) ? v : null));
}
