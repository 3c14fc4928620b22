import type { TRun, TRunStatus, TSweep } from '@tensorscope/shared';
import { FINISHED_STATUSES, RUN_STATUSES } from '@tensorscope/shared';

export type TStatusCounts = TSweep['statusCounts'];

/** Runs per status, counted from the run rows (fresher than the sweep's own counts while the socket updates rows). */
export function countStatuses(runs: readonly Pick<TRun, 'status'>[]): TStatusCounts {
  const counts: TStatusCounts = {};
  for (const { status } of runs) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** The non-zero counts, in lifecycle order (queued, running, completed, failed, cancelled). */
export function statusCountList(counts: TStatusCounts): { status: TRunStatus; count: number }[] {
  return RUN_STATUSES.flatMap((status) => {
    const count = counts[status] ?? 0;
    return count > 0 ? [{ status, count }] : [];
  });
}

/** Runs that have ended, however they ended. */
export function finishedCount(counts: TStatusCounts): number {
  return FINISHED_STATUSES.reduce((n, status) => n + (counts[status] ?? 0), 0);
}
