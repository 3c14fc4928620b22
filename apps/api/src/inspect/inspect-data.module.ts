import { Module } from '@nestjs/common';
import { InspectRepository } from './inspect.repository';

/** Histograms and weight snapshots: written by the worker, read by the Layers tab and visualizations. */
@Module({ providers: [InspectRepository], exports: [InspectRepository] })
export class InspectDataModule {}
