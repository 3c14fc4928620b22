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
