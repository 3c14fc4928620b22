import { Module } from '@nestjs/common';
import { CheckpointRepository } from './checkpoint.repository';
import { RunLogRepository } from './run-log.repository';
import { RunRepository } from './run.repository';
import { RunListCache } from './run-list.cache';

/**
 * The run table (also the training queue), checkpoints and run logs: for the API features and the
 * worker alike; and the run list's short-lived answers, one cache per process for every feature
 * that changes runs.
 */
@Module({
  providers: [RunRepository, CheckpointRepository, RunLogRepository, RunListCache],
  exports: [RunRepository, CheckpointRepository, RunLogRepository, RunListCache],
})
export class RunDataModule {}
