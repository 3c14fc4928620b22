import { Module } from '@nestjs/common';
import { VisualizationRepository } from './visualization.repository';

/** Visualization jobs and their results: queued by the API, computed by the worker. */
@Module({ providers: [VisualizationRepository], exports: [VisualizationRepository] })
export class VisualizationDataModule {}
