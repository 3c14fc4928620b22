import { Module } from '@nestjs/common';
import { DownsampledSeriesReader } from './downsampled-series.reader';
import { ScalarPointRepository } from './scalar-point.repository';
import { ScalarRollupRepository } from './scalar-rollup.repository';
import { ScalarStore } from './scalar.store';

/** Scalar series storage (points, rollups, packed overviews); everything else goes through ScalarStore. */
@Module({
  providers: [ScalarPointRepository, ScalarRollupRepository, DownsampledSeriesReader, ScalarStore],
  exports: [ScalarStore],
})
export class ScalarsModule {}
