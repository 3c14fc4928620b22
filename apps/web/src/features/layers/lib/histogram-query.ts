import type { QueryClient } from '@tanstack/react-query';
import type { THistogram } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { layersApi } from './layers.api';
import { lastHistogramStep, mergeHistograms } from '../../../lib/histogram-series';
import { fetchIncremental, type TSeriesMerge } from '../../../lib/incremental-series';

const HISTOGRAMS: TSeriesMerge<THistogram> = { lastStep: lastHistogramStep, merge: mergeHistograms };

/**
 * The query function of one histogram tag, incremental like scalar series: each
 * `run:histograms` signal (or reconnect) fetches only the steps after the cached ones.
 */
export function fetchHistogramSeries(
  queryClient: QueryClient,
  id: string,
  tag: string,
  signal?: AbortSignal,
  getHistograms = layersApi.getHistograms,
) {
  return fetchIncremental(queryClient, runKeys.histogram(id, tag), HISTOGRAMS, (afterStep) => getHistograms(id, tag, afterStep, signal));
}
