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

/** Steps are integers: tick spacings of 1, 2, 5, 10, 20, 50… never 12.5. */
export const STEP_INCREMENTS = Array.from({ length: 10 }, (_, exp) => [1, 2, 5].map((m) => m * 10 ** exp)).flat();

/**
 * Width for a y axis that fits its longest tick label (uPlot's `size` callback). A fixed
 * width either clips "-0.00128" or wastes room beside "0.5".
 */
export function axisSize(labels: readonly (string | null)[] | undefined, charWidth = 7): number {
  const longest = Math.max(0, ...(labels ?? []).map((label) => (label ?? '').length));
  return Math.max(32, Math.ceil(longest * charWidth) + 18);
}
