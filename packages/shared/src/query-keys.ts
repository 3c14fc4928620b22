import type { TRunListQuery } from './run.schema';
import type { TCompareQuery } from './compare.schema';
import type { TScalarTag } from './scalar.schema';

/** TanStack Query key factory; shared so tests and sockets name caches the same way. */
export const runKeys = {
  all: ['runs'] as const,
  lists: () => [...runKeys.all, 'list'] as const,
  list: (query: Partial<TRunListQuery>) => [...runKeys.lists(), query] as const,
  detail: (id: string) => [...runKeys.all, id] as const,
  scalars: (id: string) => [...runKeys.detail(id), 'metrics'] as const,
  scalar: (id: string, tag: TScalarTag) => [...runKeys.scalars(id), tag] as const,
  tags: (id: string) => [...runKeys.detail(id), 'tags'] as const,
  histograms: (id: string) => [...runKeys.detail(id), 'histograms'] as const,
  histogram: (id: string, tag: string) => [...runKeys.histograms(id), tag] as const,
  snapshots: (id: string) => [...runKeys.detail(id), 'snapshots'] as const,
  logs: (id: string) => [...runKeys.detail(id), 'logs'] as const,
  layerProbe: (id: string, step: number, layer: string, image: number) => [...runKeys.detail(id), 'probe', step, layer, image] as const,
  visualizations: (id: string) => [...runKeys.detail(id), 'visualizations'] as const,
  visualization: (id: string, visualizationId: string) => [...runKeys.visualizations(id), visualizationId] as const,
};

export const sweepKeys = {
  all: ['sweeps'] as const,
  list: () => [...sweepKeys.all, 'list'] as const,
  detail: (id: string) => [...sweepKeys.all, id] as const,
};

/** Compare answers; every key starts with 'compare' so a run's new points can invalidate them all. */
export const compareKeys = {
  all: ['compare'] as const,
  series: (query: TCompareQuery) => [...compareKeys.all, query] as const,
};

export const datasetKeys = {
  all: ['datasets'] as const,
  list: () => [...datasetKeys.all, 'list'] as const,
};
