/**
 * Global steps (1-based) after which a snapshot is taken: `perEpoch` evenly spaced
 * ones in every epoch, at ⌈k · stepsPerEpoch / perEpoch⌉ for k = 1 … perEpoch (so the
 * last is the epoch's end), plus the run's final step. A set, so an epoch shorter
 * than perEpoch steps and the final step coinciding with an epoch end are deduplicated.
 */
export function snapshotSteps(stepsPerEpoch: number, epochs: number, perEpoch: number): Set<number> {
  if (!Number.isInteger(perEpoch) || perEpoch < 0) throw new Error(`snapshotsPerEpoch must be a non-negative integer, got ${perEpoch}`);
  const steps = new Set<number>();
  for (let e = 0; e < epochs; e++) {
    for (let k = 1; k <= perEpoch; k++) steps.add(e * stepsPerEpoch + Math.ceil((k * stepsPerEpoch) / perEpoch));
  }
  if (stepsPerEpoch * epochs > 0) steps.add(stepsPerEpoch * epochs);
  return steps;
}
