import type { TVisualization, TVisualizationStatus } from '@tensorscope/shared';
import { paramsKey, type TWantedParams } from './visualize-params';

/*
 * Finding a job in the run's visualization list: the tab never asks the API "is this cached?",
 * it looks in the list it already holds (a reopened result is there at once) and only POSTs
 * when nothing usable is found.
 */

export const isActive = (status: TVisualizationStatus): boolean => status === 'queued' || status === 'running';

export interface TVisualizationMatch {
  /** The newest job for these params at this step, whatever its status: what the progress / error shows. */
  latest: TVisualization | undefined;
  /** The newest completed one: its result stays on screen while a recompute runs or after one failed. */
  completed: TVisualization | undefined;
}

const newestFirst = (a: TVisualization, b: TVisualization) => Date.parse(b.createdAt) - Date.parse(a.createdAt);

/** Jobs of `step` with the same (normalised) params. The list is newest first, but sorted again so an item inserted locally can't mislead. */
export function findVisualization(items: readonly TVisualization[], step: number, params: TWantedParams): TVisualizationMatch {
  const key = paramsKey(params);
  const matches = items.filter((v) => v.step === step && paramsKey(v.params) === key).sort(newestFirst);
  return { latest: matches[0], completed: matches.find((v) => v.status === 'completed' && v.result !== null) };
}

/** What a new request needs: nothing while one runs, recompute when a result exists (or the last try failed). */
export type TComputeAction = 'compute' | 'recompute' | 'busy';
export function computeAction(match: TVisualizationMatch): TComputeAction {
  if (match.latest && isActive(match.latest.status)) return 'busy';
  return match.completed ? 'recompute' : 'compute';
}

/** A job's progress as a whole percentage, clamped: a queued job is 0 %, a completed one 100 %. */
export function progressPercent(v: Pick<TVisualization, 'status' | 'progress'>): number {
  if (v.status === 'completed') return 100;
  if (v.status === 'queued' || !Number.isFinite(v.progress)) return 0;
  return Math.round(Math.min(1, Math.max(0, v.progress)) * 100);
}
