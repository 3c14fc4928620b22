import { Module } from '@nestjs/common';
import { DatasetController } from './dataset.controller';
import { DatasetRepository } from './dataset.repository';
import { DatasetService } from './dataset.service';
import { StaleUploadSweeper } from './stale-upload.sweeper';

/** /api/datasets: the catalogue (built-ins and uploads) and streamed uploads. */
@Module({
  controllers: [DatasetController],
  providers: [DatasetRepository, DatasetService, StaleUploadSweeper],
  exports: [DatasetRepository],
})
export class DatasetsModule {}
