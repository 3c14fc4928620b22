import { Module } from '@nestjs/common';
import { RunDataModule } from '../runs/run-data.module';
import { DatasetFilesModule } from '../datasets/dataset-files.module';
import { InspectController } from './inspect.controller';
import { InspectDataModule } from './inspect-data.module';
import { InspectService } from './inspect.service';
import { RenderService } from './render/render.service';

@Module({
  imports: [RunDataModule, InspectDataModule, DatasetFilesModule],
  controllers: [InspectController],
  providers: [InspectService, RenderService],
})
export class InspectModule {}
