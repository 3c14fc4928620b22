import type uPlot from 'uplot';

/*
 * Ticks for a base-10 log axis whose range we set ourselves (a fitted range, not uPlot's own).
 *
 * uPlot 1.6's log splitter starts at the scale's minimum and steps by that minimum's decade,
 * assuming the minimum is a multiple of it, as uPlot's own log ranges are. A fitted minimum just
 * under a power of ten breaks that: 0.0996 steps to 0.11, which becomes the step, and the next
 * split rounds to 0 and stays there, so the loop pushes zeros until the tab runs out of memory
 * (15 s frozen, then the chart's draw throws and it stays empty). These splits are computed per
 * decade instead: bounded by the number of decades, whatever the range.
 */

/** Past this many decades only powers of ten are ticked (uPlot's label filter thins them further). */
const DENSE_DECADES = 12;
/** At most this many powers of ten: a range over 600 decades ticks every k-th one. */
const MAX_POWERS = 40;
/** Fewer "m × 10^e" ticks than this inside the range (a narrow range within one decade) and linear ticks are used. */
const MIN_TICKS = 3;
/** Linear ticks on a narrow range: about this many. */
const NARROW_TICKS = 4;
const NICE = [1, 2, 2.5, 5, 10];

/** `m × 10^e` as the nearest double to the decimal, so 3e-2 is 0.03 and not 0.030000000000000002. */
const decimal = (m: number, e: number): number => Number(`${m}e${e}`);

/** Tick values of a log axis from `min` to `max`: 1–9 × 10^e inside the range, or linear ticks on a narrow one. */
export function logSplits(min: number, max: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min <= 0 || max < min) return [];
  if (min === max) return [min];
  const first = Math.floor(Math.log10(min));
  const last = Math.ceil(Math.log10(max));
  const decades = last - first;
  const ticks: number[] = [];
  if (decades > DENSE_DECADES) {
    const every = Math.ceil(decades / MAX_POWERS);
    for (let e = Math.ceil(first / every) * every; e <= last; e += every) {
      const v = decimal(1, e);
      if (v >= min && v <= max) ticks.push(v);
    }
    return ticks;
  }
  for (let e = first; e <= last; e++) {
    for (let m = 1; m <= 9; m++) {
      const v = decimal(m, e);
      if (v >= min && v <= max) ticks.push(v);
    }
  }
  return ticks.length >= MIN_TICKS ? ticks : linearSplits(min, max);
}

/** Evenly spaced round ticks (1, 2, 2.5, 5 × 10^k apart) inside [min, max]; at most a handful. */
function linearSplits(min: number, max: number): number[] {
  const raw = (max - min) / NARROW_TICKS;
  const exp = Math.floor(Math.log10(raw));
  const mult = NICE.find((m) => decimal(m, exp) >= raw) ?? 10;
  const incr = decimal(mult, exp);
  const ticks: number[] = [];
  // Counting whole increments (not adding them up) keeps each tick a clean decimal and the loop finite.
  for (let k = Math.ceil(min / incr); k * incr <= max && ticks.length <= 2 * NARROW_TICKS; k++) {
    ticks.push(Number((k * incr).toPrecision(12)));
  }
  return ticks;
}

/** logSplits as a uPlot axis `splits` option. */
export const logAxisSplits = (_self: uPlot, _axis: number, min: number, max: number): number[] => logSplits(min, max);
