import {
  downsampleExtremes,
  smoothCentredMean,
  smoothEma,
  smoothTimeWeightedEma,
  type TScalarPoint,
  type TScalarQuery,
} from '@tensorscope/shared';

/** Whether the query needs the whole series from step 0 (smoothing depends on every earlier point). */
export const needsFullSeries = (q: TScalarQuery): boolean => (q.smoothing ?? 0) > 0;

/**
 * Smoothing first, on the full-resolution series (so the curve keeps its shape whatever range or
 * zoom is asked), then the step window, then extremes-preserving downsampling. Smoothed answers
 * keep exactly the raw answer's steps.
 */
export function transformSeries(points: readonly TScalarPoint[], q: TScalarQuery): TScalarPoint[] {
  let out = [...points];
  const w = q.smoothing ?? 0;
  if (w > 0) {
    const values = out.map((p) => p.value);
    const smoothed =
      q.smoother === 'twema' ? smoothTimeWeightedEma(out, w) : q.smoother === 'sma' ? smoothCentredMean(values, w) : smoothEma(values, w);
    out = out.map((p, i) => ({ ...p, value: smoothed[i]! }));
  }
  out = out.filter(
    (p) =>
      (q.afterStep === undefined || p.step > q.afterStep) &&
      (q.fromStep === undefined || p.step >= q.fromStep) &&
      (q.toStep === undefined || p.step <= q.toStep),
  );
  return q.buckets ? downsampleExtremes(out, q.buckets) : out;
}
