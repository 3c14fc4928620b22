import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { ErrorFilter } from './common/error.filter';
import { CompareModule } from './compare/compare.module';
import { DatasetsModule } from './datasets/datasets.module';
import { HealthController } from './health.controller';
import { InfraModule } from './infra.module';
import { InspectModule } from './inspect/inspect.module';
import { LiveModule } from './live/live.module';
import { LeaseReaper } from './runs/lease.reaper';
import { RunDataModule } from './runs/run-data.module';
import { RunsModule } from './runs/runs.module';
import { SweepsModule } from './sweeps/sweeps.module';
import { VisualizeModule } from './visualize/visualize.module';

@Module({
  imports: [
    InfraModule,
    AuthModule,
    RunDataModule,
    RunsModule,
    LiveModule,
    InspectModule,
    SweepsModule,
    CompareModule,
    VisualizeModule,
    DatasetsModule,
  ],
  controllers: [HealthController],
  providers: [{ provide: APP_FILTER, useClass: ErrorFilter }, LeaseReaper],
})
export class AppModule {}
