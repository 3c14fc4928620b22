import { Module } from '@nestjs/common';
import { InfraModule } from '../infra.module';
import { DatasetFilesModule } from '../datasets/dataset-files.module';
import { InspectDataModule } from '../inspect/inspect-data.module';
import { LeaseReaper } from '../runs/lease.reaper';
import { RunDataModule } from '../runs/run-data.module';
import { ScalarsModule } from '../scalars/scalars.module';
import { VisualizationDataModule } from '../visualize/visualization-data.module';
import { TrainingWorker } from './training.worker';
import { VisualizeWorker } from './visualize.worker';

/** The worker process: the API's infrastructure and data modules, no HTTP. */
@Module({
  imports: [InfraModule, RunDataModule, ScalarsModule, InspectDataModule, VisualizationDataModule, DatasetFilesModule],
  providers: [TrainingWorker, VisualizeWorker, LeaseReaper],
})
export class WorkerModule {}
