import type { QueryClient } from '@tanstack/react-query';
import type { THistogramSeries } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { layersApi } from './layers.api';
import { lastHistogramStep, mergeHistograms } from '../../../lib/histogram-series';

type TGetHistograms = (id: string, tag: string, afterStep: number | undefined, signal?: AbortSignal) => Promise<THistogramSeries>;

/**
 * The query function of one histogram tag, incremental like scalar series: each
 * `run:histograms` signal (or reconnect) fetches only the steps after the cached ones.
 */
export async function fetchHistogramSeries(
  queryClient: QueryClient,
  id: string,
  tag: string,
  signal?: AbortSignal,
  getHistograms: TGetHistograms = layersApi.getHistograms,
): Promise<THistogramSeries> {
  const key = runKeys.histogram(id, tag);
  const afterStep = lastHistogramStep(queryClient.getQueryData<THistogramSeries>(key)?.points);
  const { points } = await getHistograms(id, tag, afterStep, signal);
  const current = queryClient.getQueryData<THistogramSeries>(key);
  if (!current) return { points: mergeHistograms([], points) };
  const merged = mergeHistograms(current.points, points);
  return merged === current.points ? current : { points: merged };
}
