import { Module } from '@nestjs/common';
import { DatasetController } from './dataset.controller';
import { DatasetFilesModule } from './dataset-files.module';
import { DatasetService } from './dataset.service';
import { StaleUploadSweeper } from './stale-upload.sweeper';

/** /api/datasets: the catalogue (built-ins and uploads) and streamed uploads. */
@Module({
  controllers: [DatasetController],
  imports: [DatasetFilesModule],
  providers: [DatasetService, StaleUploadSweeper],
  exports: [DatasetFilesModule],
})
export class DatasetsModule {}
