import type { QueryClient } from '@tanstack/react-query';
import type { TScalarPoint, TScalarSeries, TScalarTag } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { runApi } from './runs.api';
import { fetchIncremental, type TSeriesMerge } from './incremental-series';
import { lastStep, mergeScalarPoints } from './scalar-series';

const SCALARS: TSeriesMerge<TScalarPoint> = { lastStep, merge: mergeScalarPoints };

type TGetScalars = (id: string, tag: TScalarTag, afterStep: number | undefined, signal?: AbortSignal) => Promise<TScalarSeries>;

/** The query function of one tag's scalar series (incremental, see fetchIncremental). */
export function fetchScalarSeries(
  queryClient: QueryClient,
  id: string,
  tag: TScalarTag,
  signal?: AbortSignal,
  getScalars: TGetScalars = runApi.getScalars,
): Promise<TScalarSeries> {
  return fetchIncremental(queryClient, runKeys.scalar(id, tag), SCALARS, (afterStep) => getScalars(id, tag, afterStep, signal));
}
