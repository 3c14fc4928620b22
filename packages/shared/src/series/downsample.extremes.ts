/**
 * Downsampling that never hides a spike: the step range is cut into `buckets` equal spans and each
 * keeps its first, last, lowest and highest point (at most 4 per bucket, in step order). A series
 * that already fits (≤ 4 · buckets points) comes back unchanged, so full zoom is exact.
 */
export function downsampleExtremes<P extends { step: number; value: number }>(points: readonly P[], buckets: number): P[] {
  if (points.length <= 4 * buckets) return [...points];
  const first = points[0]!.step;
  const span = points[points.length - 1]!.step - first + 1;
  const kept: P[] = [];
  let start = 0;
  while (start < points.length) {
    const bucket = Math.min(buckets - 1, Math.floor(((points[start]!.step - first) / span) * buckets));
    let end = start;
    let lo = start;
    let hi = start;
    while (end < points.length && Math.min(buckets - 1, Math.floor(((points[end]!.step - first) / span) * buckets)) === bucket) {
      // Comparisons are false for NaN, so a non-finite value never becomes min/max; it still can be first/last.
      if (points[end]!.value < points[lo]!.value || !Number.isFinite(points[lo]!.value)) lo = end;
      if (points[end]!.value > points[hi]!.value || !Number.isFinite(points[hi]!.value)) hi = end;
      end += 1;
    }
    for (const i of [...new Set([start, lo, hi, end - 1])].sort((a, b) => a - b)) kept.push(points[i]!);
    start = end;
  }
  return kept;
}
