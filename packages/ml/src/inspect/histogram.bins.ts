/**
 * Histograms are counted once at a fine resolution and coarsened: the fine counts
 * give percentiles to within one fine bin, the coarse ones are what gets charted.
 * At least 1024 fine bins, a whole multiple of the coarse count so that every
 * coarse bin is exactly k fine ones (floor(floor(y·k·n)/k) = floor(y·n)).
 */
export const MIN_FINE_BINS = 1024;

export function fineBinCount(bins: number): number {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be a positive integer, got ${bins}`);
  return bins * Math.ceil(MIN_FINE_BINS / bins);
}

export interface Histogram {
  /** bins + 1 edges from min to max (all equal when min = max). */
  edges: number[];
  /** counts[i]: values in [edges[i], edges[i+1]); the last bin also holds max. */
  counts: number[];
}

/** Equally spaced edges; the last is exactly max (no accumulated rounding). */
export function binEdges(min: number, max: number, bins: number): number[] {
  const width = (max - min) / bins;
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
}

/** Sums each run of fineCounts.length / bins fine bins into one coarse bin. */
export function coarsen(fineCounts: ArrayLike<number>, bins: number, min: number, max: number): Histogram {
  const k = fineCounts.length / bins;
  if (!Number.isInteger(k)) throw new Error(`${fineCounts.length} fine bins do not split into ${bins} bins`);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < fineCounts.length; i++) counts[Math.floor(i / k)]! += fineCounts[i] as number;
  return { edges: binEdges(min, max, bins), counts };
}
