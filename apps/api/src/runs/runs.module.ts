import { Module } from '@nestjs/common';
import { RunGateway } from '../live/run.gateway';
import { RunController } from './run.controller';
import { RunService } from './run.service';

@Module({ controllers: [RunController], providers: [RunService, RunGateway] })
export class RunsModule {}
