import { Module } from '@nestjs/common';
import { InfraModule } from '../infra.module';
import { LeaseReaper } from '../runs/lease.reaper';
import { TrainingWorker } from './training.worker';
import { VisualizeWorker } from './visualize.worker';

/** The worker process: same infrastructure as the API, no HTTP. */
@Module({ imports: [InfraModule], providers: [TrainingWorker, VisualizeWorker, LeaseReaper] })
export class WorkerModule {}
