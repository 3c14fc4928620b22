import { Injectable } from '@nestjs/common';
import type { TCompareSeries, TScalarPoint, TScalarQuery, TTaggedScalar } from '@tensorscope/shared';
import { DownsampledSeriesReader, type TDownsampleOptions, type TSeriesRef } from './downsampled-series.reader';
import { ScalarPointRepository } from './scalar-point.repository';
import { ScalarRollupRepository } from './scalar-rollup.repository';
import { needsFullSeries, transformSeries } from './scalar-series.transform';

/**
 * Every run's scalar series: what the rest of the app uses to store and read them. Points go in
 * with their rollups (one statement per batch); a finished run is sealed (its rollups packed into
 * overviews); reads are exact (a run's own series) or downsampled (charts, compare).
 */
@Injectable()
export class ScalarStore {
  constructor(
    private readonly points: ScalarPointRepository,
    private readonly rollups: ScalarRollupRepository,
    private readonly downsampled: DownsampledSeriesReader,
  ) {}

  /** Stores a batch (idempotent: a re-sent run, tag and step keeps its first point). */
  append(runId: string, points: readonly TTaggedScalar[]): Promise<void> {
    return this.points.insertMany(runId, points);
  }

  /** One series, exact: smoothed on the full series, then windowed, then downsampled (scalar-series.transform.ts). */
  async read(runId: string, query: TScalarQuery): Promise<TScalarPoint[]> {
    return transformSeries(await this.points.read(runId, query.tag, needsFullSeries(query) ? undefined : query.afterStep), query);
  }

  /** Many series downsampled for charts (see DownsampledSeriesReader). */
  readDownsampled(series: readonly TSeriesRef[], options: TDownsampleOptions): Promise<TCompareSeries[]> {
    return this.downsampled.read(series, options);
  }

  /** A run has ended: packs its rollups for fast reads (without them reads use the rollup rows: slower, same answer). */
  seal(runId: string): Promise<void> {
    return this.rollups.pack(runId);
  }
}
