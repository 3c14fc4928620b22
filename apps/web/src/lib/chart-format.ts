/*
 * Number formats for the layer charts. Gradient statistics are often around 1e-5 and
 * activations in the tens, so fixed decimals would print "0.0000" or waste the axis.
 */

/** Axis tick: short, exponent for very small or large magnitudes. */
export function formatTick(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e4 || abs < 1e-3) return value.toExponential(1);
  return String(Number(value.toPrecision(3)));
}

/**
 * Steps are integers: tick spacings of 1, 2, 5, 10, 20, 25, 50… never 12.5. The 25s matter on
 * narrow charts: from 200 the next step was 500, so a 0–938 axis 180 px wide got one tick.
 */
export const STEP_INCREMENTS = Array.from({ length: 10 }, (_, exp) => [1, 2, 2.5, 5].map((m) => m * 10 ** exp))
  .flat()
  .filter(Number.isInteger);

/** Least room between two step ticks, CSS px: "10,000" in an 11 px font fits. */
export const STEP_TICK_SPACE = 44;

/**
 * Tick positions for a step axis from `min` to `max` drawn `widthPx` wide: the finest integer
 * spacing that keeps ticks `spacePx` apart, but never fewer than two ticks while a finer spacing
 * can give them (uPlot's own choice left a single tick on narrow charts).
 */
export function stepSplits(min: number, max: number, widthPx: number, spacePx = STEP_TICK_SPACE): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  const span = max - min;
  if (span === 0) return [min];
  const pxPerStep = widthPx / span;
  let i = STEP_INCREMENTS.findIndex((incr) => incr * pxPerStep >= spacePx);
  if (i < 0) i = STEP_INCREMENTS.length - 1;
  let ticks = ticksEvery(STEP_INCREMENTS[i]!, min, max);
  while (ticks.length < 2 && i > 0) ticks = ticksEvery(STEP_INCREMENTS[--i]!, min, max);
  return ticks;
}

function ticksEvery(incr: number, min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(min / incr) * incr; t <= max; t += incr) ticks.push(t);
  return ticks;
}

/**
 * The y range of a statistic that is a fraction (the dead-unit share `zeros`): always 0–1, so it
 * reads alike for every model. Left to uPlot, a series of exact zeros (an LSTM's tanh units are
 * never exactly 0) got a 0–100 axis, while LeNet's ReLUs got 0–1.
 */
export const FRACTION_RANGE: [number, number] = [0, 1];

/**
 * Width for a y axis that fits its longest tick label (uPlot's `size` callback). A fixed
 * width either clips "-0.00128" or wastes room beside "0.5".
 */
export function axisSize(labels: readonly (string | null)[] | undefined, charWidth = 7): number {
  const longest = Math.max(0, ...(labels ?? []).map((label) => (label ?? '').length));
  return Math.max(32, Math.ceil(longest * charWidth) + 18);
}
