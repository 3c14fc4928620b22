import type { QueryClient } from '@tanstack/react-query';
import type { TScalarSeries, TScalarTag } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { runApi } from './runs.api';
import { lastStep, mergeScalarPoints } from './scalar-series';

type TGetScalars = (id: string, tag: TScalarTag, afterStep: number | undefined, signal?: AbortSignal) => Promise<TScalarSeries>;

/**
 * The query function of one tag's series. It asks only for steps after the last cached
 * one and merges the answer into the cache *as it is when the answer lands*, so points
 * the socket appended meanwhile are kept, and a reconnect fetches a few points rather
 * than the whole history.
 */
export async function fetchScalarSeries(
  queryClient: QueryClient,
  id: string,
  tag: TScalarTag,
  signal?: AbortSignal,
  getScalars: TGetScalars = runApi.getScalars,
): Promise<TScalarSeries> {
  const key = runKeys.scalar(id, tag);
  const afterStep = lastStep(queryClient.getQueryData<TScalarSeries>(key)?.points);
  const { points } = await getScalars(id, tag, afterStep, signal);
  const current = queryClient.getQueryData<TScalarSeries>(key);
  if (!current) return { points: mergeScalarPoints([], points) };
  const merged = mergeScalarPoints(current.points, points);
  return merged === current.points ? current : { points: merged };
}
