/**
 * Percentiles at basis points (0 … 10000) read off a histogram of equal-width bins
 * between min and max, the way TensorBoard draws its distribution bands: find the
 * first bin where the cumulative count reaches p·n and interpolate linearly inside it
 * (values assumed spread evenly within a bin). 0 and 10000 are min and max exactly.
 *
 * Accuracy: the nearest-rank percentile (the value of rank ⌈p·n⌉ in sorted order)
 * lies in that same bin, so the result is within one bin width, (max − min) / bins,
 * of it (plus float32 rounding of values right at a bin edge). With the ≥ 1024 fine
 * bins used for layer statistics that is ≤ 0.1 % of the value range.
 */
export function percentilesFromHistogram(counts: ArrayLike<number>, min: number, max: number, basisPoints: readonly number[]): number[] {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i] as number;
  const width = (max - min) / counts.length;
  return basisPoints.map((bp) => {
    if (bp <= 0 || total === 0 || max === min) return bp >= 10000 ? max : min;
    if (bp >= 10000) return max;
    const target = (bp / 10000) * total;
    let before = 0;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i] as number;
      if (c > 0 && before + c >= target) {
        const value = min + (i + (target - before) / c) * width;
        return Math.min(max, Math.max(min, value));
      }
      before += c;
    }
    return max;
  });
}
