/**
 * TensorBoard's scalar smoother, reproduced exactly (debiased exponential moving average):
 *   last = last·w + (1 − w)·y;  n += 1;  out = last / (1 − wⁿ)
 * over finite values only: a NaN or ±Infinity passes through unchanged and advances nothing.
 * w = 0 returns the raw series; w = 1 never debiases (1 − 1ⁿ = 0), so TensorBoard then returns
 * the raw running value `last`, which stays at 0 — we do the same. A constant series stays constant.
 * Shared by the API (server-side smoothing) and the dashboard, so both draw the same curve.
 */
export function smoothEma(values: readonly number[], weight: number): number[] {
  // TensorBoard passes a constant series through untouched (no rounding drift from the debias).
  const constant = values.every((v) => v === values[0]);
  let last = 0;
  let n = 0;
  return values.map((y) => {
    if (constant || !Number.isFinite(y)) return y;
    last = last * weight + (1 - weight) * y;
    n += 1;
    const debias = weight === 1 ? 1 : 1 - weight ** n;
    return last / debias;
  });
}
