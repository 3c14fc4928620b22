'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { TRun } from '@tensorscope/shared';
import { FINISHED_STATUSES, runKeys } from '@tensorscope/shared';
import { useEffect } from 'react';
import { createRefresher, invalidateCompareForRuns, LIVE_REFRESH_MS, runActivityMark } from '../lib/compare-live';

/**
 * Keeps the comparison live. The socket writes run progress and status into each run's cached
 * row (see socket-cache); when a selected run's row shows it moved on, the compare answers that
 * include it are refetched, throttled to one round per LIVE_REFRESH_MS for all runs together.
 * This also heals after a reconnect: the rows are refetched then, and any that moved trigger it.
 */
export function useCompareLive(runIds: readonly string[]): void {
  const queryClient = useQueryClient();
  const idsKey = runIds.join(',');
  useEffect(() => {
    const ids = new Set(idsKey.split(',').filter(Boolean));
    if (ids.size === 0) return;
    const refresher = createRefresher((changed, final) => invalidateCompareForRuns(queryClient, changed, final), LIVE_REFRESH_MS);
    const seen = new Map<string, string>();
    for (const id of ids) {
      const run = queryClient.getQueryData<TRun>(runKeys.detail(id));
      if (run) seen.set(id, runActivityMark(run));
    }
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      const [root, id] = event.query.queryKey;
      if (root !== runKeys.all[0] || event.query.queryKey.length !== 2 || typeof id !== 'string' || !ids.has(id)) return;
      const run = event.query.state.data as TRun | undefined;
      if (!run) return;
      const mark = runActivityMark(run);
      const before = seen.get(id);
      seen.set(id, mark);
      // The first sighting is the initial fetch: the compare answer being fetched already has it.
      if (before !== undefined && before !== mark) refresher.signal(id, FINISHED_STATUSES.includes(run.status));
    });
    return () => {
      unsubscribe();
      refresher.dispose();
    };
  }, [queryClient, idsKey]);
}
