import { Module } from '@nestjs/common';
import { RunDataModule } from '../runs/run-data.module';
import { SweepController } from './sweep.controller';
import { SweepRepository } from './sweep.repository';
import { SweepService } from './sweep.service';

@Module({ imports: [RunDataModule], controllers: [SweepController], providers: [SweepService, SweepRepository] })
export class SweepsModule {}
