import type { QueryClient } from '@tanstack/react-query';
import type { TScalarPoint, TScalarTag } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { runApi } from './runs.api';
import { fetchIncremental, type TSeriesMerge } from './incremental-series';
import { lastStep, mergeScalarPoints } from './scalar-series';

const SCALARS: TSeriesMerge<TScalarPoint> = { lastStep, merge: mergeScalarPoints };

/** Runs whose series are read whole at their next fetch, per query client (see readWholeSeriesNext). */
const wholeNext = new WeakMap<QueryClient, Set<string>>();

/**
 * A finished run's series are read whole once more, not after their last cached step: an
 * incremental read cannot fill a point missed in the middle (a live event lost while the API
 * restarted), and a finished run never sends another. One read per tag when a run ends.
 */
export function readWholeSeriesNext(queryClient: QueryClient, runId: string): void {
  const runs = wholeNext.get(queryClient) ?? new Set<string>();
  runs.add(runId);
  wholeNext.set(queryClient, runs);
}

/** The query function of one tag's scalar series (incremental, see fetchIncremental); tests pass their own `getScalars`. */
export function fetchScalarSeries(
  queryClient: QueryClient,
  id: string,
  tag: TScalarTag,
  signal?: AbortSignal,
  getScalars = runApi.getScalars,
) {
  const whole = wholeNext.get(queryClient)?.has(id) ?? false;
  return fetchIncremental(queryClient, runKeys.scalar(id, tag), SCALARS, (afterStep) =>
    getScalars(id, tag, whole ? undefined : afterStep, signal),
  );
}
