import { Module } from '@nestjs/common';
import { ExportController } from '../export/export.controller';
import { ExportService } from '../export/export.service';
import { ScalarsModule } from '../scalars/scalars.module';
import { RunController } from './run.controller';
import { RunDataModule } from './run-data.module';
import { RunEventPruner } from './run-event.pruner';
import { RunEventRepository } from './run-event.repository';
import { RunService } from './run.service';
import { CustomRunResolver } from './custom-run.resolver';
import { DatasetsModule } from '../datasets/datasets.module';

/** /api/runs: create, list, read series, cancel, archive, delete, live-event catch-up, export. */
@Module({
  imports: [RunDataModule, ScalarsModule, DatasetsModule],
  controllers: [RunController, ExportController],
  providers: [RunService, ExportService, RunEventRepository, RunEventPruner, CustomRunResolver],
})
export class RunsModule {}
