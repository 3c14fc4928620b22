/**
 * Time-weighted EMA: like smoothEma, but the decay between two points grows with the step gap,
 * so unevenly logged series (e.g. evaluations every 100 steps after a dense start) are smoothed
 * by distance, not by point count. The decay per point is w^(Δstep / typical Δstep), with the
 * median gap as the typical one; debiased the same way (divide by 1 − Π decays). Non-finite values
 * pass through.
 */
export function smoothTimeWeightedEma(points: readonly { step: number; value: number }[], weight: number): number[] {
  const gaps = points
    .slice(1)
    .map((p, i) => p.step - points[i]!.step)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  const typical = gaps.length ? gaps[Math.floor(gaps.length / 2)]! : 1;
  let last = 0;
  let remaining = 1; // Π decays so far: the weight still carried by the zero start.
  let prevStep: number | undefined;
  return points.map(({ step, value }) => {
    if (!Number.isFinite(value)) return value;
    const decay = prevStep === undefined ? weight : weight ** Math.max(0, (step - prevStep) / typical);
    prevStep = step;
    last = last * decay + (1 - decay) * value;
    remaining *= decay;
    return remaining === 1 ? last : last / (1 - remaining);
  });
}
