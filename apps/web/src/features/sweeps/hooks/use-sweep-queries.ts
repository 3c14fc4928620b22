'use client';

import { useQuery } from '@tanstack/react-query';
import type { TRunListQuery } from '@tensorscope/shared';
import { MAX_SWEEP_RUNS, runKeys, sweepKeys } from '@tensorscope/shared';
import { runApi } from '../../../lib/runs.api';
import { sweepApi } from '../lib/sweeps.api';

export function useSweepList() {
  return useQuery({ queryKey: sweepKeys.list(), queryFn: ({ signal }) => sweepApi.listSweeps(signal) });
}

export function useSweep(id: string) {
  return useQuery({ queryKey: sweepKeys.detail(id), queryFn: ({ signal }) => sweepApi.getSweep(id, signal) });
}

/**
 * All runs of a sweep in one page (a sweep has at most MAX_SWEEP_RUNS). The key is an ordinary
 * run-list key, so the socket's run:updated (invalidate lists) and run:progress (patch list rows)
 * keep it live with no sweep-specific wiring. Archived runs are included: archiving tidies the
 * main run list, while a sweep's results (and its status counts) cover all of its runs.
 */
export function useSweepRuns(sweepId: string) {
  const query: Partial<TRunListQuery> = { sweepId, archived: 'include', page: 1, pageSize: MAX_SWEEP_RUNS };
  return useQuery({ queryKey: runKeys.list(query), queryFn: ({ signal }) => runApi.listRuns(query, signal) });
}
