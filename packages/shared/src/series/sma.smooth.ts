/**
 * Centred moving average. The window follows the same slider as the EMA: an EMA of weight w lags
 * by about w / (1 − w) points, so each side of the window spans round(w / (1 − w)) points
 * (w 0.6 → 5 points, 0.9 → 19, 0 → raw). Near the ends the window shrinks to what exists; only
 * finite neighbours count, and a non-finite value passes through.
 */
export function smoothCentredMean(values: readonly number[], weight: number): number[] {
  const half = weight >= 1 ? values.length : Math.round(weight / (1 - weight));
  const finite = values.map((v) => (Number.isFinite(v) ? v : 0));
  const ok = values.map((v) => (Number.isFinite(v) ? 1 : 0));
  const sum = prefix(finite);
  const count = prefix(ok);
  return values.map((v, i) => {
    if (!Number.isFinite(v)) return v;
    const lo = Math.max(0, i - half);
    const hi = Math.min(values.length, i + half + 1);
    return (sum[hi]! - sum[lo]!) / (count[hi]! - count[lo]!);
  });
}

function prefix(xs: readonly number[]): number[] {
  const out = [0];
  for (const x of xs) out.push(out[out.length - 1]! + x);
  return out;
}
