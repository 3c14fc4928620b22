import type { THistogram } from '@tensorscope/shared';
import { DISTRIBUTION_BASIS_POINTS } from '@tensorscope/shared';

/*
 * TensorBoard's distribution view: over steps, shaded bands between symmetric percentiles
 * (min–max, ±1.5σ, ±1σ, ±0.5σ of a normal, i.e. 0–100, 6.68–93.32, 15.87–84.13,
 * 30.85–69.15 %), darker towards the middle, with the median as a line.
 */

const PERCENTILE_COUNT = DISTRIBUTION_BASIS_POINTS.length;
export const MEDIAN_INDEX = DISTRIBUTION_BASIS_POINTS.indexOf(5000);

/** uPlot's columnar data: steps, then one column per percentile in DISTRIBUTION_BASIS_POINTS order. */
export type TDistributionData = [number[], ...number[][]];

/** Histograms without a full percentile row (a malformed point) are skipped rather than drawn as zeros. */
export function distributionData(points: readonly THistogram[]): TDistributionData {
  const usable = points.filter((p) => p.percentiles.length === PERCENTILE_COUNT && p.percentiles.every(Number.isFinite));
  const columns = DISTRIBUTION_BASIS_POINTS.map((_, i) => usable.map((p) => p.percentiles[i]!));
  return [usable.map((p) => p.step), ...columns];
}

export interface TDistributionBand {
  /** uPlot series indices (1-based: series 0 is x) of the upper and lower edge. */
  series: [upper: number, lower: number];
  opacity: number;
}

/** The outermost pair is faintest; each inner pair is drawn over it, a little darker. */
export function distributionBands(): TDistributionBand[] {
  const bands: TDistributionBand[] = [];
  for (let lower = 0; lower < MEDIAN_INDEX; lower++) {
    const upper = PERCENTILE_COUNT - 1 - lower;
    bands.push({ series: [upper + 1, lower + 1], opacity: 0.14 + 0.12 * lower });
  }
  return bands;
}

/** Legend labels: "min", "6.7%", …, "median", …, "max". */
export function percentileLabel(basisPoints: number): string {
  if (basisPoints === 0) return 'min';
  if (basisPoints === 10000) return 'max';
  if (basisPoints === 5000) return 'median';
  return `${(basisPoints / 100).toFixed(1)}%`;
}
