import type { QueryClient } from '@tanstack/react-query';
import type { TCompareQuery, TCompareResult, TCompareSeries } from '@tensorscope/shared';
import { compareKeys } from '@tensorscope/shared';

/*
 * The compare answer assembled from per-run parts. Each run's series (for the same tags, buckets,
 * window and smoothing) are cached under a key of their own, so a new selection asks the server
 * only for the runs it has not answered yet: adding the 100th run fetches one run, not 100
 * (a 100-run answer is the slowest request the dashboard makes), removing one fetches nothing.
 * A part is a compare key too (runs: [id]), so invalidateCompareForRuns marks a live run's part
 * stale with the rest, and the next assembly refetches just the runs that moved.
 */

/** Third key part of a per-run part; see compareKeyRuns for the shape the live refresh reads. */
export const RUN_PART_KEY_PART = 'run-part';

export interface TRunPart {
  series: TCompareSeries[];
  /** The API says the run does not exist. */
  missing: boolean;
}

export const runPartKey = (query: TCompareQuery, runId: string) =>
  [...compareKeys.series({ ...query, runs: [runId] }), RUN_PART_KEY_PART] as const;

/**
 * The answer for `query`: cached parts that are not invalidated, and one request (through `fetch`)
 * for the runs without one, whose parts are then cached. Series in request order, as the API gives them.
 */
export async function compareFromParts(
  client: QueryClient,
  query: TCompareQuery,
  fetch: (query: TCompareQuery) => Promise<TCompareResult>,
): Promise<TCompareResult> {
  const parts = new Map<string, TRunPart>();
  for (const id of query.runs) {
    const state = client.getQueryState<TRunPart>(runPartKey(query, id));
    if (state?.data && !state.isInvalidated) parts.set(id, state.data);
  }
  const wanted = query.runs.filter((id) => !parts.has(id));
  if (wanted.length > 0) {
    const answer = await fetch({ ...query, runs: wanted });
    const missing = new Set(answer.missingRuns);
    const byRun = new Map<string, TCompareSeries[]>(wanted.map((id) => [id, []]));
    for (const s of answer.series) byRun.get(s.runId)?.push(s);
    for (const id of wanted) {
      const part: TRunPart = { series: byRun.get(id)!, missing: missing.has(id) };
      client.setQueryData(runPartKey(query, id), part);
      parts.set(id, part);
    }
  }
  return {
    series: query.runs.flatMap((id) => parts.get(id)!.series),
    missingRuns: query.runs.filter((id) => parts.get(id)!.missing),
  };
}
