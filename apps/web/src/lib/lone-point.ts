/**
 * Run-page charts draw lines without per-point markers (issue #11), but a series with a single
 * value in view has no line to draw: without a marker it would be invisible (a 2-second run has
 * one system sample). So a marker shows exactly when the visible range holds fewer than 2 values.
 */
export function isLonePoint(values: readonly (number | null | undefined)[], idx0: number, idx1: number): boolean {
  let seen = 0;
  for (let i = Math.max(0, idx0); i <= Math.min(idx1, values.length - 1); i++) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v) && ++seen > 1) return false;
  }
  return seen === 1;
}
