import type { TTaggedHistogram, TTaggedScalar } from '@tensorscope/shared';
import type { TensorSummary } from './tensor-summary.compute';

/** What one stats step emits. */
export interface LayerStatsPoints {
  scalars: TTaggedScalar[];
  histograms: TTaggedHistogram[];
}

export const emptyPoints = (): LayerStatsPoints => ({ scalars: [], histograms: [] });

/**
 * Appends one tensor's summary to `into`: a scalar per stat under `<base>/<stat>` and
 * a histogram under `<base>`. Non-finite values (a diverged run) are left out: the
 * scalar schema and JSON cannot carry NaN or ±Infinity, and such a tensor has no
 * histogram (summarizeTensor returns null).
 */
export function appendSummary<S extends string>(
  into: LayerStatsPoints,
  base: string,
  summary: TensorSummary,
  stats: readonly S[],
  valueOf: (summary: TensorSummary, stat: S) => number | undefined,
  step: number,
  wallTime: number,
): void {
  for (const stat of stats) {
    const value = valueOf(summary, stat);
    if (value !== undefined && Number.isFinite(value)) into.scalars.push({ tag: `${base}/${stat}`, step, wallTime, value });
  }
  const h = summary.histogram;
  if (h !== null) {
    into.histograms.push({
      tag: base,
      step,
      wallTime,
      min: summary.min,
      max: summary.max,
      edges: h.edges,
      counts: h.counts,
      percentiles: h.percentiles,
    });
  }
}
