import { Module } from '@nestjs/common';
import { DatasetFilesCache } from './dataset-files.cache';
import { DatasetRepository } from './dataset.repository';

/** What workers and render threads need of the catalogue: its rows and uploaded files copied into the local cache. No HTTP. */
@Module({ providers: [DatasetRepository, DatasetFilesCache], exports: [DatasetRepository, DatasetFilesCache] })
export class DatasetFilesModule {}
