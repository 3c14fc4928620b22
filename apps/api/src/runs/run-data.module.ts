import { Module } from '@nestjs/common';
import { CheckpointRepository } from './checkpoint.repository';
import { RunLogRepository } from './run-log.repository';
import { RunRepository } from './run.repository';

/** The run table (also the training queue), checkpoints and run logs: for the API features and the worker alike. */
@Module({
  providers: [RunRepository, CheckpointRepository, RunLogRepository],
  exports: [RunRepository, CheckpointRepository, RunLogRepository],
})
export class RunDataModule {}
