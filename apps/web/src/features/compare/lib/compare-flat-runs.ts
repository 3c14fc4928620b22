import type { TNumbers } from './compare-x-axis';

/*
 * A line with its flat stretches reduced to their ends, for drawing. The server smooths a long
 * series over bucket means (smoothedOn 'buckets'), so its smoothed column repeats one value for
 * each of a bucket's up to 4 points: half the smoothed line's points lie inside flat stretches and
 * change no pixel. Dropping them draws the same line with a quarter fewer points per chart, and
 * every redraw (each control change) costs per point.
 */

export interface TDrawnLine {
  xs: TNumbers;
  ys: readonly (number | null)[];
}

/**
 * `xs`/`ys` without the inner points of runs of equal consecutive values (each run keeps its first
 * and last point; gaps stay). The same arrays when there is nothing to drop.
 */
export function collapseFlatRuns(xs: TNumbers, ys: readonly (number | null)[]): TDrawnLine {
  const n = ys.length;
  // Point i is inner when it equals both neighbours (and is not a gap).
  const inner = (i: number) => ys[i] !== null && ys[i] === ys[i - 1] && ys[i] === ys[i + 1];
  let drop = 0;
  for (let i = 1; i < n - 1; i++) if (inner(i)) drop++;
  if (drop === 0) return { xs, ys };
  const outX = new Float64Array(n - drop);
  const outY: (number | null)[] = new Array<number | null>(n - drop);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && i < n - 1 && inner(i)) continue;
    outX[k] = xs[i]!;
    outY[k++] = ys[i]!;
  }
  return { xs: outX, ys: outY };
}
