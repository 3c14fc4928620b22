/**
 * Which snapshot steps to drop so a run keeps at most `limit` of them: past the limit, only every
 * `keepEvery`-th stored snapshot survives (by position, so the first stays), and the newest always
 * does. Applied after each new snapshot, this thins old history geometrically while recent training
 * stays dense enough to scrub through. `limit` 0 keeps everything.
 */
export function snapshotsToDrop(steps: readonly number[], limit: number, keepEvery: number): number[] {
  if (limit === 0 || steps.length <= limit) return [];
  const newest = steps.length - 1;
  return steps.filter((_, i) => i !== newest && i % keepEvery !== 0);
}
