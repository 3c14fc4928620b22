import type { TVisualization } from '@tensorscope/shared';
import { findVisualization, isActive, type TVisualizationMatch } from './visualization-match';
import type { TTop9Wanted } from './visualize-params';

/*
 * "Evolution of features during training" (Zeiler & Fergus fig. 4): one feature map's top-9
 * projections at every snapshot. Each snapshot needs its own top-9 job; this lines them up.
 */

export interface TEvolutionColumn extends TVisualizationMatch {
  step: number;
}

/** One column per snapshot step (ascending, as the snapshot list is), with that step's job for `params`. */
export function top9Evolution(items: readonly TVisualization[], steps: readonly number[], params: TTop9Wanted): TEvolutionColumn[] {
  return steps.map((step) => ({ step, ...findVisualization(items, step, params) }));
}

/** Steps with neither a result nor a job in flight: what "compute the missing ones" posts. */
export function missingSteps(columns: readonly TEvolutionColumn[]): number[] {
  return columns.filter((c) => !c.completed && !(c.latest && isActive(c.latest.status))).map((c) => c.step);
}
