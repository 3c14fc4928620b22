import type uPlot from 'uplot';
import { logSplits } from './chart-log-axis';

/*
 * A y scale that switches between linear and log10 without building the plot again. uPlot fixes
 * a scale's distribution when the plot is built (distr 1 or 3), so a log toggle meant a new plot:
 * ~60 ms of main thread on the 100-run bench before a single line was drawn again, on top of the
 * draw. A custom distribution (distr 100) whose forward and backward maps read the current mode
 * makes the toggle a data update; the ticks and label thinning that uPlot gives distr 3 are
 * reproduced here (the ticks by logSplits, see chart-log-axis).
 */

/** Scale options for `isLog()`'s mode, read at every draw. */
export function switchableYScale(isLog: () => boolean, range: uPlot.Scale.Range): uPlot.Scale {
  return {
    distr: 100,
    fwd: (v) => (isLog() ? Math.log10(v) : v),
    bwd: (v) => (isLog() ? 10 ** v : v),
    auto: true,
    range,
  };
}

/** Linear ticks: every multiple of `incr` (uPlot's pick for the axis' space) in [min, max], as clean decimals. */
export function linearSplits(min: number, max: number, incr: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(incr > 0) || max < min) return [];
  const ticks: number[] = [];
  // Counting whole increments keeps each tick a clean decimal and the loop finite (at most a few hundred).
  for (let k = Math.ceil(min / incr - 1e-9); k * incr <= max + incr * 1e-9 && ticks.length < 500; k++) {
    const v = Number((k * incr).toPrecision(12));
    ticks.push(Object.is(v, -0) ? 0 : v);
  }
  return ticks;
}

/** Mantissas labelled on a log axis, by how much room a decade leaves between 9 and 10, 7 and 10, 5 and 10 (uPlot's rule). */
const MANTISSAS = [
  { from: 9, keep: /./ },
  { from: 7, keep: /[12357]/ },
  { from: 5, keep: /[125]/ },
] as const;

/**
 * Which log ticks get a label (the others become null, unlabelled): all of them where a decade
 * is roomy, else 1/2/3/5/7, 1/2/5 or only powers of ten; and with decades narrower than a label,
 * every k-th power from the top. `pxOf` is the tick's pixel position, `space` a label's room.
 */
export function logLabelFilter(splits: readonly number[], pxOf: (v: number) => number, space: number): (number | null)[] {
  const at10 = pxOf(10);
  const rule = MANTISSAS.find(({ from }) => Math.abs(pxOf(from) - at10) >= space);
  const mantissa = (v: number) => v.toExponential()[0]!;
  if (rule) return splits.map((v) => (rule.keep.test(mantissa(v)) ? v : null));
  const decade = Math.abs(pxOf(1) - at10);
  const every = decade < space ? Math.ceil(space / decade) : 1;
  // Counted from the largest power down, as uPlot does, so the top label stays.
  const powers = splits.filter((v) => mantissa(v) === '1');
  const kept = new Set(powers.filter((_, i) => (powers.length - 1 - i) % every === 0));
  return splits.map((v) => (kept.has(v) ? v : null));
}

/** The y axis' `splits` and `filter` for `isLog()`'s mode. */
export function switchableYAxis(isLog: () => boolean): Pick<uPlot.Axis, 'splits' | 'filter'> {
  return {
    splits: (_u, _axis, min, max, incr) => (isLog() ? logSplits(min, max) : linearSplits(min, max, incr)),
    filter: (u, splits, axisIdx) => {
      if (!isLog()) return splits;
      const axis = u.axes[axisIdx] as uPlot.Axis & { _space?: number };
      return logLabelFilter(splits, (v) => u.valToPos(v, 'y'), axis._space ?? 30);
    },
  };
}
