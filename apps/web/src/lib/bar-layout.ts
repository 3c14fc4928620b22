/*
 * Horizontal bars that may be negative (a dense layer's logits) or not (probabilities): each bar
 * starts at zero and runs left or right of it, all on one scale.
 */

export interface TBarGeometry {
  /** Where the bar starts, % of the track from the left. */
  left: number;
  /** Its length, % of the track. */
  width: number;
}

/**
 * Bars for `values` on one scale. The scale spans `domain` when given (probabilities: [0, 1]),
 * else the values and zero; a non-finite value gets no bar.
 */
export function barGeometry(values: readonly number[], domain?: readonly [number, number]): { zero: number; bars: TBarGeometry[] } {
  const finite = values.filter(Number.isFinite);
  const lo = domain ? domain[0] : Math.min(0, ...finite);
  const hi = domain ? domain[1] : Math.max(0, ...finite);
  const span = hi - lo;
  const at = (v: number) => (span > 0 ? ((Math.min(hi, Math.max(lo, v)) - lo) / span) * 100 : 0);
  const zero = at(0);
  const bars = values.map((v) => {
    if (!Number.isFinite(v)) return { left: zero, width: 0 };
    const end = at(v);
    return { left: Math.min(zero, end), width: Math.abs(end - zero) };
  });
  return { zero, bars };
}
