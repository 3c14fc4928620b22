import { Module } from '@nestjs/common';
import { RunDataModule } from '../runs/run-data.module';
import { ScalarsModule } from '../scalars/scalars.module';
import { CompareController } from './compare.controller';
import { CompareService } from './compare.service';

@Module({ imports: [RunDataModule, ScalarsModule], controllers: [CompareController], providers: [CompareService] })
export class CompareModule {}
