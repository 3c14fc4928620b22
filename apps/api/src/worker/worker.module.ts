import { Module } from '@nestjs/common';
import { InfraModule } from '../infra.module';
import { LeaseReaper } from '../runs/lease.reaper';
import { TrainingWorker } from './training.worker';

/** The worker process: same infrastructure as the API, no HTTP. */
@Module({ imports: [InfraModule], providers: [TrainingWorker, LeaseReaper] })
export class WorkerModule {}
