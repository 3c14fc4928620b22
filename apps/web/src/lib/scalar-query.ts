import type { QueryClient } from '@tanstack/react-query';
import type { TScalarPoint, TScalarTag } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { runApi } from './runs.api';
import { fetchIncremental, type TSeriesMerge } from './incremental-series';
import { lastStep, mergeScalarPoints } from './scalar-series';

const SCALARS: TSeriesMerge<TScalarPoint> = { lastStep, merge: mergeScalarPoints };

/** The query function of one tag's scalar series (incremental, see fetchIncremental); tests pass their own `getScalars`. */
export function fetchScalarSeries(
  queryClient: QueryClient,
  id: string,
  tag: TScalarTag,
  signal?: AbortSignal,
  getScalars = runApi.getScalars,
) {
  return fetchIncremental(queryClient, runKeys.scalar(id, tag), SCALARS, (afterStep) => getScalars(id, tag, afterStep, signal));
}
