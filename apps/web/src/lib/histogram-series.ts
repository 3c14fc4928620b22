import type { THistogram } from '@tensorscope/shared';

/**
 * Merges fetched histograms into a cached series: one per step (the newer copy wins),
 * sorted by step. Returns the same array when nothing changes, so charts don't redraw.
 */
export function mergeHistograms(existing: readonly THistogram[], incoming: readonly THistogram[]): THistogram[] {
  if (incoming.length === 0) return existing as THistogram[];
  const last = existing.at(-1);
  let ascending = true;
  for (let i = 1; i < incoming.length; i++) if (incoming[i]!.step <= incoming[i - 1]!.step) ascending = false;
  if (ascending && (last === undefined || incoming[0]!.step > last.step)) return [...existing, ...incoming];
  const byStep = new Map<number, THistogram>();
  for (const h of existing) byStep.set(h.step, h);
  let changed = false;
  for (const h of incoming) {
    const old = byStep.get(h.step);
    if (!old || old.wallTime !== h.wallTime) changed = true;
    byStep.set(h.step, h);
  }
  if (!changed) return existing as THistogram[];
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

export const lastHistogramStep = (points: readonly THistogram[] | undefined): number | undefined => points?.at(-1)?.step;
