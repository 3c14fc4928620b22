import { Module } from '@nestjs/common';
import { InspectDataModule } from '../inspect/inspect-data.module';
import { RunDataModule } from '../runs/run-data.module';
import { VisualizationController } from './visualization.controller';
import { VisualizationDataModule } from './visualization-data.module';
import { VisualizationService } from './visualization.service';

@Module({
  imports: [RunDataModule, InspectDataModule, VisualizationDataModule],
  controllers: [VisualizationController],
  providers: [VisualizationService],
})
export class VisualizeModule {}
