import { Module } from '@nestjs/common';
import { RunDataModule } from '../runs/run-data.module';
import { SweepController } from './sweep.controller';
import { SweepRepository } from './sweep.repository';
import { SweepService } from './sweep.service';
import { CustomRunResolver } from '../runs/custom-run.resolver';
import { DatasetsModule } from '../datasets/datasets.module';

@Module({
  imports: [RunDataModule, DatasetsModule],
  controllers: [SweepController],
  providers: [SweepService, SweepRepository, CustomRunResolver],
})
export class SweepsModule {}
