'use client';

import { useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { TScalarPoint, TScalarSeries } from '@tensorscope/shared';
import { runKeys } from '@tensorscope/shared';
import { runApi } from '../../../lib/runs.api';
import { layersApi } from '../lib/layers.api';
import { fetchHistogramSeries } from '../lib/histogram-query';
import { fetchScalarSeries } from '../../../lib/scalar-query';

/** The tags a run has logged; the socket invalidates it when a new tag shows up. */
export function useRunTags(id: string) {
  return useQuery({ queryKey: runKeys.tags(id), queryFn: ({ signal }) => runApi.getTags(id, signal) });
}

/** The run's stored weight snapshots, in step order; `run:snapshot` invalidates it. */
export function useSnapshots(id: string) {
  return useQuery({ queryKey: runKeys.snapshots(id), queryFn: ({ signal }) => layersApi.getSnapshots(id, signal) });
}

/** The input image, label and (dense layers) values behind one feature-map picture; immutable per key. */
export function useLayerProbe(id: string, step: number | undefined, layer: string | undefined, image: number) {
  return useQuery({
    queryKey: runKeys.layerProbe(id, step ?? -1, layer ?? '', image),
    enabled: step !== undefined && layer !== undefined,
    staleTime: Infinity,
    queryFn: ({ signal }) => layersApi.getLayerProbe(id, step!, layer!, image, signal),
  });
}

/** One histogram tag's series, fetched incrementally (see fetchHistogramSeries). */
export function useHistogramSeries(id: string, tag: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: runKeys.histogram(id, tag ?? ''),
    enabled: tag !== null,
    queryFn: ({ signal }) => fetchHistogramSeries(queryClient, id, tag!, signal),
  });
}

const EMPTY: readonly TScalarPoint[] = [];
export interface TScalarSeriesList {
  /** Points per requested tag, in the order asked ([] until loaded). */
  points: (readonly TScalarPoint[])[];
  /** The first query that failed without any data, for an error state. */
  failed: UseQueryResult<TScalarSeries> | undefined;
}

// Module-level so TanStack Query can memoise the combined result across renders.
function combineSeries(results: UseQueryResult<TScalarSeries>[]): TScalarSeriesList {
  return { points: results.map((r) => r.data?.points ?? EMPTY), failed: results.find((r) => r.isError && !r.data) };
}

/**
 * Several scalar series at once (the small multiples). They share the cache entries of
 * useScalarSeries, so `run:scalars` appends live points to them in place.
 */
export function useScalarSeriesList(id: string, tags: readonly string[]): TScalarSeriesList {
  const queryClient = useQueryClient();
  return useQueries({
    queries: tags.map((tag) => ({
      queryKey: runKeys.scalar(id, tag),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchScalarSeries(queryClient, id, tag, signal),
    })),
    combine: combineSeries,
  });
}
