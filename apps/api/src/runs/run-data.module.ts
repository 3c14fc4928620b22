import { Module } from '@nestjs/common';
import { CheckpointRepository } from './checkpoint.repository';
import { RunRepository } from './run.repository';

/** The run table (also the training queue) and checkpoints: for the API features and the worker alike. */
@Module({ providers: [RunRepository, CheckpointRepository], exports: [RunRepository, CheckpointRepository] })
export class RunDataModule {}
