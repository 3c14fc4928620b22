import type { TVisualization, TVisualizationList } from '@tensorscope/shared';
import { isActive } from './visualization-match';

/*
 * The run's visualization list is the one place the tab reads jobs from. Jobs in flight are also
 * watched one by one (a small GET, polled and invalidated by the socket), so the list, which
 * carries every finished top-9 result and can be large, isn't refetched on every progress tick.
 * These helpers fold the two sources together.
 */

/** A job the client just heard about (POST answer), in the list: replaced in place, or added first (newest first). */
export function upsertVisualization(list: TVisualizationList | undefined, viz: TVisualization): TVisualizationList | undefined {
  if (!list) return list;
  const index = list.items.findIndex((v) => v.id === viz.id);
  if (index === -1) return { items: [viz, ...list.items] };
  const items = list.items.slice();
  items[index] = viz;
  return { items };
}

/** Ids of the jobs still in flight, which are the ones watched individually. */
export const activeIds = (items: readonly TVisualization[]): string[] => items.filter((v) => isActive(v.status)).map((v) => v.id);

export interface TWatched {
  data: TVisualization | undefined;
  /** When that answer arrived (TanStack Query's dataUpdatedAt, ms). */
  updatedAt: number;
}

/**
 * The list with each watched job replaced by its own answer when that answer is newer than the
 * list's. Newer, not "further along": a recompute may reset a completed job, and the latest
 * word about it is the true one. Returns `items` itself when nothing changed (stable for memos).
 */
export function overlayWatched(
  items: readonly TVisualization[],
  listUpdatedAt: number,
  watched: readonly TWatched[],
): readonly TVisualization[] {
  const fresher = new Map<string, TVisualization>();
  for (const w of watched) if (w.data && w.updatedAt > listUpdatedAt) fresher.set(w.data.id, w.data);
  if (fresher.size === 0) return items;
  let changed = false;
  const out = items.map((v) => {
    const f = fresher.get(v.id);
    if (!f || f === v) return v;
    changed = true;
    return f;
  });
  return changed ? out : items;
}
