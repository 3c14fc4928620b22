import type { TScalarPoint } from '@tensorscope/shared';

/**
 * Merges new points into a series: one point per step (the newer one wins, so a
 * re-sent point replaces its old copy), sorted by step. Returns the same array when
 * nothing changes, so React Query keeps the reference and charts don't redraw.
 */
export function mergeScalarPoints(existing: readonly TScalarPoint[], incoming: readonly TScalarPoint[]): TScalarPoint[] {
  if (incoming.length === 0) return existing as TScalarPoint[];
  const last = existing.at(-1);
  // Fast path, by far the common one: live points arrive in step order after what we have.
  if (isStrictlyAscending(incoming) && (last === undefined || incoming[0]!.step > last.step)) {
    return [...existing, ...incoming];
  }
  const byStep = new Map<number, TScalarPoint>();
  for (const point of existing) byStep.set(point.step, point);
  let changed = false;
  for (const point of incoming) {
    const old = byStep.get(point.step);
    if (!old || old.value !== point.value || old.wallTime !== point.wallTime) changed = true;
    byStep.set(point.step, point);
  }
  if (!changed) return existing as TScalarPoint[];
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

function isStrictlyAscending(points: readonly TScalarPoint[]): boolean {
  for (let i = 1; i < points.length; i++) if (points[i]!.step <= points[i - 1]!.step) return false;
  return true;
}

/** The step after which the series has everything; what `afterStep` asks the API for. */
export const lastStep = (points: readonly TScalarPoint[] | undefined): number | undefined => points?.at(-1)?.step;
